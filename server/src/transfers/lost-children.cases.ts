// Children who move between local authorities, and the transfer metrics, over real HTTP; run once per database
// (lost-children.pglite.test.ts, lost-children.postgres.test.ts). One server hosts two LAs: 873 (the child's, where
// the bundle waits unclaimed) and 926 (where the family reappears). Includes the attackers: a school's staff, a third
// LA's officer, and the requesting LA trying to approve its own request.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../storage/store.ts";
import { adoptId, newChild, newIsp, registerChild } from "../testing/fixtures.ts";
import { QUERIES_PER_HOUR } from "./lost-children.ts";
import { addSetting, must, SENDING, settled, startPeer, THIRD, VICTIM, type Peer } from "./testing.ts";

type Json = Record<string, unknown>;

export interface LostChildCaseOptions {
  name: string;
  newStore(): Promise<Store>;
}

/** Letters only, so a name stays a name for the fuzzy match; fresh per child so other tests' children never match. */
const freshName = () =>
  Array.from(
    randomUUID()
      .replace(/[^a-f]/g, "")
      .slice(0, 6),
    (ch) => String.fromCharCode(ch.charCodeAt(0) + 10),
  ).join("");
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function runLostChildCases(opts: LostChildCaseOptions): void {
  describe(`children who move between local authorities on ${opts.name}`, () => {
    let a: Peer;
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      a = await startPeer(await opts.newStore(), SENDING);
      for (const t of [SENDING, VICTIM, THIRD]) await addSetting(a, t);
      const la = (code: string, sub = `la-${code}`) => a.server.token({ sub, send_role: "la-officer", la_code: code });
      tokens.la873 = a.tokens.la;
      tokens.la926 = await la("926");
      tokens.la999 = await la("999");
      tokens.sweeper = await la("926", "la-926-sweeper");
      tokens.staff926 = await a.server.token({
        sub: "staff-926",
        send_role: "setting-staff",
        setting_urn: VICTIM.settingUrn,
      });
    });

    afterAll(async () => {
      a?.service.stop();
      await a?.server.close();
      await a?.store.close();
    });

    /** A child of LA 873 with a unique name, an ISP, and a bundle sent to an unknown destination. */
    async function heldChild() {
      const child = newChild(SENDING);
      await registerChild(a.server.call, a.tokens.staff, child);
      const name = { given: cap(freshName()), family: cap(`${freshName()}-${freshName()}`) };
      const isp = newIsp(child);
      (isp.child as Json).legalName = name;
      const dateOfBirth = String((isp.child as Json).dateOfBirth);
      await must(await adoptId(await a.server.call("POST", "/isps", { token: a.tokens.staff, body: isp }), isp), 201);
      const sent = await must(
        await a.server.call("POST", `/children/${child.childId}/transfers`, {
          token: a.tokens.staff,
          body: { receiver: { unknownDestination: true }, reason: "in-year-move" },
        }),
        201,
      );
      return { child, name, dateOfBirth, transferId: String(sent.id), isp };
    }

    const query = (token: string, body: unknown) => a.server.call("POST", "/cross-la/queries", { token, body });

    it("SI-TR-LC-001: another LA finds a held bundle by UPN with high confidence, and learns nothing new", async () => {
      const h = await heldChild();
      // The existing queue stays the child's own LA's: LA 926 neither sees nor claims it there.
      const own = await must(
        await a.server.call("GET", `/transfers/unclaimed?upn=${h.child.upn}`, { token: tokens.la926! }),
        200,
      );
      expect(own.items).toEqual([]);
      expect((await a.server.call("POST", `/transfers/${h.transferId}/claim`, { token: tokens.la926! })).status).toBe(
        404,
      );

      const res = await query(tokens.la926!, { upn: h.child.upn });
      const text = await res.clone().text();
      const body = await must(res, 200);
      expect(body.query).toEqual({ upn: h.child.upn });
      const matches = body.matches as Json[];
      expect(matches).toHaveLength(1);
      expect(Object.keys(matches[0]!).sort()).toEqual(["confidence", "heldSince", "holdingLaCode", "matchRef"]);
      expect(matches[0]).toMatchObject({ confidence: "high", holdingLaCode: "873" });
      expect(matches[0]!.heldSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // Nothing the asker did not send: no name, date of birth, record or transfer id.
      for (const secret of [h.name.given, h.name.family, h.dateOfBirth, h.child.childId, h.transferId])
        expect(text).not.toContain(secret);
    });

    it("SI-TR-LC-002: name and date of birth match with medium (exact) and low (normalised, slips) confidence", async () => {
      const h = await heldChild();
      const conf = async (b: Json) =>
        ((await must(await query(tokens.la926!, b), 200)).matches as Json[]).map((m) => m.confidence);
      expect(await conf({ givenName: h.name.given, familyName: h.name.family, dateOfBirth: h.dateOfBirth })).toEqual([
        "medium",
      ]);
      const sloppy = h.name.family.replace("-", " ").toUpperCase();
      expect(
        await conf({ givenName: h.name.given.toLowerCase(), familyName: sloppy, dateOfBirth: h.dateOfBirth }),
      ).toEqual(["low"]);
      expect(await conf({ givenName: h.name.given, familyName: h.name.family, dateOfBirth: "2001-01-01" })).toEqual([]);
      // The child's own LA asks other LAs' queues, not its own.
      expect(((await must(await query(tokens.la873!, { upn: h.child.upn }), 200)).matches as Json[]).length).toBe(0);
    });

    it("SI-TR-LC-003: a query that does not name a child is refused, and a school cannot query at all", async () => {
      const dobOnly = await query(tokens.la926!, { dateOfBirth: "2026-02-14" });
      expect(dobOnly.status).toBe(422);
      expect(((await dobOnly.json()) as Json).type).toMatch(/validation-failed$/);
      expect((await query(tokens.la926!, { familyName: "Smith", dateOfBirth: "2026-02-14" })).status).toBe(422);
      expect((await query(tokens.la926!, { upn: "A123456789012", postcode: "AB1" })).status).toBe(422);
      expect((await query(tokens.staff926!, { upn: "A123456789012" })).status).toBe(403);
      expect((await a.server.call("GET", "/cross-la/requests", { token: tokens.staff926! })).status).toBe(403);
    });

    it("SI-TR-LC-004: request, approval by the holding LA only, release into the requesting LA; audited on both sides", async () => {
      const h = await heldChild();
      const [m] = (await must(await query(tokens.la926!, { upn: h.child.upn }), 200)).matches as Json[];
      // A third LA cannot use another LA's match reference.
      const stolen = await a.server.call("POST", "/cross-la/requests", {
        token: tokens.la999!,
        body: { matchRef: m!.matchRef, reason: "We would like it too" },
      });
      expect(stolen.status).toBe(422);
      const missingReason = await a.server.call("POST", "/cross-la/requests", {
        token: tokens.la926!,
        body: { matchRef: m!.matchRef },
      });
      expect(missingReason.status).toBe(422);
      const created = await a.server.call("POST", "/cross-la/requests", {
        token: tokens.la926!,
        body: { matchRef: m!.matchRef, reason: "The family has moved into our area; school place being arranged." },
      });
      expect(created.headers.get("etag")).toBeTruthy();
      const req = await must(created, 201);
      expect(created.headers.get("location")).toBe(`/cross-la/requests/${req.id}`);
      expect(req).toMatchObject({
        status: "pending",
        holdingLaCode: "873",
        requestingLaCode: "926",
        confidence: "high",
      });
      expect(req.transferId).toBeUndefined();
      const again = await a.server.call("POST", "/cross-la/requests", {
        token: tokens.la926!,
        body: { matchRef: m!.matchRef, reason: "again" },
      });
      expect(again.status).toBe(409);

      // Nobody but the holding LA decides: not the requester (that would be request without approval), not a third
      // LA, not a school.
      const decide = (token: string, body: Json) =>
        a.server.call("POST", `/cross-la/requests/${req.id}/decision`, { token, body });
      expect((await decide(tokens.la926!, { decision: "approve" })).status).toBe(404);
      expect((await decide(tokens.la999!, { decision: "approve" })).status).toBe(404);
      expect((await decide(tokens.staff926!, { decision: "approve" })).status).toBe(403);
      // Still pending: the requester has nothing yet.
      const before = await must(await a.server.call("GET", "/cross-la/requests", { token: tokens.la926! }), 200);
      expect((before.items as Json[]).find((r) => r.id === req.id)).toMatchObject({ status: "pending" });
      expect(
        (await must(await a.server.call("GET", "/transfers/reviews", { token: tokens.la926! }), 200)).items,
      ).toEqual([]);

      // The holding LA sees which transfer it is about.
      const holding = await must(await a.server.call("GET", "/cross-la/requests", { token: tokens.la873! }), 200);
      expect((holding.items as Json[]).find((r) => r.id === req.id)).toMatchObject({
        transferId: h.transferId,
        status: "pending",
      });
      const approved = await must(await decide(tokens.la873!, { decision: "approve", reason: "Known move." }), 200);
      expect(approved).toMatchObject({ status: "approved", decidedBy: { laCode: "873", subject: "la-873" } });
      // The sender's own record is the bundle's source, not a foreign match: the bundle is imported into LA 926's
      // records as a child of its own (a record 926 could not see would have held it for 926's review instead).
      expect(approved.delivery).toBe("imported");
      expect(approved.childId).toBeUndefined(); // the holding side does not learn the requester's record
      expect((await decide(tokens.la873!, { decision: "approve" })).status).toBe(409);

      const transfer = await settled(a, h.transferId, tokens.la873!);
      expect(transfer).toMatchObject({ status: "claimed", claimedBy: { laCode: "926" } });
      const queue = await must(
        await a.server.call("GET", `/transfers/unclaimed?upn=${h.child.upn}`, { token: tokens.la873! }),
        200,
      );
      expect(queue.items).toEqual([]);

      const mine = await must(await a.server.call("GET", "/cross-la/requests", { token: tokens.la926! }), 200);
      const done = (mine.items as Json[]).find((r) => r.id === req.id)!;
      expect(
        await must(await a.server.call("GET", `/cross-la/requests/${req.id}`, { token: tokens.la926! }), 200),
      ).toEqual(done);
      expect((await a.server.call("GET", `/cross-la/requests/${req.id}`, { token: tokens.la999! })).status).toBe(404);
      expect(
        (await must(await a.server.call("GET", `/cross-la/requests/${req.id}`, { token: tokens.la873! }), 200))
          .transferId,
      ).toBe(h.transferId);
      expect(done).toMatchObject({ status: "approved", delivery: "imported" });
      const found = await must(
        await a.server.call("GET", `/children?upn=${h.child.upn}`, { token: tokens.la926! }),
        200,
      );
      expect((found.items as Json[]).map((c) => c.id)).toEqual([done.childId]);
      const plans = await must(
        await a.server.call("GET", `/isps?childId=${done.childId}`, { token: tokens.la926! }),
        200,
      );
      expect((plans.items as Json[]).length).toBe(1);

      // Audited on both sides: the asking LA's query, request and the holding LA's decision, under the transfer.
      const audit = await must(
        await a.server.call("GET", `/audit?resourceId=${h.transferId}&limit=100`, { token: a.tokens.auditor }),
        200,
      );
      const trail = (audit.items as { actor: { subject: string }; action: string; outcome: string }[]).map(
        (e) => `${e.actor.subject}:${e.action}:${e.outcome}`,
      );
      expect(trail).toEqual(
        expect.arrayContaining(["la-926:search:allowed", "la-926:create:allowed", "la-873:export:allowed"]),
      );
      const denied = await must(
        await a.server.call("GET", `/audit?resourceId=${req.id}&limit=100`, { token: a.tokens.auditor }),
        200,
      );
      expect(
        (denied.items as { actor: { subject: string }; outcome: string }[]).map(
          (e) => `${e.actor.subject}:${e.outcome}`,
        ),
      ).toEqual(expect.arrayContaining(["la-926:denied", "la-999:denied", "la-873:allowed"]));
    });

    it("SI-TR-LC-005: a refusal needs a reason, leaves the bundle in the queue, and the requester sees why", async () => {
      const h = await heldChild();
      const [m] = (await must(await query(tokens.la926!, { upn: h.child.upn }), 200)).matches as Json[];
      const req = await must(
        await a.server.call("POST", "/cross-la/requests", {
          token: tokens.la926!,
          body: { matchRef: m!.matchRef, reason: "Possible match" },
        }),
        201,
      );
      const decide = (body: Json) =>
        a.server.call("POST", `/cross-la/requests/${req.id}/decision`, { token: tokens.la873!, body });
      expect((await decide({ decision: "refuse" })).status).toBe(422);
      expect((await decide({ decision: "maybe", reason: "x" })).status).toBe(422);
      await must(await decide({ decision: "refuse", reason: "Not the same child: the family has not moved." }), 200);
      const mine = await must(await a.server.call("GET", "/cross-la/requests", { token: tokens.la926! }), 200);
      expect((mine.items as Json[]).find((r) => r.id === req.id)).toMatchObject({
        status: "refused",
        decisionReason: "Not the same child: the family has not moved.",
      });
      const queue = await must(
        await a.server.call("GET", `/transfers/unclaimed?upn=${h.child.upn}`, { token: tokens.la873! }),
        200,
      );
      expect((queue.items as Json[]).map((t) => t.id)).toEqual([h.transferId]);
    });

    it(`SI-TR-LC-006: an officer may query ${QUERIES_PER_HOUR} times an hour, then 429 with Retry-After`, async () => {
      for (let i = 0; i < QUERIES_PER_HOUR; i++)
        await must(await query(tokens.sweeper!, { upn: "A123456789012" }), 200);
      const refused = await query(tokens.sweeper!, { upn: "A123456789012" });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      await refused.arrayBuffer();
      // Another officer is not affected.
      await must(await query(tokens.la926!, { upn: "A123456789012" }), 200);
    });

    it("SI-TR-MET-001: metrics count transfers by status and time to receipt, per setting and LA, without personal data", async () => {
      const metrics = async (token: string, q = "") => {
        const res = await a.server.call("GET", `/transfers/metrics${q}`, { token });
        return { text: await res.clone().text(), body: await must(res, 200) };
      };
      const before = (await metrics(tokens.la873!)).body;
      const other = (await metrics(tokens.la926!)).body;
      // A transfer to a named setting on this server: delivered, received, accepted.
      const child = newChild(SENDING);
      await registerChild(a.server.call, a.tokens.staff, child);
      const isp = newIsp(child);
      await must(await adoptId(await a.server.call("POST", "/isps", { token: a.tokens.staff, body: isp }), isp), 201);
      const sent = await must(
        await a.server.call("POST", `/children/${child.childId}/transfers`, {
          token: a.tokens.staff,
          body: { receiver: { urn: THIRD.settingUrn }, reason: "in-year-move" },
        }),
        201,
      );
      await settled(a, String(sent.id));
      const after = await metrics(tokens.la873!);
      const total = (m: Json) => m.total as { count: number; byStatus: Record<string, number>; timeToReceipt: Json };
      expect(total(after.body).count).toBe(total(before).count + 1);
      expect(total(after.body).byStatus.accepted ?? 0).toBe((total(before).byStatus.accepted ?? 0) + 1);
      expect(total(after.body).timeToReceipt.count).toBe((total(before).timeToReceipt.count as number) + 1);
      expect(typeof total(after.body).timeToReceipt.medianSeconds).toBe("number");
      expect(after.body.laCode).toBe("873");
      expect((after.body.bySetting as Json[]).map((s) => s.settingUrn)).toContain(SENDING.settingUrn);
      expect((after.body.byLocalAuthority as Json[]).map((s) => s.laCode)).toEqual(["873"]);
      // Another LA's figures do not move with 873's children.
      expect(total((await metrics(tokens.la926!)).body).count).toBe(total(other).count);
      // No child ids, names, UPNs or dates of birth.
      const legal = (isp.child as Json).legalName as Json;
      for (const secret of [
        child.childId,
        child.upn,
        String(legal.given),
        String(legal.family),
        String((isp.child as Json).dateOfBirth),
        String(sent.id),
      ])
        expect(after.text).not.toContain(secret);
      // Period filters.
      expect(total((await metrics(tokens.la873!, "?from=2099-01-01")).body).count).toBe(0);
      expect(total((await metrics(tokens.la873!, "?to=2000-01-01")).body).count).toBe(0);
      expect(
        (await a.server.call("GET", "/transfers/metrics?from=2031-01-01&to=2030-01-01", { token: tokens.la873! }))
          .status,
      ).toBe(400);
      expect((await a.server.call("GET", "/transfers/metrics?from=yesterday", { token: tokens.la873! })).status).toBe(
        400,
      );
      // For LA officers only.
      expect((await a.server.call("GET", "/transfers/metrics", { token: a.tokens.staff })).status).toBe(403);
      expect((await a.server.call("GET", "/transfers/metrics", { token: tokens.staff926! })).status).toBe(403);
      expect((await a.server.call("GET", "/transfers/metrics")).status).toBe(401);
    });
  });
}
