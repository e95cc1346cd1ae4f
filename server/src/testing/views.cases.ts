// Plan views over real HTTP, run once per database (views.pglite.test.ts, views.postgres.test.ts): the same scope,
// tenancy and audit as the JSON read; the classroom page without what sharing labels keep from teachers; the family
// page with who has read the plan; PDF from headless Chromium, and a clear 503 where the server has none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROBLEM_BASE } from "../../../spec/problems.ts";
import type { Store } from "../storage/store.ts";
import { chromiumPrinter, type PdfPrinter } from "../views/pdf-printer.ts";
import {
  TENANT_A,
  TENANT_B,
  adoptId,
  newChild,
  newEhcp,
  newIsp,
  newLegacyEhcp,
  registerChild,
  settingEntry,
  type ChildFixture,
  type Tenant,
} from "./fixtures.ts";
import { startTestServer, type TestServer } from "./harness.ts";

type Json = Record<string, unknown>;

export interface ViewCaseOptions {
  name: string;
  newStore(): Promise<Store>;
}

/** Health detail on the ISP: the family sees it, a class teacher must not. */
const HEALTH_DETAIL = "Uses an inhaler before PE; the school nurse keeps the spare.";

interface Seeded {
  child: ChildFixture;
  isp: Json;
  ehcp: Json;
  legacy: Json;
}

export function runViewCases(opts: ViewCaseOptions): void {
  describe(`plan views over HTTP (${opts.name})`, () => {
    let store: Store;
    let s: TestServer;
    let printer: PdfPrinter;
    const tok: Record<string, string> = {};
    const data: Record<"A" | "B", Seeded> = {} as Record<"A" | "B", Seeded>;

    async function created(res: Response): Promise<void> {
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(201);
    }

    async function seed(t: Tenant, staff: string, la: string): Promise<Seeded> {
      const child = newChild(t);
      await registerChild(s.call, staff, child);
      const isp = newIsp(child);
      (isp.voice as Json[]).push({
        id: "voice-health",
        authorRole: "parent-carer",
        captureMethod: "own-words-written",
        capturedOn: "2029-11-20",
        consentToShare: true,
        text: HEALTH_DETAIL,
        sharing: ["health"],
      });
      await created(await adoptId(await s.call("POST", "/isps", { token: staff, body: isp }), isp));
      const ehcp = newEhcp(child);
      await created(await adoptId(await s.call("POST", "/ehcps", { token: la, body: ehcp }), ehcp));
      const legacy = newLegacyEhcp(child);
      await created(await adoptId(await s.call("POST", "/legacy-ehcps", { token: la, body: legacy }), legacy));
      return { child, isp, ehcp, legacy };
    }

    const views = (d: Seeded) => [
      `/isps/${d.isp.id}/views/family`,
      `/isps/${d.isp.id}/views/young-person`,
      `/isps/${d.isp.id}/views/classroom`,
      `/ehcps/${d.ehcp.id}/views/family`,
      `/legacy-ehcps/${d.legacy.id}/views/family`,
    ];

    async function auditFor(resourceId: string): Promise<Json[]> {
      const res = await s.call("GET", `/audit?resourceId=${resourceId}&limit=100`, { token: tok.auditor });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: Json[] }).items;
    }

    async function expectProblem(res: Response, status: number, kind: string): Promise<Json> {
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const body = JSON.parse(text) as Json;
      expect(body.type).toBe(`${PROBLEM_BASE}${kind}`);
      return body;
    }

    beforeAll(async () => {
      store = await opts.newStore();
      printer = chromiumPrinter();
      s = await startTestServer(store, { pdf: printer });
      const publisher = await s.token({ sub: "dfe-1", send_role: "dfe-publisher" });
      for (const t of [TENANT_A, TENANT_B])
        await created(await s.call("POST", "/settings", { token: publisher, body: settingEntry(t) }));
      tok.auditor = await s.token({ sub: "dpo-1", send_role: "auditor" });
      tok.staffA = await s.token({ sub: "staff-a", send_role: "setting-staff", setting_urn: TENANT_A.settingUrn });
      tok.staffB = await s.token({ sub: "staff-b", send_role: "setting-staff", setting_urn: TENANT_B.settingUrn });
      tok.laA = await s.token({ sub: "la-a", send_role: "la-officer", la_code: TENANT_A.laCode });
      tok.laB = await s.token({ sub: "la-b", send_role: "la-officer", la_code: TENANT_B.laCode });
      data.A = await seed(TENANT_A, tok.staffA, tok.laA);
      data.B = await seed(TENANT_B, tok.staffB, tok.laB);
      tok.parentA = await s.token({ sub: "parent-a", send_role: "parent-carer", child_ids: [data.A.child.childId] });
      tok.governorA = await s.token({ sub: "gov-a", send_role: "governor", setting_urn: TENANT_A.settingUrn });
    });

    afterAll(async () => {
      await s?.close();
      await printer?.close();
      await store?.close();
    });

    it("a parent opens every view of their own child's plans as a standalone HTML page", async () => {
      const docs = [data.A.isp, data.A.isp, data.A.isp, data.A.ehcp, data.A.legacy];
      for (const [i, path] of views(data.A).entries()) {
        const res = await s.call("GET", path, { token: tok.parentA, headers: { accept: "text/html" } });
        const html = await res.text();
        expect(res.status, `${path}: ${html.slice(0, 300)}`).toBe(200);
        expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
        expect(res.headers.get("cache-control")).toBe("no-store");
        expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
        expect(html.startsWith("<!doctype html>")).toBe(true);
        const child = docs[i]!.child as { preferredName?: string; legalName: { given: string } };
        expect(html).toContain(child.preferredName ?? child.legalName.given);
        expect(html).not.toContain(data.A.child.childId);
      }
    });

    it("every view is an audited read; a refused one is audited as denied", async () => {
      const id = String(data.A.isp.id);
      const before = (await auditFor(id)).filter((e) => e.action === "read").length;
      await s.call("GET", `/isps/${id}/views/family`, { token: tok.parentA });
      await s.call("GET", `/isps/${id}/views/classroom`, { token: tok.staffB });
      const reads = (await auditFor(id)).filter((e) => e.action === "read");
      expect(reads.length).toBe(before + 2);
      const last = reads.slice(-2);
      expect(last.map((e) => [(e.actor as Json).subject, e.outcome])).toEqual([
        ["parent-a", "allowed"],
        ["staff-b", "denied"],
      ]);
    });

    it("every view read is audited with its purpose (not-stated by default); the family sees it in words", async () => {
      const id = String(data.A.isp.id);
      await s.call("GET", `/isps/${id}/views/classroom?purpose=teaching`, { token: tok.staffA });
      await s.call("GET", `/isps/${id}/views/family`, { token: tok.parentA });
      await s.call("GET", `/isps/${id}/views/family?purpose=review-meeting`, { token: tok.staffB });
      const reads = (await auditFor(id)).filter((e) => e.action === "read").slice(-3);
      expect(reads.map((e) => [(e.actor as Json).subject, e.outcome, e.purpose])).toEqual([
        ["staff-a", "allowed", "teaching"],
        ["parent-a", "allowed", "not-stated"],
        ["staff-b", "denied", "review-meeting"],
      ]);
      const bad = await expectProblem(
        await s.call("GET", `/isps/${id}/views/family?purpose=curiosity`, { token: tok.staffA }),
        400,
        "invalid-parameter",
      );
      expect(JSON.stringify(bad)).toContain("/query/purpose");
      const log = await s.call("GET", `/children/${data.A.child.childId}/access-log?limit=100`, { token: tok.parentA });
      expect(log.status).toBe(200);
      const entries = ((await log.json()) as { items: Json[] }).items;
      expect(entries.some((e) => e.purpose === "teaching" && e.role === "setting-staff")).toBe(true);
      const html = await (await s.call("GET", `/isps/${id}/views/family`, { token: tok.parentA })).text();
      expect(html).toContain("looked at the plan, to teach the child");
    });

    it("a parent of another child gets 404 for every view of that child's plans", async () => {
      for (const path of views(data.B))
        await expectProblem(await s.call("GET", path, { token: tok.parentA }), 404, "not-found");
    });

    it("another tenant's token gets 404, the same as for a plan that does not exist", async () => {
      for (const path of views(data.A))
        await expectProblem(await s.call("GET", path, { token: tok.staffB }), 404, "not-found");
      for (const path of views(data.A).slice(3))
        await expectProblem(await s.call("GET", path, { token: tok.laB }), 404, "not-found");
      const missing = "00000000-0000-4000-8000-000000000000";
      await expectProblem(
        await s.call("GET", `/isps/${missing}/views/family`, { token: tok.staffA }),
        404,
        "not-found",
      );
    });

    it("a role without the read scope gets 403, and no token 401", async () => {
      const path = `/isps/${data.A.isp.id}/views/family`;
      await expectProblem(await s.call("GET", path, { token: tok.governorA }), 403, "forbidden");
      await expectProblem(await s.call("GET", path), 401, "unauthorized");
    });

    it("a malformed id or format is 400 invalid-parameter", async () => {
      await expectProblem(
        await s.call("GET", "/isps/not-a-uuid/views/family", { token: tok.staffA }),
        400,
        "invalid-parameter",
      );
      const bad = await expectProblem(
        await s.call("GET", `/isps/${data.A.isp.id}/views/family?format=docx`, { token: tok.staffA }),
        400,
        "invalid-parameter",
      );
      expect(JSON.stringify(bad)).toContain("/query/format");
    });

    it("the classroom page leaves out health detail that the family page shows", async () => {
      const family = await (await s.call("GET", `/isps/${data.A.isp.id}/views/family`, { token: tok.staffA })).text();
      const classroom = await (
        await s.call("GET", `/isps/${data.A.isp.id}/views/classroom`, { token: tok.staffA })
      ).text();
      expect(family).toContain(HEALTH_DETAIL);
      expect(classroom).toContain("What I need to do");
      expect(classroom).not.toContain(HEALTH_DETAIL);
    });

    it("the family page lists who has read the plan, by organisation and role", async () => {
      await s.call("GET", `/isps/${data.A.isp.id}`, { token: tok.staffA });
      const html = await (await s.call("GET", `/isps/${data.A.isp.id}/views/family`, { token: tok.parentA })).text();
      expect(html).toContain(`School or nursery staff, ${TENANT_A.settingName}: looked at the plan`);
      expect(html).not.toContain("staff-a");
    });

    it("Accept: application/pdf or format=pdf gives a PDF printed by headless Chromium", async () => {
      for (const [path, headers] of [
        [`/isps/${data.A.isp.id}/views/classroom?format=pdf`, {}],
        [`/ehcps/${data.A.ehcp.id}/views/family`, { accept: "application/pdf" }],
      ] as const) {
        const res = await s.call("GET", path, { token: tok.parentA, headers });
        const bytes = new Uint8Array(await res.arrayBuffer());
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("application/pdf");
        expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
      }
      // Preferring HTML keeps HTML.
      const html = await s.call("GET", `/isps/${data.A.isp.id}/views/family`, {
        token: tok.parentA,
        headers: { accept: "text/html, application/pdf;q=0.5" },
      });
      expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    });

    it("an Accept header that rules out HTML and PDF is 406 problem+json, on every view", async () => {
      for (const path of views(data.A)) {
        for (const accept of ["application/json", "text/html;q=0, application/pdf;q=0", "image/png, text/plain"]) {
          const body = await expectProblem(
            await s.call("GET", path, { token: tok.parentA, headers: { accept } }),
            406,
            "not-acceptable",
          );
          expect(String(body.detail)).toContain("text/html or application/pdf");
        }
      }
      // Wildcards and a browser's usual header still get the page.
      for (const accept of ["*/*", "text/*", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"]) {
        const res = await s.call("GET", `/isps/${data.A.isp.id}/views/family`, {
          token: tok.parentA,
          headers: { accept },
        });
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
        await res.text();
      }
    });

    it("a server without Chromium answers a PDF request with 503 problem+json, and HTML still works", async () => {
      const noChromium = await startTestServer(store, { pdf: chromiumPrinter("/nonexistent/chromium") });
      try {
        const token = await noChromium.token({
          sub: "parent-a",
          send_role: "parent-carer",
          child_ids: [data.A.child.childId],
        });
        const body = await expectProblem(
          await noChromium.call("GET", `/isps/${data.A.isp.id}/views/family?format=pdf`, { token }),
          503,
          "service-unavailable",
        );
        expect(String(body.detail)).toContain("cannot make PDFs");
        const html = await noChromium.call("GET", `/isps/${data.A.isp.id}/views/family`, { token });
        expect(html.status).toBe(200);
        await html.text();
      } finally {
        await noChromium.close();
      }
    });
  });
}
