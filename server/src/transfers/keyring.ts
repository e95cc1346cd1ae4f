// Each setting (and each local authority acting as sender or claimant) has its own ES256 signing key and a P-256
// key for receiving encrypted bundles, generated on first use and stored in the database (kind transfer-key), so
// they survive restarts and are the same for every process on one database. The public halves are the server's
// JWKS at /.well-known/jwks.json. With a key-encryption key (main.ts always passes one) the private halves are
// stored encrypted (keyring-sealing.ts); keys an earlier version stored in clear are read and re-written sealed.
import {
  generateEncryptionKey,
  generateSigningKey,
  publicJwk,
  type JWK,
  type KeyPairJwk,
} from "../../../sdk/src/bundle/index.ts";
import { AlreadyExistsError, ConflictError, type Store, type StoredVersion } from "../storage/store.ts";
import { KEY_KIND, transferStore } from "../storage/transfer-store.ts";
import { isSealed, KeySealer, type SealedKeyRecord } from "./keyring-sealing.ts";

export interface OwnerKeys {
  owner: string; // "urn:<URN>" or "la:<code>"
  signing: KeyPairJwk;
  encryption: KeyPairJwk;
}

export const settingOwner = (urn: string) => `urn:${urn}`;
export const laOwner = (laCode: string) => `la:${laCode}`;

const SYSTEM_PROV = (reason: string) => ({
  actor: { subject: "transfer-keyring", role: "system-integration", tenant: {} },
  reason,
  correlationId: "transfer-keyring",
});

/** A public JWK with the x-send-owner member (RFC 7517 §4: unknown members are ignored by other consumers). */
const withOwner = (jwk: JWK, owner: string): JWK => ({ ...publicJwk(jwk), ["x-send-owner"]: owner }) as JWK;

/** A stored key record: sealed, or (written by an earlier version, or without a key-encryption key) in clear. */
type StoredKeys = SealedKeyRecord | OwnerKeys;

export class KeyRing {
  private readonly cache = new Map<string, Promise<OwnerKeys>>();
  private readonly sealer: KeySealer | undefined;
  /** `keyEncryptionKey`: 32 bytes; without one (tests that build an app directly) keys are stored in clear. */
  constructor(
    private readonly store: Store,
    keyEncryptionKey?: Uint8Array,
  ) {
    this.sealer = keyEncryptionKey ? new KeySealer(keyEncryptionKey) : undefined;
  }

  /** The owner's keys, created on first use. Two processes racing both read the one that won the insert. */
  keysFor(owner: string): Promise<OwnerKeys> {
    let p = this.cache.get(owner);
    if (!p) {
      p = this.loadOrCreate(owner);
      p.catch(() => this.cache.delete(owner));
      this.cache.set(owner, p);
    }
    return p;
  }

  private async loadOrCreate(owner: string): Promise<OwnerKeys> {
    const ts = transferStore(this.store);
    const existing = await ts.getKey<StoredKeys>(owner);
    if (existing) return this.opened(existing);
    const keys: OwnerKeys = { owner, signing: await generateSigningKey(), encryption: await generateEncryptionKey() };
    try {
      await ts.createKey(
        owner,
        this.sealer ? await this.sealer.seal(keys) : keys,
        SYSTEM_PROV(`transfer keys for ${owner}`),
      );
      return keys;
    } catch (err) {
      if (!(err instanceof AlreadyExistsError)) throw err;
      const won = await ts.getKey<StoredKeys>(owner);
      if (!won) throw err;
      return this.opened(won);
    }
  }

  /** The key pairs of a stored record; a record in clear is re-written sealed when a key-encryption key is set. */
  private async opened(stored: StoredVersion<StoredKeys>): Promise<OwnerKeys> {
    const body = stored.body;
    if (isSealed(body)) {
      if (!this.sealer)
        throw new Error(`transfer keys of ${body.owner} are encrypted at rest; configure KEY_ENCRYPTION_KEY`);
      return this.sealer.open(body);
    }
    if (this.sealer) {
      // Versions are immutable, so the clear version stays in the history (see server/README.md "Data at rest");
      // from here on the current version, which every read uses, is sealed.
      try {
        await this.store.update(
          KEY_KIND,
          body.owner,
          stored.version,
          await this.sealer.seal(body),
          {},
          {},
          SYSTEM_PROV(`transfer keys for ${body.owner} encrypted at rest`),
        );
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err; // another process sealed it first
      }
    }
    return body;
  }

  /** The private key pair behind a kid found in a stored record's public halves. */
  private async pairOf(stored: StoredVersion<StoredKeys>, use: "sig" | "enc"): Promise<KeyPairJwk> {
    const keys = await this.opened(stored);
    return use === "sig" ? keys.signing : keys.encryption;
  }

  /** Every stored owner's public keys (signing and encryption), for the JWKS. */
  async jwks(): Promise<{ keys: JWK[] }> {
    const keys: JWK[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.search<StoredKeys>({ kind: KEY_KIND, limit: 200, ...(cursor ? { cursor } : {}) });
      // x-send-owner says whose key it is, so a sender can pick the receiving setting's encryption key.
      for (const v of page.items)
        keys.push(
          withOwner(v.body.signing.publicJwk, v.body.owner),
          withOwner(v.body.encryption.publicJwk, v.body.owner),
        );
      cursor = page.nextCursor;
    } while (cursor);
    return { keys };
  }

  /** Finds one of this server's own keys by kid (own signatures are trusted; own encryption keys decrypt). */
  async byKid(kid: string): Promise<{ owner: string; use: "sig" | "enc"; pair: KeyPairJwk } | undefined> {
    for (const p of this.cache.values()) {
      const k = await p.catch(() => undefined);
      if (k?.signing.kid === kid) return { owner: k.owner, use: "sig", pair: k.signing };
      if (k?.encryption.kid === kid) return { owner: k.owner, use: "enc", pair: k.encryption };
    }
    let cursor: string | undefined;
    do {
      const page = await this.store.search<StoredKeys>({ kind: KEY_KIND, limit: 200, ...(cursor ? { cursor } : {}) });
      for (const v of page.items) {
        // Public halves are in clear in both forms; only the matching record is decrypted.
        if (v.body.signing.kid === kid) return { owner: v.body.owner, use: "sig", pair: await this.pairOf(v, "sig") };
        if (v.body.encryption.kid === kid)
          return { owner: v.body.owner, use: "enc", pair: await this.pairOf(v, "enc") };
      }
      cursor = page.nextCursor;
    } while (cursor);
    return undefined;
  }
}
