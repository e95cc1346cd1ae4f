// The transfer case suite over real HTTP, run once per database (transfers.pglite.test.ts,
// transfers.postgres.test.ts): two reference servers in one process (two stores, two key rings, each other's JWKS in
// the trust list) move a child end to end with receipts; idempotency, 409 and all-or-nothing imports.
// Requirements: SI-API-044..055 (spec/requirements/requirements.json).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decodeUnverifiedPayload,
  generateSigningKey,
  verifyBundle,
  verifyReceipt,
  type KeyPairJwk,
} from "../../../sdk/src/bundle/index.ts";
import type { Store } from "../storage/store.ts";
import { adoptId, newIsp, newEhcp, newChild, registerChild, type Tenant } from "../testing/fixtures.ts";
import {
  addSetting,
  introduce,
  must,
  RECEIVING,
  seedChild,
  SENDING,
  settled,
  signedTestBundle,
  startPeer,
  THIRD,
  VICTIM,
  type Peer,
} from "./testing.ts";

type Json = Record<string, unknown>;

export interface TransferCaseOptions {
  name: string;
  newStore(): Promise<Store>;
}

/** A store whose transactions fail on the Nth document write while `armed`: proves imports are all or nothing. */
export function faultyStore(inner: Store, state: { armed: boolean; failOnWrite: number }): Store {
  const wrap = (s: Store): Store => {
    let writes = 0;
    const count = () => {
      writes++;
      if (state.armed && writes === state.failOnWrite) throw new Error("injected failure mid-import");
    };
    return {
      ...s,
      create: async (...args) => {
        count();
        return s.create(...args);
      },
      update: async (...args) => {
        count();
        return s.update(...args);
      },
      transaction: (fn) => s.transaction((tx) => fn(wrap(tx))),
    };
  };
  return { ...inner, transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))) };
}

export function runTransferCases(opts: TransferCaseOptions): void {
  describe(`transfers between two servers on ${opts.name}`, () => {
    let a: Peer;
    let b: Peer;
    let remoteKey: KeyPairJwk;
    const fault = { armed: false, failOnWrite: 2 };

    beforeAll(async () => {
      a = await startPeer(await opts.newStore(), SENDING);
      b = await startPeer(faultyStore(await opts.newStore(), fault), RECEIVING);
      introduce(a, b);
      for (const t of [SENDING, RECEIVING, VICTIM, THIRD]) await addSetting(a, t);
      for (const t of [RECEIVING, VICTIM]) await addSetting(b, t);
      // A third, test-played sender whose key B trusts statically (for the inbox cases).
      remoteKey = await generateSigningKey();
      b.config.trustedKeys.push({ kid: remoteKey.kid, jwk: remoteKey.publicJwk, owner: "test sender" });
    });

    afterAll(async () => {
      for (const p of [a, b]) {
        p?.service.stop();
        await p?.server.close();
        await p?.store.close();
      }
    });

    const jwsFor = (r: Tenant) => r; // readability in the cases below

    it("SI-API-044/045/046/050/054/055: sends a child A → B: signed, digested, redactions recorded, receipt stored, lifecycle with timestamps", async () => {
      const { child, isp } = await seedChild(a);
      const created = await must(
        await a.server.call("POST", `/children/${child.childId}/transfers`, {
          token: a.tokens.staff,
          body: { receiver: { urn: jwsFor(RECEIVING).settingUrn }, reason: "in-year-move" },
        }),
        201,
      );
      expect(created.status).toBe("prepared");
      const done = await settled(a, created.id as string);
      expect(done.status, JSON.stringify(done.reasons)).toBe("accepted");
      expect(Object.keys(done.timestamps as Json)).toEqual(
        expect.arrayContaining(["prepared", "sent", "received", "accepted"]),
      );
      expect((done.sharing as Json).labelsExcluded).toContain("safeguarding");
      expect(typeof done.redactionCount).toBe("number");

      // The bundle as sent: ES256 with the sending setting's kid (published in A's JWKS), digests verify.
      const jws = await (
        await a.server.call("GET", `/transfers/${created.id}/bundle`, { token: a.tokens.staff })
      ).text();
      const jwks = await must(await a.server.call("GET", "/.well-known/jwks.json"), 200);
      const verified = await verifyBundle(jws, { trustedKeys: { keys: jwks.keys as never }, now: a.config.clock!() });
      expect(verified.ok).toBe(true);
      if (verified.ok) {
        expect(verified.header.alg).toBe("ES256");
        expect(verified.digest.value).toBe(done.bundleDigest);
      }
      // The receipt is signed by B's key and names this bundle and digest.
      const bJwks = await must(await b.server.call("GET", "/.well-known/jwks.json"), 200);
      const receipt = await verifyReceipt(done.receipt, {
        now: a.config.clock!(),
        trustedKeys: { keys: bJwks.keys as never },
        expectedBundleId: created.id as string,
        expectedDigest: done.bundleDigest as string,
      });
      expect(receipt.ok && receipt.receipt.decision).toBe("accepted");

      // B took ownership: B's staff read the plan, which carries import provenance; the sender's history is readable at B.
      const atB = await must(await b.server.call("GET", `/isps/${isp.id}`, { token: b.tokens.staff }), 200);
      expect((atB.provenance as Json).importedFromBundleId).toBe(created.id);
      const incoming = await must(
        await b.server.call("GET", `/transfers/${created.id}`, { token: b.tokens.staff }),
        200,
      );
      expect(incoming.direction).toBe("incoming");
      // A's parent sees the status in plain words.
      const parent = await a.server.token({ sub: "parent", send_role: "parent-carer", child_ids: [child.childId] });
      const list = await must(
        await a.server.call("GET", `/children/${child.childId}/transfers`, { token: parent }),
        200,
      );
      expect((list.items as Json[])[0]!.statusText as string).toMatch(/accepted your child's records/);
      // Every export and import is audited.
      const auditA = await must(
        await a.server.call("GET", `/audit?resourceId=${created.id}`, { token: a.tokens.auditor }),
        200,
      );
      expect((auditA.items as Json[]).some((e) => e.action === "export")).toBe(true);
      const auditB = await must(
        await b.server.call("GET", `/audit?resourceId=${isp.id}`, { token: b.tokens.auditor }),
        200,
      );
      expect((auditB.items as Json[]).some((e) => e.action === "import")).toBe(true);
    });

    it("encrypts to the receiver's published key when asked (JWE), and B still accepts it", async () => {
      const { child } = await seedChild(a);
      const created = await must(
        await a.server.call("POST", `/children/${child.childId}/transfers`, {
          token: a.tokens.staff,
          body: { receiver: { urn: RECEIVING.settingUrn }, reason: "in-year-move", encrypt: true },
        }),
        201,
      );
      const jwe = await (
        await a.server.call("GET", `/transfers/${created.id}/bundle`, { token: a.tokens.staff })
      ).text();
      expect(jwe.split(".")).toHaveLength(5);
      expect((await settled(a, created.id as string)).status).toBe("accepted");
    });

    it("SI-API-047: the same bundle twice is one import: same receipt, no new versions", async () => {
      const child = newChild(SENDING);
      const isp = newIsp(child);
      const { jws } = await signedTestBundle([isp], remoteKey, RECEIVING);
      const first = await must(
        await b.server.call("POST", "/transfers/inbox", {
          rawBody: jws,
          headers: { "content-type": "application/jose" },
        }),
        200,
      );
      const second = await must(
        await b.server.call("POST", "/transfers/inbox", {
          rawBody: jws,
          headers: { "content-type": "application/jose" },
        }),
        200,
      );
      expect(second.replayed).toBe(true);
      expect(second.receipt).toBe(first.receipt);
      const versions = await must(
        await b.server.call("GET", `/isps/${isp.id}/versions`, { token: b.tokens.staff }),
        200,
      );
      expect(versions.items).toHaveLength(1);
      const children = await must(
        await b.server.call("GET", `/children?upn=${child.upn}`, { token: b.tokens.staff }),
        200,
      );
      expect(children.items).toHaveLength(1);
    });

    it("SI-API-047: ten concurrent deliveries of one bundle: one import, nine replays, one version", async () => {
      const child = newChild(SENDING);
      const isp = newIsp(child);
      const { jws } = await signedTestBundle([isp], remoteKey, RECEIVING);
      const answers = await Promise.all(
        Array.from({ length: 10 }, async () =>
          must(
            await b.server.call("POST", "/transfers/inbox", {
              rawBody: jws,
              headers: { "content-type": "application/jose" },
            }),
            200,
          ),
        ),
      );
      expect(answers.filter((x) => x.replayed === false)).toHaveLength(1);
      expect(new Set(answers.map((x) => x.receipt)).size).toBe(1);
      const versions = await must(
        await b.server.call("GET", `/isps/${isp.id}/versions`, { token: b.tokens.staff }),
        200,
      );
      expect(versions.items).toHaveLength(1);
    });

    it("SI-API-048: the same bundle id with different content is 409 and changes nothing", async () => {
      const child = newChild(SENDING);
      const isp = newIsp(child);
      const { jws, bundle } = await signedTestBundle([isp], remoteKey, RECEIVING);
      await must(
        await b.server.call("POST", "/transfers/inbox", {
          rawBody: jws,
          headers: { "content-type": "application/jose" },
        }),
        200,
      );
      const changed = newIsp(child, { id: isp.id, summary: undefined });
      (changed.provenance as Json).changeReason = "A different version of the plan";
      const { jws: other } = await signedTestBundle([changed], remoteKey, RECEIVING, { bundleId: bundle.id });
      const res = await b.server.call("POST", "/transfers/inbox", {
        rawBody: other,
        headers: { "content-type": "application/jose" },
      });
      const body = (await res.json()) as Json;
      expect(res.status).toBe(409);
      expect(body.type).toMatch(/conflict$/);
      const versions = await must(
        await b.server.call("GET", `/isps/${isp.id}/versions`, { token: b.tokens.staff }),
        200,
      );
      expect(versions.items).toHaveLength(1);
    });

    it("SI-API-049/051: an import that fails part-way leaves nothing behind, and re-sending completes it", async () => {
      const child = newChild(SENDING);
      const isp = newIsp(child);
      const ehcp = newEhcp(child);
      const { jws } = await signedTestBundle([isp, ehcp], remoteKey, RECEIVING);
      fault.armed = true;
      fault.failOnWrite = 3; // child record, ISP, then the EHCP fails
      const failed = await b.server.call("POST", "/transfers/inbox", {
        rawBody: jws,
        headers: { "content-type": "application/jose" },
      });
      await failed.arrayBuffer();
      fault.armed = false;
      expect(failed.status).toBe(500);
      for (const path of [`/isps/${isp.id}`, `/ehcps/${ehcp.id}`]) {
        const res = await b.server.call("GET", path, { token: b.tokens.la });
        await res.arrayBuffer();
        expect(res.status).toBe(404);
      }
      expect(
        (await must(await b.server.call("GET", `/children?upn=${child.upn}`, { token: b.tokens.la }), 200)).items,
      ).toHaveLength(0);
      const again = await must(
        await b.server.call("POST", "/transfers/inbox", {
          rawBody: jws,
          headers: { "content-type": "application/jose" },
        }),
        200,
      );
      expect(again.replayed).toBe(false);
      const imported = await must(
        await b.server.call("GET", `/transfers/${(decodeUnverifiedPayload(jws) as Json).id}`, {
          token: b.tokens.staff,
        }),
        200,
      );
      expect((imported.documents as Json[]).map((d) => d.id)).toEqual([isp.id, ehcp.id]);
    });

    it("SI-API-052: an existing child gets a new version with provenance, never an overwrite", async () => {
      const child = newChild(RECEIVING);
      const isp = newIsp(child);
      // B already holds the child and the plan (version 1).
      await registerChild(b.server.call, b.tokens.staff, child, {
        child: { ...(isp.child as Json) },
        settingUrn: RECEIVING.settingUrn,
        laCode: RECEIVING.laCode,
      });
      (isp.child as Json).personId = child.childId; // the id B assigned (SI-API-057)
      await must(await adoptId(await b.server.call("POST", "/isps", { token: b.tokens.staff, body: isp }), isp), 201);
      const incoming = {
        ...isp,
        provenance: { ...(isp.provenance as Json), changeReason: "Reviewed at the previous school" },
      };
      const { jws, bundle } = await signedTestBundle([incoming], remoteKey, RECEIVING);
      await must(
        await b.server.call("POST", "/transfers/inbox", {
          rawBody: jws,
          headers: { "content-type": "application/jose" },
        }),
        200,
      );
      expect(
        (await must(await b.server.call("GET", `/transfers/${bundle.id}`, { token: b.tokens.staff }), 200)).childId,
      ).toBe(child.childId);
      const versions = await must(
        await b.server.call("GET", `/isps/${isp.id}/versions`, { token: b.tokens.staff }),
        200,
      );
      expect((versions.items as Json[]).map((v) => v.version)).toEqual([1, 2]);
      const v1 = await must(await b.server.call("GET", `/isps/${isp.id}/versions/1`, { token: b.tokens.staff }), 200);
      expect((v1.provenance as Json).importedFromBundleId).toBeUndefined();
      const v2 = await must(await b.server.call("GET", `/isps/${isp.id}/versions/2`, { token: b.tokens.staff }), 200);
      expect((v2.provenance as Json).importedFromBundleId).toBe(bundle.id);
    });

    it("SI-API-053: unknown destination: the responsible LA finds the bundle by UPN in the unclaimed queue and claims it", async () => {
      const { child } = await seedChild(a);
      const created = await must(
        await a.server.call("POST", `/children/${child.childId}/transfers`, {
          token: a.tokens.staff,
          body: { receiver: { unknownDestination: true }, reason: "in-year-move" },
        }),
        201,
      );
      expect(created.status).toBe("sent");
      const otherLa = await a.server.token({ sub: "la-x", send_role: "la-officer", la_code: "926" });
      expect(
        (await must(await a.server.call("GET", `/transfers/unclaimed?upn=${child.upn}`, { token: otherLa }), 200))
          .items,
      ).toHaveLength(0);
      const queue = await must(
        await a.server.call("GET", `/transfers/unclaimed?upn=${child.upn}`, { token: a.tokens.la }),
        200,
      );
      expect((queue.items as Json[]).map((t) => t.id)).toEqual([created.id]);
      const claimed = await must(
        await a.server.call("POST", `/transfers/${created.id}/claim`, { token: a.tokens.la }),
        200,
      );
      expect(claimed.status).toBe("claimed");
      expect(Object.keys(claimed.timestamps as Json)).toEqual(
        expect.arrayContaining(["prepared", "sent", "received", "accepted", "claimed"]),
      );
      expect(
        (await must(await a.server.call("GET", `/transfers/unclaimed?upn=${child.upn}`, { token: a.tokens.la }), 200))
          .items,
      ).toHaveLength(0);
      const twice = await a.server.call("POST", `/transfers/${created.id}/claim`, { token: a.tokens.la });
      await twice.arrayBuffer();
      expect(twice.status).toBe(409);
    });

    it("a bundle addressed to a setting this server does not host is rejected with a signed rejection receipt", async () => {
      const child = newChild(SENDING);
      const { jws } = await signedTestBundle([newIsp(child)], remoteKey, { ...RECEIVING, settingUrn: "999999" });
      const res = await b.server.call("POST", "/transfers/inbox", {
        rawBody: jws,
        headers: { "content-type": "application/jose" },
      });
      const body = (await res.json()) as Json;
      expect(res.status).toBe(422);
      expect((body.errors as Json[])[0]!.ruleId).toBe("bundle.not-intended-recipient");
      expect(typeof body.receipt).toBe("string");
      expect((decodeUnverifiedPayload(body.receipt) as Json).decision).toBe("rejected");
    });

    // ── Issue 11, point 1: the record takeover through the inbox, and everything around it ──
    const inbox = (peer: Peer, jws: string) =>
      peer.server.call("POST", "/transfers/inbox", { rawBody: jws, headers: { "content-type": "application/jose" } });
    const staffOf = (peer: Peer, t: typeof SENDING) =>
      peer.server.token({ sub: `staff-${t.settingUrn}`, send_role: "setting-staff", setting_urn: t.settingUrn });
    const status = async (res: Response) => {
      await res.arrayBuffer();
      return res.status;
    };

    /** A child of `t` on `peer` with one ISP, and a decoy at SENDING carrying the same UPN (with its own ISP). */
    async function victimAndDecoy(peer: Peer, t: typeof SENDING, attacker: string) {
      const victim = newChild(t);
      const victimToken = await staffOf(peer, t);
      await registerChild(peer.server.call, victimToken, victim); // ids are the server's (SI-API-057)
      const victimIsp = newIsp(victim);
      await must(
        await adoptId(await peer.server.call("POST", "/isps", { token: victimToken, body: victimIsp }), victimIsp),
        201,
      );
      const victimRes = await peer.server.call("GET", `/children/${victim.childId}`, { token: victimToken });
      const before = { etag: victimRes.headers.get("etag"), body: await victimRes.text() };
      const decoy = { ...newChild(SENDING), upn: victim.upn };
      await registerChild(peer.server.call, attacker, decoy);
      const decoyIsp = newIsp(decoy);
      await must(
        await adoptId(await peer.server.call("POST", "/isps", { token: attacker, body: decoyIsp }), decoyIsp),
        201,
      );
      return { victim, victimToken, victimIsp, before, decoy, decoyIsp };
    }

    async function expectVictimUntouched(peer: Peer, v: Awaited<ReturnType<typeof victimAndDecoy>>) {
      const now = await peer.server.call("GET", `/children/${v.victim.childId}`, { token: v.victimToken });
      expect(now.status).toBe(200);
      expect(now.headers.get("etag")).toBe(v.before.etag);
      expect(await now.text()).toBe(v.before.body);
      const versions = await must(
        await peer.server.call("GET", `/isps/${v.victimIsp.id}/versions`, { token: v.victimToken }),
        200,
      );
      expect(versions.items).toHaveLength(1);
    }

    it(
      "SI-API-066: a transfer addressed to the sender's own setting is refused (the issue 11 " +
        "takeover), and the other setting's child is untouched",
      async () => {
        const v = await victimAndDecoy(a, VICTIM, a.tokens.staff);
        const res = await a.server.call("POST", `/children/${v.decoy.childId}/transfers`, {
          token: a.tokens.staff,
          body: { receiver: { urn: SENDING.settingUrn }, reason: "in-year-move" },
        });
        const body = (await res.json()) as Json;
        expect(res.status, JSON.stringify(body)).toBe(422);
        expect(res.headers.get("content-type")).toMatch(/problem\+json/);
        expect((body.errors as Json[])[0]!.ruleId).toBe("api.transfer-self-addressed");
        await a.service.idle();
        await expectVictimUntouched(a, v);
        expect(
          await status(await a.server.call("GET", `/children/${v.victim.childId}`, { token: a.tokens.staff })),
        ).toBe(404);
      },
    );

    it("SI-API-065/067: a decoy sent to another setting on the same server is held for review: the matched child is never moved, read or merged", async () => {
      const v = await victimAndDecoy(a, VICTIM, a.tokens.staff);
      const third = await staffOf(a, THIRD);
      const created = await must(
        await a.server.call("POST", `/children/${v.decoy.childId}/transfers`, {
          token: a.tokens.staff,
          body: { receiver: { urn: THIRD.settingUrn }, reason: "in-year-move" },
        }),
        201,
      );
      const done = await settled(a, created.id as string);
      // The sender gets the ordinary accepted receipt: it cannot tell that the UPN matched a record elsewhere.
      expect(done.status).toBe("accepted");
      expect((decodeUnverifiedPayload(done.receipt) as Json).decision).toBe("accepted");
      await expectVictimUntouched(a, v);
      for (const token of [third, a.tokens.staff]) {
        expect(await status(await a.server.call("GET", `/children/${v.victim.childId}`, { token }))).toBe(404);
        const found = await must(await a.server.call("GET", `/children?upn=${v.victim.upn}`, { token }), 200);
        expect((found.items as Json[]).map((c) => c.id)).not.toContain(v.victim.childId);
      }
      // The receiving setting's queue holds it, saying which identifier matched but never whose record.
      const queue = await must(await a.server.call("GET", "/transfers/reviews", { token: third }), 200);
      const held = (queue.items as Json[]).find((i) => i.id === created.id)!;
      expect(held.status).toBe("held");
      expect((held.review as Json).matchedIdentifiers).toEqual(["upn"]);
      expect(JSON.stringify(queue)).not.toContain(v.victim.childId);
      for (const token of [v.victimToken, a.tokens.staff, a.tokens.la]) {
        const other = await must(await a.server.call("GET", "/transfers/reviews", { token }), 200);
        expect((other.items as Json[]).map((i) => i.id)).not.toContain(created.id);
        expect(
          await status(
            await a.server.call("POST", `/transfers/${created.id}/review`, { token, body: { decision: "decline" } }),
          ),
        ).toBe(404);
      }
      // The match is audited on the matched child (its own setting and parents can see an import was refused).
      const audit = await must(
        await a.server.call("GET", `/audit?resourceId=${v.victim.childId}`, { token: a.tokens.auditor }),
        200,
      );
      expect((audit.items as Json[]).some((e) => e.action === "import" && e.outcome === "denied")).toBe(true);
      // The reviewer imports it as a new child of their own: a fresh child record; the ISP, whose id is the
      // sender's record's, gets a local id; the matched child is still exactly as it was.
      const decided = await must(
        await a.server.call("POST", `/transfers/${created.id}/review`, {
          token: third,
          body: { decision: "import-as-new-child", note: "Checked with the parent" },
        }),
        200,
      );
      expect(decided.status).toBe("accepted");
      expect(decided.childId).not.toBe(v.victim.childId);
      expect(decided.childId).not.toBe(v.decoy.childId);
      const doc = (decided.documents as Json[])[0]!;
      expect(doc.bundleDocumentId).toBe(v.decoyIsp.id);
      expect(doc.id).not.toBe(v.decoyIsp.id);
      expect((await must(await a.server.call("GET", `/isps/${doc.id}`, { token: third }), 200)).id).toBe(doc.id);
      expect(
        (await must(await a.server.call("GET", `/children/${decided.childId}`, { token: third }), 200)).settingUrn,
      ).toBe(THIRD.settingUrn);
      await expectVictimUntouched(a, v);
      expect(
        await status(
          await a.server.call("POST", `/transfers/${created.id}/review`, {
            token: third,
            body: { decision: "decline" },
          }),
        ),
      ).toBe(409);
      const trail = await must(
        await a.server.call("GET", `/audit?resourceId=${created.id}`, { token: a.tokens.auditor }),
        200,
      );
      expect((trail.items as Json[]).filter((e) => e.action === "import").length).toBeGreaterThanOrEqual(2);
    });

    it(
      "SI-API-065: a remote bundle whose child matches another setting's child, with that " +
        "setting's document id, changes and reveals nothing; the reviewer may decline",
      async () => {
        const victim = newChild(VICTIM);
        const victimToken = await staffOf(b, VICTIM);
        await registerChild(b.server.call, victimToken, victim); // ids are the server's (SI-API-057)
        const victimIsp = newIsp(victim);
        await must(
          await adoptId(await b.server.call("POST", "/isps", { token: victimToken, body: victimIsp }), victimIsp),
          201,
        );
        const forged = { ...newIsp({ ...newChild(SENDING), upn: victim.upn }), id: victimIsp.id };
        const { jws, bundle } = await signedTestBundle([forged], remoteKey, RECEIVING);
        const res = await must(await inbox(b, jws), 200);
        expect(Object.keys(res).sort()).toEqual(["bundleId", "decision", "receipt", "replayed"]);
        expect(await status(await b.server.call("GET", `/children/${victim.childId}`, { token: b.tokens.staff }))).toBe(
          404,
        );
        expect(await status(await b.server.call("GET", `/isps/${victimIsp.id}`, { token: b.tokens.staff }))).toBe(404);
        expect(
          (await must(await b.server.call("GET", `/isps/${victimIsp.id}/versions`, { token: victimToken }), 200)).items,
        ).toHaveLength(1);
        expect(
          (await must(await b.server.call("GET", `/isps/${victimIsp.id}`, { token: victimToken }), 200)).provenance,
        ).not.toHaveProperty("importedFromBundleId");
        const declined = await must(
          await b.server.call("POST", `/transfers/${bundle.id}/review`, {
            token: b.tokens.staff,
            body: { decision: "decline" },
          }),
          200,
        );
        expect(declined.status).toBe("declined");
        expect(
          (await must(await b.server.call("GET", "/transfers/reviews", { token: b.tokens.staff }), 200))
            .items as Json[],
        ).not.toContainEqual(expect.objectContaining({ id: bundle.id }));
        // Replays still get the first receipt.
        expect((await must(await inbox(b, jws), 200)).receipt).toBe(res.receipt);
      },
    );

    it("SI-API-065: a document id taken by another setting's record is stored under a local id; the other record is untouched", async () => {
      const victim = newChild(VICTIM);
      const victimToken = await staffOf(b, VICTIM);
      await registerChild(b.server.call, victimToken, victim); // ids are the server's (SI-API-057)
      const victimIsp = newIsp(victim);
      await must(
        await adoptId(await b.server.call("POST", "/isps", { token: victimToken, body: victimIsp }), victimIsp),
        201,
      );
      const { jws, bundle } = await signedTestBundle(
        [{ ...newIsp(newChild(SENDING)), id: victimIsp.id }],
        remoteKey,
        RECEIVING,
      );
      await must(await inbox(b, jws), 200);
      const imported = await must(
        await b.server.call("GET", `/transfers/${bundle.id}`, { token: b.tokens.staff }),
        200,
      );
      expect(imported.status).toBe("accepted");
      const doc = (imported.documents as Json[])[0]!;
      expect(doc.id).not.toBe(victimIsp.id);
      expect((await must(await b.server.call("GET", `/isps/${doc.id}`, { token: b.tokens.staff }), 200)).id).toBe(
        doc.id,
      );
      expect(
        (await must(await b.server.call("GET", `/isps/${victimIsp.id}/versions`, { token: victimToken }), 200)).items,
      ).toHaveLength(1);
      expect(await status(await b.server.call("GET", `/isps/${victimIsp.id}`, { token: b.tokens.staff }))).toBe(404);
    });

    it("SI-API-066: the inbox refuses a bundle whose sender setting is its receiver", async () => {
      const { jws } = await signedTestBundle([newIsp(newChild(RECEIVING))], remoteKey, RECEIVING, { from: RECEIVING });
      const res = await inbox(b, jws);
      const body = (await res.json()) as Json;
      expect(res.status).toBe(422);
      expect((body.errors as Json[]).map((e) => e.ruleId)).toEqual(["bundle.self-addressed"]);
      const receipt = decodeUnverifiedPayload(body.receipt) as Json;
      expect(receipt.decision).toBe("rejected");
      expect((receipt.reasons as Json[])[0]!.code).toBe("not-intended-recipient");
    });

    it("SI-API-068: unverified input gets its reasons but no signed receipt", async () => {
      const stranger = await generateSigningKey();
      const { jws, bundle } = await signedTestBundle([newIsp(newChild(SENDING))], stranger, RECEIVING);
      const [h, p] = jws.split(".");
      for (const forged of [jws, `${h}.${p}.`, `${h}.${p}.${"A".repeat(86)}`]) {
        const res = await inbox(b, forged);
        const body = (await res.json()) as Json;
        expect(res.status).toBe(422);
        expect(res.headers.get("content-type")).toMatch(/problem\+json/);
        expect((body.errors as Json[]).length).toBeGreaterThan(0);
        expect(body).not.toHaveProperty("receipt");
      }
      expect(await status(await b.server.call("GET", `/transfers/${bundle.id}`, { token: b.tokens.staff }))).toBe(404);
    });
  });
}
