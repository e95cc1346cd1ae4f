// Issue 11, point 1, replayed as the attacker did it, over real HTTP on one reference server hosting three settings:
// staff at setting A make a decoy child carrying setting B's child's UPN, give it a plan, and send it to their own
// setting and to a third setting C on the same server. Before the fix the inbox matched the child by UPN across every
// tenancy and re-filed B's child under the receiver: A (or C) read B's child and B got 404. The case asserts only the
// outcome, not the mechanism (the send to A's own setting may be refused or delivered), so it runs unchanged against
// the pre-fix inbox and import: there it fails. Run once per database (takeover.pglite.test.ts,
// takeover.postgres.test.ts). Requirements SI-API-065, SI-API-066.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../storage/store.ts";
import { adoptId, newChild, newIsp, registerChild, type Tenant } from "../testing/fixtures.ts";
import { addSetting, must, SENDING, settled, startPeer, type Peer } from "./testing.ts";

type Json = Record<string, unknown>;

// B (the victim's setting) and C (a third setting) are hosted by the same server as the attacker's setting A.
const SETTING_B: Tenant = { settingUrn: "135791", laCode: "926", laestab: "9264002", settingName: "Brookside Academy" };
const SETTING_C: Tenant = {
  settingUrn: "135792",
  laCode: "873",
  laestab: "8734003",
  settingName: "Hollins Park School",
};

export function runTakeoverCase(opts: { name: string; newStore(): Promise<Store> }): void {
  describe(`the inbox record takeover of issue 11 on ${opts.name}`, () => {
    let server: Peer;
    beforeAll(async () => {
      server = await startPeer(await opts.newStore(), SENDING);
      for (const t of [SENDING, SETTING_B, SETTING_C]) await addSetting(server, t);
    });
    afterAll(async () => {
      server?.service.stop();
      await server?.server.close();
      await server?.store.close();
    });

    it("a decoy child with another setting's UPN, sent to the attacker's own setting and to a third, takes nothing over", async () => {
      const call = server.server.call.bind(server.server);
      const staff = (t: Tenant) =>
        server.server.token({ sub: `staff-${t.settingUrn}`, send_role: "setting-staff", setting_urn: t.settingUrn });
      const [attacker, staffB, staffC] = await Promise.all([staff(SENDING), staff(SETTING_B), staff(SETTING_C)]);
      const status = async (res: Response) => {
        await res.arrayBuffer();
        return res.status;
      };

      // B's child, with a plan (ids are the server's, SI-API-057: the fixtures adopt them).
      const victim = newChild(SETTING_B);
      await registerChild(call, staffB, victim);
      const victimIsp = newIsp(victim);
      await must(await adoptId(await call("POST", "/isps", { token: staffB, body: victimIsp }), victimIsp), 201);
      const before = await call("GET", `/children/${victim.childId}`, { token: staffB });
      const beforeChild = { etag: before.headers.get("etag"), body: await before.text() };
      const beforeIsp = await call("GET", `/isps/${victimIsp.id}`, { token: staffB });
      const beforeIspEtag = beforeIsp.headers.get("etag");
      await beforeIsp.arrayBuffer();

      // A's decoy: another child record carrying B's child's UPN, with a plan of A's own.
      const decoy = { ...newChild(SENDING), upn: victim.upn };
      await registerChild(call, attacker, decoy);
      await must(await call("POST", "/isps", { token: attacker, body: newIsp(decoy) }), 201);

      // The attack: the decoy sent to A's own setting, then to C. A refusal (4xx) or a delivery are both fine here;
      // what matters is what happens to B's child.
      for (const receiver of [SENDING, SETTING_C]) {
        const res = await call("POST", `/children/${decoy.childId}/transfers`, {
          token: attacker,
          body: { receiver: { urn: receiver.settingUrn }, reason: "in-year-move" },
        });
        const body = JSON.parse(await res.text()) as Json;
        if (res.status === 201) {
          const done = await settled(server, body.id as string, attacker);
          expect(["accepted", "rejected"], JSON.stringify(done)).toContain(done.status);
        } else {
          expect(res.status, JSON.stringify(body)).toBe(422);
        }
      }

      // B's child and plan are exactly as they were, and still B's: B reads them (200), nobody else can.
      const after = await call("GET", `/children/${victim.childId}`, { token: staffB });
      expect(after.status).toBe(200);
      expect(after.headers.get("etag")).toBe(beforeChild.etag);
      const afterBody = await after.text();
      expect(afterBody).toBe(beforeChild.body);
      expect((JSON.parse(afterBody) as Json).settingUrn).toBe(SETTING_B.settingUrn);
      const ispAfter = await call("GET", `/isps/${victimIsp.id}`, { token: staffB });
      expect(ispAfter.status).toBe(200);
      expect(ispAfter.headers.get("etag")).toBe(beforeIspEtag);
      await ispAfter.arrayBuffer();
      expect(
        (await must(await call("GET", `/isps/${victimIsp.id}/versions`, { token: staffB }), 200)).items,
      ).toHaveLength(1);
      for (const token of [attacker, staffC]) {
        expect(await status(await call("GET", `/children/${victim.childId}`, { token }))).toBe(404);
        expect(await status(await call("GET", `/isps/${victimIsp.id}`, { token }))).toBe(404);
        const byUpn = await must(await call("GET", `/children?upn=${victim.upn}`, { token }), 200);
        expect((byUpn.items as Json[]).map((c) => c.id)).not.toContain(victim.childId);
        expect(JSON.stringify(byUpn)).not.toContain(victim.childId);
      }
    }, 180_000);
  });
}
