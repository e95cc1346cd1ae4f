// Integration acknowledgements (transfer-integration), the second stage after the receipt, built and checked by the
// suite on the same independent JWS code as bundles and receipts (signed-json.ts), never the SDK's transfer code.
import { randomUUID } from "node:crypto";
import { standardReasons, type SystemInfo } from "./bundles.ts";
import { type Jwks, type Reason, type SigningKey, signJson, verifySigned } from "./signed-json.ts";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

export const INTEGRATION_TYP = "send-transfer-integration+json" as const;

export interface IntegrationInput {
  bundleId: string;
  bundleDigest: string;
  outcome: "integrated" | "not-integrated";
  reason?: string;
  recordedBy: string;
  receiver: { system: SystemInfo; setting: Json };
}

/** The suite's acknowledgement, valid by the standard, signed with `key`. */
export async function signedIntegration(input: IntegrationInput, key: SigningKey): Promise<string> {
  const now = new Date().toISOString();
  const doc: Json = {
    documentType: "transfer-integration",
    schemaVersion: "1.0",
    id: randomUUID(),
    provenance: {
      createdBy: { personType: "practitioner", displayName: input.recordedBy },
      createdAt: now,
      system: input.receiver.system,
    },
    bundleId: input.bundleId,
    bundleDigest: { algorithm: "sha-256", canonicalization: "rfc8785", value: input.bundleDigest },
    outcome: input.outcome,
    ...(input.reason ? { reason: input.reason } : {}),
    recordedAt: now,
    recordedBy: { personType: "practitioner", displayName: input.recordedBy },
    receiver: input.receiver,
  };
  const invalid = standardReasons(doc, "transfer-integration");
  if (invalid.length > 0) throw new TypeError(`the suite's acknowledgement is invalid: ${invalid[0]!.message}`);
  return signJson(doc, INTEGRATION_TYP, key);
}

export type CheckedIntegration = { ok: true; integration: Json } | { ok: false; reasons: Reason[] };

/** An acknowledgement checked against the bundle it is about: JWS and key, canonical payload, standard, id, digest,
 *  and a reason exactly when not integrated. */
export async function checkIntegration(
  input: unknown,
  jwks: Jwks,
  expected: { bundleId: string; digest: string },
): Promise<CheckedIntegration> {
  const signed = await verifySigned(input, INTEGRATION_TYP, jwks);
  if (!signed.ok) return signed;
  const doc = signed.payload;
  const reasons = standardReasons(doc, "transfer-integration");
  if (reasons.length > 0 || !isObj(doc)) return { ok: false, reasons };
  if (doc.bundleId !== expected.bundleId)
    reasons.push({
      code: "other",
      message: `the acknowledgement is about bundle ${String(doc.bundleId)}, not ${expected.bundleId}`,
      pointer: "/bundleId",
    });
  const digest = isObj(doc.bundleDigest) ? doc.bundleDigest : {};
  if (digest.value !== expected.digest)
    reasons.push({
      code: "digest-mismatch",
      message: `the acknowledgement's bundle digest ${String(digest.value)} is not ${expected.digest}`,
      pointer: "/bundleDigest",
    });
  if ((doc.outcome === "not-integrated") !== (doc.reason !== undefined))
    reasons.push({
      code: "schema-invalid",
      message: "a reason is given exactly when the outcome is not-integrated",
      pointer: "/reason",
    });
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, integration: doc };
}
