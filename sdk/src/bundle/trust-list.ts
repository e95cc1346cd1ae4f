// Trust lists (trust-list.schema.json): a trust anchor's signed statement of which settings and local authorities
// take part in transfers, where their inboxes are, which keys sign for them (with validity), and which keys are
// revoked. Signed and checked with the same ES256 JWS code as bundles and receipts; a list is believed only when it
// verifies against the anchor key the reader configured. Pure functions: fetching and refreshing are the caller's.
import type { TrustList, TrustListEntry } from "../../generated/types.ts";
import { validate } from "../validate/validate.ts";
import { checkSignedJson, signJson, type CheckOptions, type SignedJson, type SignOptions } from "./jws.ts";
import type { JWK, TrustedKey } from "./keys.ts";
import { PackError } from "./pack.ts";
import { reason, type VerifyReason } from "./reasons.ts";

export type { TrustList, TrustListEntry } from "../../generated/types.ts";

export const TRUST_LIST_JWS_TYPE = "send-trust-list+json" as const;

/** Throws PackError unless the list follows its schema (and the rules): nothing invalid is ever signed. */
export function assertTrustList(list: unknown): TrustList {
  const result = validate(list);
  const problems = [...result.errors, ...result.findings.filter((f) => f.severity === "error")];
  if (result.documentType !== "trust-list")
    throw new PackError("not a trust list", [
      {
        ruleId: "schema.const",
        severity: "error",
        pointer: "/documentType",
        message: "documentType must be trust-list",
      },
    ]);
  if (problems.length > 0) throw new PackError("the trust list is not valid", problems);
  return list as TrustList;
}

export function signTrustList(list: TrustList, options: SignOptions): Promise<SignedJson> {
  assertTrustList(list);
  if (options.kid !== list.issuer.kid)
    throw new PackError("the signing key is not the list's issuer key", [
      {
        ruleId: "trust-list.issuer-kid",
        severity: "error",
        pointer: "/issuer/kid",
        message: `issuer.kid is "${list.issuer.kid}" but the key's kid is "${options.kid}"`,
      },
    ]);
  return signJson(list, TRUST_LIST_JWS_TYPE, options);
}

export type TrustListVerifyResult = { ok: true; list: TrustList; kid: string } | { ok: false; reasons: VerifyReason[] };

/**
 * Checks a signed trust list against the anchor's key(s): JWS, ES256, signature, canonical payload, schema, and
 * that the header's kid is the list's issuer.kid. `minSequence`: refuse a list whose sequence is not above it (a
 * replayed older list would bring revoked keys back). Never throws.
 */
export async function verifyTrustList(
  input: unknown,
  options: CheckOptions & { minSequence?: number },
): Promise<TrustListVerifyResult> {
  const checked = await checkSignedJson(input, "trust-list", TRUST_LIST_JWS_TYPE, options);
  if (!checked.ok) return checked;
  const result = validate(checked.payload);
  if (result.documentType !== "trust-list")
    return {
      ok: false,
      reasons: [reason("trust-list", "schema-invalid", "The payload is not a trust list.", "/documentType")],
    };
  const reasons: VerifyReason[] = [
    ...result.errors.map((e) => reason("trust-list", "schema-invalid", e.message, e.pointer, e.ruleId)),
    ...result.findings
      .filter((f) => f.severity === "error")
      .map((f) => reason("trust-list", "rule-error", f.message, f.pointer, f.ruleId)),
  ];
  if (reasons.length > 0) return { ok: false, reasons };
  const list = checked.payload as TrustList;
  if (list.issuer.kid !== checked.kid)
    return {
      ok: false,
      reasons: [
        reason("trust-list", "id-mismatch", "The list's issuer.kid is not the key that signed it.", "/issuer/kid"),
      ],
    };
  if (options.minSequence !== undefined && !(list.sequence > options.minSequence))
    return {
      ok: false,
      reasons: [
        reason(
          "trust-list",
          "too-old",
          `Sequence ${list.sequence} is not newer than the list already held (${options.minSequence}).`,
          "/sequence",
        ),
      ],
    };
  return { ok: true, list, kid: checked.kid };
}

/** The identifier an entry is found by: its URN, else its UKPRN, else "la:<code>" for a local authority. */
export function entryId(entry: TrustListEntry): string {
  return entry.urn ?? entry.ukprn ?? `la:${entry.laCode ?? "?"}`;
}

/** The entry for a setting (URN or UKPRN) or local authority ("la:<code>"). */
export function trustListEntry(list: TrustList, id: string): TrustListEntry | undefined {
  return list.entries.find(
    (e) => e.urn === id || e.ukprn === id || (id.startsWith("la:") && !e.urn && !e.ukprn && `la:${e.laCode}` === id),
  );
}

/**
 * Follows successor links from a closed or converted setting to the setting that now receives its bundles (an
 * academy that replaced a maintained school). Stops at an open entry, a missing link, or a loop.
 */
export function receivingSuccessor(list: TrustList, urn: string): TrustListEntry | undefined {
  const seen = new Set<string>();
  let entry = trustListEntry(list, urn);
  while (entry && entry.status !== "open" && entry.successor && !seen.has(entry.successor.urn)) {
    seen.add(entry.successor.urn);
    entry = trustListEntry(list, entry.successor.urn);
  }
  return entry?.status === "open" ? entry : undefined;
}

/** What the list says about one key, as a TrustedKey carrying validity, revocation and the owner's closure. */
function annotate(
  list: TrustList,
  entry: TrustListEntry,
  kid: string,
  jwk: JWK,
  validity: { notBefore?: string; notAfter?: string },
): TrustedKey {
  const revocation = list.revocations.find((r) => r.kid === kid);
  const out: TrustedKey = { kid, jwk, owner: entryId(entry) };
  if (validity.notBefore !== undefined) out.notBefore = validity.notBefore;
  if (validity.notAfter !== undefined) out.notAfter = validity.notAfter;
  if (revocation) out.revokedAt = revocation.revokedAt;
  if (entry.status !== "open") out.ownerClosedOn = entry.closedOn ?? "1970-01-01";
  return out;
}

/** The key listed inline under `kid`, with what the list says about it; undefined when no entry lists it. */
export function listedKey(list: TrustList, kid: string): TrustedKey | undefined {
  for (const entry of list.entries)
    for (const k of entry.keys ?? []) if (k.kid === kid) return annotate(list, entry, kid, k.jwk as JWK, k);
  return undefined;
}

/** A key found in an entry's JWKS (fetched by the caller from endpoints.jwks), with what the list says about it. */
export function keyFromEntryJwks(list: TrustList, entry: TrustListEntry, jwk: JWK & { kid: string }): TrustedKey {
  return annotate(list, entry, jwk.kid, jwk, entry.jwksValidity ?? {});
}

/** A revocation of `kid`, if the list has one (revoked keys stay refused whichever source offers them). */
export function revocationOf(list: TrustList, kid: string): TrustList["revocations"][number] | undefined {
  return list.revocations.find((r) => r.kid === kid);
}
