// Transfer private keys at rest: the keyring stores each owner's key pairs as a JWE (RFC 7516, `dir` + A256GCM,
// jose) under the configured key-encryption key, with the public halves beside it in clear for the JWKS. The owner
// is in the JWE's protected header, so a sealed blob moved to another owner's row does not open. Reading the
// database (a backup, a stolen disk, another tenant's SQL access) then gives no usable private key without the
// key-encryption key, which lives in configuration, not in the database.
import { createHash } from "node:crypto";
import { compactDecrypt, CompactEncrypt } from "jose";
import type { JWK } from "../../../sdk/src/bundle/index.ts";

/** What an owner's keys are (the keyring's working form). */
export interface OwnerKeyPairs {
  owner: string;
  signing: { kid: string; privateJwk: JWK; publicJwk: JWK };
  encryption: { kid: string; privateJwk: JWK; publicJwk: JWK };
}

/** How they are stored when sealed: public halves in clear, everything in `sealed`. */
export interface SealedKeyRecord {
  owner: string;
  signing: { kid: string; publicJwk: JWK };
  encryption: { kid: string; publicJwk: JWK };
  sealed: string;
}

export const isSealed = (body: unknown): body is SealedKeyRecord =>
  typeof (body as { sealed?: unknown })?.sealed === "string";

const OWNER_HEADER = "x-send-owner";

export class KeySealer {
  /** Names the key-encryption key (not secret: a hash of 32 random bytes) so a wrong key gives a clear error. */
  readonly kid: string;
  constructor(private readonly key: Uint8Array) {
    if (key.length !== 32) throw new Error("the key-encryption key must be 32 bytes");
    this.kid = `kek-${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
  }

  async seal(keys: OwnerKeyPairs): Promise<SealedKeyRecord> {
    const sealed = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(keys)))
      .setProtectedHeader({ alg: "dir", enc: "A256GCM", kid: this.kid, [OWNER_HEADER]: keys.owner })
      .encrypt(this.key);
    return {
      owner: keys.owner,
      signing: { kid: keys.signing.kid, publicJwk: keys.signing.publicJwk },
      encryption: { kid: keys.encryption.kid, publicJwk: keys.encryption.publicJwk },
      sealed,
    };
  }

  async open(record: SealedKeyRecord): Promise<OwnerKeyPairs> {
    let plaintext: Uint8Array;
    let header: Record<string, unknown>;
    try {
      ({ plaintext, protectedHeader: header } = await compactDecrypt(record.sealed, this.key, {
        keyManagementAlgorithms: ["dir"],
        contentEncryptionAlgorithms: ["A256GCM"],
      }));
    } catch (err) {
      const kid = sealedKid(record.sealed);
      const hint = kid && kid !== this.kid ? ` (sealed under ${kid}; KEY_ENCRYPTION_KEY is ${this.kid})` : "";
      throw new Error(`transfer keys of ${record.owner} could not be decrypted with KEY_ENCRYPTION_KEY${hint}`, {
        cause: err,
      });
    }
    const keys = JSON.parse(new TextDecoder().decode(plaintext)) as OwnerKeyPairs;
    // The clear public halves are what the JWKS publishes: they must be the sealed keys' own.
    if (
      header[OWNER_HEADER] !== record.owner ||
      keys.owner !== record.owner ||
      keys.signing.kid !== record.signing.kid ||
      keys.encryption.kid !== record.encryption.kid
    ) {
      throw new Error(`sealed transfer keys do not belong to the record of ${record.owner}`);
    }
    return keys;
  }
}

function sealedKid(jwe: string): string | undefined {
  try {
    const header = JSON.parse(Buffer.from(jwe.split(".")[0] ?? "", "base64url").toString("utf8")) as { kid?: unknown };
    return typeof header.kid === "string" ? header.kid : undefined;
  } catch {
    return undefined;
  }
}
