// File helpers for the bundle, keys and ctf commands: read JSON/JWK/JWKS and signed or encrypted bundles.
import { readFileSync } from "node:fs";
import { isJwks, type JWK, type Jwks } from "../bundle/keys.ts";

export class UsageError extends Error {}

export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(
      `cannot read ${path}: ${code === "ENOENT" ? "no such file or directory" : error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function readJwk(path: string): JWK {
  const value = readJson(path);
  if (typeof value !== "object" || value === null || typeof (value as JWK).kty !== "string")
    throw new UsageError(`${path} is not a JWK (no "kty")`);
  return value as JWK;
}

export function readJwks(path: string): Jwks {
  const value = readJson(path);
  if (isJwks(value)) return value;
  if (typeof value === "object" && value !== null && typeof (value as JWK).kty === "string")
    return { keys: [value as JWK] };
  throw new UsageError(`${path} is neither a JWKS ({"keys": [...]}) nor a JWK`);
}

/** A bundle file holds a compact JWS or JWE (text) or a flattened JWS (JSON object). */
export function readSigned(path: string): unknown {
  const text = readText(path).trim();
  if (text.startsWith("{")) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
