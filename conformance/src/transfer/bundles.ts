// Transfer bundles and receipts as the suite makes and checks them: envelope, contents digests and bundle digest
// computed with signed-json.ts (canonicalize, node:crypto, jose), never with the SDK's pack/sign/verify code. Schemas
// and quality rules are the standard itself, so they are checked with the SDK's validator (README, Independence).
import { randomUUID } from "node:crypto";
import { validate } from "send-interchange";
import {
  canonical,
  type Jwks,
  type JWK,
  type Reason,
  type SigningKey,
  sha256Hex,
  signJson,
  verifySigned,
} from "./signed-json.ts";

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** Documents that travel inside a bundle (SPPs travel by reference). */
export const EMBEDDABLE_TYPES = ["isp", "ehcp", "legacy-ehcp", "development-profile"] as const;
const LABELS = ["education", "health", "social-care", "safeguarding"] as const;
/** What the suite shares when it sends: everything but safeguarding, the standard's default. */
const SHARED_LABELS = LABELS.filter((l) => l !== "safeguarding");

export interface SystemInfo {
  name: string;
  version: string;
}

export interface BundleInput {
  documents: readonly Json[];
  sender: { system: SystemInfo; setting: Json };
  receiver: { setting: Json };
  bundleId?: string;
  createdAt?: string;
}

/** True when any sharing label of the document, at any depth, is `label`. */
function carriesLabel(doc: unknown, label: string): boolean {
  if (Array.isArray(doc)) return doc.some((d) => carriesLabel(d, label));
  if (!isObj(doc)) return false;
  return Object.entries(doc).some(([k, v]) =>
    k === "sharing" && Array.isArray(v)
      ? v.some((e) => e === label || (isObj(e) && Array.isArray(e.labels) && e.labels.includes(label)))
      : carriesLabel(v, label),
  );
}

/** An unsigned bundle carrying `documents` unchanged. The suite never sends safeguarding-labelled data, so nothing
 *  is withheld and `redactions` is empty; a document that carries such a label is refused. */
export function buildBundle(input: BundleInput): Json {
  const bundleId = input.bundleId ?? randomUUID();
  const createdAt = input.createdAt ?? new Date().toISOString();
  const contents = input.documents.map((doc, i) => {
    if (!(EMBEDDABLE_TYPES as readonly unknown[]).includes(doc.documentType))
      throw new TypeError(`document ${i} (${String(doc.documentType)}) cannot travel in a bundle`);
    if (carriesLabel(doc, "safeguarding"))
      throw new TypeError(`document ${i} carries safeguarding data, which the suite does not send`);
    return {
      path: `/documents/${i}`,
      documentId: doc.id,
      documentType: doc.documentType,
      mediaType: "application/json",
      schemaVersion: doc.schemaVersion,
      digest: { algorithm: "sha-256", canonicalization: "rfc8785", value: sha256Hex(canonical(doc)) },
    };
  });
  return {
    documentType: "transfer-bundle",
    schemaVersion: "1.0",
    id: bundleId,
    provenance: {
      createdBy: { personType: "system", displayName: input.sender.system.name },
      createdAt,
      system: input.sender.system,
    },
    manifest: {
      bundleId,
      createdAt,
      sender: input.sender,
      receiver: { destinationUnknown: false, setting: input.receiver.setting },
      reason: "in-year-move",
    },
    contents,
    sharingApplied: {
      purpose: "Conformance test: the child moves to the receiving setting",
      labelsIncluded: [...SHARED_LABELS],
      labelsExcluded: ["safeguarding"],
    },
    redactions: [],
    documents: input.documents,
  };
}

/** The standard's verdict on a document: schema errors and error-severity rule findings, as reasons. */
export function standardReasons(doc: unknown, type: string): Reason[] {
  const result = validate(doc);
  if (result.documentType !== type)
    return [{ code: "schema-invalid", message: `not a ${type} (documentType ${JSON.stringify(result.documentType)})` }];
  return [
    ...result.errors.map((e) => ({
      code: "schema-invalid" as const,
      message: e.message,
      pointer: e.pointer,
      ruleId: e.ruleId,
    })),
    ...result.findings
      .filter((f) => f.severity === "error")
      .map((f) => ({ code: "quality-rule-error" as const, message: f.message, pointer: f.pointer, ruleId: f.ruleId })),
  ];
}

function pointerGet(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const raw of pointer.split("/").slice(1)) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(token)) node = node[Number(token)];
    else if (isObj(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}

/** Every contents entry names its document and carries the SHA-256 of the document's canonical text. */
export function contentsReasons(bundle: Json): Reason[] {
  const reasons: Reason[] = [];
  const contents = Array.isArray(bundle.contents) ? bundle.contents.filter(isObj) : [];
  const documents = Array.isArray(bundle.documents) ? bundle.documents : [];
  if (contents.length !== documents.length)
    reasons.push({
      code: "digest-mismatch",
      message: `contents lists ${contents.length} documents, the bundle holds ${documents.length}`,
      pointer: "/contents",
    });
  contents.forEach((entry, i) => {
    const doc = pointerGet(bundle, String(entry.path));
    if (!isObj(doc)) {
      reasons.push({ code: "digest-mismatch", message: `contents/${i} points at nothing`, pointer: `/contents/${i}` });
      return;
    }
    if (doc.id !== entry.documentId || doc.documentType !== entry.documentType)
      reasons.push({
        code: "digest-mismatch",
        message: `contents/${i} names ${String(entry.documentType)} ${String(entry.documentId)}, the document is ${String(doc.documentType)} ${String(doc.id)}`,
        pointer: `/contents/${i}`,
      });
    const digest = isObj(entry.digest) ? entry.digest : {};
    const actual = sha256Hex(canonical(doc));
    if (digest.algorithm !== "sha-256" || digest.canonicalization !== "rfc8785" || digest.value !== actual)
      reasons.push({
        code: "digest-mismatch",
        message:
          `contents/${i} says ${String(digest.algorithm)}/${String(digest.canonicalization)} ` +
          `${String(digest.value)}; the SHA-256 of the document's RFC 8785 form is ${actual}`,
        pointer: `/contents/${i}/digest`,
      });
  });
  return reasons;
}

export type CheckedBundle = { ok: true; bundle: Json; digest: string } | { ok: false; reasons: Reason[] };

/** A delivered bundle checked end to end: JWS and key, canonical payload, schemas and rules, ids, digests. */
export async function checkBundle(input: unknown, jwks: Jwks): Promise<CheckedBundle> {
  const signed = await verifySigned(input, "send-transfer-bundle+json", jwks);
  if (!signed.ok) return signed;
  const bundle = signed.payload;
  const reasons = standardReasons(bundle, "transfer-bundle");
  if (!isObj(bundle)) return { ok: false, reasons };
  // The digests are checked here whatever the SDK's rules said about them.
  if ("status" in bundle || "receivedAt" in bundle)
    reasons.push({ code: "schema-invalid", message: "receiver-side fields were signed", pointer: "/status" });
  if (!isObj(bundle.manifest) || bundle.manifest.bundleId !== bundle.id)
    reasons.push({
      code: "schema-invalid",
      message: "manifest.bundleId differs from id",
      pointer: "/manifest/bundleId",
    });
  reasons.push(...contentsReasons(bundle));
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, bundle, digest: sha256Hex(signed.payloadText) };
}

export interface ReceiptInput {
  bundleId: string;
  bundleDigest: string;
  decision: "accepted" | "rejected";
  reasons: readonly Reason[];
  receiver: { system: SystemInfo; setting: Json };
  acceptedDocumentIds?: string[];
}

/** A receipt signed with `key`; the suite's own receipts must be valid by the standard too. */
export async function signedReceipt(input: ReceiptInput, key: SigningKey): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const receipt: Json = {
    documentType: "transfer-receipt",
    schemaVersion: "1.0",
    id,
    provenance: {
      createdBy: { personType: "system", displayName: input.receiver.system.name },
      createdAt: now,
      system: input.receiver.system,
    },
    receiptId: id,
    bundleId: input.bundleId,
    bundleDigest: { algorithm: "sha-256", canonicalization: "rfc8785", value: input.bundleDigest },
    receivedAt: now,
    decision: input.decision,
    reasons: input.reasons.map((r) => ({
      code: r.code,
      message: r.message.slice(0, 2000) || r.code,
      ...(r.pointer !== undefined && /^(\/[^/]*)*$/.test(r.pointer) ? { pointer: r.pointer } : {}),
      ...(r.ruleId ? { ruleId: r.ruleId.slice(0, 200) } : {}),
    })),
    receiver: input.receiver,
  };
  if (input.acceptedDocumentIds) receipt.acceptedDocumentIds = input.acceptedDocumentIds;
  const invalid = standardReasons(receipt, "transfer-receipt");
  if (invalid.length > 0) throw new TypeError(`the suite's receipt is invalid: ${invalid[0]!.message}`);
  return signJson(receipt, "send-transfer-receipt+json", key);
}

export type CheckedReceipt = { ok: true; receipt: Json } | { ok: false; reasons: Reason[] };

/** A receipt checked against the bundle it must answer: JWS and key, canonical payload, standard, id and digest. */
export async function checkReceipt(
  input: unknown,
  jwks: Jwks,
  expected: { bundleId: string; digest: string },
): Promise<CheckedReceipt> {
  const signed = await verifySigned(input, "send-transfer-receipt+json", jwks);
  if (!signed.ok) return signed;
  const receipt = signed.payload;
  const reasons = standardReasons(receipt, "transfer-receipt");
  if (reasons.length > 0 || !isObj(receipt)) return { ok: false, reasons };
  if (receipt.receiptId !== receipt.id)
    reasons.push({ code: "schema-invalid", message: "receiptId differs from id", pointer: "/receiptId" });
  if (receipt.bundleId !== expected.bundleId)
    reasons.push({
      code: "other",
      message: `the receipt answers bundle ${String(receipt.bundleId)}, not ${expected.bundleId}`,
      pointer: "/bundleId",
    });
  const digest = isObj(receipt.bundleDigest) ? receipt.bundleDigest : {};
  if (digest.value !== expected.digest || digest.algorithm !== "sha-256" || digest.canonicalization !== "rfc8785")
    reasons.push({
      code: "digest-mismatch",
      message: `the receipt's bundle digest ${String(digest.value)} is not the SHA-256 ${expected.digest} of the RFC 8785 form of the bundle sent`,
      pointer: "/bundleDigest",
    });
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, receipt };
}

export type { Jwks, JWK, Reason, SigningKey };
