// RFC 8785 canonical JSON and SHA-256 digests over it: the byte form every digest and signature in a transfer is
// computed on. Serialises with sdk/src/rules/canonical-json.ts (the `canonicalize` package's exact answers, checked
// by property tests against it, at a fraction of its cost) and hashes with node:crypto where the runtime has it,
// else WebCrypto, so it runs in browsers and Node (node-crypto.ts).
import { canonicalJson as jcs } from "../rules/canonical-json.ts";
import { nodeCrypto } from "./node-crypto.ts";

/** A digest as the schemas define it (transfer-bundle.schema.json#/$defs/Digest): lowercase hex SHA-256. */
export interface Digest {
  algorithm: "sha-256";
  canonicalization: "rfc8785";
  value: string;
}

/** RFC 8785 (JCS) canonical form. Throws TypeError for values JSON cannot represent (undefined, functions, NaN). */
export function canonicalJson(value: unknown): string {
  const text = jcs(value);
  if (text === undefined) throw new TypeError("value has no JSON representation");
  return text;
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text) as Uint8Array<ArrayBuffer>;
}

function toHex(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let hex = "";
  for (let i = 0; i < view.length; i++) hex += (view[i] as number).toString(16).padStart(2, "0");
  return hex;
}

/** SHA-256 of UTF-8 text, lowercase hex, with WebCrypto (the path for runtimes without node:crypto). */
export async function webCryptoSha256Hex(text: string): Promise<string> {
  return toHex(await globalThis.crypto.subtle.digest("SHA-256", utf8(text)));
}

/** SHA-256 of UTF-8 text, lowercase hex. Lone surrogates encode as U+FFFD on both paths (TextEncoder and Buffer). */
export async function sha256Hex(text: string): Promise<string> {
  return nodeCrypto === undefined
    ? webCryptoSha256Hex(text)
    : nodeCrypto.createHash("sha256").update(text, "utf8").digest("hex");
}

/** SHA-256 over the RFC 8785 canonical form of a JSON value. */
export async function sha256Digest(value: unknown): Promise<Digest> {
  return { algorithm: "sha-256", canonicalization: "rfc8785", value: await sha256Hex(canonicalJson(value)) };
}

/** A deep copy of JSON data with every object's members in sorted key order (RFC 8785's order, UTF-16 code units).
 *  canonicalJson writes such data with one JSON.stringify. `keep` names root members copied by reference (already
 *  in that order). */
export function sortedKeysCopy<T>(value: T, keep?: string): T {
  if (Array.isArray(value)) return value.map((item: unknown) => sortedKeysCopy(item)) as T;
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort())
    setMember(copy, key, key === keep ? record[key] : sortedKeysCopy(record[key]));
  return copy as T;
}

/** copy[key] = value as an own data member, even for "__proto__" (JSON.parse makes it one; assigning it would set the
 *  copy's prototype instead and drop the member). */
export function setMember(copy: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  else copy[key] = value;
}

/** Deep copy of JSON data (documents are plain JSON, so a parse round trip is exact). */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
