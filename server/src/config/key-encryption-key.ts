// The key that encrypts transfer private keys at rest (transfers/keyring-sealing.ts): 32 random bytes, given as
// base64 or base64url in KEY_ENCRYPTION_KEY. Production must configure it (keep it out of the database's backups);
// the demo generates one into DATA_DIR/key-encryption.key (mode 0600) on first start.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const KEY_ENCRYPTION_KEY_HINT = "make one with: openssl rand -base64 32";
export const KEY_ENCRYPTION_KEY_FILE = "key-encryption.key";

/** 32 bytes from base64/base64url text (padding optional), or undefined. */
export function parseKeyEncryptionKey(text: string): Uint8Array | undefined {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) return undefined;
  const bytes = Buffer.from(t.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return bytes.length === 32 ? new Uint8Array(bytes) : undefined;
}

/** Demo only: the key kept in dataDir, created on first use with mode 0600 (never overwritten). */
export function loadOrCreateKeyEncryptionKey(dataDir: string): Uint8Array {
  const file = join(dataDir, KEY_ENCRYPTION_KEY_FILE);
  if (existsSync(file)) {
    const key = parseKeyEncryptionKey(readFileSync(file, "utf8"));
    if (!key) throw new Error(`${file} does not hold a 32-byte base64url key`);
    return key;
  }
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  return new Uint8Array(key);
}
