// Stable reason codes for rejecting a signed bundle or receipt. Tools and the server match on `code`; the message
// is for people. Never rename a code: add a new one. Prefix "bundle." for bundles, "receipt." for receipts,
// "integration." for integration acknowledgements, "la-message." for signed messages between local authorities.
export const REASON_CODES = {
  malformed: "Not a JWS in compact or flattened form (or not canonical base64url), or its header is not valid JSON.",
  "header-invalid": "The protected header has fields the standard does not allow, or a wrong typ/cty.",
  "alg-not-allowed": "The signature algorithm is not ES256 (for example 'none' or HS256).",
  "unknown-key": "No trusted key has the header's kid.",
  "key-unusable": "The trusted key with that kid is not an EC P-256 signing key.",
  "key-expired": "The signing key had expired (JWK exp, or trust-list notAfter) at the time of checking.",
  "key-not-yet-valid": "The signing key is not valid yet (trust-list notBefore).",
  "key-revoked": "A trust list revokes the signing key (from its revokedAt instant).",
  "setting-closed": "A trust list says the setting the signing key belongs to closed or converted before now.",
  "bad-signature": "The ES256 signature does not match the header and payload.",
  "payload-malformed": "The payload is not UTF-8 JSON.",
  "not-canonical": "The payload is not the RFC 8785 canonical form of itself.",
  "schema-invalid": "The payload, or an embedded document, does not follow its schema.",
  "rule-error": "An embedded document has a quality-rule finding of severity error.",
  "digest-mismatch": "An embedded document's SHA-256 digest differs from its contents entry.",
  "contents-mismatch": "The contents list and the documents disagree (count, id, type, version or path).",
  "id-mismatch": "manifest.bundleId (or receiptId) differs from the root id.",
  "too-old": "The bundle was created longer ago than the allowed maximum age.",
  "from-future": "The bundle says it was created in the future.",
  expired: "The bundle's manifest.expiresAt has passed.",
  "encrypted-no-key": "The input is a JWE but no decryption key was given.",
  "decrypt-failed":
    "The JWE could not be decrypted with the given key (or uses other algorithms than ECDH-ES+A256KW/A256GCM).",
} as const;

export type ReasonCode = keyof typeof REASON_CODES;

export interface VerifyReason {
  /** e.g. "bundle.bad-signature"; stable. */
  code: string;
  message: string;
  /** JSON Pointer within the bundle (or receipt) when the reason concerns one value. */
  pointer?: string;
  /** Schema error or quality rule id, when the reason comes from validation. */
  ruleId?: string;
}

export function reason(
  prefix: "bundle" | "receipt" | "trust-list" | "integration" | "la-message",
  code: ReasonCode,
  message?: string,
  pointer?: string,
  ruleId?: string,
): VerifyReason {
  const out: VerifyReason = { code: `${prefix}.${code}`, message: message ?? REASON_CODES[code] };
  if (pointer !== undefined) out.pointer = pointer;
  if (ruleId !== undefined) out.ruleId = ruleId;
  return out;
}
