// The two-stage acknowledgement over real HTTP, once per database (acknowledgement.pglite.test.ts,
// acknowledgement.postgres.test.ts): two servers exchange a bundle, its receipt and a signed integration
// acknowledgement; escalation with an injected instant; a retryable refusal retried to success; a final refusal
// not retried; an undelivered bundle expiring with a report and an audit trail. Requirements SI-API-094..084.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createIntegration,
  generateSigningKey,
  signIntegration,
  verifyIntegration,
} from "../../../sdk/src/bundle/index.ts";
import type { Store } from "../storage/store.ts";
import {
  addSetting,
  introduce,
  must,
  RECEIVING,
  seedChild,
  SENDING,
  settled,
  startPeer,
  VICTIM,
  type Peer,
} from "./testing.ts";
import { dueDate } from "./school-days.ts";

type Json = Record<string, unknown>;

export interface AcknowledgementCaseOptions {
  name: string;
  newStore(): Promise<Store>;
}

const STAFF_NAME = "Ms Jo Patel (SENCO)";

export function runAcknowledgementCases(opts: AcknowledgementCaseOptions): void {
  describe(`two-stage acknowledgement between two servers on ${opts.name}`, () => {
    let a: Peer; // sender
    let b: Peer; // receiver
    let named: string; // B's staff with a name claim

    beforeAll(async () => {
      a = await startPeer(await opts.newStore(), SENDING);
      b = await startPeer(await opts.newStore(), RECEIVING);
      introduce(a, b);
      for (const t of [SENDING, RECEIVING, VICTIM]) await addSetting(a, t);
      await addSetting(b, RECEIVING);
      named = await b.server.token({
        sub: "staff-jo",
        send_role: "setting-staff",
        setting_urn: RECEIVING.settingUrn,
        name: STAFF_NAME,
      });
    });

    afterAll(async () => {
      for (const p of [a, b]) {
        p?.service.stop();
        await p?.server.close();
        await p?.store.close();
      }
    });

    /** A child of A sent to B, accepted. */
    async function accepted(): Promise<{ id: string; childId: string }> {
      const { child } = await seedChild(a);
      const created = await must(
        await a.server.call("POST", `/children/${child.childId}/transfers`, {
          token: a.tokens.staff,
          body: { receiver: { urn: RECEIVING.settingUrn }, reason: "in-year-move" },
        }),
        201,
      );
      const done = await settled(a, created.id as string);
      expect(done.status, JSON.stringify(done.reasons)).toBe("accepted");
      return { id: created.id as string, childId: child.childId };
    }

    const record = (id: string, body: unknown, token = named) =>
      b.server.call("POST", `/transfers/${id}/integration`, { token, body });

    it("SI-API-094/081: the receiver records integrated; the signed acknowledgement reaches the sender, which shows both stages", async () => {
      const { id } = await accepted();
      const answer = await must(await record(id, { outcome: "integrated" }), 202);
      expect((answer.integration as Json).recordedBy).toBe(STAFF_NAME);
      await b.service.idle();
      const atB = await must(await b.server.call("GET", `/transfers/${id}`, { token: b.tokens.staff }), 200);
      expect(((atB.integration as Json).delivery as Json).deliveredAt).toBeTruthy();

      const view = await must(await a.server.call("GET", `/transfers/${id}`, { token: a.tokens.staff }), 200);
      expect(view.status).toBe("integrated");
      expect(view.integrationOutcome).toBe("integrated");
      expect(view.integratedAt).toBeTruthy();
      expect(view.integration).toMatchObject({ outcome: "integrated", recordedBy: STAFF_NAME });
      expect(Object.keys(view.timestamps as Json)).toEqual(
        expect.arrayContaining(["prepared", "sent", "received", "accepted", "integrated"]),
      );
      // The acknowledgement the sender holds verifies against B's published key and names this bundle and digest.
      const bJwks = await must(await b.server.call("GET", "/.well-known/jwks.json"), 200);
      const checked = await verifyIntegration(view.integrationAcknowledgement, {
        trustedKeys: { keys: bJwks.keys as never },
        expectedBundleId: id,
        expectedDigest: view.bundleDigest as string,
      });
      expect(checked.ok && checked.integration.recordedBy.displayName).toBe(STAFF_NAME);
      // The responsible local authority sees both stages too.
      const la = await must(await a.server.call("GET", `/transfers/${id}`, { token: a.tokens.la }), 200);
      expect(la.status).toBe("integrated");
      // A second record is refused.
      expect((await record(id, { outcome: "not-integrated", reason: "other" })).status).toBe(409);
    });

    it("SI-API-094: not integrated needs a reason code, a named caller, and the receiver's own bundle", async () => {
      const { id } = await accepted();
      const noReason = await record(id, { outcome: "not-integrated" });
      expect(noReason.status).toBe(422);
      expect(JSON.stringify(await noReason.json())).toContain("/reason");
      expect((await record(id, { outcome: "integrated", reason: "wrong-child" })).status).toBe(422);
      expect((await record(id, { outcome: "taken" })).status).toBe(422);
      const nameless = await record(id, { outcome: "integrated" }, b.tokens.staff);
      expect(nameless.status).toBe(422);
      expect(JSON.stringify(await nameless.json())).toContain("api.integration-staff-name");
      // Another setting's staff cannot learn the bundle exists.
      const stranger = await b.server.token({
        sub: "other",
        send_role: "setting-staff",
        setting_urn: VICTIM.settingUrn,
        name: "Someone Else",
      });
      expect((await record(id, { outcome: "integrated" }, stranger)).status).toBe(404);

      await must(await record(id, { outcome: "not-integrated", reason: "child-not-on-roll", note: "Left." }), 202);
      await b.service.idle();
      const view = await must(await a.server.call("GET", `/transfers/${id}`, { token: a.tokens.staff }), 200);
      expect(view.status).toBe("not-integrated");
      expect(view.integration).toMatchObject({ outcome: "not-integrated", reason: "child-not-on-roll", note: "Left." });
      expect(view.integratedAt).toBeUndefined();
    });

    it("SI-API-095: the sender refuses an acknowledgement it cannot trust, and one for a bundle it did not send", async () => {
      const { id } = await accepted();
      const view = await must(await a.server.call("GET", `/transfers/${id}`, { token: a.tokens.staff }), 200);
      const doc = createIntegration({
        bundleId: id,
        bundleDigest: { algorithm: "sha-256", canonicalization: "rfc8785", value: view.bundleDigest as string },
        outcome: "integrated",
        recordedAt: new Date().toISOString(),
        recordedBy: "Mallory",
        receiver: { system: { name: "Forger", version: "1" } },
      });
      const unlisted = await generateSigningKey();
      const forged = await signIntegration(doc, { privateKey: unlisted.privateJwk, kid: unlisted.kid });
      const post = (body: string, type = "application/jose") =>
        a.server.call("POST", "/transfers/acknowledgements", {
          rawBody: body as string,
          headers: { "content-type": type },
        });
      const refused = await post(forged as string);
      expect(refused.status).toBe(422);
      expect(JSON.stringify(await refused.json())).toContain("integration.unknown-key");
      expect((await post("not a jws")).status).toBe(422);
      expect((await post(forged as string, "application/json")).status).toBe(415);
      const after = await must(await a.server.call("GET", `/transfers/${id}`, { token: a.tokens.staff }), 200);
      expect(after.status).toBe("accepted");
      // Signed by a key A trusts (A's own), but not the receiver's: refused as not from the receiver.
      const own = (await a.service.keyring.keysFor(`urn:${SENDING.settingUrn}`)).signing;
      const wrongSigner = await signIntegration(doc, { privateKey: own.privateJwk, kid: own.kid });
      const res = await post(wrongSigner as string);
      expect(res.status).toBe(422);
      expect(JSON.stringify(await res.json())).toContain("integration.not-receiver");
      // A bundle A never sent.
      const other = createIntegration({ ...doc, bundleId: crypto.randomUUID(), recordedBy: "Mallory" });
      const bKey = (await b.service.keyring.keysFor(`urn:${RECEIVING.settingUrn}`)).signing;
      const stray = await signIntegration(other, { privateKey: bKey.privateJwk, kid: bKey.kid });
      expect((await post(stray as string)).status).toBe(404);
    });

    it("SI-API-096: a transfer not integrated within 8 school days is listed for the LA, escalated by the sweep and audited", async () => {
      const { id } = await accepted();
      const view = await must(await a.server.call("GET", `/transfers/${id}`, { token: a.tokens.staff }), 200);
      const received = (view.timestamps as Json).received as string;
      const due = dueDate(new Date(received), 8, []);
      expect(view.integrationDueBy).toBe(due);
      const list = async (asOf?: string) =>
        (
          (
            await must(
              await a.server.call("GET", `/transfers/escalated${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ""}`, {
                token: a.tokens.la,
              }),
              200,
            )
          ).items as Json[]
        ).map((t) => t.id);
      // The injected instant: the day the transfer is due is not late; the next day is.
      const onDue = new Date(`${due}T12:00:00Z`);
      const dayAfter = new Date(onDue.getTime() + 86_400_000);
      expect(await list()).not.toContain(id);
      expect(await list(onDue.toISOString())).not.toContain(id);
      expect(await list(dayAfter.toISOString())).toContain(id);
      expect((await a.server.call("GET", "/transfers/escalated", { token: a.tokens.staff })).status).toBe(403);

      expect((await a.service.sweep(onDue)).escalated).not.toContain(id);
      expect((await a.service.sweep(dayAfter)).escalated).toContain(id);
      expect((await a.service.sweep(dayAfter)).escalated).not.toContain(id); // once only
      const escalated = await must(await a.server.call("GET", `/transfers/${id}`, { token: a.tokens.la }), 200);
      expect(escalated).toMatchObject({ status: "accepted", escalated: true, escalatedAt: dayAfter.toISOString() });
      const audit = await must(await a.server.call("GET", `/audit?resourceId=${id}`, { token: a.tokens.auditor }), 200);
      expect((audit.items as Json[]).some((e) => (e.actor as Json).subject === "transfer-escalation")).toBe(true);
      // Integration after escalation still lands, and the transfer leaves the list.
      await must(await record(id, { outcome: "integrated" }), 202);
      await b.service.idle();
      expect((await must(await a.server.call("GET", `/transfers/${id}`, { token: a.tokens.la }), 200)).status).toBe(
        "integrated",
      );
      expect(await list(dayAfter.toISOString())).not.toContain(id);
    });

    it("SI-API-097: a retryable refusal (key not yet listed) is retried until the receiver trusts the key", async () => {
      const c = await startPeer(await opts.newStore(), {
        ...RECEIVING,
        settingUrn: "121351",
        settingName: "Late Lane",
      });
      try {
        await addSetting(c, c.tenant);
        await addSetting(a, c.tenant);
        // A knows C; C does not know A yet, so it refuses A's bundles with bundle.unknown-key (retryable).
        a.config.directory.push({
          urn: c.tenant.settingUrn,
          baseUrl: c.server.url,
          jwksUrl: `${c.server.url}/.well-known/jwks.json`,
        });
        const saved = a.config.delivery;
        a.config.delivery = { ...saved, maxAttempts: 20, baseDelayMs: 100, maxDelayMs: 200 };
        const { child } = await seedChild(a);
        const created = await must(
          await a.server.call("POST", `/children/${child.childId}/transfers`, {
            token: a.tokens.staff,
            body: { receiver: { urn: c.tenant.settingUrn }, reason: "in-year-move" },
          }),
          201,
        );
        const id = created.id as string;
        // Wait for a refused attempt, then let C trust A.
        for (let i = 0; i < 200; i++) {
          const t = await must(await a.server.call("GET", `/transfers/${id}`, { token: a.tokens.staff }), 200);
          if (String((t.delivery as Json).lastError ?? "").includes("unknown-signing-key")) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        c.config.directory.push({
          urn: SENDING.settingUrn,
          baseUrl: a.server.url,
          jwksUrl: `${a.server.url}/.well-known/jwks.json`,
        });
        const done = await settled(a, id);
        a.config.delivery = saved;
        expect(done.status, JSON.stringify(done)).toBe("accepted");
        expect((done.delivery as Json).attempts as number).toBeGreaterThan(1);
      } finally {
        c.service.stop();
        await c.server.close();
        await c.store.close();
      }
    });

    it("SI-API-097: a final refusal (not the intended recipient) is not retried", async () => {
      // A believes B's server hosts VICTIM; B verifies A's signature, then refuses: not hosted here (final).
      a.config.directory.push({
        urn: VICTIM.settingUrn,
        baseUrl: b.server.url,
        jwksUrl: `${b.server.url}/.well-known/jwks.json`,
      });
      const { child } = await seedChild(a);
      const created = await must(
        await a.server.call("POST", `/children/${child.childId}/transfers`, {
          token: a.tokens.staff,
          body: { receiver: { urn: VICTIM.settingUrn }, reason: "in-year-move" },
        }),
        201,
      );
      const done = await settled(a, created.id as string);
      a.config.directory = a.config.directory.filter((e) => e.urn !== VICTIM.settingUrn);
      expect(done.status).toBe("rejected");
      expect((done.delivery as Json).attempts).toBe(1);
    });

    it("SI-API-098: an undelivered bundle expires with a reason for the sender; its record, bundle and history stay", async () => {
      // A receiver whose inbox answers 503 every time.
      const down = await startPeer(await opts.newStore(), {
        ...RECEIVING,
        settingUrn: "121352",
        settingName: "Closed Road",
      });
      const url = down.server.url;
      await down.server.close();
      try {
        await addSetting(a, down.tenant);
        a.config.directory.push({ urn: down.tenant.settingUrn, baseUrl: url, jwksUrl: `${url}/.well-known/jwks.json` });
        const { child } = await seedChild(a);
        const created = await must(
          await a.server.call("POST", `/children/${child.childId}/transfers`, {
            token: a.tokens.staff,
            body: { receiver: { urn: down.tenant.settingUrn }, reason: "in-year-move" },
          }),
          201,
        );
        const id = created.id as string;
        const now = a.config.clock!();
        expect((await a.service.sweep(now)).expired).not.toContain(id);
        const later = new Date(now.getTime() + a.config.expireUndeliveredAfterMs + 60_000);
        expect((await a.service.sweep(later)).expired).toContain(id);
        await a.service.idle();
        const view = await must(await a.server.call("GET", `/transfers/${id}`, { token: a.tokens.staff }), 200);
        expect(view.status).toBe("expired");
        expect((view.reasons as Json[])[0]!.code).toBe("delivery.expired");
        expect(view.statusText).toMatch(/could not be delivered/);
        const bundle = await a.server.call("GET", `/transfers/${id}/bundle`, { token: a.tokens.staff });
        expect(bundle.status).toBe(200);
        await bundle.arrayBuffer();
        const audit = await must(
          await a.server.call("GET", `/audit?resourceId=${id}`, { token: a.tokens.auditor }),
          200,
        );
        expect((audit.items as Json[]).some((e) => (e.actor as Json).subject === "transfer-expiry")).toBe(true);
        // An expired transfer is not delivered again, even after a restart's resume.
        await a.service.resumePending();
        await a.service.idle();
        expect(
          (await must(await a.server.call("GET", `/transfers/${id}`, { token: a.tokens.staff }), 200)).status,
        ).toBe("expired");
      } finally {
        await down.store.close();
      }
    });
  });
}
