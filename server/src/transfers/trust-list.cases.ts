// The signed trust list over real HTTP, run once per database (trust-list.pglite.test.ts, trust-list.postgres.test.ts):
// a receiver configured with a trust anchor believes only issues that anchor signed (never an older one again, and
// the list outlives a restart), and refuses bundles signed by a key the list does not list, lists only from a later
// instant, lists only until an earlier one, revokes, or that belongs to a setting that has closed; each refusal names
// its reason code, and the receipt code list says whether the sender may retry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generateSigningKey,
  publicJwk,
  receiptReasonsFrom,
  signTrustList,
  type KeyPairJwk,
  type TrustList,
  type TrustListEntry,
} from "../../../sdk/src/bundle/index.ts";
import receiptReasons from "../../../schemas/vocab/receipt-reasons.json" with { type: "json" };
import type { Store } from "../storage/store.ts";
import { newChild, newIsp } from "../testing/fixtures.ts";
import { startTestServer } from "../testing/harness.ts";
import { addSetting, clock2030, must, RECEIVING, signedTestBundle, startPeer, type Peer } from "./testing.ts";

type Json = Record<string, unknown>;

const DAY = 86_400_000;

function entry(
  urn: string,
  keys: { key: KeyPairJwk; notBefore?: string; notAfter?: string }[],
  extra: Partial<TrustListEntry> = {},
): TrustListEntry {
  return {
    entryType: "setting",
    urn,
    laCode: "873",
    name: `Setting ${urn}`,
    status: "open",
    endpoints: { inbox: `https://mis.example/${urn}/transfers/inbox` },
    keys: keys.map((k) => ({
      kid: k.key.kid,
      jwk: { ...(publicJwk(k.key.publicJwk) as { kty: "EC"; crv: "P-256"; x: string; y: string }), kid: k.key.kid },
      ...(k.notBefore ? { notBefore: k.notBefore } : {}),
      ...(k.notAfter ? { notAfter: k.notAfter } : {}),
    })),
    ...extra,
  };
}

function list(
  anchorKid: string,
  sequence: number,
  entries: TrustListEntry[],
  revocations: TrustList["revocations"] = [],
): TrustList {
  const now = new Date().toISOString();
  return {
    documentType: "trust-list",
    schemaVersion: "1.0",
    id: "6f1c2a4e-8a57-4d0b-9d51-0c1f3e2a9b10",
    provenance: {
      createdBy: { personType: "system", displayName: "Test anchor" },
      createdAt: now,
      system: { name: "Test anchor", version: "1" },
    },
    sequence,
    issuer: { name: "Test anchor", kid: anchorKid },
    issuedAt: now,
    nextUpdate: new Date(Date.now() + DAY).toISOString(),
    entries,
    revocations,
  };
}

export function runTrustListCases(opts: { name: string; newStore(): Promise<Store> }): void {
  describe(`the signed trust list on ${opts.name}`, () => {
    let peer: Peer;
    let anchor: KeyPairJwk;
    let other: KeyPairJwk;
    const keys: Record<string, KeyPairJwk> = {};
    const t = clock2030()();
    const iso = (ms: number) => new Date(t.getTime() + ms).toISOString();
    const publish = (jws: string, token = peer.tokens.publisher) =>
      peer.server.call("POST", "/trust-list", { token, body: { trustList: jws } });

    beforeAll(async () => {
      anchor = await generateSigningKey();
      other = await generateSigningKey();
      for (const k of ["valid", "future", "expired", "revoked", "closed", "unlisted"])
        keys[k] = await generateSigningKey();
      peer = await startPeer(await opts.newStore(), RECEIVING, {
        trustAnchor: { keys: [{ kid: anchor.kid, jwk: anchor.publicJwk }] },
      });
      await addSetting(peer, RECEIVING);
    });
    afterAll(async () => {
      peer?.service.stop();
      await peer?.server.close();
      await peer?.store.close();
    });

    const issue = (sequence: number) =>
      list(
        anchor.kid,
        sequence,
        [
          entry("100001", [
            { key: keys.valid! },
            { key: keys.future!, notBefore: iso(DAY) },
            { key: keys.expired!, notAfter: iso(-DAY) },
            { key: keys.revoked! },
          ]),
          entry("100002", [{ key: keys.closed! }], {
            status: "converted",
            closedOn: "2030-01-01",
            successor: { urn: "100003", name: "Successor Academy" },
          }),
        ],
        [{ kid: keys.revoked!.kid, revokedAt: iso(-3600_000), reason: "key-compromise" }],
      );

    it("holds no list at first (404), and refuses a publisher without the scope (403) or a token (401)", async () => {
      expect((await peer.server.call("GET", "/trust-list")).status).toBe(404);
      const jws = (await signTrustList(issue(1), { privateKey: anchor.privateJwk, kid: anchor.kid })) as string;
      expect((await publish(jws, peer.tokens.staff)).status).toBe(403);
      expect((await peer.server.call("POST", "/trust-list", { body: { trustList: jws } })).status).toBe(401);
    });

    it("refuses a list not signed by the configured anchor (422, nothing held)", async () => {
      const forged = { ...issue(1), issuer: { name: "Forger", kid: other.kid } };
      const jws = (await signTrustList(forged, { privateKey: other.privateJwk, kid: other.kid })) as string;
      const res = await publish(jws);
      const body = (await res.json()) as Json;
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(JSON.stringify(body.errors)).toContain("trust-list.unknown-key");
      expect((await peer.server.call("GET", "/trust-list")).status).toBe(404);
    });

    it("believes an anchor-signed issue, serves it to anyone, and never goes back to an older one (409)", async () => {
      const first = (await signTrustList(issue(2), { privateKey: anchor.privateJwk, kid: anchor.kid })) as string;
      const held = await must(await publish(first), 200);
      expect(held).toMatchObject({ sequence: 2, entryCount: 2, revocationCount: 1, trustList: first });
      expect((await must(await peer.server.call("GET", "/trust-list"), 200)).trustList).toBe(first);
      const older = (await signTrustList(issue(1), { privateKey: anchor.privateJwk, kid: anchor.kid })) as string;
      const res = await publish(older);
      expect(res.status).toBe(409);
      await res.arrayBuffer();
      const same = (await signTrustList(issue(2), { privateKey: anchor.privateJwk, kid: anchor.kid })) as string;
      expect((await publish(same)).status).toBe(409);
      expect((await must(await peer.server.call("GET", "/trust-list"), 200)).sequence).toBe(2);
    });

    it("a bundle signed by a listed key in its validity is accepted", async () => {
      const child = newChild(RECEIVING);
      const { jws } = await signedTestBundle([newIsp(child)], keys.valid!, RECEIVING);
      const res = await peer.server.call("POST", "/transfers/inbox", {
        rawBody: jws,
        headers: { "content-type": "application/jose" },
      });
      expect((await must(res, 200)).decision).toBe("accepted");
    });

    it.each([
      ["unlisted", "bundle.unknown-key", "unknown-signing-key", "retryable"],
      ["future", "bundle.key-not-yet-valid", "signing-key-not-yet-valid", "retryable"],
      ["expired", "bundle.key-expired", "signing-key-expired", "final"],
      ["revoked", "bundle.key-revoked", "signing-key-revoked", "final"],
      ["closed", "bundle.setting-closed", "sender-setting-closed", "final"],
    ])(
      "a bundle signed by the %s key is refused with %s (receipt code %s, %s), nothing stored",
      async (k, code, receiptCode, retry) => {
        const child = newChild(RECEIVING);
        const isp = newIsp(child);
        const { jws } = await signedTestBundle([isp], keys[k]!, RECEIVING);
        const res = await peer.server.call("POST", "/transfers/inbox", {
          rawBody: jws,
          headers: { "content-type": "application/jose" },
        });
        const body = (await res.json()) as { errors: { ruleId: string; message: string }[] };
        expect(res.status, JSON.stringify(body)).toBe(422);
        expect(body.errors.map((e) => e.ruleId)).toEqual([code]);
        const [mapped] = receiptReasonsFrom([{ code, message: body.errors[0]!.message }]);
        expect(mapped!.code).toBe(receiptCode);
        expect(receiptReasons.codes.find((c) => c.code === receiptCode)?.retry).toBe(retry);
        const read = await peer.server.call("GET", `/isps/${isp.id}`, { token: peer.tokens.la });
        expect(read.status).toBe(404);
        await read.arrayBuffer();
      },
    );

    it("the list outlives a restart: a new server on the same database still holds it and still refuses", async () => {
      const again = await startTestServer(peer.store, {
        transfers: { ...peer.config, trustAnchor: { keys: [{ kid: anchor.kid, jwk: anchor.publicJwk }] } },
      });
      try {
        expect((await must(await again.call("GET", "/trust-list"), 200)).sequence).toBe(2);
        const { jws } = await signedTestBundle([newIsp(newChild(RECEIVING))], keys.revoked!, RECEIVING);
        const res = await again.call("POST", "/transfers/inbox", {
          rawBody: jws,
          headers: { "content-type": "application/jose" },
        });
        expect(res.status).toBe(422);
        expect(JSON.stringify(await res.json())).toContain("bundle.key-revoked");
      } finally {
        await again.close();
      }
    });
  });
}
