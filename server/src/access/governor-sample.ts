// The governor's view (D:689 "governors will sample Individual Support Plans"): a deterministic sample of a setting's
// plans, redacted so that no child can be identified from it.
//
// Sample: the plans are ordered by SHA-256(seed + ":" + plan id) and the first `size` are taken. The seed defaults to
// the setting URN and the current academic year ("2026/27"), so every governor of a setting sees the same sample all
// year, the setting cannot predict it by choosing ids, and a new year brings a new sample. Documented in the README.
//
// Redaction: member names that carry names, identifiers, dates of birth, contact details or addresses are removed
// wherever they occur; the child's id is replaced by a pseudonym (a hash that is stable within the sample seed).
// Free-text fields are kept: they are the substance governors review. Writers are asked not to put names in them.
import { createHash } from "node:crypto";

export const REDACTED_MEMBERS = new Set([
  "name",
  "legalName",
  "formerNames",
  "contactDetails",
  "organisationName",
  "names",
  "givenName",
  "givenNames",
  "familyName",
  "preferredName",
  "fullName",
  "displayName",
  "dateOfBirth",
  "birthDate",
  "upn",
  "uln",
  "nhsNumber",
  "identifiers",
  "address",
  "postcode",
  "email",
  "telephone",
  "phone",
  "contact",
  "contacts",
  "signature",
]);

export function academicYear(now: Date): string {
  // The English academic year starts on 1 September.
  const y = now.getUTCFullYear();
  const start = now.getUTCMonth() >= 8 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

export function defaultSeed(settingUrn: string, now: Date): string {
  return `${settingUrn}:${academicYear(now)}`;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Deterministic sample of `ids`: order by hash(seed:id), take `size`. */
export function sampleIds(ids: readonly string[], seed: string, size: number): string[] {
  return [...ids]
    .map((id) => ({ id, key: sha256(`${seed}:${id}`) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, Math.max(0, size))
    .map((x) => x.id);
}

export function pseudonym(childId: string, seed: string): string {
  return "pseudo-" + sha256(`child:${seed}:${childId}`).slice(0, 16);
}

/** Removes identifying members anywhere in the document and pseudonymises child ids. Iterative, pure. */
export function redactForGovernor<T>(document: T, seed: string, childId: string | undefined): T {
  const clone = structuredClone(document);
  const stack: unknown[] = [clone];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    const obj = node as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (REDACTED_MEMBERS.has(key)) delete obj[key];
      else if (typeof obj[key] === "string" && childId !== undefined && obj[key] === childId) obj[key] = pseudonym(childId, seed);
      else stack.push(obj[key]);
    }
  }
  return clone;
}
