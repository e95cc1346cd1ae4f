// The signed trust list over real HTTP, run once per database (trust-list.pglite.test.ts, trust-list.postgres.test.ts):
// a receiver configured with a trust anchor believes only issues that anchor signed (never an older one again, and
// the list outlives a restart), and refuses bundles signed by a key the list does not list, lists only from a later
// instant, lists only until an earlier one, revokes, or that belongs to a setting that has closed; each refusal names
// its reason code, and the receipt code list says whether the sender may retry. Then two servers and one anchor: a
// bundle addressed to a setting the list says converted is delivered to its successor's inbox, the successor's
// receipt is accepted and the plan is filed under the successor; one addressed to a setting that closed without a
// successor is never sent, and its inbox refuses it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generateSigningKey,
  publicJwk,
  receiptReasonsFrom,
  signTrustList,
  verifyReceipt,
  type KeyPairJwk,
  type TrustList,
  type TrustListEntry,
} from "../../../sdk/src/bundle/index.ts";
import receiptReasons from "../../../schemas/vocab/receipt-reasons.json" with { type: "json" };
import type { Store } from "../storage/store.ts";
import { newChild, newIsp } from "../testing/fixtures.ts";
import { startTestServer } from "../testing/harness.ts";
import type { Tenant } from "../testing/fixtures.ts";
import {
  addSetting,
  clock2030,
  must,
  RECEIVING,
  seedChild,
  SENDING,
  settled,
  signedTestBundle,
  startPeer,
  type Peer,
} from "./testing.ts";

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

  describe(`a new trust anchor on ${opts.name}`, () => {
    it("after the anchor key changes the stored list is not believed, and the new anchor's first issue replaces it", async () => {
      const store = await opts.newStore();
      const first = await generateSigningKey();
      const second = await generateSigningKey();
      const old = await startPeer(store, RECEIVING, {
        trustAnchor: { keys: [{ kid: first.kid, jwk: first.publicJwk }] },
      });
      try {
        const jws = (await signTrustList(list(first.kid, 5, []), {
          privateKey: first.privateJwk,
          kid: first.kid,
        })) as string;
        await must(
          await old.server.call("POST", "/trust-list", { token: old.tokens.publisher, body: { trustList: jws } }),
          200,
        );
      } finally {
        old.service.stop();
        await old.server.close();
      }
      const rotated = await startPeer(store, RECEIVING, {
        trustAnchor: { keys: [{ kid: second.kid, jwk: second.publicJwk }] },
      });
      try {
        const none = await rotated.server.call("GET", "/trust-list");
        expect(none.status).toBe(404);
        await none.arrayBuffer();
        const jws = (await signTrustList(list(second.kid, 1, []), {
          privateKey: second.privateJwk,
          kid: second.kid,
        })) as string;
        const held = await must(
          await rotated.server.call("POST", "/trust-list", {
            token: rotated.tokens.publisher,
            body: { trustList: jws },
          }),
          200,
        );
        expect(held).toMatchObject({ sequence: 1, issuer: { kid: second.kid } });
      } finally {
        rotated.service.stop();
        await rotated.server.close();
        await store.close();
      }
    });
  });

  describe(`successors in the signed trust list on ${opts.name}`, () => {
    // A maintained school (OLD) converted to an academy whose system is B (RECEIVING); another school (GONE) closed
    // with no successor. Neither inbox answers: whatever reaches them was misdelivered.
    const OLD: Tenant = {
      settingUrn: "100010",
      laCode: "926",
      laestab: "9264010",
      settingName: "Marsh Lane Infant School",
    };
    const GONE: Tenant = { settingUrn: "100011", laCode: "926", laestab: "9264011", settingName: "Fen End School" };
    const DEAD_INBOX = "http://127.0.0.1:9/transfers/inbox";
    let a: Peer;
    let b: Peer;
    let anchor: KeyPairJwk;

    const closedEntry = (t: Tenant, successor?: Tenant): TrustListEntry => ({
      entryType: "setting",
      urn: t.settingUrn,
      laCode: t.laCode,
      name: t.settingName,
      status: successor ? "converted" : "closed",
      closedOn: "2030-03-31",
      ...(successor ? { successor: { urn: successor.settingUrn, name: successor.settingName } } : {}),
      endpoints: { inbox: DEAD_INBOX },
    });

    beforeAll(async () => {
      anchor = await generateSigningKey();
      const trustAnchor = { keys: [{ kid: anchor.kid, jwk: anchor.publicJwk }] };
      a = await startPeer(await opts.newStore(), SENDING, { trustAnchor });
      b = await startPeer(await opts.newStore(), RECEIVING, { trustAnchor });
      for (const t of [SENDING, OLD, GONE]) await addSetting(a, t);
      await addSetting(b, RECEIVING);
      // A reaches B's academy through its operator's directory; B believes A's keys because the list names A's JWKS.
      a.config.directory.push({
        urn: RECEIVING.settingUrn,
        name: RECEIVING.settingName,
        baseUrl: b.server.url,
        jwksUrl: `${b.server.url}/.well-known/jwks.json`,
      });
      const sender: TrustListEntry = {
        entryType: "setting",
        urn: SENDING.settingUrn,
        laCode: SENDING.laCode,
        name: SENDING.settingName,
        status: "open",
        endpoints: { inbox: `${a.server.url}/transfers/inbox`, jwks: `${a.server.url}/.well-known/jwks.json` },
      };
      const jws = (await signTrustList(list(anchor.kid, 1, [sender, closedEntry(OLD, RECEIVING), closedEntry(GONE)]), {
        privateKey: anchor.privateJwk,
        kid: anchor.kid,
      })) as string;
      for (const p of [a, b])
        await must(
          await p.server.call("POST", "/trust-list", { token: p.tokens.publisher, body: { trustList: jws } }),
          200,
        );
    });
    afterAll(async () => {
      for (const p of [a, b]) {
        p?.service.stop();
        await p?.server.close();
        await p?.store.close();
      }
    });

    it("a transfer addressed to the converted school reaches its academy, whose receipt is accepted", async () => {
      const { child, isp } = await seedChild(a);
      const created = await must(
        await a.server.call("POST", `/children/${child.childId}/transfers`, {
          token: a.tokens.staff,
          body: { receiver: { urn: OLD.settingUrn }, reason: "in-year-move" },
        }),
        201,
      );
      const done = await settled(a, created.id as string);
      expect(done.status, JSON.stringify(done)).toBe("accepted");
      expect((done.delivery as Json).inboxUrl).toBe(`${b.server.url}/transfers/inbox`);
      // The receipt is the academy's: signed with B's key for RECEIVING, naming RECEIVING as the receiver.
      const bJwks = await must(await b.server.call("GET", "/.well-known/jwks.json"), 200);
      const receipt = await verifyReceipt(done.receipt as string, {
        trustedKeys: { keys: bJwks.keys as never },
        expectedBundleId: created.id as string,
      });
      expect(receipt.ok).toBe(true);
      if (receipt.ok) expect(receipt.receipt.receiver.setting?.urn).toBe(RECEIVING.settingUrn);
      // The plan is filed under the academy, and the bundle as sent still names the school it was addressed to.
      const read = await b.server.call("GET", `/isps/${isp.id}`, { token: b.tokens.staff });
      expect(read.status).toBe(200);
      await read.arrayBuffer();
      const sent = await (
        await a.server.call("GET", `/transfers/${created.id}/bundle`, { token: a.tokens.staff })
      ).text();
      const payload = JSON.parse(Buffer.from(sent.split(".")[1]!, "base64url").toString("utf8")) as Json;
      expect(((payload.manifest as Json).receiver as Json).setting).toMatchObject({ urn: OLD.settingUrn });
    });

    it("a transfer to a school that closed with no successor is refused before anything is signed or sent", async () => {
      const { child } = await seedChild(a);
      const res = await a.server.call("POST", `/children/${child.childId}/transfers`, {
        token: a.tokens.staff,
        body: { receiver: { urn: GONE.settingUrn }, reason: "in-year-move" },
      });
      const body = (await res.json()) as { errors?: { ruleId: string }[] };
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(body.errors?.map((e) => e.ruleId)).toEqual(["api.transfer-receiver-closed"]);
    });

    it("the academy's inbox takes a bundle addressed to its predecessor, and refuses one for a closed school", async () => {
      const signer = await generateSigningKey();
      const listed = list(anchor.kid, 2, [
        entry(SENDING.settingUrn, [{ key: signer }]),
        closedEntry(OLD, RECEIVING),
        closedEntry(GONE),
      ]);
      const jws = (await signTrustList(listed, { privateKey: anchor.privateJwk, kid: anchor.kid })) as string;
      await must(
        await b.server.call("POST", "/trust-list", { token: b.tokens.publisher, body: { trustList: jws } }),
        200,
      );
      const inbox = (bundle: string) =>
        b.server.call("POST", "/transfers/inbox", { rawBody: bundle, headers: { "content-type": "application/jose" } });

      const isp = newIsp(newChild(OLD));
      const toOld = await signedTestBundle([isp], signer, OLD, { from: SENDING });
      const answer = await must(await inbox(toOld.jws), 200);
      expect(answer.decision).toBe("accepted");
      const read = await b.server.call("GET", `/isps/${isp.id}`, { token: b.tokens.staff });
      expect(read.status).toBe(200);
      await read.arrayBuffer();

      const lost = newIsp(newChild(GONE));
      const toGone = await signedTestBundle([lost], signer, GONE, { from: SENDING });
      const refused = await inbox(toGone.jws);
      const body = (await refused.json()) as { errors: { ruleId: string; message: string }[] };
      expect(refused.status).toBe(422);
      expect(body.errors[0]).toMatchObject({ ruleId: "bundle.not-intended-recipient" });
      expect(body.errors[0]!.message).toMatch(/closed/);
      const gone = await b.server.call("GET", `/isps/${lost.id}`, { token: b.tokens.la });
      expect(gone.status).toBe(404);
      await gone.arrayBuffer();
    });
  });
}
