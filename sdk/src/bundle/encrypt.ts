// Optional confidentiality for a signed bundle: the compact JWS is encrypted to the receiver's P-256 public key as a
// compact JWE (ECDH-ES+A256KW key agreement, A256GCM content encryption), sign-then-encrypt.
import { CompactEncrypt, compactDecrypt, importJWK, type JWK } from "jose";
import { utf8 } from "./canonical.ts";
import { publicJwk } from "./keys.ts";
import type { SignedJson } from "./jws.ts";

const KEY_ALG = "ECDH-ES+A256KW";
const ENC = "A256GCM";

async function importKey(key: CryptoKey | JWK, alg: string): Promise<CryptoKey> {
  if (!("kty" in key)) return key as CryptoKey;
  const imported = await importJWK({ ...(key as JWK), alg }, alg);
  if (imported instanceof Uint8Array) throw new TypeError("expected an EC P-256 key, got a symmetric key");
  return imported;
}

/** Encrypts a signed bundle (compact or flattened JWS) to the receiver's public key; returns a compact JWE. */
export async function encryptBundle(jws: SignedJson, receiverPublicKey: CryptoKey | JWK): Promise<string> {
  const plaintext = typeof jws === "string" ? jws : JSON.stringify(jws);
  const key =
    "kty" in receiverPublicKey ? await importKey(publicJwk(receiverPublicKey as JWK), KEY_ALG) : receiverPublicKey;
  const header: { alg: string; enc: string; cty: string; kid?: string } = {
    alg: KEY_ALG,
    enc: ENC,
    cty: typeof jws === "string" ? "JOSE" : "JOSE+JSON",
  };
  const kid = "kty" in receiverPublicKey ? (receiverPublicKey as JWK).kid : undefined;
  if (kid !== undefined) header.kid = kid;
  return new CompactEncrypt(utf8(plaintext)).setProtectedHeader(header).encrypt(key as CryptoKey);
}

/** Decrypts a compact JWE made by encryptBundle; returns the signed bundle (compact string or flattened object). Throws on failure. */
export async function decryptBundle(jwe: string, receiverPrivateKey: CryptoKey | JWK): Promise<SignedJson> {
  const key = await importKey(receiverPrivateKey, KEY_ALG);
  const { plaintext, protectedHeader } = await compactDecrypt(jwe.trim(), key, {
    keyManagementAlgorithms: [KEY_ALG],
    contentEncryptionAlgorithms: [ENC],
  });
  const text = new TextDecoder("utf-8", { fatal: true }).decode(plaintext);
  if (protectedHeader.cty === "JOSE+JSON") return JSON.parse(text) as SignedJson;
  return text;
}

/** True if the text looks like a compact JWE (five base64url parts). */
export function isCompactJwe(input: unknown): input is string {
  if (typeof input !== "string") return false;
  // The pattern needs exactly four dots; counting them (native scans) turns a compact JWS, which has two, away
  // without running the pattern over its whole payload.
  let dots = 0;
  for (let at = input.indexOf("."); at !== -1 && dots < 5; at = input.indexOf(".", at + 1)) dots++;
  return (
    dots === 4 && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(input.trim())
  );
}
