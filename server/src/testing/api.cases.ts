// The API case suite, over real HTTP. One shared suite, run once per database (api.pglite.test.ts,
// api.postgres.test.ts), in the manner of Hono's router `common.case` tests.
import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, roleHasScope, type RoleId } from "../../../spec/roles.ts";
import { ROUTES, type RouteSpec } from "../../../spec/routes.ts";
import { PROBLEM_BASE } from "../../../spec/problems.ts";
import type { DevClaims } from "../auth/dev-signer.ts";
import type { Store } from "../storage/store.ts";
import {
  TENANT_A,
  TENANT_B,
  childRecord,
  newChild,
  newEhcp,
  newIsp,
  newLegacyEhcp,
  newSpp,
  registerChild,
  adoptId,
  settingEntry,
  type ChildFixture,
  type Tenant,
} from "./fixtures.ts";
import { startTestServer, type TestServer } from "./harness.ts";

type Json = Record<string, unknown>;

export interface ApiCaseOptions {
  name: string;
  newStore(): Promise<Store>;
}

/** Claims for each role acting within a tenant (parent: of the given child). */
export function claimsFor(roleId: RoleId, t: Tenant, child: ChildFixture): DevClaims {
  const sub = `${roleId}-${t.settingUrn}`;
  switch (roleId) {
    case "setting-staff":
    case "governor":
    case "system-integration":
      return { sub, send_role: roleId, setting_urn: t.settingUrn };
    case "parent-carer":
    case "young-person":
      return { sub, send_role: roleId, child_ids: [child.childId] };
    case "la-officer":
    case "health-commissioner":
      return { sub, send_role: roleId, la_code: t.laCode };
    case "dfe-publisher":
    case "auditor":
      return { sub, send_role: roleId };
  }
}

interface TenantData {
  tenant: Tenant;
  child: ChildFixture;
  isp: Json;
  ehcp: Json;
  legacy: Json;
}

export function runApiCases(opts: ApiCaseOptions): void {
  describe(`reference server API on ${opts.name}`, () => {
    let store: Store;
    let s: TestServer;
    const tok = {} as Record<
      "staffA" | "staffB" | "publisher" | "auditor" | "parentA" | "laA" | "healthA" | "governorA",
      string
    >;
    const data = {} as Record<"A" | "B", TenantData>;
    let spp: Json;

    async function expectStatus(res: Response, status: number): Promise<Json> {
      const text = await res.text();
      expect(res.status, text.slice(0, 500)).toBe(status);
      return text ? (JSON.parse(text) as Json) : {};
    }

    async function seedTenant(t: Tenant, staffToken: string, laToken: string): Promise<TenantData> {
      const child = newChild(t);
      await registerChild(s.call, staffToken, child);
      const isp = newIsp(child);
      await expectStatus(await adoptId(await s.call("POST", "/isps", { token: staffToken, body: isp }), isp), 201);
      const ehcp = newEhcp(child);
      await expectStatus(await adoptId(await s.call("POST", "/ehcps", { token: laToken, body: ehcp }), ehcp), 201);
      const legacy = newLegacyEhcp(child);
      await expectStatus(
        await adoptId(await s.call("POST", "/legacy-ehcps", { token: laToken, body: legacy }), legacy),
        201,
      );
      return { tenant: t, child, isp, ehcp, legacy };
    }

    beforeAll(async () => {
      store = await opts.newStore();
      s = await startTestServer(store);
      tok.publisher = await s.token({ sub: "dfe-1", send_role: "dfe-publisher" });
      tok.auditor = await s.token({ sub: "dpo-1", send_role: "auditor" });
      for (const t of [TENANT_A, TENANT_B]) {
        await expectStatus(await s.call("POST", "/settings", { token: tok.publisher, body: settingEntry(t) }), 201);
      }
      tok.staffA = await s.token({ sub: "staff-a", send_role: "setting-staff", setting_urn: TENANT_A.settingUrn });
      tok.staffB = await s.token({ sub: "staff-b", send_role: "setting-staff", setting_urn: TENANT_B.settingUrn });
      const laA = await s.token({ sub: "la-a", send_role: "la-officer", la_code: TENANT_A.laCode });
      const laB = await s.token({ sub: "la-b", send_role: "la-officer", la_code: TENANT_B.laCode });
      tok.laA = laA;
      data.A = await seedTenant(TENANT_A, tok.staffA, laA);
      data.B = await seedTenant(TENANT_B, tok.staffB, laB);
      tok.parentA = await s.token({ sub: "parent-a", send_role: "parent-carer", child_ids: [data.A.child.childId] });
      tok.healthA = await s.token({ sub: "icb-a", send_role: "health-commissioner", la_code: TENANT_A.laCode });
      tok.governorA = await s.token({ sub: "gov-a", send_role: "governor", setting_urn: TENANT_A.settingUrn });
      spp = newSpp();
      await expectStatus(await s.call("POST", "/spps", { token: tok.publisher, body: spp }), 201);
    });

    afterAll(async () => {
      await s?.close();
      await store?.close();
    });

    describe("discovery and operations", () => {
      it("GET / declares the standard, document types, schema versions and spec URLs", async () => {
        const body = await expectStatus(await s.call("GET", "/"), 200);
        expect(body.standard).toBe("SEND Interchange");
        expect((body.schemaVersions as Json).supported).toContain("1.0");
        expect((body.documentTypes as Json[]).map((d) => d.documentType)).toEqual(
          expect.arrayContaining(["isp", "ehcp", "legacy-ehcp", "spp", "development-profile"]),
        );
        expect(body.openapi).toBe("/openapi.json");
        expect(body.docs).toBe("/docs");
      });
      it("health and readiness", async () => {
        expect((await expectStatus(await s.call("GET", "/healthz"), 200)).status).toBe("ok");
        expect((await expectStatus(await s.call("GET", "/readyz"), 200)).status).toBe("ready");
      });
      it("echoes a well-formed correlation id and replaces a malformed one", async () => {
        const good = await s.call("GET", "/healthz", { headers: { "x-correlation-id": "trace-12345678" } });
        expect(good.headers.get("x-correlation-id")).toBe("trace-12345678");
        const bad = await s.call("GET", "/healthz", { headers: { "x-correlation-id": "<script>" } });
        expect(bad.headers.get("x-correlation-id")).toMatch(/^[0-9a-f-]{36}$/);
      });
      it("logs one JSON line per request with the route pattern, never the URL or identifiers", async () => {
        const id = data.A.isp.id as string;
        await s.call("GET", `/isps/${id}?x=1`, { token: tok.staffA });
        const lines = s.logs.map((l) => JSON.parse(l) as Json).filter((l) => l.msg === "request");
        expect(lines.some((l) => l.route === "/isps/:id")).toBe(true);
        for (const line of s.logs) {
          expect(line).not.toContain(id);
          expect(line).not.toContain(data.A.child.upn);
        }
      });
    });

    describe("documents: create, read, update, versions", () => {
      it("create → 201 with Location and ETag; read → ETag; If-None-Match → 304", async () => {
        const child = newChild(TENANT_A);
        await registerChild(s.call, tok.staffA, child);
        const isp = newIsp(child);
        const created = await adoptId(await s.call("POST", "/isps", { token: tok.staffA, body: isp }), isp);
        await expectStatus(created, 201);
        expect(created.headers.get("location")).toBe(`/isps/${isp.id}`);
        const etag = created.headers.get("etag")!;
        expect(etag).toMatch(/^"/);
        const read = await s.call("GET", `/isps/${isp.id}`, { token: tok.staffA });
        expect((await expectStatus(read, 200)).id).toBe(isp.id);
        expect(read.headers.get("etag")).toBe(etag);
        const again = await s.call("GET", `/isps/${isp.id}`, { token: tok.staffA, headers: { "if-none-match": etag } });
        expect(again.status).toBe(304);
      });

      it("update needs If-Match (428), a current one (412), a reason (400), a valid body (422) and the same id (409)", async () => {
        const isp = newIsp(data.A.child);
        const created = await adoptId(await s.call("POST", "/isps", { token: tok.staffA, body: isp }), isp);
        await expectStatus(created, 201);
        const etag = created.headers.get("etag")!;
        const path = `/isps/${isp.id}`;
        const p428 = await expectStatus(
          await s.call("PUT", path, { token: tok.staffA, body: isp, headers: { "change-reason": "x" } }),
          428,
        );
        expect(p428.type).toBe(`${PROBLEM_BASE}precondition-required`);
        await expectStatus(
          await s.call("PUT", path, {
            token: tok.staffA,
            body: isp,
            headers: { "if-match": '"stale"', "change-reason": "x" },
          }),
          412,
        );
        const p400 = await expectStatus(
          await s.call("PUT", path, { token: tok.staffA, body: isp, headers: { "if-match": etag } }),
          400,
        );
        expect(p400.type).toBe(`${PROBLEM_BASE}invalid-parameter`);
        const invalid = { ...isp, status: "not-a-status" };
        const p422 = await expectStatus(
          await s.call("PUT", path, {
            token: tok.staffA,
            body: invalid,
            headers: { "if-match": etag, "change-reason": "x" },
          }),
          422,
        );
        expect(p422.type).toBe(`${PROBLEM_BASE}validation-failed`);
        expect((p422.errors as Json[])[0]).toMatchObject({
          pointer: "/status",
          ruleId: expect.stringMatching(/^schema\./),
        });
        await expectStatus(
          await s.call("PUT", path, {
            token: tok.staffA,
            body: { ...isp, id: randomUUID() },
            headers: { "if-match": etag, "change-reason": "x" },
          }),
          409,
        );
        // Closing is a status change, never a delete.
        const closed = {
          ...isp,
          status: "closed",
          closure: { reason: "returned-to-universal", closedOn: "2030-07-20" },
        };
        const ok = await s.call("PUT", path, {
          token: tok.staffA,
          body: closed,
          headers: { "if-match": etag, "change-reason": "Needs met at Universal" },
        });
        expect((await expectStatus(ok, 200)).status).toBe("closed");
        await expectStatus(await s.call("GET", `${path}/versions/1`, { token: tok.staffA }), 200);
        expect((await s.call("DELETE", path, { token: tok.staffA })).status).toBe(404);
      });

      it("every change is a new immutable version with provenance, listed oldest first; old versions stay readable", async () => {
        const isp = newIsp(data.A.child);
        let res = await adoptId(await s.call("POST", "/isps", { token: tok.staffA, body: isp }), isp);
        await expectStatus(res, 201);
        for (const reason of ["First review", "Second review"]) {
          const next = { ...isp, status: reason === "First review" ? "under-review" : "active" };
          res = await s.call("PUT", `/isps/${isp.id}`, {
            token: tok.staffA,
            body: next,
            headers: { "if-match": res.headers.get("etag")!, "change-reason": reason },
          });
          await expectStatus(res, 200);
          expect(res.headers.get("content-location")).toMatch(new RegExp(`/isps/${isp.id}/versions/\\d+$`));
        }
        const versions = await expectStatus(
          await s.call("GET", `/isps/${isp.id}/versions`, { token: tok.staffA }),
          200,
        );
        const items = versions.items as Json[];
        expect(items.map((v) => v.version)).toEqual([1, 2, 3]);
        expect(items[1]).toMatchObject({
          reason: "First review",
          recordedBy: { subject: "staff-a", role: "setting-staff" },
          status: "under-review",
        });
        const v1 = await expectStatus(await s.call("GET", `/isps/${isp.id}/versions/1`, { token: tok.staffA }), 200);
        expect(v1.status).toBe(isp.status);
        await expectStatus(await s.call("GET", `/isps/${isp.id}/versions/9`, { token: tok.staffA }), 404);
        await expectStatus(await s.call("GET", `/isps/${isp.id}/versions/zero`, { token: tok.staffA }), 400);
        const paged = await s.call("GET", `/isps/${isp.id}/versions?limit=2`, { token: tok.staffA });
        const first = await expectStatus(paged, 200);
        expect((first.items as Json[]).length).toBe(2);
        const link = paged.headers.get("link")!;
        expect(link).toMatch(/rel="next"/);
        const second = await expectStatus(await s.call("GET", /<([^>]+)>/.exec(link)![1]!, { token: tok.staffA }), 200);
        expect((second.items as Json[]).map((v) => v.version)).toEqual([3]);
      });

      it("a PUT maintains the stored document's provenance.updatedAt (time of the write) and changeReason (the header)", async () => {
        const isp = newIsp(data.A.child);
        const created = await adoptId(await s.call("POST", "/isps", { token: tok.staffA, body: isp }), isp);
        await expectStatus(created, 201);
        const claimed = { updatedAt: "2031-01-01T00:00:00Z", changeReason: "what the client claims" };
        const next = { ...isp, status: "under-review", provenance: { ...(isp.provenance as Json), ...claimed } };
        const before = Date.now();
        const put = await s.call("PUT", `/isps/${isp.id}`, {
          token: tok.staffA,
          body: next,
          // Percent-encoded UTF-8, decoded before it is stored (spec: Change-Reason).
          headers: { "if-match": created.headers.get("etag")!, "change-reason": "R%C3%A9vision annuelle" },
        });
        const answered = (await expectStatus(put, 200)).provenance as Json;
        const after = Date.now();
        expect(answered.changeReason).toBe("Révision annuelle");
        // The time of the write, but never before the record's own dates (the worked examples are dated 2029-2030):
        // what the body claimed is ignored either way.
        const floor = Date.parse(String((isp.provenance as Json).updatedAt));
        const at = Date.parse(String(answered.updatedAt));
        expect(at).toBeGreaterThanOrEqual(Math.max(floor, before - 1000));
        expect(at).toBeLessThanOrEqual(Math.max(floor, after + 1000));
        expect(answered.updatedAt).not.toBe(claimed.updatedAt);
        // The same on a later read and in the version itself; version 1 keeps what it was created with.
        const read = await expectStatus(await s.call("GET", `/isps/${isp.id}`, { token: tok.staffA }), 200);
        expect(read.provenance).toEqual(answered);
        const v2 = await expectStatus(await s.call("GET", `/isps/${isp.id}/versions/2`, { token: tok.staffA }), 200);
        expect(v2.provenance).toEqual(answered);
        const v1 = await expectStatus(await s.call("GET", `/isps/${isp.id}/versions/1`, { token: tok.staffA }), 200);
        expect(v1.provenance).toEqual(isp.provenance);
      });

      it("wrong document type at an address → 422; a plan filed for another organisation's child → 403", async () => {
        const p = await expectStatus(
          await s.call("POST", "/isps", { token: tok.laA, body: { ...data.A.ehcp, id: randomUUID() } }),
          403,
        );
        expect(p.type).toBe(`${PROBLEM_BASE}forbidden`);
        const wrong = await expectStatus(
          await s.call("POST", "/isps", { token: tok.staffA, body: { ...newEhcp(data.A.child) } }),
          422,
        );
        expect((wrong.errors as Json[])[0]).toMatchObject({ pointer: "/documentType", ruleId: "schema.document-type" });
        // Tenant A's own child, but the ISP names tenant B's setting as its owner.
        const misfiled = newIsp(data.A.child, {
          owner: { ...(data.A.isp.owner as Json), ...settingEntry(TENANT_B) },
        });
        await expectStatus(await s.call("POST", "/isps", { token: tok.staffA, body: misfiled }), 403);
      });

      it("EHCPs: LA officer writes; setting staff of the named setting read; health commissioner sees health sections only", async () => {
        const body = await expectStatus(await s.call("GET", `/ehcps/${data.A.ehcp.id}`, { token: tok.staffA }), 200);
        expect(body.guaranteedProvision).toBeDefined();
        const res = await s.call("GET", `/ehcps/${data.A.ehcp.id}`, { token: tok.healthA });
        const health = await expectStatus(res, 200);
        expect(health.id).toBe(data.A.ehcp.id);
        expect(health.healthProvision).toEqual(data.A.ehcp.healthProvision);
        expect(health.guaranteedProvision).toBeUndefined();
        expect(health.socialCareProvision).toBeUndefined();
        expect(res.headers.get("etag")).toMatch(/^W\//);
        await expectStatus(
          await s.call("PUT", `/ehcps/${data.A.ehcp.id}`, {
            token: tok.healthA,
            body: data.A.ehcp,
            headers: { "if-match": "*", "change-reason": "x" },
          }),
          403,
        );
      });

      it("SPP catalogue: published by the DfE publisher, readable by every role, not writable by others", async () => {
        for (const r of ROLES.filter((x) => roleHasScope(x.id, "spp:read"))) {
          const t = await s.token(claimsFor(r.id, TENANT_A, data.A.child));
          await expectStatus(await s.call("GET", `/spps/${spp.id}`, { token: t }), 200);
        }
        await expectStatus(await s.call("POST", "/spps", { token: tok.staffA, body: newSpp() }), 403);
        const list = await expectStatus(await s.call("GET", "/spps?status=published", { token: tok.staffA }), 200);
        expect((list.items as Json[]).some((x) => x.id === spp.id)).toBe(true);
      });

      it("parent/carer adds their views (new version) but cannot edit provision", async () => {
        const isp = newIsp(data.A.child);
        await expectStatus(await adoptId(await s.call("POST", "/isps", { token: tok.staffA, body: isp }), isp), 201);
        const statement = {
          id: "voice-parent-new",
          authorRole: "parent-carer",
          captureMethod: "own-words-written",
          capturedOn: "2030-02-01",
          consentToShare: true,
          text: "He is happier since the visual timetable started.",
        };
        const res = await s.call("POST", `/isps/${isp.id}/voice`, {
          token: tok.parentA,
          body: { statement },
          headers: { "change-reason": "Parent views" },
        });
        const doc = await expectStatus(res, 201);
        expect((doc.voice as Json[]).at(-1)).toMatchObject({ id: "voice-parent-new" });
        expect(res.headers.get("location")).toBe(`/isps/${isp.id}/versions/2`);
        const bad = { statement: { ...statement, id: "voice-bad", captureMethod: "telepathy" } };
        const p422 = await expectStatus(
          await s.call("POST", `/isps/${isp.id}/voice`, {
            token: tok.parentA,
            body: bad,
            headers: { "change-reason": "x" },
          }),
          422,
        );
        expect((p422.errors as Json[]).some((e) => String(e.pointer).startsWith("/voice/"))).toBe(true);
        await expectStatus(
          await s.call("PUT", `/isps/${isp.id}`, {
            token: tok.parentA,
            body: isp,
            headers: { "if-match": "*", "change-reason": "x" },
          }),
          403,
        );
        // Another family's child: indistinguishable from a missing plan.
        await expectStatus(
          await s.call("POST", `/isps/${data.B.isp.id}/voice`, {
            token: tok.parentA,
            body: { statement },
            headers: { "change-reason": "x" },
          }),
          404,
        );
      });

      it("settings directory: public to readers, written by the DfE publisher", async () => {
        const got = await s.call("GET", `/settings/${TENANT_B.settingUrn}`, { token: tok.staffA });
        expect((await expectStatus(got, 200)).urn).toBe(TENANT_B.settingUrn);
        const list = await expectStatus(
          await s.call("GET", `/settings?laCode=${TENANT_A.laCode}`, { token: tok.staffA }),
          200,
        );
        expect((list.items as Json[]).every((x) => x.laCode === TENANT_A.laCode)).toBe(true);
        await expectStatus(await s.call("POST", "/settings", { token: tok.staffA, body: settingEntry(TENANT_A) }), 403);
        await expectStatus(await s.call("POST", "/settings", { token: tok.publisher, body: { name: "No URN" } }), 422);
      });
    });

    describe("record entry: server-assigned ids, child references, voice authorship (SI-API-057 to 060)", () => {
      /** What a caller can compare between two create answers: everything but the id itself. */
      const createShape = async (res: Response, proposed: unknown) => {
        const body = (await res.clone().json()) as Json;
        const location = res.headers.get("location") ?? "";
        return {
          status: res.status,
          fresh: body.id !== proposed,
          locationNamesBody: location.endsWith(`/${String(body.id)}`),
          etag: /^"/.test(res.headers.get("etag") ?? ""),
          kind: location.split("/")[1],
        };
      };

      it("POST assigns a fresh id: another tenant's id, an unused id and no id at all get the same answer, and the foreign record is untouched", async () => {
        const before = await s.call("GET", `/isps/${data.B.isp.id}`, { token: tok.staffB });
        const etagBefore = before.headers.get("etag");
        const foreign = await s.call("POST", "/isps", {
          token: tok.staffA,
          body: newIsp(data.A.child, { id: data.B.isp.id }),
        });
        const unusedId = randomUUID();
        const unused = await s.call("POST", "/isps", {
          token: tok.staffA,
          body: newIsp(data.A.child, { id: unusedId }),
        });
        const { id: _none, ...withoutId } = newIsp(data.A.child);
        const missing = await s.call("POST", "/isps", { token: tok.staffA, body: withoutId });
        const own = await s.call("POST", "/isps", {
          token: tok.staffA,
          body: newIsp(data.A.child, { id: String(data.A.isp.id).toUpperCase() }),
        });
        const want = { status: 201, fresh: true, locationNamesBody: true, etag: true, kind: "isps" };
        expect(await createShape(foreign, data.B.isp.id)).toEqual(want);
        expect(await createShape(unused, unusedId)).toEqual(want);
        expect(await createShape(missing, undefined)).toEqual(want);
        expect(await createShape(own, String(data.A.isp.id).toUpperCase())).toEqual(want);
        const assigned = ((await foreign.json()) as Json).id as string;
        expect(assigned).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(await expectStatus(await s.call("GET", `/isps/${assigned}`, { token: tok.staffA }), 200)).toMatchObject({
          id: assigned,
        });
        // The owner reads the same version as before; tenant A still cannot see it.
        const after = await s.call("GET", `/isps/${data.B.isp.id}`, { token: tok.staffB });
        expect(await expectStatus(after, 200)).toEqual(data.B.isp);
        expect(after.headers.get("etag")).toBe(etagBefore);
        await expectStatus(await s.call("GET", `/isps/${data.B.isp.id}`, { token: tok.staffA }), 404);
      });

      it("children get a server-assigned id too, copied into child.personId; the foreign child keeps its record", async () => {
        const child = newChild(TENANT_A);
        const record = childRecord(child);
        const res = await s.call("POST", "/children", {
          token: tok.staffA,
          body: { ...record, id: data.B.child.childId },
        });
        const stored = await expectStatus(res, 201);
        expect(stored.id).not.toBe(data.B.child.childId);
        expect((stored.child as Json).personId).toBe(stored.id);
        expect(res.headers.get("location")).toBe(`/children/${String(stored.id)}`);
        const { id: _none, ...withoutId } = record;
        expect(
          (await expectStatus(await s.call("POST", "/children", { token: tok.staffA, body: withoutId }), 201)).id,
        ).toMatch(/^[0-9a-f-]{36}$/);
        const theirs = await expectStatus(
          await s.call("GET", `/children/${data.B.child.childId}`, { token: tok.staffB }),
          200,
        );
        expect(theirs.settingUrn).toBe(TENANT_B.settingUrn);
        expect((theirs.child as Json).identifiers).toEqual({ upn: data.B.child.upn });
      });

      it("a child record needs settingUrn or laCode (either will do), as child-record.schema.json says", async () => {
        const { laCode: _la, ...settingOnly } = childRecord(newChild(TENANT_A));
        const stored = await expectStatus(
          await s.call("POST", "/children", { token: tok.staffA, body: settingOnly }),
          201,
        );
        expect(stored.settingUrn).toBe(TENANT_A.settingUrn);
        const { settingUrn: _urn, ...neither } = settingOnly;
        const refused = await expectStatus(
          await s.call("POST", "/children", { token: tok.staffA, body: neither }),
          422,
        );
        expect(refused.errors).toEqual([
          expect.objectContaining({ pointer: "", ruleId: "schema.not", message: expect.stringMatching(/settingUrn/) }),
        ]);
      });

      it("a create is written with its audit record (version 1, the assigned id)", async () => {
        const isp = newIsp(data.A.child);
        await expectStatus(
          await adoptId(
            await s.call("POST", "/isps", {
              token: tok.staffA,
              body: isp,
              headers: { "x-correlation-id": `create-audit-${String(isp.id)}` },
            }),
            isp,
          ),
          201,
        );
        const log = await expectStatus(
          await s.call("GET", `/audit?resourceId=${String(isp.id)}`, { token: tok.auditor }),
          200,
        );
        expect(log.items).toMatchObject([
          { action: "create", resourceId: isp.id, version: 1, childId: data.A.child.childId, outcome: "allowed" },
        ]);
      });

      it("SPPs and settings keep their public keys: a key in use is 409 and changes nothing", async () => {
        const p = await expectStatus(
          await s.call("POST", "/spps", { token: tok.publisher, body: { ...spp, title: "Changed" } }),
          409,
        );
        expect(p.type).toBe(`${PROBLEM_BASE}conflict`);
        expect(
          (await expectStatus(await s.call("GET", `/spps/${String(spp.id)}`, { token: tok.publisher }), 200)).title,
        ).toBe(spp.title);
        await expectStatus(
          await s.call("POST", "/settings", { token: tok.publisher, body: settingEntry(TENANT_A) }),
          409,
        );
      });

      it("a plan may only name a child the caller can see: a foreign and a missing child get the same 422, on create and update", async () => {
        const refusal = async (res: Response) => {
          const p = await expectStatus(res, 422);
          return { type: p.type, title: p.title, detail: p.detail, errors: p.errors };
        };
        const foreign = newIsp(data.B.child);
        foreign.owner = data.A.isp.owner; // filed under tenant A, naming tenant B's child
        const missing = newIsp(newChild(TENANT_A));
        const fromForeign = await refusal(await s.call("POST", "/isps", { token: tok.staffA, body: foreign }));
        const fromMissing = await refusal(await s.call("POST", "/isps", { token: tok.staffA, body: missing }));
        expect(fromForeign).toEqual(fromMissing);
        expect(fromForeign.errors).toEqual([
          { pointer: "/child/personId", ruleId: "api.child-reference", message: expect.any(String) },
        ]);
        // An EHCP by tenant A's LA officer for tenant B's child: the same.
        const ehcp = newEhcp(data.B.child, { owner: data.A.ehcp.owner });
        expect(await refusal(await s.call("POST", "/ehcps", { token: tok.laA, body: ehcp }))).toEqual({
          ...fromMissing,
        });
        for (const id of [foreign.id, missing.id])
          await expectStatus(await s.call("GET", `/isps/${String(id)}`, { token: tok.staffA }), 404);
        // Tenant B (staff and LA) sees no plan for its child but its own.
        const laB = await s.token({ sub: "la-b", send_role: "la-officer", la_code: TENANT_B.laCode });
        for (const t of [tok.staffB, laB]) {
          const found = await expectStatus(
            await s.call("GET", `/isps?childId=${data.B.child.childId}`, { token: t }),
            200,
          );
          expect((found.items as Json[]).map((x) => x.id)).toEqual(
            t === tok.staffB ? [data.B.isp.id] : expect.not.arrayContaining([foreign.id]),
          );
        }
        // Update: re-pointing one's own ISP at tenant B's child, or at a missing one, is the same 422 and writes nothing.
        const got = await s.call("GET", `/isps/${String(data.A.isp.id)}`, { token: tok.staffA });
        const etag = got.headers.get("etag")!;
        const current = (await got.json()) as Json;
        const repoint = (childId: string) => ({ ...current, child: { ...(current.child as Json), personId: childId } });
        const headers = { "if-match": etag, "change-reason": "x" };
        const upForeign = await refusal(
          await s.call("PUT", `/isps/${String(data.A.isp.id)}`, {
            token: tok.staffA,
            body: repoint(data.B.child.childId),
            headers,
          }),
        );
        const upMissing = await refusal(
          await s.call("PUT", `/isps/${String(data.A.isp.id)}`, {
            token: tok.staffA,
            body: repoint(randomUUID()),
            headers,
          }),
        );
        expect(upForeign).toEqual(upMissing);
        expect(upForeign).toEqual(fromMissing);
        expect((await s.call("GET", `/isps/${String(data.A.isp.id)}`, { token: tok.staffA })).headers.get("etag")).toBe(
          etag,
        );
      });

      it("a child id in another letter case names the same child, stored in lower case (the parent sees the plan)", async () => {
        const isp = newIsp(data.A.child);
        (isp.child as Json).personId = data.A.child.childId.toUpperCase();
        const stored = await expectStatus(
          await adoptId(await s.call("POST", "/isps", { token: tok.staffA, body: isp }), isp),
          201,
        );
        expect((stored.child as Json).personId).toBe(data.A.child.childId);
        await expectStatus(await s.call("GET", `/isps/${String(isp.id)}`, { token: tok.parentA }), 200);
      });

      it("voice authorship follows the caller's role: a parent never speaks as a professional", async () => {
        const isp = newIsp(data.A.child);
        await expectStatus(await adoptId(await s.call("POST", "/isps", { token: tok.staffA, body: isp }), isp), 201);
        const path = `/isps/${String(isp.id)}/voice`;
        const statement = (authorRole: string) => ({
          id: `voice-${authorRole}-${randomUUID().slice(0, 8)}`,
          authorRole,
          captureMethod: "own-words-written",
          capturedOn: "2030-02-01",
          consentToShare: true,
          text: `As ${authorRole}`,
        });
        const headers = { "change-reason": "views" };
        const before = (await expectStatus(
          await s.call("GET", `/isps/${String(isp.id)}`, { token: tok.staffA }),
          200,
        )) as Json;
        const at = (before.voice as Json[] | undefined)?.length ?? 0;
        for (const role of ["professional", "advocate", "other"]) {
          const p = await expectStatus(
            await s.call("POST", path, { token: tok.parentA, body: { statement: statement(role) }, headers }),
            422,
          );
          expect(p.errors).toEqual([
            { pointer: `/voice/${at}/authorRole`, ruleId: "api.voice-author-role", message: expect.any(String) },
          ]);
        }
        const versions = await expectStatus(
          await s.call("GET", `/isps/${String(isp.id)}/versions`, { token: tok.staffA }),
          200,
        );
        expect((versions.items as Json[]).length).toBe(1);
        for (const role of ["parent-carer", "child", "young-person"])
          await expectStatus(
            await s.call("POST", path, { token: tok.parentA, body: { statement: statement(role) }, headers }),
            201,
          );
        // Professionals record the views they captured, of anyone.
        for (const role of ["professional", "child"])
          await expectStatus(await s.call("POST", path, { token: tok.staffA, body: statement(role), headers }), 201);
      });

      it("PUT and voice on another tenant's record answer exactly as on a missing one (404), and change nothing", async () => {
        const shape = async (res: Response, id: string) => {
          const p = await expectStatus(res, 404);
          return { type: p.type, title: p.title, detail: String(p.detail).split(id).join("<id>") };
        };
        const missingId = randomUUID();
        const headers = { "if-match": "*", "change-reason": "x" };
        const putForeign = await shape(
          await s.call("PUT", `/isps/${String(data.B.isp.id)}`, { token: tok.staffA, body: data.B.isp, headers }),
          String(data.B.isp.id),
        );
        const putMissing = await shape(
          await s.call("PUT", `/isps/${missingId}`, {
            token: tok.staffA,
            body: { ...data.B.isp, id: missingId },
            headers,
          }),
          missingId,
        );
        expect(putForeign).toEqual(putMissing);
        const statement = {
          id: "voice-x",
          authorRole: "parent-carer",
          captureMethod: "own-words-written",
          capturedOn: "2030-02-01",
          consentToShare: true,
          text: "x",
        };
        const voiceForeign = await shape(
          await s.call("POST", `/isps/${String(data.B.isp.id)}/voice`, {
            token: tok.parentA,
            body: statement,
            headers,
          }),
          String(data.B.isp.id),
        );
        const voiceMissing = await shape(
          await s.call("POST", `/isps/${missingId}/voice`, { token: tok.parentA, body: statement, headers }),
          missingId,
        );
        expect(voiceForeign).toEqual(voiceMissing);
        expect(voiceForeign).toEqual(putMissing);
        const versions = await expectStatus(
          await s.call("GET", `/isps/${String(data.B.isp.id)}/versions`, { token: tok.staffB }),
          200,
        );
        expect((versions.items as Json[]).length).toBe(1);
      });
    });

    describe("search", () => {
      it("filters by identifier, setting, status, layer and review date, composing with AND, within tenancy", async () => {
        const child = newChild(TENANT_A);
        await registerChild(s.call, tok.staffA, child);
        const a = newIsp(child, { status: "active" });
        const b = newIsp(child, { status: "draft" });
        for (const d of [a, b])
          await expectStatus(await adoptId(await s.call("POST", "/isps", { token: tok.staffA, body: d }), d), 201);
        const ids = async (query: string, token = tok.staffA) =>
          ((await expectStatus(await s.call("GET", `/isps?${query}`, { token }), 200)).items as Json[])
            .map((x) => x.id)
            .sort();
        expect(await ids(`upn=${child.upn}`)).toEqual([a.id, b.id].sort());
        expect(await ids(`upn=${child.upn}&status=active`)).toEqual([a.id]);
        expect(await ids(`upn=${child.upn}&status=closed`)).toEqual([]);
        expect(await ids(`childId=${child.childId}&settingUrn=${TENANT_A.settingUrn}`)).toEqual([a.id, b.id].sort());
        expect(await ids(`childId=${child.childId}&settingUrn=${TENANT_B.settingUrn}`)).toEqual([]);
        expect(await ids(`upn=${child.upn}&reviewDueBefore=1990-01-01`)).toEqual([]);
        expect(await ids(`upn=${child.upn}&reviewDueBefore=2999-01-01`)).toEqual([a.id, b.id].sort());
        const layers = await ids(`upn=${child.upn}&layer=targeted`);
        const others = await ids(`upn=${child.upn}&layer=specialist`);
        expect([...layers, ...others].sort()).toEqual(layers.length ? [a.id, b.id].sort() : others);
        // Another setting searching by this child's UPN finds nothing.
        expect(await ids(`upn=${child.upn}`, tok.staffB)).toEqual([]);
      });

      it("rejects unknown, repeated and malformed query parameters with 400", async () => {
        for (const q of [
          "colour=red",
          "status=a&status=b",
          "limit=0",
          "limit=1000",
          "reviewDueBefore=tomorrow",
          "upn=A&uln=1",
        ]) {
          const p = await expectStatus(await s.call("GET", `/isps?${q}`, { token: tok.staffA }), 400);
          expect(p.type).toBe(`${PROBLEM_BASE}invalid-parameter`);
        }
      });

      it("paginates with a Link rel=next header until the last page", async () => {
        const seen: string[] = [];
        let path: string | undefined = `/isps?settingUrn=${TENANT_A.settingUrn}&limit=2`;
        let pages = 0;
        while (path) {
          const res = await s.call("GET", path, { token: tok.staffA });
          const body = await expectStatus(res, 200);
          seen.push(...(body.items as Json[]).map((x) => x.id as string));
          const link = res.headers.get("link");
          path = link ? /<([^>]+)>/.exec(link)![1] : undefined;
          if (path) expect(body.nextCursor).toBeTypeOf("string");
          pages++;
        }
        expect(pages).toBeGreaterThan(1);
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toContain(data.A.isp.id);
        await expectStatus(await s.call("GET", "/isps?cursor=!!", { token: tok.staffA }), 400);
      });
    });

    describe("errors are problem+json", () => {
      const problem = async (res: Response, status: number, kind: string) => {
        expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
        const body = await expectStatus(res, status);
        expect(body).toMatchObject({
          type: `${PROBLEM_BASE}${kind}`,
          status,
          correlationId: res.headers.get("x-correlation-id"),
        });
        expect(body.title).toBeTypeOf("string");
        return body;
      };
      it("401 without a token, with a bad one, with an expired one, with one from another signer", async () => {
        const none = await s.call("GET", "/isps");
        expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
        await problem(none, 401, "unauthorized");
        await problem(await s.call("GET", "/isps", { token: "not.a.jwt" }), 401, "unauthorized");
        const expired = await s.signer.sign(
          { sub: "x", send_role: "setting-staff", setting_urn: TENANT_A.settingUrn },
          { expiresIn: "-1m" },
        );
        await problem(await s.call("GET", "/isps", { token: expired }), 401, "unauthorized");
        const other = await (await import("../auth/dev-signer.ts")).createDevSigner();
        await problem(
          await s.call("GET", "/isps", { token: await other.sign({ sub: "x", send_role: "auditor" }) }),
          401,
          "unauthorized",
        );
        const noSetting = await s.signer.sign({ sub: "x", send_role: "setting-staff" });
        await problem(await s.call("GET", "/isps", { token: noSetting }), 401, "unauthorized");
      });
      it("403 when the role lacks the scope, and when the token narrows it", async () => {
        await problem(await s.call("GET", "/audit", { token: tok.staffA }), 403, "forbidden");
        const narrowed = await s.signer.sign({
          sub: "x",
          send_role: "setting-staff",
          setting_urn: TENANT_A.settingUrn,
          scope: "spp:read",
        });
        await problem(await s.call("GET", "/isps", { token: narrowed }), 403, "forbidden");
      });
      it("400 malformed JSON, 400 too deep, 413 too large, 415 wrong media type, 404 unknown", async () => {
        await problem(
          await s.call("POST", "/isps", { token: tok.staffA, rawBody: "{not json" }),
          400,
          "malformed-json",
        );
        await problem(
          await s.call("POST", "/isps", { token: tok.staffA, rawBody: "[".repeat(100_000) + "]".repeat(100_000) }),
          400,
          "too-deep",
        );
        await problem(
          await s.call("POST", "/isps", {
            token: tok.staffA,
            rawBody: JSON.stringify({ x: "a".repeat(3 * 1024 * 1024) }),
          }),
          413,
          "payload-too-large",
        );
        await problem(
          await s.call("POST", "/isps", {
            token: tok.staffA,
            rawBody: "<isp/>",
            headers: { "content-type": "application/xml" },
          }),
          415,
          "unsupported-media-type",
        );
        await problem(await s.call("GET", "/no-such-thing", { token: tok.staffA }), 404, "not-found");
        const polluted = await problem(
          await s.call("POST", "/isps", {
            token: tok.staffA,
            rawBody: `{"__proto__":{"polluted":true},"documentType":"isp"}`,
          }),
          422,
          "validation-failed",
        );
        expect((polluted.errors as Json[])[0]).toMatchObject({ pointer: "/__proto__" });
        expect(({} as Json).polluted).toBeUndefined();
      });
      it("POST /$validate reports findings, stores nothing, and still rejects non-JSON", async () => {
        const report = await expectStatus(
          await s.call("POST", "/$validate", { token: tok.staffA, body: { ...data.A.isp, id: "nope" } }),
          200,
        );
        expect(report.valid).toBe(false);
        expect(report.documentType).toBe("isp");
        expect((report.errors as Json[]).some((e) => e.pointer === "/id")).toBe(true);
        await problem(await s.call("GET", `/isps/nope`, { token: tok.staffA }), 400, "invalid-parameter"); // never a stored id
        await problem(await s.call("POST", "/$validate", { token: tok.staffA, rawBody: "{" }), 400, "malformed-json");
      });
    });

    describe("role × operation × foreign tenant (from spec/roles.ts)", () => {
      const scoped = ROUTES.filter(
        (r): r is RouteSpec & { scope: NonNullable<RouteSpec["scope"]> } => r.scope !== undefined,
      );

      function concretePath(route: RouteSpec, d: TenantData): string {
        const docId: Record<string, string> = {
          isp: d.isp.id as string,
          ehcp: d.ehcp.id as string,
          "legacy-ehcp": d.legacy.id as string,
          "development-profile": randomUUID(),
          spp: spp.id as string,
          child: d.child.childId,
        };
        return route.path
          .replace("{id}", docId[route.resource ?? "isp"] ?? randomUUID())
          .replace("{childId}", d.child.childId)
          .replace("{urn}", d.tenant.settingUrn)
          .replace("{version}", "1");
      }

      function bodyFor(route: RouteSpec, d: TenantData): unknown {
        if (!route.requestBody) return undefined;
        if (route.operationId.startsWith("add"))
          return {
            statement: {
              id: "v-m",
              authorRole: "parent-carer",
              captureMethod: "own-words-written",
              capturedOn: "2030-02-01",
              consentToShare: true,
              text: "views",
            },
          };
        switch (route.resource) {
          case "isp":
            return route.method === "post" ? newIsp(d.child) : d.isp;
          case "ehcp":
            return route.method === "post" ? newEhcp(d.child) : d.ehcp;
          case "legacy-ehcp":
            return route.method === "post" ? newLegacyEhcp(d.child) : d.legacy;
          case "child":
            return route.method === "post" ? childRecord(newChild(d.tenant)) : childRecord(d.child);
          case "setting":
            return settingEntry(d.tenant);
          case "spp":
            return route.method === "post" ? newSpp() : spp;
          default:
            return d.isp;
        }
      }

      const PERSONAL = new Set(["child", "isp", "ehcp", "legacy-ehcp", "development-profile"]);
      const cases = scoped.flatMap((route) => ROLES.map((r) => ({ route, role: r.id })));

      it(`covers ${cases.length} role × operation pairs with 0 leaks`, async () => {
        const leaks: string[] = [];
        const notFoundShape = await expectStatus(
          await s.call("GET", `/isps/${randomUUID()}`, { token: tok.staffA }),
          404,
        );
        for (const { route, role } of cases) {
          const token = await s.token(claimsFor(role, TENANT_A, data.A.child));
          const tenancy = ROLES.find((r) => r.id === role)!.tenancy;
          const headers = { "if-match": "*", "change-reason": "matrix" };
          const res = await s.call(route.method.toUpperCase(), concretePath(route, data.B), {
            token,
            body: bodyFor(route, data.B),
            headers,
          });
          const text = await res.text();
          const label = `${role} ${route.operationId} on tenant B → ${res.status}`;
          if (res.status >= 500) leaks.push(`${label} (server error)`);
          if (!roleHasScope(role, route.scope)) {
            if (res.status !== 403) leaks.push(`${label}, expected 403`);
            continue;
          }
          const foreignMatters = PERSONAL.has(route.resource ?? "") && tenancy !== "all";
          if (!foreignMatters) continue;
          const isItem = /\{(id|childId)\}/.test(route.path);
          if (isItem) {
            if (res.status !== 404) leaks.push(`${label}, expected 404`);
            else {
              const body = JSON.parse(text) as Json;
              if (
                body.type !== notFoundShape.type ||
                body.detail !== notFoundShape.detail ||
                Object.keys(body).sort().join() !== Object.keys(notFoundShape).sort().join()
              ) {
                leaks.push(`${label}: 404 differs from a real not-found`);
              }
            }
          } else if (route.method === "get") {
            const foreignIds = new Set([
              data.B.isp.id,
              data.B.ehcp.id,
              data.B.legacy.id,
              data.B.child.childId,
            ] as string[]);
            const items = res.status === 200 ? ((JSON.parse(text) as Json).items as Json[]) : [];
            if (items.some((x) => foreignIds.has(x.id as string))) leaks.push(`${label}: foreign record listed`);
          } else if (res.status < 400) {
            leaks.push(`${label}: wrote into another tenant`);
          }
        }
        expect(leaks).toEqual([]);
      });

      it("each role with a read scope can read its own tenant's record (the matrix is not vacuous)", async () => {
        const own: [RoleId, string][] = [
          ["setting-staff", `/isps/${data.A.isp.id}`],
          ["parent-carer", `/isps/${data.A.isp.id}`],
          ["la-officer", `/isps/${data.A.isp.id}`],
          ["la-officer", `/ehcps/${data.A.ehcp.id}`],
          ["health-commissioner", `/ehcps/${data.A.ehcp.id}`],
          ["system-integration", `/isps/${data.A.isp.id}`],
          ["parent-carer", `/children/${data.A.child.childId}/access-log`],
          ["auditor", `/children/${data.B.child.childId}/access-log`],
        ];
        for (const [role, path] of own) {
          const token = await s.token(claimsFor(role, TENANT_A, data.A.child));
          await expectStatus(await s.call("GET", path, { token }), 200);
        }
      });
    });

    describe("audit", () => {
      it("every read appends a record, visible to the auditor via GET /audit; denied attempts too", async () => {
        const cid = `audit-check-${randomUUID()}`;
        await expectStatus(
          await s.call("GET", `/isps/${data.A.isp.id}`, { token: tok.staffA, headers: { "x-correlation-id": cid } }),
          200,
        );
        await expectStatus(
          await s.call("GET", `/isps/${data.A.isp.id}`, {
            token: tok.staffB,
            headers: { "x-correlation-id": `${cid}-denied` },
          }),
          404,
        );
        const page = await expectStatus(
          await s.call("GET", `/audit?resourceId=${data.A.isp.id}&limit=100`, { token: tok.auditor }),
          200,
        );
        const events = page.items as Json[];
        expect(events.find((e) => e.callerCorrelationId === cid)).toMatchObject({
          action: "read",
          resourceType: "isp",
          resourceId: data.A.isp.id,
          version: 1,
          childId: data.A.child.childId,
          outcome: "allowed",
          actor: { subject: "staff-a", role: "setting-staff" },
        });
        expect(events.find((e) => e.callerCorrelationId === `${cid}-denied`)).toMatchObject({
          outcome: "denied",
          actor: { subject: "staff-b" },
        });
      });

      it("searches, version listings and validations are audited", async () => {
        const cid = `audit-search-${randomUUID()}`;
        await expectStatus(
          await s.call("GET", `/isps?upn=${data.A.child.upn}`, {
            token: tok.staffA,
            headers: { "x-correlation-id": cid },
          }),
          200,
        );
        await expectStatus(
          await s.call("GET", `/isps/${data.A.isp.id}/versions`, {
            token: tok.staffA,
            headers: { "x-correlation-id": `${cid}-v` },
          }),
          200,
        );
        await expectStatus(
          await s.call("POST", "/$validate", {
            token: tok.staffA,
            body: data.A.isp,
            headers: { "x-correlation-id": `${cid}-val` },
          }),
          200,
        );
        const events = (
          await expectStatus(await s.call("GET", `/audit?actor=staff-a&limit=100`, { token: tok.auditor }), 200)
        ).items as Json[];
        const all = [...events];
        let page = await s.call("GET", `/audit?actor=staff-a&limit=100`, { token: tok.auditor });
        while (page.headers.get("link")) {
          page = await s.call("GET", /<([^>]+)>/.exec(page.headers.get("link")!)![1]!, { token: tok.auditor });
          all.push(...((await expectStatus(page, 200)).items as Json[]));
        }
        const searchEvents = all.filter((e) => e.callerCorrelationId === cid);
        expect(searchEvents.every((e) => e.action === "search")).toBe(true);
        expect(searchEvents.map((e) => e.resourceId)).toContain(data.A.isp.id);
        expect(all.find((e) => e.callerCorrelationId === `${cid}-v`)).toMatchObject({ action: "list-versions" });
        expect(all.find((e) => e.callerCorrelationId === `${cid}-val`)).toMatchObject({ action: "validate" });
        expect(all.find((e) => e.callerCorrelationId === `${cid}-val`)).not.toHaveProperty("resourceId");
      });

      it("a parent asks who has read their child's plan: roles and organisations, not account ids", async () => {
        await expectStatus(await s.call("GET", `/isps/${data.A.isp.id}`, { token: tok.laA }), 200);
        const entries: Json[] = [];
        for (let cursor: unknown = ""; typeof cursor === "string"; ) {
          const log = await expectStatus(
            await s.call(
              "GET",
              `/children/${data.A.child.childId}/access-log?limit=100${cursor ? `&cursor=${cursor}` : ""}`,
              { token: tok.parentA },
            ),
            200,
          );
          entries.push(...(log.items as Json[]));
          cursor = log.nextCursor;
        }
        expect(
          entries.some(
            (e) =>
              e.action === "read" &&
              e.role === "la-officer" &&
              e.laCode === TENANT_A.laCode &&
              e.resourceId === data.A.isp.id,
          ),
        ).toBe(true);
        expect(JSON.stringify(entries)).not.toContain("la-a");
        const otherParent = await s.token({
          sub: "parent-b",
          send_role: "parent-carer",
          child_ids: [data.B.child.childId],
        });
        await expectStatus(
          await s.call("GET", `/children/${data.A.child.childId}/access-log`, { token: otherParent }),
          404,
        );
      });
    });

    describe("governor sample", () => {
      it("is deterministic, confined to the governor's setting, and carries no names, identifiers or dates of birth", async () => {
        const one = await expectStatus(
          await s.call("GET", "/governance/plan-sample?size=3", { token: tok.governorA }),
          200,
        );
        const two = await expectStatus(
          await s.call("GET", "/governance/plan-sample?size=3", { token: tok.governorA }),
          200,
        );
        expect(one).toEqual(two);
        expect(one.settingUrn).toBe(TENANT_A.settingUrn);
        const items = one.items as Json[];
        expect(items.length).toBeGreaterThan(0);
        const text = JSON.stringify(items);
        for (const forbidden of [
          data.A.child.upn,
          data.A.child.childId,
          data.B.isp.id as string,
          "dateOfBirth",
          "legalName",
          "Mensah",
        ]) {
          expect(text).not.toContain(forbidden);
        }
        await expectStatus(await s.call("GET", `/isps/${data.A.isp.id}`, { token: tok.governorA }), 403);
        await expectStatus(await s.call("GET", "/governance/plan-sample?size=0", { token: tok.governorA }), 400);
      });
    });

    describe("concurrency", () => {
      it("50 concurrent updates with the same If-Match: exactly one succeeds, 49 get 412, history has no gaps", async () => {
        const isp = newIsp(data.A.child);
        const created = await adoptId(await s.call("POST", "/isps", { token: tok.staffA, body: isp }), isp);
        await expectStatus(created, 201);
        const etag = created.headers.get("etag")!;
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            s
              .call("PUT", `/isps/${isp.id}`, {
                token: tok.staffA,
                body: { ...isp, status: i % 2 ? "under-review" : "active" },
                headers: { "if-match": etag, "change-reason": `writer ${i}` },
              })
              .then(async (r) => {
                await r.arrayBuffer();
                return r.status;
              }),
          ),
        );
        expect(results.filter((x) => x === 200)).toHaveLength(1);
        expect(results.filter((x) => x === 412)).toHaveLength(49);
        const versions = (
          await expectStatus(await s.call("GET", `/isps/${isp.id}/versions`, { token: tok.staffA }), 200)
        ).items as Json[];
        expect(versions.map((v) => v.version)).toEqual([1, 2]);
      });
      it("concurrent voice contributions without If-Match all land, each as its own version", async () => {
        const isp = newIsp(data.A.child);
        await expectStatus(await adoptId(await s.call("POST", "/isps", { token: tok.staffA, body: isp }), isp), 201);
        const statuses = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            s
              .call("POST", `/isps/${isp.id}/voice`, {
                token: tok.parentA,
                body: {
                  statement: {
                    id: `voice-c${i}`,
                    authorRole: "parent-carer",
                    captureMethod: "own-words-written",
                    capturedOn: "2030-02-01",
                    consentToShare: true,
                    text: `view ${i}`,
                  },
                },
                headers: { "change-reason": "Parent views" },
              })
              .then(async (r) => {
                await r.arrayBuffer();
                return r.status;
              }),
          ),
        );
        expect(statuses).toEqual(Array(8).fill(201));
        const current = await expectStatus(await s.call("GET", `/isps/${isp.id}`, { token: tok.staffA }), 200);
        expect((current.voice as Json[]).filter((v) => String(v.id).startsWith("voice-c"))).toHaveLength(8);
        const versions = (
          await expectStatus(await s.call("GET", `/isps/${isp.id}/versions`, { token: tok.staffA }), 200)
        ).items as Json[];
        expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      });
    });

    describe("hostile bodies", () => {
      it("1,000+ generated hostile bodies to every write route never produce a 5xx", async () => {
        const writeRoutes = ROUTES.filter((r) => r.requestBody);
        const tokens: Record<string, string> = {};
        for (const role of ["setting-staff", "la-officer", "dfe-publisher", "parent-carer"] as RoleId[])
          tokens[role] = await s.token(claimsFor(role, TENANT_A, data.A.child));
        const deep = fc.integer({ min: 10, max: 5000 }).map((n) => "[".repeat(n) + "]".repeat(n));
        const deepObj = fc.integer({ min: 10, max: 3000 }).map((n) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`);
        const huge = fc
          .integer({ min: 1, max: 3 })
          .map((mb) => JSON.stringify({ documentType: "isp", text: "x".repeat(mb * 900_000) }));
        const pollution = fc.constantFrom(
          '{"__proto__":{"admin":true}}',
          '{"constructor":{"prototype":{"admin":true}}}',
          '{"documentType":"isp","child":{"__proto__":{"x":1}}}',
          '[{"__proto__":null}]',
          '{"\\u005f_proto__":{"a":1}}',
        );
        const malformed = fc.string({ maxLength: 200 }).map((x) => `{${x}`);
        const wrongTypes = fc
          .record({
            documentType: fc.oneof(fc.constant("isp"), fc.integer(), fc.constant(null), fc.array(fc.string())),
            schemaVersion: fc.oneof(fc.constant("1.0"), fc.double(), fc.boolean()),
            id: fc.oneof(fc.uuid(), fc.string(), fc.integer()),
            child: fc.oneof(fc.constant(null), fc.string(), fc.dictionary(fc.string(), fc.jsonValue())),
            status: fc.jsonValue(),
          })
          .map((x) => JSON.stringify(x));
        const mutated = fc
          .tuple(fc.constantFrom("status", "child", "owner", "barriers", "provision", "id", "voice"), fc.jsonValue())
          .map(([k, v]) => JSON.stringify({ ...data.A.isp, [k]: v }));
        const random = fc.jsonValue().map((v) => JSON.stringify(v));
        const body = fc.oneof(
          { weight: 1, arbitrary: deep },
          { weight: 1, arbitrary: deepObj },
          { weight: 1, arbitrary: pollution },
          { weight: 3, arbitrary: malformed },
          { weight: 3, arbitrary: wrongTypes },
          { weight: 3, arbitrary: mutated },
          { weight: 4, arbitrary: random },
        );
        let sent = 0;
        const failures: string[] = [];
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...writeRoutes),
            fc.constantFrom(...Object.values(tokens)),
            body,
            async (route, token, raw) => {
              const res = await s.call(
                route.method.toUpperCase(),
                route.path
                  .replace("{id}", data.A.isp.id as string)
                  .replace("{childId}", data.A.child.childId)
                  .replace("{urn}", TENANT_A.settingUrn),
                {
                  token,
                  rawBody: raw,
                  headers: { "if-match": "*", "change-reason": "fuzz" },
                },
              );
              await res.arrayBuffer();
              sent++;
              if (res.status >= 500) failures.push(`${route.operationId} ${res.status} ${raw.slice(0, 80)}`);
              return res.status < 500;
            },
          ),
          { numRuns: 1000 },
        );
        // Large bodies separately: few, because each is megabytes.
        await fc.assert(
          fc.asyncProperty(huge, async (raw) => {
            const res = await s.call("POST", "/isps", { token: tokens["setting-staff"], rawBody: raw });
            await res.arrayBuffer();
            sent++;
            return res.status < 500;
          }),
          { numRuns: 5 },
        );
        expect(failures).toEqual([]);
        expect(sent).toBeGreaterThanOrEqual(1000);
        expect(({} as Json).admin).toBeUndefined();
      });
    });
    describe("logs after the whole suite", () => {
      it("no request log line carries a child id, UPN, plan id or token subject", () => {
        const secrets = [
          data.A.child.childId,
          data.B.child.childId,
          data.A.child.upn,
          data.B.child.upn,
          data.A.isp.id as string,
          "staff-a",
          "parent-a",
        ];
        const leaking = s.logs.filter((line) => secrets.some((x) => line.includes(x)));
        expect(s.logs.length).toBeGreaterThan(1000);
        expect(leaking).toEqual([]);
      });
    });
  });
}
