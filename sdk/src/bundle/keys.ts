// Key handling for transfers: ES256 signing keys and ECDH-ES (P-256) encryption keys as JWKs with an RFC 7638
// thumbprint kid, public-key extraction, JWKS and trust lists. jose runs on WebCrypto, so this works in browsers.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";

export type { JWK } from "jose";

export interface KeyPairJwk {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export interface Jwks {
  keys: JWK[];
}

/** One entry of a trust list: another system's public key with its validity window. */
export interface TrustedKey {
  kid: string;
  jwk: JWK;
  /** ISO date-time; the key is not trusted before this instant. */
  notBefore?: string;
  /** ISO date-time; the key is not trusted after this instant. */
  notAfter?: string;
  /** Who the key belongs to (e.g. "URN 152984"), for messages. */
  owner?: string;
  /** ISO date-time; a trust list revoked the key from this instant. */
  revokedAt?: string;
  /** ISO date (or date-time); the owner's setting closed or converted from this day (trust-list closedOn). */
  ownerClosedOn?: string;
}

/** How verify finds keys: a JWKS, a trust list, or a resolver (for example one backed by a settings directory). */
export type KeySource =
  | Jwks
  | TrustedKey[]
  | ((kid: string) => Promise<TrustedKey | undefined> | TrustedKey | undefined);

const PRIVATE_FIELDS = ["d", "p", "q", "dp", "dq", "qi", "k"] as const;

/** The public part of a JWK (private members removed). */
export function publicJwk(jwk: JWK): JWK {
  const copy: JWK = { ...jwk };
  for (const field of PRIVATE_FIELDS) delete copy[field];
  return copy;
}

/** RFC 7638 thumbprint (SHA-256, base64url) of the key's public members. */
export async function jwkThumbprint(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint(publicJwk(jwk), "sha256");
}

async function generate(alg: "ES256" | "ECDH-ES+A256KW", use: "sig" | "enc", extra: Partial<JWK>): Promise<KeyPairJwk> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { crv: "P-256", extractable: true });
  const pub = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(pub, "sha256");
  const meta = { kid, alg, use, ...extra };
  return { kid, privateJwk: { ...(await exportJWK(privateKey)), ...meta }, publicJwk: { ...pub, ...meta } };
}

/** A new ES256 (P-256) signing key pair; kid is the RFC 7638 thumbprint. `exp` (seconds since epoch) is optional. */
export function generateSigningKey(options: { exp?: number } = {}): Promise<KeyPairJwk> {
  return generate("ES256", "sig", options.exp === undefined ? {} : ({ exp: options.exp } as Partial<JWK>));
}

/** A new P-256 key pair for receiving encrypted bundles (ECDH-ES+A256KW). */
export function generateEncryptionKey(): Promise<KeyPairJwk> {
  return generate("ECDH-ES+A256KW", "enc", {});
}

/** A JWKS of public keys (private members stripped, so a private JWK can be passed safely). */
export function toJwks(keys: readonly JWK[]): Jwks {
  return { keys: keys.map(publicJwk) };
}

export function isJwks(value: unknown): value is Jwks {
  return typeof value === "object" && value !== null && Array.isArray((value as { keys?: unknown }).keys);
}

/** Looks a kid up in any key source. Never throws: resolver errors count as "not found". */
export async function resolveKey(source: KeySource, kid: string): Promise<TrustedKey | undefined> {
  try {
    if (typeof source === "function") return (await source(kid)) ?? undefined;
    if (Array.isArray(source)) return source.find((entry) => entry.kid === kid);
    const jwk = source.keys.find((key) => key.kid === kid);
    return jwk ? { kid, jwk } : undefined;
  } catch {
    return undefined;
  }
}

// Importing a JWK is costly and a sender signs many bundles with one key object, so cache by identity.
const imported = new WeakMap<JWK, CryptoKey>();

/** Imports a private JWK for signing with ES256 (cached per JWK object). */
export async function importSigningKey(jwk: JWK): Promise<CryptoKey> {
  const cached = imported.get(jwk);
  if (cached) return cached;
  const key = await importJWK({ ...jwk, alg: "ES256" }, "ES256");
  if (key instanceof Uint8Array) throw new TypeError("expected an EC private key, got a symmetric key");
  imported.set(jwk, key);
  return key;
}
