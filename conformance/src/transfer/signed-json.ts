// Canonical JSON (RFC 8785), SHA-256 digests and ES256 JWS for the suite, built directly on the `canonicalize`
// package, node:crypto and jose. Never on the SDK's transfer code: the suite checks the bundles and receipts an
// implementation makes, and a bug shared with the code that made them would be invisible to it (README, Independence).
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import {
  CompactEncrypt,
  CompactSign,
  calculateJwkThumbprint,
  compactVerify,
  decodeProtectedHeader,
  exportJWK,
  flattenedVerify,
  generateKeyPair,
  importJWK,
  type JWK,
} from "jose";

export type { JWK } from "jose";
export type JwsType =
  | "send-transfer-bundle+json"
  | "send-transfer-receipt+json"
  | "send-trust-list+json"
  | "send-conformance-certificate+json"
  | "send-transfer-integration+json";

export interface Jwks {
  keys: JWK[];
}

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

/** Why a bundle or receipt does not check, with a transfer-receipt reason code (transfer-receipt.schema.json). */
export interface Reason {
  code:
    | "signature-invalid"
    | "unknown-signing-key"
    | "digest-mismatch"
    | "schema-invalid"
    | "quality-rule-error"
    | "expired"
    | "other";
  message: string;
  pointer?: string;
  ruleId?: string;
}

/** RFC 8785 canonical text. Throws for values JSON cannot represent. */
export function canonical(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("value has no JSON representation");
  return text;
}

/** SHA-256 of the UTF-8 text, lowercase hex. */
export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "k"];

export function publicPart(jwk: JWK): JWK {
  const copy: Record<string, unknown> = { ...jwk };
  for (const m of PRIVATE_MEMBERS) delete copy[m];
  return copy as JWK;
}

/** A fresh ES256 (P-256) key; kid is its RFC 7638 thumbprint. */
export async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const pub = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(pub, "sha256");
  const meta = { kid, alg: "ES256", use: "sig" };
  return { kid, privateJwk: { ...(await exportJWK(privateKey)), ...meta }, publicJwk: { ...pub, ...meta } };
}

/** Compact ES256 JWS whose payload is the canonical text of `payload` (or `text`, signed as given). */
export async function signJson(
  payload: unknown,
  typ: JwsType,
  key: { privateJwk: JWK; kid: string },
  text = canonical(payload),
): Promise<string> {
  const privateKey = await importJWK({ ...key.privateJwk, alg: "ES256" }, "ES256");
  return new CompactSign(new TextEncoder().encode(text))
    .setProtectedHeader({ alg: "ES256", kid: key.kid, typ, cty: "application/json" })
    .sign(privateKey);
}

/** Compact JWE of a compact JWS to the receiver's P-256 key (ECDH-ES+A256KW, A256GCM). */
export async function encryptJws(jws: string, receiverKey: JWK): Promise<string> {
  const key = await importJWK({ ...publicPart(receiverKey), alg: "ECDH-ES+A256KW" }, "ECDH-ES+A256KW");
  const header = { alg: "ECDH-ES+A256KW", enc: "A256GCM", cty: "JOSE", kid: receiverKey.kid };
  return new CompactEncrypt(new TextEncoder().encode(jws)).setProtectedHeader(header).encrypt(key);
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const fatal = new TextDecoder("utf-8", { fatal: true });
const signatureInvalid = (message: string): Reason => ({ code: "signature-invalid", message });

export type Checked =
  | { ok: true; payload: unknown; payloadText: string; kid: string }
  | { ok: false; reasons: Reason[] };

/** Checks a compact (or flattened JSON) JWS: ES256 only, `typ`, a key of `jwks` by kid, signature, canonical payload. */
export async function verifySigned(input: unknown, typ: JwsType, jwks: Jwks): Promise<Checked> {
  const fail = (r: Reason): Checked => ({ ok: false, reasons: [r] });
  const flattened = isObj(input) ? input : undefined;
  const compact = typeof input === "string" ? input.trim() : undefined;
  if (compact === undefined && flattened === undefined) return fail(signatureInvalid("not a JWS"));
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(compact ?? (flattened as never)) as Record<string, unknown>;
  } catch {
    return fail(signatureInvalid("the protected header cannot be read"));
  }
  if (header.alg !== "ES256") return fail(signatureInvalid(`alg ${JSON.stringify(header.alg)} is not ES256`));
  if (header.typ !== undefined && header.typ !== typ)
    return fail(signatureInvalid(`typ ${JSON.stringify(header.typ)} is not ${typ}`));
  const kid = header.kid;
  if (typeof kid !== "string" || kid === "") return fail(signatureInvalid("the protected header names no kid"));
  const jwk = jwks.keys.find((k) => k.kid === kid && k.kty === "EC" && k.crv === "P-256" && (k.use ?? "sig") === "sig");
  if (!jwk) return fail({ code: "unknown-signing-key", message: `no trusted ES256 key has kid "${kid}"` });
  let bytes: Uint8Array;
  try {
    const key = await importJWK({ ...publicPart(jwk), alg: "ES256" }, "ES256");
    const options = { algorithms: ["ES256"] };
    bytes =
      compact !== undefined
        ? (await compactVerify(compact, key, options)).payload
        : (await flattenedVerify(flattened as never, key, options)).payload;
  } catch (err) {
    return fail(signatureInvalid(`the signature does not verify with key "${kid}" (${(err as Error).message})`));
  }
  let payloadText: string;
  let payload: unknown;
  try {
    payloadText = fatal.decode(bytes);
    payload = JSON.parse(payloadText);
  } catch {
    return fail(signatureInvalid("the payload is not UTF-8 JSON"));
  }
  if (canonical(payload) !== payloadText)
    return fail(signatureInvalid("the signed payload is not the RFC 8785 canonical form of its JSON"));
  return { ok: true, payload, payloadText, kid };
}

/** The payload of a JWS read WITHOUT checking anything, for inspection. */
export function unverifiedPayload(input: unknown): unknown {
  const segment =
    typeof input === "string" ? input.trim().split(".")[1] : isObj(input) ? String(input.payload) : undefined;
  if (!segment) return undefined;
  try {
    return JSON.parse(fatal.decode(Buffer.from(segment, "base64url")));
  } catch {
    return undefined;
  }
}
