// Signing and checking RFC 8785 JSON payloads as ES256 JWS (compact or flattened), shared by bundles and receipts.
// The checker never throws: every failure is a reason with a stable code (reasons.ts).
import { base64url, FlattenedSign, flattenedVerify, importJWK, type JWK } from "jose";
import type * as NodeCrypto from "node:crypto";
import { canonicalJson, utf8 } from "./canonical.ts";
import { importSigningKey, publicJwk, resolveKey, type KeySource } from "./keys.ts";
import { nodeCrypto, type NodeCryptoModule } from "./node-crypto.ts";
import { reason, type VerifyReason } from "./reasons.ts";

export type JwsType =
  | "send-transfer-bundle+json"
  | "send-transfer-receipt+json"
  | "send-trust-list+json"
  | "send-transfer-integration+json"
  | "send-la-message+json";

export interface FlattenedJws {
  protected: string;
  header?: { kid?: string };
  payload: string;
  signature: string;
}

export type SignedJson = string | FlattenedJws;

export interface JwsProtectedHeader {
  alg: "ES256";
  kid: string;
  typ?: JwsType;
  cty?: "application/json";
}

export interface SignOptions {
  /** The sender's private key: a WebCrypto CryptoKey or a private JWK. */
  privateKey: CryptoKey | JWK;
  kid: string;
  /** "compact" (default) or "flattened" JSON serialisation. */
  format?: "compact" | "flattened";
}

// node:crypto KeyObjects for CryptoKeys already checked usable, by identity (KeyObject.from costs a key copy).
const keyObjects = new WeakMap<CryptoKey, NodeCrypto.KeyObject>();

function keyObjectOf(node: NodeCryptoModule, key: CryptoKey): NodeCrypto.KeyObject {
  let object = keyObjects.get(key);
  if (object === undefined) {
    object = node.KeyObject.from(key);
    keyObjects.set(key, object);
  }
  return object;
}

/** True when jose would accept `key` for ES256 with `usage` (its checks: type, ECDSA, P-256, usages). */
function isEs256Key(key: CryptoKey, usage: "sign" | "verify"): boolean {
  const algorithm = key.algorithm as { name?: unknown; namedCurve?: unknown };
  return (
    key.type === (usage === "sign" ? "private" : "public") &&
    algorithm.name === "ECDSA" &&
    algorithm.namedCurve === "P-256" &&
    key.usages.includes(usage)
  );
}

/** The compact JWS over `payload` built as jose's FlattenedSign builds it (header is JSON.stringify of the header
 *  object, both parts unpadded base64url), signed with node:crypto: same bytes signed, same signature format. */
function signWithNode(
  node: NodeCryptoModule,
  payload: string,
  header: JwsProtectedHeader,
  key: CryptoKey,
): { protected: string; payload: string; signature: string } {
  const encodedHeader = Buffer.from(JSON.stringify(header), "utf8").toString("base64url");
  const encodedPayload = Buffer.from(payload, "utf8").toString("base64url");
  const signature = node.sign("sha256", Buffer.from(`${encodedHeader}.${encodedPayload}`, "latin1"), {
    key: keyObjectOf(node, key),
    dsaEncoding: "ieee-p1363",
  });
  return { protected: encodedHeader, payload: encodedPayload, signature: signature.toString("base64url") };
}

/** Signs JSON text that is already RFC 8785 canonical (the caller guarantees it). */
export async function signCanonicalText(text: string, typ: JwsType, options: SignOptions): Promise<SignedJson> {
  const key =
    "kty" in options.privateKey ? await importSigningKey(options.privateKey as JWK) : (options.privateKey as CryptoKey);
  const header: JwsProtectedHeader = { alg: "ES256", kid: options.kid, typ, cty: "application/json" };
  // Keys jose would refuse go to jose, which throws its usual error.
  const jws =
    nodeCrypto !== undefined && isCryptoKeyLike(key) && isEs256Key(key, "sign")
      ? signWithNode(nodeCrypto, text, header, key)
      : await new FlattenedSign(utf8(text)).setProtectedHeader({ ...header }).sign(key);
  if (options.format === "flattened")
    return { protected: jws.protected ?? "", payload: jws.payload, signature: jws.signature };
  return `${jws.protected}.${jws.payload}.${jws.signature}`;
}

function isCryptoKeyLike(key: unknown): key is CryptoKey {
  return (
    typeof key === "object" &&
    key !== null &&
    (key as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === "CryptoKey"
  );
}

export async function signJson(payload: unknown, typ: JwsType, options: SignOptions): Promise<SignedJson> {
  return signCanonicalText(canonicalJson(payload), typ, options);
}

export interface CheckOptions {
  trustedKeys: KeySource;
  /** Canonical form of the parsed payload, when the caller can build it more cheaply (default canonicalJson). */
  canonicalForm?: (payload: unknown) => string;
  /** The instant to check key validity at; defaults to the current time. */
  now?: Date;
}

export type CheckedJws =
  | { ok: true; payload: unknown; payloadText: string; header: JwsProtectedHeader; kid: string }
  | { ok: false; reasons: VerifyReason[] };

const SEGMENT = /^[A-Za-z0-9_-]+$/;
const ALLOWED_HEADER = new Set(["alg", "kid", "typ", "cty"]);
const fatalDecoder = new TextDecoder("utf-8", { fatal: true });

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Decodes base64url and insists the text is the one canonical encoding of the bytes (no ignored trailing bits). */
function decodeSegment(segment: string): Uint8Array | undefined {
  if (nodeCrypto !== undefined) {
    // Buffer decodes leniently (it skips what is not base64url), so the text is canonical exactly when encoding the
    // bytes again gives it back; native both ways, cheaper than testing the text with a pattern.
    if (segment.length === 0) return undefined;
    const bytes = Buffer.from(segment, "base64url");
    return bytes.toString("base64url") === segment ? bytes : undefined;
  }
  // Unpadded base64url is the canonical encoding of its bytes exactly when its length is not 1 mod 4 (no encoding
  // has that length) and the bits past the last whole byte are zero (RFC 4648 section 3.5): the same answer as
  // re-encoding the bytes and comparing, without encoding the whole payload a second time.
  if (!SEGMENT.test(segment)) return undefined;
  const rest = segment.length % 4;
  if (rest === 1) return undefined;
  if (rest !== 0 && (BASE64URL.indexOf(segment.charAt(segment.length - 1)) & (rest === 2 ? 0x0f : 0x03)) !== 0)
    return undefined;
  try {
    return base64url.decode(segment);
  } catch {
    return undefined;
  }
}

function toFlattened(input: unknown): FlattenedJws | undefined {
  if (typeof input === "string") {
    const parts = input.trim().split(".");
    if (parts.length !== 3) return undefined;
    const [p, payload, signature] = parts as [string, string, string];
    return { protected: p, payload, signature };
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  const record = input as Record<string, unknown>;
  const keys = Object.keys(record);
  if (!keys.every((k) => ["protected", "header", "payload", "signature"].includes(k))) return undefined;
  const { protected: p, payload, signature, header } = record;
  if (typeof p !== "string" || typeof payload !== "string" || typeof signature !== "string") return undefined;
  if (header !== undefined) {
    if (typeof header !== "object" || header === null || Array.isArray(header)) return undefined;
    const h = header as Record<string, unknown>;
    if (!Object.keys(h).every((k) => k === "kid") || (h["kid"] !== undefined && typeof h["kid"] !== "string"))
      return undefined;
  }
  return { protected: p, payload, signature };
}

// Importing a public JWK costs about as much as checking the signature, and a receiver checks many bundles from few
// keys. Cached by the JWK's whole JSON text (every member the import reads, never object identity, so an edited JWK
// is imported afresh), only for plain JSON members. Bounded: cleared when full. Failed imports are not cached.
const verifyKeys = new Map<string, CryptoKey>();
const MAX_VERIFY_KEYS = 256;

function isPlainMember(value: unknown): boolean {
  return (
    typeof value === "string" ||
    typeof value === "boolean" ||
    typeof value === "number" ||
    (Array.isArray(value) && value.every((v) => typeof v === "string"))
  );
}

async function importVerifyKey(jwk: JWK): Promise<CryptoKey | undefined> {
  const id = Object.values(jwk).every(isPlainMember) ? JSON.stringify(jwk) : undefined;
  const cached = id === undefined ? undefined : verifyKeys.get(id);
  if (cached) return cached;
  const imported = await importJWK({ ...jwk, alg: "ES256" }, "ES256");
  if (imported instanceof Uint8Array) return undefined;
  if (id !== undefined) {
    if (verifyKeys.size >= MAX_VERIFY_KEYS) verifyKeys.clear();
    verifyKeys.set(id, imported);
  }
  return imported;
}

export async function checkSignedJson(
  input: unknown,
  prefix: "bundle" | "receipt" | "trust-list" | "integration" | "la-message",
  typ: JwsType,
  options: CheckOptions,
): Promise<CheckedJws> {
  const fail = (...reasons: VerifyReason[]): CheckedJws => ({ ok: false, reasons });
  try {
    const jws = toFlattened(input);
    if (!jws) return fail(reason(prefix, "malformed"));
    if (jws.payload === "")
      return fail(
        reason(prefix, "malformed", "Detached payloads are not accepted: the payload must travel inside the JWS."),
      );
    const headerBytes = decodeSegment(jws.protected);
    const payloadBytes = decodeSegment(jws.payload);
    const signatureBytes = decodeSegment(jws.signature);
    if (!headerBytes || !payloadBytes || !signatureBytes)
      return fail(reason(prefix, "malformed", "A JWS part is not canonical base64url."));
    let header: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(fatalDecoder.decode(headerBytes));
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
        return fail(reason(prefix, "malformed", "The protected header is not a JSON object."));
      header = parsed as Record<string, unknown>;
    } catch {
      return fail(reason(prefix, "malformed", "The protected header is not UTF-8 JSON."));
    }
    if (header["alg"] !== "ES256")
      return fail(
        reason(
          prefix,
          "alg-not-allowed",
          `Algorithm ${JSON.stringify(header["alg"] ?? null)} is not allowed; only ES256 is.`,
        ),
      );
    const extra = Object.keys(header).filter((k) => !ALLOWED_HEADER.has(k));
    if (extra.length > 0)
      return fail(
        reason(
          prefix,
          "header-invalid",
          `The protected header has fields the standard does not allow: ${extra.join(", ")}.`,
        ),
      );
    if (header["typ"] !== undefined && header["typ"] !== typ)
      return fail(reason(prefix, "header-invalid", `typ must be "${typ}", not ${JSON.stringify(header["typ"])}.`));
    if (header["cty"] !== undefined && header["cty"] !== "application/json")
      return fail(reason(prefix, "header-invalid", 'cty must be "application/json".'));
    const kid = header["kid"];
    if (typeof kid !== "string" || kid.length === 0 || kid.length > 200)
      return fail(reason(prefix, "header-invalid", "kid must be a string of 1 to 200 characters."));

    const trusted = await resolveKey(options.trustedKeys, kid);
    if (!trusted) return fail(reason(prefix, "unknown-key", `No trusted key has kid "${kid}".`));
    const now = options.now ?? new Date();
    const jwk = publicJwk(trusted.jwk);
    if (
      jwk.kty !== "EC" ||
      jwk.crv !== "P-256" ||
      (jwk.use !== undefined && jwk.use !== "sig") ||
      (jwk.alg !== undefined && jwk.alg !== "ES256")
    ) {
      return fail(reason(prefix, "key-unusable", `The trusted key "${kid}" is not an EC P-256 ES256 signing key.`));
    }
    const exp = (trusted.jwk as { exp?: unknown }).exp;
    if (typeof exp === "number" && now.getTime() / 1000 > exp)
      return fail(reason(prefix, "key-expired", `Key "${kid}" expired at ${new Date(exp * 1000).toISOString()}.`));
    if (trusted.notAfter !== undefined && !(now.getTime() <= Date.parse(trusted.notAfter)))
      return fail(reason(prefix, "key-expired", `Key "${kid}" is trusted only until ${trusted.notAfter}.`));
    if (trusted.notBefore !== undefined && !(now.getTime() >= Date.parse(trusted.notBefore)))
      return fail(reason(prefix, "key-not-yet-valid", `Key "${kid}" is trusted only from ${trusted.notBefore}.`));
    if (trusted.revokedAt !== undefined && !(now.getTime() < Date.parse(trusted.revokedAt)))
      return fail(reason(prefix, "key-revoked", `Key "${kid}" was revoked at ${trusted.revokedAt}.`));
    if (trusted.ownerClosedOn !== undefined && !(now.getTime() < Date.parse(trusted.ownerClosedOn)))
      return fail(
        reason(prefix, "setting-closed", `Key "${kid}" belongs to a setting that closed on ${trusted.ownerClosedOn}.`),
      );

    let key: CryptoKey;
    try {
      const imported = await importVerifyKey(jwk);
      if (imported === undefined) return fail(reason(prefix, "key-unusable"));
      key = imported;
    } catch {
      return fail(reason(prefix, "key-unusable", `The trusted key "${kid}" could not be imported.`));
    }
    try {
      if (nodeCrypto !== undefined && isEs256Key(key, "verify")) {
        // What flattenedVerify checks once our header checks above have passed (no crit, no b64, alg ES256): the
        // ECDSA P-256 SHA-256 signature over the ASCII "protected.payload", IEEE P1363 form.
        const signingInput = Buffer.from(`${jws.protected}.${jws.payload}`, "latin1");
        if (
          !nodeCrypto.verify(
            "sha256",
            signingInput,
            { key: keyObjectOf(nodeCrypto, key), dsaEncoding: "ieee-p1363" },
            signatureBytes,
          )
        )
          throw new Error("bad signature");
      } else {
        await flattenedVerify({ protected: jws.protected, payload: jws.payload, signature: jws.signature }, key, {
          algorithms: ["ES256"],
        });
      }
    } catch {
      return fail(reason(prefix, "bad-signature", `The signature does not verify with key "${kid}".`));
    }
    let payloadText: string;
    let payload: unknown;
    try {
      payloadText = fatalDecoder.decode(payloadBytes);
      payload = JSON.parse(payloadText);
    } catch {
      return fail(reason(prefix, "payload-malformed"));
    }
    if ((options.canonicalForm ?? canonicalJson)(payload) !== payloadText) return fail(reason(prefix, "not-canonical"));
    return { ok: true, payload, payloadText, header: header as unknown as JwsProtectedHeader, kid };
  } catch (error) {
    // Defence in depth: a bug or odd input must still end in a reason, never an exception.
    return fail(
      reason(prefix, "malformed", `Could not be read: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
}

/** Reads the payload of a JWS WITHOUT checking the signature (for display, or to compute a digest after verifying). */
export function decodeUnverifiedPayload(input: unknown): unknown {
  const jws = toFlattened(input);
  if (!jws) return undefined;
  const bytes = decodeSegment(jws.payload);
  if (!bytes) return undefined;
  try {
    return JSON.parse(fatalDecoder.decode(bytes));
  } catch {
    return undefined;
  }
}
