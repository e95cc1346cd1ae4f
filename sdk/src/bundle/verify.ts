// Checks a received bundle end to end and never throws: decrypt (if a JWE), JWS form, ES256 only, trusted and
// unexpired key, signature, canonical payload, schema of the bundle and of every embedded document, quality-rule
// errors, contents list and digests, age. Replay detection needs state and is the server's job (bundle.replayed).
import type { JWK } from "jose";
import type { TransferBundle } from "../../generated/types.ts";
import { validate } from "../validate/validate.ts";
import { canonicalJson, sha256Digest, sha256Hex, type Digest } from "./canonical.ts";
import { bundleRuleErrors } from "./document-rules.ts";
import { decryptBundle, isCompactJwe } from "./encrypt.ts";
import { checkSignedJson, type JwsProtectedHeader } from "./jws.ts";
import type { KeySource } from "./keys.ts";
import { reason, type VerifyReason } from "./reasons.ts";

export interface VerifyOptions {
  trustedKeys: KeySource;
  /** Instant to judge key validity, age and expiry at; defaults to now. */
  now?: Date;
  /** Maximum age in milliseconds of manifest.createdAt; no limit when omitted. */
  maxAge?: number;
  /** Allowed clock skew in milliseconds for createdAt in the future (default 5 minutes). */
  clockSkew?: number;
  /** The receiver's private key, needed when the input is a JWE. */
  decryptKey?: CryptoKey | JWK;
}

export type VerifyResult =
  | { ok: true; bundle: TransferBundle; digest: Digest; kid: string; header: JwsProtectedHeader }
  | { ok: false; reasons: VerifyReason[] };

const MAX_REASONS = 50;

function pointerGet(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const raw of pointer.split("/").slice(1)) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) node = /^(0|[1-9][0-9]*)$/.test(token) ? node[Number(token)] : undefined;
    else if (typeof node === "object" && node !== null)
      node = Object.hasOwn(node, token) ? (node as Record<string, unknown>)[token] : undefined;
    else return undefined;
  }
  return node;
}

/** Checks contents against the documents; records in `digests` the SHA-256 it computed for each document it reached. */
async function checkContents(
  bundle: TransferBundle,
  texts: ReadonlyMap<unknown, string>,
  digests: Map<unknown, string>,
): Promise<VerifyReason[]> {
  const reasons: VerifyReason[] = [];
  const documents = bundle.documents as unknown as Record<string, unknown>[];
  if (bundle.contents.length !== documents.length) {
    reasons.push(
      reason(
        "bundle",
        "contents-mismatch",
        `contents lists ${bundle.contents.length} documents but the bundle holds ${documents.length}.`,
        "/contents",
      ),
    );
  }
  const seen = new Set<string>();
  for (const [index, entry] of bundle.contents.entries()) {
    const at = `/contents/${index}`;
    if (seen.has(entry.path))
      reasons.push(reason("bundle", "contents-mismatch", `Two contents entries point at ${entry.path}.`, `${at}/path`));
    seen.add(entry.path);
    const document = pointerGet(bundle, entry.path) as Record<string, unknown> | undefined;
    if (document === undefined) {
      reasons.push(
        reason(
          "bundle",
          "contents-mismatch",
          `contents entry ${index} points at ${entry.path}, which does not exist.`,
          `${at}/path`,
        ),
      );
      continue;
    }
    for (const field of ["documentId", "documentType", "schemaVersion"] as const) {
      const actual = document[field === "documentId" ? "id" : field];
      if (actual !== entry[field])
        reasons.push(
          reason(
            "bundle",
            "contents-mismatch",
            `contents entry ${index} says ${field} ${JSON.stringify(entry[field])}, the document has ${JSON.stringify(actual)}.`,
            `${at}/${field}`,
          ),
        );
    }
    const text = texts.get(document);
    const digest = text === undefined ? (await sha256Digest(document)).value : await sha256Hex(text);
    digests.set(document, digest);
    if (digest !== entry.digest.value) {
      reasons.push(
        reason(
          "bundle",
          "digest-mismatch",
          `The document at ${entry.path} has SHA-256 ${digest}, but contents entry ${index} says ${entry.digest.value}.`,
          `${at}/digest/value`,
        ),
      );
    }
  }
  return reasons;
}

function checkTimes(bundle: TransferBundle, options: VerifyOptions): VerifyReason[] {
  const now = (options.now ?? new Date()).getTime();
  const created = Date.parse(bundle.manifest.createdAt);
  const reasons: VerifyReason[] = [];
  if (created - now > (options.clockSkew ?? 5 * 60_000))
    reasons.push(
      reason(
        "bundle",
        "from-future",
        `Created at ${bundle.manifest.createdAt}, which is in the future.`,
        "/manifest/createdAt",
      ),
    );
  if (options.maxAge !== undefined && now - created > options.maxAge)
    reasons.push(
      reason(
        "bundle",
        "too-old",
        `Created at ${bundle.manifest.createdAt}, older than the allowed ${Math.round(options.maxAge / 1000)} s.`,
        "/manifest/createdAt",
      ),
    );
  if (bundle.manifest.expiresAt !== undefined && now > Date.parse(bundle.manifest.expiresAt))
    reasons.push(reason("bundle", "expired", `Expired at ${bundle.manifest.expiresAt}.`, "/manifest/expiresAt"));
  return reasons;
}

export async function verifyBundle(input: unknown, options: VerifyOptions): Promise<VerifyResult> {
  const fail = (reasons: VerifyReason[]): VerifyResult => ({ ok: false, reasons: reasons.slice(0, MAX_REASONS) });
  try {
    let signed: unknown = input;
    if (isCompactJwe(input)) {
      if (options.decryptKey === undefined) return fail([reason("bundle", "encrypted-no-key")]);
      try {
        signed = await decryptBundle(input, options.decryptKey);
      } catch {
        return fail([reason("bundle", "decrypt-failed")]);
      }
    }
    // Canonicalising is the costliest step after the rules: build the bundle's canonical text from the documents'
    // canonical texts, which the digest check needs anyway. In RFC 8785 key order only "contents" (closed, no
    // "documents" key) precedes the root "documents", so its first '"documents":[]' is the root one. A canonical
    // payload arrives with its keys sorted, so canonicalJson writes each part with one JSON.stringify (anything else
    // takes the full canonicalisation, same answer).
    const documentTexts = new Map<unknown, string>();
    const canonicalForm = (payload: unknown): string => {
      const docs = (payload as { documents?: unknown }).documents;
      if (typeof payload !== "object" || payload === null || Array.isArray(payload) || !Array.isArray(docs))
        return canonicalJson(payload);
      const texts = docs.map((doc) => canonicalJson(doc));
      docs.forEach((doc, i) => {
        documentTexts.set(doc, texts[i] as string);
      });
      return canonicalJson({ ...payload, documents: [] }).replace(
        '"documents":[]',
        () => `"documents":[${texts.join(",")}]`,
      );
    };
    const checked = await checkSignedJson(signed, "bundle", "send-transfer-bundle+json", { ...options, canonicalForm });
    if (!checked.ok) return fail(checked.reasons);
    const payload = checked.payload;
    // One schema pass covers the envelope and every embedded document; rules then run directly on each.
    const schema = validate(payload, { schemaOnly: true });
    if (schema.documentType !== "transfer-bundle")
      return fail([
        reason(
          "bundle",
          "schema-invalid",
          `The payload is not a transfer bundle (documentType ${JSON.stringify(schema.documentType)}).`,
          "/documentType",
        ),
      ]);
    if (schema.errors.length > 0)
      return fail(
        schema.errors.map((issue) => reason("bundle", "schema-invalid", issue.message, issue.pointer, issue.ruleId)),
      );
    const bundle = payload as TransferBundle;
    if ("status" in bundle || "receivedAt" in bundle)
      return fail([
        reason("bundle", "schema-invalid", "Receiver-side fields (status, receivedAt) must not be signed.", "/status"),
      ]);
    const reasons: VerifyReason[] = [];
    if (bundle.manifest.bundleId !== bundle.id)
      reasons.push(
        reason(
          "bundle",
          "id-mismatch",
          `manifest.bundleId ${bundle.manifest.bundleId} differs from id ${bundle.id}.`,
          "/manifest/bundleId",
        ),
      );
    const digests = new Map<unknown, string>();
    reasons.push(...(await checkContents(bundle, documentTexts, digests)));
    // checkContents has just hashed every listed document over its canonical text, so the bundle-digests rule family
    // (the same checks, re-hashing with the pure-JS SHA-256) is skipped when those digests cover every entry exactly.
    const documents = bundle.documents as readonly unknown[];
    for (const finding of bundleRuleErrors(bundle as unknown as { documents: unknown[] }, (index) =>
      digests.get(documents[index]),
    ))
      reasons.push(reason("bundle", "rule-error", finding.message, finding.pointer, finding.ruleId));
    reasons.push(...checkTimes(bundle, options));
    if (reasons.length > 0) return fail(reasons);
    // The payload text was checked to be canonical, so its hash is the bundle digest.
    return {
      ok: true,
      bundle,
      digest: { algorithm: "sha-256", canonicalization: "rfc8785", value: await sha256Hex(checked.payloadText) },
      kid: checked.kid,
      header: checked.header,
    };
  } catch (error) {
    return fail([
      reason("bundle", "malformed", `Could not be read: ${error instanceof Error ? error.message : String(error)}`),
    ]);
  }
}
