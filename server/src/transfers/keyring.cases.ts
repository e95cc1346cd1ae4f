// Transfer private keys at rest, on either driver: sealed under the key-encryption key in the database (no private
// member readable in the stored record), the same keys after a restart, a clear message for a wrong or missing key,
// records bound to their owner, and clear records written by an earlier version upgraded to sealed on first read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import type { Store } from "../storage/store.ts";
import { KEY_KIND } from "../storage/transfer-store.ts";
import { KeyRing, settingOwner } from "./keyring.ts";

export function runKeyringCases(opts: { name: string; newStore: () => Promise<Store> }): void {
  let store: Store;
  const kek = new Uint8Array(randomBytes(32));
  beforeAll(async () => {
    store = await opts.newStore();
  });
  afterAll(async () => store?.close());

  /** The stored record as the database holds it, with every private member the JSON might carry. */
  async function stored(owner: string): Promise<{ version: number; text: string; body: Record<string, unknown> }> {
    const v = await store.get<Record<string, unknown>>(KEY_KIND, owner);
    if (!v) throw new Error(`no key record for ${owner}`);
    return { version: v.version, text: JSON.stringify(v.body), body: v.body };
  }

  describe(`transfer keys at rest (${opts.name})`, () => {
    it("are stored sealed: no private member in the database, public halves in clear for the JWKS", async () => {
      const owner = settingOwner("100001");
      const keys = await new KeyRing(store, kek).keysFor(owner);
      const rec = await stored(owner);
      expect(rec.text).not.toContain(keys.signing.privateJwk.d as string);
      expect(rec.text).not.toContain(keys.encryption.privateJwk.d as string);
      expect(rec.text).not.toMatch(/"d":/);
      expect(rec.body.sealed).toMatch(/^eyJ[^.]+\.\.[^.]+\.[^.]+\.[^.]+$/); // compact JWE, dir: empty encrypted key
      const jwks = await new KeyRing(store, kek).jwks();
      expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([keys.signing.kid, keys.encryption.kid]));
    });

    it("read back after a restart with the same key; byKid finds the private pair", async () => {
      const owner = settingOwner("100002");
      const first = await new KeyRing(store, kek).keysFor(owner);
      const again = new KeyRing(store, kek);
      expect(await again.keysFor(owner)).toEqual(first);
      const fresh = new KeyRing(store, kek); // nothing cached: found through the stored public halves
      expect((await fresh.byKid(first.encryption.kid))?.pair).toEqual(first.encryption);
    });

    it("a wrong key-encryption key, or none, is refused with a message naming KEY_ENCRYPTION_KEY", async () => {
      const owner = settingOwner("100003");
      await new KeyRing(store, kek).keysFor(owner);
      await expect(new KeyRing(store, new Uint8Array(randomBytes(32))).keysFor(owner)).rejects.toThrow(
        /could not be decrypted with KEY_ENCRYPTION_KEY \(sealed under kek-/,
      );
      await expect(new KeyRing(store).keysFor(owner)).rejects.toThrow(/configure KEY_ENCRYPTION_KEY/);
    });

    it("a sealed record copied under another owner does not open", async () => {
      const a = settingOwner("100004");
      const b = settingOwner("100005");
      const ring = new KeyRing(store, kek);
      await ring.keysFor(a);
      await ring.keysFor(b);
      const recB = await stored(b);
      const recA = await stored(a);
      const prov = { actor: { subject: "attacker", role: "system-integration", tenant: {} }, correlationId: "t" };
      await store.update(KEY_KIND, a, recA.version, { ...recB.body, owner: a }, {}, {}, prov);
      await expect(new KeyRing(store, kek).keysFor(a)).rejects.toThrow(/do not belong/);
    });

    it("keys an earlier version stored in clear are read and re-written sealed", async () => {
      const owner = settingOwner("100006");
      const clear = await new KeyRing(store).keysFor(owner); // no key-encryption key: the earlier version's format
      const before = await stored(owner);
      expect(before.text).toContain(clear.signing.privateJwk.d as string);
      const upgraded = await new KeyRing(store, kek).keysFor(owner);
      expect(upgraded).toEqual(clear); // the same keys: transfers in flight still decrypt
      const after = await stored(owner);
      expect(after.version).toBe(before.version + 1);
      expect(after.text).not.toMatch(/"d":/);
      expect(await new KeyRing(store, kek).keysFor(owner)).toEqual(clear);
    });
  });
}
