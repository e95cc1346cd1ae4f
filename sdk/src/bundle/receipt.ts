// Transfer receipts (transfer-receipt.schema.json): the receiver's signed answer to a bundle, naming the bundle by id
// and digest, with the decision and its reasons. Signed and checked with the same ES256 JWS code as bundles.
import type { ReceiptReason, ReceiptReceiver, TransferReceipt } from "../../generated/types.ts";
import { validate } from "../validate/validate.ts";
import type { Digest } from "./canonical.ts";
import {
  checkSignedJson,
  signJson,
  type CheckOptions,
  type JwsProtectedHeader,
  type SignedJson,
  type SignOptions,
} from "./jws.ts";
import { PackError } from "./pack.ts";
import { reason, type VerifyReason } from "./reasons.ts";

export type { TransferReceipt, ReceiptReason } from "../../generated/types.ts";

export interface ReceiptInput {
  bundleId: string;
  /** The digest verifyBundle returned (bundle without receiver-side fields). */
  bundleDigest: Digest;
  decision: "accepted" | "rejected";
  reasons: ReceiptReason[];
  receiver: ReceiptReceiver;
  receivedAt: string;
  acceptedDocumentIds?: string[];
  /** Defaults to a random UUID. */
  receiptId?: string;
  /** When the receipt was made; defaults to receivedAt. */
  createdAt?: string;
}

/** verifyBundle reason code → the receipt schema's reason code. The original code is kept in ruleId. */
const RECEIPT_CODES: Record<string, ReceiptReason["code"]> = {
  "bundle.malformed": "signature-invalid",
  "bundle.header-invalid": "signature-invalid",
  "bundle.alg-not-allowed": "signature-invalid",
  "bundle.bad-signature": "signature-invalid",
  "bundle.not-canonical": "signature-invalid",
  "bundle.payload-malformed": "signature-invalid",
  "bundle.unknown-key": "unknown-signing-key",
  "bundle.key-unusable": "unknown-signing-key",
  "bundle.key-expired": "signing-key-expired",
  "bundle.key-not-yet-valid": "signing-key-not-yet-valid",
  "bundle.key-revoked": "signing-key-revoked",
  "bundle.setting-closed": "sender-setting-closed",
  "bundle.digest-mismatch": "digest-mismatch",
  "bundle.contents-mismatch": "digest-mismatch",
  "bundle.id-mismatch": "schema-invalid",
  "bundle.schema-invalid": "schema-invalid",
  "bundle.rule-error": "quality-rule-error",
  "bundle.expired": "expired",
  "bundle.too-old": "expired",
  "bundle.replayed": "duplicate-bundle",
  // Set by the receiving system (the server's inbox), which knows whom it hosts; verifyBundle cannot tell.
  "bundle.not-intended-recipient": "not-intended-recipient",
};

/** Turns verifyBundle reasons into receipt reasons (schema codes; the verify code or rule id goes in ruleId). */
export function receiptReasonsFrom(reasons: readonly VerifyReason[]): ReceiptReason[] {
  return reasons.map((r) => {
    const out: ReceiptReason = {
      code: RECEIPT_CODES[r.code] ?? "other",
      message: r.message.slice(0, 2000) || r.code,
      ruleId: (r.ruleId ?? r.code).slice(0, 200),
    };
    if (r.pointer !== undefined) out.pointer = r.pointer;
    return out;
  });
}

export function createReceipt(input: ReceiptInput): TransferReceipt {
  const receiptId = input.receiptId ?? globalThis.crypto.randomUUID();
  const receipt: TransferReceipt = {
    documentType: "transfer-receipt",
    schemaVersion: "1.0",
    id: receiptId,
    provenance: {
      createdBy: { personType: "system", displayName: input.receiver.system.name },
      createdAt: input.createdAt ?? input.receivedAt,
      system: input.receiver.system,
    },
    receiptId,
    bundleId: input.bundleId,
    bundleDigest: input.bundleDigest,
    receivedAt: input.receivedAt,
    decision: input.decision,
    reasons: input.reasons,
    receiver: input.receiver,
  };
  if (input.acceptedDocumentIds !== undefined) receipt.acceptedDocumentIds = input.acceptedDocumentIds;
  const result = validate(receipt);
  if (!result.valid)
    throw new PackError("the receipt is not valid", [
      ...result.errors,
      ...result.findings.filter((f) => f.severity === "error"),
    ]);
  return receipt;
}

export function signReceipt(receipt: TransferReceipt, options: SignOptions): Promise<SignedJson> {
  return signJson(receipt, "send-transfer-receipt+json", options);
}

export type ReceiptVerifyResult =
  | { ok: true; receipt: TransferReceipt; kid: string; header: JwsProtectedHeader }
  | { ok: false; reasons: VerifyReason[] };

/** Checks a signed receipt: JWS, ES256, trusted key, signature, canonical payload, schema and rules. Never throws. */
export async function verifyReceipt(
  input: unknown,
  options: CheckOptions & { expectedBundleId?: string; expectedDigest?: string },
): Promise<ReceiptVerifyResult> {
  const checked = await checkSignedJson(input, "receipt", "send-transfer-receipt+json", options);
  if (!checked.ok) return checked;
  try {
    const result = validate(checked.payload);
    if (result.documentType !== "transfer-receipt")
      return {
        ok: false,
        reasons: [reason("receipt", "schema-invalid", "The payload is not a transfer receipt.", "/documentType")],
      };
    const reasons: VerifyReason[] = [
      ...result.errors.map((e) => reason("receipt", "schema-invalid", e.message, e.pointer, e.ruleId)),
      ...result.findings
        .filter((f) => f.severity === "error")
        .map((f) => reason("receipt", "rule-error", f.message, f.pointer, f.ruleId)),
    ];
    if (reasons.length > 0) return { ok: false, reasons };
    const receipt = checked.payload as TransferReceipt;
    if (receipt.receiptId !== receipt.id)
      reasons.push(reason("receipt", "id-mismatch", "receiptId differs from id.", "/receiptId"));
    if (options.expectedBundleId !== undefined && receipt.bundleId !== options.expectedBundleId)
      reasons.push(
        reason(
          "receipt",
          "contents-mismatch",
          `The receipt answers bundle ${receipt.bundleId}, not ${options.expectedBundleId}.`,
          "/bundleId",
        ),
      );
    if (options.expectedDigest !== undefined && receipt.bundleDigest.value !== options.expectedDigest)
      reasons.push(
        reason(
          "receipt",
          "digest-mismatch",
          "The receipt's bundle digest is not the digest of the bundle that was sent.",
          "/bundleDigest/value",
        ),
      );
    if (reasons.length > 0) return { ok: false, reasons };
    return { ok: true, receipt, kid: checked.kid, header: checked.header };
  } catch (error) {
    return {
      ok: false,
      reasons: [
        reason("receipt", "malformed", `Could not be read: ${error instanceof Error ? error.message : String(error)}`),
      ],
    };
  }
}
