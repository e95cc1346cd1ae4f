// Each setting (and each local authority acting as sender or claimant) has its own ES256 signing key and a P-256
// key for receiving encrypted bundles, generated on first use and stored in the database (kind transfer-key), so
// they survive restarts and are the same for every process on one database. The public halves are the server's
// JWKS at /.well-known/jwks.json.
import { generateEncryptionKey, generateSigningKey, publicJwk, type JWK, type KeyPairJwk } from "../../../sdk/src/bundle/index.ts";
import { AlreadyExistsError, type Store } from "../storage/store.ts";
import { KEY_KIND, transferStore } from "../storage/transfer-store.ts";

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

export class KeyRing {
  private readonly cache = new Map<string, Promise<OwnerKeys>>();
  constructor(private readonly store: Store) {}

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
    const existing = await ts.getKey<OwnerKeys>(owner);
    if (existing) return existing.body;
    const keys: OwnerKeys = { owner, signing: await generateSigningKey(), encryption: await generateEncryptionKey() };
    try {
      await ts.createKey(owner, keys, SYSTEM_PROV(`transfer keys for ${owner}`));
      return keys;
    } catch (err) {
      if (!(err instanceof AlreadyExistsError)) throw err;
      const won = await ts.getKey<OwnerKeys>(owner);
      if (!won) throw err;
      return won.body;
    }
  }

  /** Every stored owner's public keys (signing and encryption), for the JWKS. */
  async jwks(): Promise<{ keys: JWK[] }> {
    const keys: JWK[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.search<OwnerKeys>({ kind: KEY_KIND, limit: 200, ...(cursor ? { cursor } : {}) });
      // x-send-owner says whose key it is, so a sender can pick the receiving setting's encryption key.
      for (const v of page.items) keys.push(withOwner(v.body.signing.publicJwk, v.body.owner), withOwner(v.body.encryption.publicJwk, v.body.owner));
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
      const page = await this.store.search<OwnerKeys>({ kind: KEY_KIND, limit: 200, ...(cursor ? { cursor } : {}) });
      for (const v of page.items) {
        if (v.body.signing.kid === kid) return { owner: v.body.owner, use: "sig", pair: v.body.signing };
        if (v.body.encryption.kid === kid) return { owner: v.body.owner, use: "enc", pair: v.body.encryption };
      }
      cursor = page.nextCursor;
    } while (cursor);
    return undefined;
  }
}
