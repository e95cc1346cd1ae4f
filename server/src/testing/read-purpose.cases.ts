// Why a plan was read, for JSON reads as for views, over real HTTP, run once per database (read-purpose.pglite.test.ts,
// read-purpose.postgres.test.ts): `purpose` on GET /{plans}/{id} and /versions/{n} is audited with the read (allowed,
// denied and conditional), `not-stated` when none is given, shown in the family's access log; a code outside the
// access-purposes list is 400 and nothing is audited as read; child records, which are not plans, carry no purpose.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROBLEM_BASE } from "../../../spec/problems.ts";
import type { Store } from "../storage/store.ts";
import {
  TENANT_A,
  TENANT_B,
  adoptId,
  newChild,
  newEhcp,
  newIsp,
  registerChild,
  settingEntry,
  type ChildFixture,
} from "./fixtures.ts";
import { startTestServer, type TestServer } from "./harness.ts";

type Json = Record<string, unknown>;

export interface ReadPurposeCaseOptions {
  name: string;
  newStore(): Promise<Store>;
}

export function runReadPurposeCases(opts: ReadPurposeCaseOptions): void {
  describe(`purpose of JSON plan reads over HTTP (${opts.name})`, () => {
    let store: Store;
    let s: TestServer;
    const tok: Record<string, string> = {};
    let child: ChildFixture;
    let isp: Json;
    let ehcp: Json;

    async function created(res: Response): Promise<void> {
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(201);
    }

    async function auditFor(resourceId: string): Promise<Json[]> {
      const res = await s.call("GET", `/audit?resourceId=${resourceId}&limit=100`, { token: tok.auditor });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: Json[] }).items;
    }

    const readsOf = async (id: string) => (await auditFor(id)).filter((e) => e.action === "read");
    const summary = (e: Json) => [(e.actor as Json).subject, e.outcome, e.version ?? null, e.purpose ?? null];

    beforeAll(async () => {
      store = await opts.newStore();
      s = await startTestServer(store);
      const publisher = await s.token({ sub: "dfe-1", send_role: "dfe-publisher" });
      for (const t of [TENANT_A, TENANT_B])
        await created(await s.call("POST", "/settings", { token: publisher, body: settingEntry(t) }));
      tok.auditor = await s.token({ sub: "dpo-1", send_role: "auditor" });
      tok.staffA = await s.token({ sub: "staff-a", send_role: "setting-staff", setting_urn: TENANT_A.settingUrn });
      tok.staffB = await s.token({ sub: "staff-b", send_role: "setting-staff", setting_urn: TENANT_B.settingUrn });
      tok.laA = await s.token({ sub: "la-a", send_role: "la-officer", la_code: TENANT_A.laCode });
      child = newChild(TENANT_A);
      await registerChild(s.call, tok.staffA, child);
      isp = newIsp(child);
      await created(await adoptId(await s.call("POST", "/isps", { token: tok.staffA, body: isp }), isp));
      ehcp = newEhcp(child);
      await created(await adoptId(await s.call("POST", "/ehcps", { token: tok.laA, body: ehcp }), ehcp));
      tok.parentA = await s.token({ sub: "parent-a", send_role: "parent-carer", child_ids: [child.childId] });
    });

    afterAll(async () => {
      await s?.close();
      await store?.close();
    });

    it("audits each JSON read of a plan with its purpose, not-stated by default, also when refused or not modified", async () => {
      const id = String(isp.id);
      const read = await s.call("GET", `/isps/${id}?purpose=teaching`, { token: tok.staffA });
      expect(read.status).toBe(200);
      const etag = read.headers.get("etag")!;
      expect((await s.call("GET", `/isps/${id}`, { token: tok.parentA })).status).toBe(200);
      expect((await s.call("GET", `/isps/${id}?purpose=review-meeting`, { token: tok.staffB })).status).toBe(404);
      const again = await s.call("GET", `/isps/${id}?purpose=planning`, {
        token: tok.staffA,
        headers: { "if-none-match": etag },
      });
      expect(again.status).toBe(304);
      expect((await s.call("GET", `/isps/${id}/versions/1?purpose=oversight`, { token: tok.staffA })).status).toBe(200);
      expect((await readsOf(id)).map(summary)).toEqual([
        ["staff-a", "allowed", 1, "teaching"],
        ["parent-a", "allowed", 1, "not-stated"],
        ["staff-b", "denied", null, "review-meeting"],
        ["staff-a", "allowed", 1, "planning"],
        ["staff-a", "allowed", 1, "oversight"],
      ]);
      const ehcpId = String(ehcp.id);
      expect((await s.call("GET", `/ehcps/${ehcpId}?purpose=transfer`, { token: tok.laA })).status).toBe(200);
      expect((await readsOf(ehcpId)).map(summary)).toEqual([["la-a", "allowed", 1, "transfer"]]);
    });

    it("refuses a purpose outside the access-purposes list with 400 at /query/purpose, auditing no read", async () => {
      const id = String(isp.id);
      const before = (await readsOf(id)).length;
      const res = await s.call("GET", `/isps/${id}?purpose=curiosity`, { token: tok.staffA });
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const body = JSON.parse(text) as Json;
      expect(body.type).toBe(`${PROBLEM_BASE}invalid-parameter`);
      expect(JSON.stringify(body.errors)).toContain("/query/purpose");
      expect((await readsOf(id)).length).toBe(before);
    });

    it("shows the purpose to the family in the child's access log; child records carry none", async () => {
      await s.call("GET", `/isps/${String(isp.id)}?purpose=family-reading`, { token: tok.staffA });
      const log = await s.call("GET", `/children/${child.childId}/access-log?limit=100`, { token: tok.parentA });
      expect(log.status).toBe(200);
      const entries = ((await log.json()) as { items: Json[] }).items;
      expect(
        entries.some((e) => e.resourceType === "isp" && e.purpose === "family-reading" && e.role === "setting-staff"),
      ).toBe(true);
      expect((await s.call("GET", `/children/${child.childId}`, { token: tok.staffA })).status).toBe(200);
      const childReads = (await auditFor(child.childId)).filter(
        (e) => e.action === "read" && e.resourceType === "child",
      );
      expect(childReads.length).toBeGreaterThan(0);
      expect(childReads.every((e) => e.purpose === undefined)).toBe(true);
    });
  });
}
