// Integration acknowledgements (transfer-integration.schema.json): the second stage after the receipt. The receiving
// setting says whether a named member of staff took the transferred plan into use, signed with the same ES256 JWS
// code (and the same receiver key) as its receipt, so the sender can check it against the receiver's listed key.
import type { TransferIntegration } from "../../generated/types.ts";
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

export type { TransferIntegration } from "../../generated/types.ts";

export const INTEGRATION_JWS_TYPE = "send-transfer-integration+json" as const;

export interface IntegrationInput {
  bundleId: string;
  bundleDigest: Digest;
  receiptId?: string;
  outcome: TransferIntegration["outcome"];
  reason?: TransferIntegration["reason"];
  note?: string;
  recordedAt: string;
  /** The member of staff's display name as the receiver's identity provider gives it. */
  recordedBy: string;
  receiver: TransferIntegration["receiver"];
  /** Defaults to a random UUID. */
  id?: string;
}

/** The schema cannot say it (strict JSON Schema has no closed conditional), so: a reason exactly when not integrated. */
function reasonProblem(doc: TransferIntegration): VerifyReason | undefined {
  if (doc.outcome === "not-integrated" && doc.reason === undefined)
    return reason(
      "integration",
      "schema-invalid",
      "A not-integrated acknowledgement must give a reason code.",
      "/reason",
    );
  if (doc.outcome === "integrated" && doc.reason !== undefined)
    return reason("integration", "schema-invalid", "An integrated acknowledgement takes no reason code.", "/reason");
  return undefined;
}

/** Builds and validates an integration acknowledgement; throws PackError when it would not be valid. */
export function createIntegration(input: IntegrationInput): TransferIntegration {
  const doc: TransferIntegration = {
    documentType: "transfer-integration",
    schemaVersion: "1.0",
    id: input.id ?? globalThis.crypto.randomUUID(),
    provenance: {
      createdBy: { personType: "practitioner", displayName: input.recordedBy },
      createdAt: input.recordedAt,
      system: input.receiver.system,
    },
    bundleId: input.bundleId,
    bundleDigest: input.bundleDigest,
    outcome: input.outcome,
    recordedAt: input.recordedAt,
    recordedBy: { personType: "practitioner", displayName: input.recordedBy },
    receiver: input.receiver,
  };
  if (input.receiptId !== undefined) doc.receiptId = input.receiptId;
  if (input.reason !== undefined) doc.reason = input.reason;
  if (input.note !== undefined) doc.note = input.note;
  const result = validate(doc);
  const wrongReason = reasonProblem(doc);
  if (!result.valid || wrongReason)
    throw new PackError("the integration acknowledgement is not valid", [
      ...result.errors,
      ...result.findings.filter((f) => f.severity === "error"),
      ...(wrongReason
        ? [
            {
              pointer: "/reason",
              ruleId: "integration.reason",
              message: wrongReason.message,
              severity: "error" as const,
            },
          ]
        : []),
    ]);
  return doc;
}

export function signIntegration(doc: TransferIntegration, options: SignOptions): Promise<SignedJson> {
  return signJson(doc, INTEGRATION_JWS_TYPE, options);
}

export type IntegrationVerifyResult =
  | { ok: true; integration: TransferIntegration; kid: string; header: JwsProtectedHeader }
  | { ok: false; reasons: VerifyReason[] };

/** Checks a signed integration acknowledgement: JWS, ES256, trusted key, signature, canonical payload, schema. */
export async function verifyIntegration(
  input: unknown,
  options: CheckOptions & { expectedBundleId?: string; expectedDigest?: string },
): Promise<IntegrationVerifyResult> {
  const checked = await checkSignedJson(input, "integration", INTEGRATION_JWS_TYPE, options);
  if (!checked.ok) return checked;
  try {
    const result = validate(checked.payload);
    if (result.documentType !== "transfer-integration")
      return {
        ok: false,
        reasons: [
          reason(
            "integration",
            "schema-invalid",
            "The payload is not an integration acknowledgement.",
            "/documentType",
          ),
        ],
      };
    const reasons: VerifyReason[] = [
      ...result.errors.map((e) => reason("integration", "schema-invalid", e.message, e.pointer, e.ruleId)),
      ...result.findings
        .filter((f) => f.severity === "error")
        .map((f) => reason("integration", "rule-error", f.message, f.pointer, f.ruleId)),
    ];
    if (reasons.length > 0) return { ok: false, reasons };
    const doc = checked.payload as TransferIntegration;
    const wrongReason = reasonProblem(doc);
    if (wrongReason) reasons.push(wrongReason);
    if (options.expectedBundleId !== undefined && doc.bundleId !== options.expectedBundleId)
      reasons.push(
        reason(
          "integration",
          "contents-mismatch",
          `The acknowledgement is about bundle ${doc.bundleId}, not ${options.expectedBundleId}.`,
          "/bundleId",
        ),
      );
    if (options.expectedDigest !== undefined && doc.bundleDigest.value !== options.expectedDigest)
      reasons.push(
        reason(
          "integration",
          "digest-mismatch",
          "The acknowledgement's bundle digest is not the digest of the bundle that was sent.",
          "/bundleDigest/value",
        ),
      );
    if (reasons.length > 0) return { ok: false, reasons };
    return { ok: true, integration: doc, kid: checked.kid, header: checked.header };
  } catch (error) {
    return {
      ok: false,
      reasons: [
        reason(
          "integration",
          "malformed",
          `Could not be read: ${error instanceof Error ? error.message : String(error)}`,
        ),
      ],
    };
  }
}
