// The governor's view (D:689 "governors will sample Individual Support Plans"): a deterministic sample of a setting's
// plans, redacted so that no child can be identified from it.
//
// Sample: the plans are ordered by SHA-256(seed + ":" + plan id) and the first `size` are taken. The seed defaults to
// the setting URN and the current academic year ("2026/27"), so every governor of a setting sees the same sample all
// year, the setting cannot predict it by choosing ids, and a new year brings a new sample. Documented in the README.
//
// Redaction: member names that carry names, identifiers, dates of birth, contact details or addresses are removed
// wherever they occur; the child's id is replaced by a pseudonym (a hash that is stable within the sample seed).
// Free-text fields are kept: they are the substance governors review. But writers do put names in them ("Amira
// enjoys…"), so every name the document itself carries (the child's and contacts' names, staff display names) is
// masked as "[name]" wherever it appears in free text, before the name members are removed.
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
  return `pseudo-${sha256(`child:${seed}:${childId}`).slice(0, 16)}`;
}

/** Members whose string values (at any depth below them) are personal names. */
const NAME_MEMBERS = new Set([
  "name",
  "legalName",
  "formerNames",
  "names",
  "givenName",
  "givenNames",
  "familyName",
  "preferredName",
  "fullName",
  "displayName",
]);

/** Every word of two or more letters found under a name member, longest first (so "Anne-Marie" masks before "Anne"). */
export function namesIn(document: unknown): string[] {
  const words = new Set<string>();
  const stack: Array<{ node: unknown; inName: boolean }> = [{ node: document, inName: false }];
  while (stack.length > 0) {
    const { node, inName } = stack.pop()!;
    if (typeof node === "string") {
      if (inName) for (const w of node.split(/[^\p{L}'’-]+/u)) if (w.replace(/['’-]/g, "").length >= 2) words.add(w);
    } else if (Array.isArray(node)) {
      for (const item of node) stack.push({ node: item, inName });
    } else if (node !== null && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) stack.push({ node: v, inName: inName || NAME_MEMBERS.has(k) });
    }
  }
  return [...words].sort((a, b) => b.length - a.length);
}

/** A masker for free text: each name as a whole word, case-insensitively, becomes "[name]". */
export function nameMasker(names: readonly string[]): (text: string) => string {
  if (names.length === 0) return (text) => text;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(`(?<![\\p{L}])(?:${escaped.join("|")})(?![\\p{L}])`, "giu");
  return (text) => text.replace(re, "[name]");
}

/** Removes identifying members anywhere in the document, masks names in free text and pseudonymises child ids.
 *  Iterative, pure. */
export function redactForGovernor<T>(document: T, seed: string, childId: string | undefined): T {
  const mask = nameMasker(namesIn(document));
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
      const value = obj[key];
      if (REDACTED_MEMBERS.has(key)) delete obj[key];
      else if (typeof value === "string" && childId !== undefined && value === childId)
        obj[key] = pseudonym(childId, seed);
      else if (typeof value === "string") obj[key] = mask(value);
      else if (Array.isArray(value)) {
        // Strings directly in arrays (e.g. changesAgreed) are free text too.
        value.forEach((item, i) => {
          if (typeof item === "string") value[i] = mask(item);
          else stack.push(item);
        });
      } else stack.push(value);
    }
  }
  return clone;
}
