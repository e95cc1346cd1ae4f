// The transfer test vectors: what each one is, how it is made from the valid signed bundle, and its expected outcome,
// written by hand from the format's rules (sdk/src/bundle/reasons.ts, transfer-receipt.schema.json's reason codes),
// not copied from what the SDK answers. make-transfer-vectors.ts builds the inputs and refuses to write them if the
// SDK disagrees; examples/transfer-vectors.test.ts checks the committed files against the SDK and without it.

/** The instant every vector is judged at unless it says otherwise: the worked receipt's receivedAt. */
export const VERIFY_TIME = "2030-06-25T08:11:40Z";
/** The receiving setting (examples/worked/transfer-bundle-y6-y7.json's manifest.receiver.setting.urn). */
export const RECEIVER_URN = "137944";

/** Key files under examples/vectors/transfer/keys/ (TEST KEYS: published, never to be used for real data). */
export const KEY_FILES = {
  senderPrivate: "sender-signing.TEST-KEY.private.jwk.json",
  senderPublic: "sender-signing.public.jwk.json",
  receiverEncPrivate: "receiver-encryption.TEST-KEY.private.jwk.json",
  receiverEncPublic: "receiver-encryption.public.jwk.json",
  receiverSigPrivate: "receiver-signing.TEST-KEY.private.jwk.json",
  receiverSigPublic: "receiver-signing.public.jwk.json",
} as const;

/** Trust files under keys/: what the verifier trusts. A JWKS, or a trust list of { kid, jwk, notBefore?, notAfter? }. */
export const TRUST_FILES = {
  /** The receiver's trust in the sender: a JWKS of the sender's public signing key. */
  receiverTrusts: "receiver-trusts.jwks.json",
  /** The same key in a trust list valid 2030-01-01 to 2034-12-31. */
  receiverTrustList: "receiver-trusts.trust-list.json",
  /** Trust list whose window ended before VERIFY_TIME. */
  expiredTrustList: "receiver-trusts.expired.trust-list.json",
  /** Trust list whose window starts after VERIFY_TIME. */
  notYetValidTrustList: "receiver-trusts.not-yet-valid.trust-list.json",
  /** JWKS whose key carries a JWK "exp" (seconds since 1970) before VERIFY_TIME. */
  expiredJwks: "receiver-trusts.jwk-exp-passed.jwks.json",
  /** JWKS whose key is marked "use": "enc", so it may not check signatures. */
  encUseJwks: "receiver-trusts.use-enc.jwks.json",
  /** The sender's trust in the receiver (for receipts): a JWKS of the receiver's public signing key. */
  senderTrusts: "sender-trusts.jwks.json",
} as const;

export interface ExpectedReason {
  code: string;
  pointer?: string;
  ruleId?: string;
}

export interface BundleCase {
  name: string;
  description: string;
  /** "none" for a valid vector; otherwise the one fault, as a short id the test dispatches its independent check on. */
  fault: string;
  /** How the input is made: a file of its own (built by the script), or the input of another vector. */
  input: { build: BundleBuild } | { reuse: string };
  time?: string;
  trust?: keyof typeof TRUST_FILES;
  /** Decrypt with the receiver's encryption key (only JWE inputs). */
  decrypt?: boolean;
  /** undefined = valid. */
  reasons?: ExpectedReason[];
  /** Receipt reason codes (transfer-receipt.schema.json) the reasons map to. */
  receiptCodes?: string[];
  /** A check the verifier's caller makes after a valid verification (the SDK does not know who is receiving). */
  receiverCheck?: { receiverUrn: string; code: string; receiptCode: string };
}

export type BundleBuild =
  | "valid"
  | "encrypt-valid"
  | "payload-byte-changed"
  | "signature-byte-changed"
  | "signed-by-another-key"
  | "unknown-kid"
  | "alg-none"
  | "alg-none-with-signature"
  | "alg-hs256"
  | "alg-es384"
  | "header-crit"
  | "typ-receipt"
  | "signature-not-canonical-base64url"
  | "payload-not-canonical-json"
  | "document-changed-digest-kept"
  | "document-schema-invalid"
  | "bundle-id-mismatch"
  | "addressed-elsewhere"
  | "encrypted-to-another-key";

const sig = ["signature-invalid"];

export const bundleCases: BundleCase[] = [
  {
    name: "01-valid",
    description: "A valid signed bundle: the worked Year 6 → Year 7 transfer, signed by the sender's test key.",
    fault: "none",
    input: { build: "valid" },
  },
  {
    name: "02-valid-encrypted",
    description: "The valid signed bundle encrypted to the receiver's test encryption key (JWE, cty JOSE).",
    fault: "none",
    input: { build: "encrypt-valid" },
    decrypt: true,
  },
  {
    name: "03-valid-trust-list",
    description: "The valid signed bundle checked against a trust list whose window (2030-2034) covers the time.",
    fault: "none",
    input: { reuse: "01-valid" },
    trust: "receiverTrustList",
  },
  {
    name: "04-payload-byte-changed",
    description: "One byte of the payload changed after signing (a school name misspelt); signature kept.",
    fault: "payload-byte-changed",
    input: { build: "payload-byte-changed" },
    reasons: [{ code: "bundle.bad-signature" }],
    receiptCodes: sig,
  },
  {
    name: "05-signature-byte-changed",
    description: "One byte of the signature changed.",
    fault: "signature-byte-changed",
    input: { build: "signature-byte-changed" },
    reasons: [{ code: "bundle.bad-signature" }],
    receiptCodes: sig,
  },
  {
    name: "06-signed-by-another-key",
    description: "Signed by a key that is not the sender's, under the sender's kid.",
    fault: "signed-by-another-key",
    input: { build: "signed-by-another-key" },
    reasons: [{ code: "bundle.bad-signature" }],
    receiptCodes: sig,
  },
  {
    name: "07-unknown-kid",
    description: "Signed by another key under its own kid, which the receiver does not trust.",
    fault: "unknown-kid",
    input: { build: "unknown-kid" },
    reasons: [{ code: "bundle.unknown-key" }],
    receiptCodes: ["unknown-signing-key"],
  },
  {
    name: "08-alg-none",
    description: 'Header alg "none" and an empty signature (an unsecured JWS).',
    fault: "alg-none",
    input: { build: "alg-none" },
    reasons: [{ code: "bundle.malformed" }],
    receiptCodes: sig,
  },
  {
    name: "09-alg-none-with-signature",
    description: 'Header alg "none" with the original signature left in place.',
    fault: "alg-not-es256",
    input: { build: "alg-none-with-signature" },
    reasons: [{ code: "bundle.alg-not-allowed" }],
    receiptCodes: sig,
  },
  {
    name: "10-alg-hs256",
    description: "Header alg HS256, an HMAC keyed with the sender's public JWK text (the key-confusion attack).",
    fault: "alg-not-es256",
    input: { build: "alg-hs256" },
    reasons: [{ code: "bundle.alg-not-allowed" }],
    receiptCodes: sig,
  },
  {
    name: "11-alg-es384",
    description: "Header alg ES384 with a real P-384 signature under the sender's kid (a wrong algorithm).",
    fault: "alg-not-es256",
    input: { build: "alg-es384" },
    reasons: [{ code: "bundle.alg-not-allowed" }],
    receiptCodes: sig,
  },
  {
    name: "12-header-crit",
    description: 'Protected header with a "crit" member, correctly signed: only alg, kid, typ and cty are allowed.',
    fault: "header-invalid",
    input: { build: "header-crit" },
    reasons: [{ code: "bundle.header-invalid" }],
    receiptCodes: sig,
  },
  {
    name: "13-typ-receipt",
    description: "A bundle signed with the receipt's typ (send-transfer-receipt+json).",
    fault: "header-invalid",
    input: { build: "typ-receipt" },
    reasons: [{ code: "bundle.header-invalid" }],
    receiptCodes: sig,
  },
  {
    name: "14-signature-not-canonical-base64url",
    description:
      "The signature's last character has non-zero unused bits: same bytes, but not the canonical base64url.",
    fault: "not-canonical-base64url",
    input: { build: "signature-not-canonical-base64url" },
    reasons: [{ code: "bundle.malformed" }],
    receiptCodes: sig,
  },
  {
    name: "15-payload-not-canonical-json",
    description: "A correctly signed payload that is the bundle pretty-printed, not its RFC 8785 form.",
    fault: "payload-not-canonical",
    input: { build: "payload-not-canonical-json" },
    reasons: [{ code: "bundle.not-canonical" }],
    receiptCodes: sig,
  },
  {
    name: "16-document-changed-digest-kept",
    description: "A document changed and the bundle re-signed without updating its contents digest.",
    fault: "digest-mismatch",
    input: { build: "document-changed-digest-kept" },
    reasons: [
      { code: "bundle.digest-mismatch", pointer: "/contents/1/digest/value" },
      {
        code: "bundle.rule-error",
        pointer: "/contents/1/digest/value",
        ruleId: "transfer-bundle.bundle-digests.digest-mismatch",
      },
    ],
    receiptCodes: ["digest-mismatch", "quality-rule-error"],
  },
  {
    name: "17-document-schema-invalid",
    description:
      "A document schema-invalid (an observation kind not in the code list), digest updated, correctly signed.",
    fault: "schema-invalid",
    input: { build: "document-schema-invalid" },
    reasons: [
      { code: "bundle.schema-invalid", pointer: "/documents/1/areas/0/observations/0/kind", ruleId: "schema.enum" },
    ],
    receiptCodes: ["schema-invalid"],
  },
  {
    name: "18-bundle-id-mismatch",
    description: "manifest.bundleId differs from the bundle's id, correctly signed.",
    fault: "id-mismatch",
    input: { build: "bundle-id-mismatch" },
    reasons: [{ code: "bundle.id-mismatch", pointer: "/manifest/bundleId" }],
    receiptCodes: ["schema-invalid"],
  },
  {
    name: "19-key-expired-trust-list",
    description: "The valid bundle, but the trust list's window for the sender's key ended on 2030-05-31.",
    fault: "key-expired",
    input: { reuse: "01-valid" },
    trust: "expiredTrustList",
    reasons: [{ code: "bundle.key-expired" }],
    receiptCodes: ["signing-key-expired"],
  },
  {
    name: "20-key-not-yet-valid",
    description: "The valid bundle, but the trust list's window for the sender's key starts on 2030-09-01.",
    fault: "key-not-yet-valid",
    input: { reuse: "01-valid" },
    trust: "notYetValidTrustList",
    reasons: [{ code: "bundle.key-not-yet-valid" }],
    receiptCodes: ["signing-key-not-yet-valid"],
  },
  {
    name: "21-key-expired-jwk-exp",
    description: 'The valid bundle, but the trusted JWK carries "exp" 2030-06-01T00:00:00Z.',
    fault: "key-expired",
    input: { reuse: "01-valid" },
    trust: "expiredJwks",
    reasons: [{ code: "bundle.key-expired" }],
    receiptCodes: ["signing-key-expired"],
  },
  {
    name: "22-key-use-enc",
    description: 'The valid bundle, but the trusted JWK is marked "use": "enc" (not a signing key).',
    fault: "key-unusable",
    input: { reuse: "01-valid" },
    trust: "encUseJwks",
    reasons: [{ code: "bundle.key-unusable" }],
    receiptCodes: ["unknown-signing-key"],
  },
  {
    name: "23-bundle-expired",
    description: "The valid bundle checked on 2030-08-01, after its manifest.expiresAt (2030-07-24T10:00:00Z).",
    fault: "expired",
    input: { reuse: "01-valid" },
    time: "2030-08-01T00:00:00Z",
    reasons: [{ code: "bundle.expired", pointer: "/manifest/expiresAt" }],
    receiptCodes: ["expired"],
  },
  {
    name: "24-created-in-future",
    description:
      "The valid bundle checked on 2030-06-20, before its manifest.createdAt (beyond 5 minutes' clock skew).",
    fault: "from-future",
    input: { reuse: "01-valid" },
    time: "2030-06-20T00:00:00Z",
    reasons: [{ code: "bundle.from-future", pointer: "/manifest/createdAt" }],
    receiptCodes: ["other"],
  },
  {
    name: "25-addressed-elsewhere",
    description:
      "A valid signed bundle addressed to another school: it verifies, but this receiver (URN 137944) must refuse it.",
    fault: "addressed-elsewhere",
    input: { build: "addressed-elsewhere" },
    receiverCheck: {
      receiverUrn: RECEIVER_URN,
      code: "bundle.not-intended-recipient",
      receiptCode: "not-intended-recipient",
    },
  },
  {
    name: "26-encrypted-to-another-key",
    description: "The valid signed bundle encrypted to another receiver's key.",
    fault: "decrypt-failed",
    input: { build: "encrypted-to-another-key" },
    decrypt: true,
    reasons: [{ code: "bundle.decrypt-failed" }],
    receiptCodes: ["other"],
  },
  {
    name: "27-encrypted-no-key-given",
    description: "The valid encrypted bundle checked without a decryption key.",
    fault: "encrypted-no-key",
    input: { reuse: "02-valid-encrypted" },
    reasons: [{ code: "bundle.encrypted-no-key" }],
    receiptCodes: ["other"],
  },
];

export interface ReceiptCase {
  name: string;
  description: string;
  fault: string;
  input: { build: ReceiptBuild } | { reuse: string };
  /** The bundle vector the receipt must answer (its id and digest are the expected ones). */
  answers: string;
  reasons?: ExpectedReason[];
  /** For a valid receipt: its decision and reason codes. */
  decision?: "accepted" | "rejected";
  receiptReasonCodes?: string[];
}

export type ReceiptBuild = "accepted" | "rejected" | "payload-byte-changed" | "unknown-kid";

export const receiptCases: ReceiptCase[] = [
  {
    name: "01-accepted",
    description:
      "The worked receipt (examples/worked/transfer-receipt-y6-y7.json) for bundle 01-valid, signed by the receiver.",
    fault: "none",
    input: { build: "accepted" },
    answers: "01-valid",
    decision: "accepted",
    receiptReasonCodes: [],
  },
  {
    name: "02-rejected",
    description: "The receiver's rejection of bundle 16 (document changed, digest kept), with its reasons.",
    fault: "none",
    input: { build: "rejected" },
    answers: "16-document-changed-digest-kept",
    decision: "rejected",
    receiptReasonCodes: ["digest-mismatch", "quality-rule-error"],
  },
  {
    name: "03-payload-byte-changed",
    description: "The accepted receipt with one payload byte changed after signing.",
    fault: "payload-byte-changed",
    input: { build: "payload-byte-changed" },
    answers: "01-valid",
    reasons: [{ code: "receipt.bad-signature" }],
  },
  {
    name: "04-unknown-kid",
    description: "The accepted receipt signed by a key the sender does not trust.",
    fault: "unknown-kid",
    input: { build: "unknown-kid" },
    answers: "01-valid",
    reasons: [{ code: "receipt.unknown-key" }],
  },
  {
    name: "05-answers-another-bundle",
    description: "The accepted receipt for bundle 01, checked as the answer to bundle 16 (same id, other digest).",
    fault: "digest-mismatch",
    input: { reuse: "01-accepted" },
    answers: "16-document-changed-digest-kept",
    reasons: [{ code: "receipt.digest-mismatch", pointer: "/bundleDigest/value" }],
  },
];
