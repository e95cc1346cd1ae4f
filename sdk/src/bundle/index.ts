// Transfer bundles: canonical JSON and digests, sharing labels, pack, sign, encrypt, verify, receipts and keys.
export { canonicalJson, sha256Digest, sha256Hex, type Digest } from "./canonical.ts";
export {
  applySharing,
  DEFAULT_INCLUDED_LABELS,
  SHARING_LABELS,
  type Redaction,
  type SharingOptions,
  type SharingResult,
} from "./sharing.ts";
export {
  packBundle,
  stripReceiverSide,
  PackError,
  EMBEDDABLE_TYPES,
  type PackInput,
  type TransferBundle,
} from "./pack.ts";
export { signBundle } from "./sign.ts";
export { encryptBundle, decryptBundle, isCompactJwe } from "./encrypt.ts";
export { verifyBundle, type VerifyOptions, type VerifyResult } from "./verify.ts";
export {
  createReceipt,
  signReceipt,
  verifyReceipt,
  receiptReasonsFrom,
  type ReceiptInput,
  type ReceiptVerifyResult,
} from "./receipt.ts";
export {
  createIntegration,
  signIntegration,
  verifyIntegration,
  INTEGRATION_JWS_TYPE,
  type IntegrationInput,
  type IntegrationVerifyResult,
  type TransferIntegration,
} from "./integration.ts";
export {
  generateSigningKey,
  generateEncryptionKey,
  publicJwk,
  jwkThumbprint,
  toJwks,
  isJwks,
  resolveKey,
  importSigningKey,
  type Jwks,
  type KeyPairJwk,
  type KeySource,
  type TrustedKey,
  type JWK,
} from "./keys.ts";
export {
  checkSignedJson,
  decodeUnverifiedPayload,
  signJson,
  type FlattenedJws,
  type JwsProtectedHeader,
  type SignedJson,
  type SignOptions,
} from "./jws.ts";
export { REASON_CODES, type ReasonCode, type VerifyReason } from "./reasons.ts";
export {
  assertTrustList,
  entryId,
  keyFromEntryJwks,
  listedKey,
  receivingSuccessor,
  revocationOf,
  signTrustList,
  trustListEntry,
  verifyTrustList,
  TRUST_LIST_JWS_TYPE,
  type TrustList,
  type TrustListEntry,
  type TrustListVerifyResult,
} from "./trust-list.ts";
export { diffTrustLists, type TrustListDiff } from "./trust-list-diff.ts";
