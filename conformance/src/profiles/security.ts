// The security profile: authentication, the role × operation matrix (spec/roles.ts), tenancy without existence leaks,
// the parent-carer's limits, and the audit of reads and writes. Ids: send.security.<behaviour>.
import { randomUUID } from "node:crypto";
import { ROLES, roleHasScope, type RoleId, type Scope } from "send-interchange/roles";
import type { RoleNeed, TestContext, TestDef } from "../model.ts";
import { check, expectProblem, expectStatus, header, itemsOf, nextLinkOf } from "../check.ts";
import { subjectFor, tokenFor } from "../config.ts";
import { isObj, markerOf } from "../fixtures/factory.ts";
import type { Json } from "../fixtures/templates.ts";
import { resourceSpec } from "./resources.ts";
import { AGREEMENT_TESTS } from "./security-agreements.ts";
import {
  createRecord,
  itemPath,
  readRecord,
  registeredChild,
  token,
  updateRecord,
  walkPages,
  type Created,
} from "./steps.ts";

const isp = resourceSpec("isp");
const STAFF_A: RoleNeed = { tenant: 0, role: "setting-staff" };
const STAFF_B: RoleNeed = { tenant: 1, role: "setting-staff" };
const PARENT_A: RoleNeed = { tenant: 0, role: "parent-carer" };
const AUDITOR: RoleNeed = { tenant: 0, role: "auditor" };

/** Comparable parts of a refused create: what a caller could use to tell a foreign child from a missing one. */
function refusalShape(res: { status: number; json: unknown; headers: Headers }, ids: readonly string[]): string {
  const body = isObj(res.json) ? res.json : {};
  const strip = (v: unknown) => (typeof v === "string" ? ids.reduce((t, id) => t.split(id).join("<id>"), v) : v);
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isObj).map((e) => ({ pointer: e.pointer, ruleId: e.ruleId, message: strip(e.message) }))
    : body.errors;
  return JSON.stringify({
    status: res.status,
    type: body.type,
    title: body.title,
    detail: strip(body.detail),
    errors,
    contentType: res.headers.get("content-type"),
  });
}

/** Comparable parts of a successful create: status and headers present, and whether the id is fresh and named. */
function createShape(res: { status: number; json: unknown; headers: Headers }, proposed: string, path: string): string {
  const id = isObj(res.json) ? res.json.id : undefined;
  const location = res.headers.get("location") ?? "";
  return JSON.stringify({
    status: res.status,
    fresh: typeof id === "string" && id !== proposed,
    named: typeof id === "string" && location.replace(/\/$/, "").endsWith(`${path}/${encodeURIComponent(id)}`),
    etag: res.headers.has("etag"),
  });
}

/** A token whose signature no longer matches: the last signature character changed. */
export function tamperSignature(jwt: string): string {
  const [h, p, s] = jwt.split(".");
  if (!h || !p || !s) return `${jwt}x`;
  // Flip a middle character: the last one may only carry padding bits that base64url decoders ignore.
  const i = Math.floor(s.length / 2);
  const c = s[i] === "A" ? "B" : "A";
  return `${h}.${p}.${s.slice(0, i)}${c}${s.slice(i + 1)}`;
}

/** The same claims with `alg: none` and no signature (RFC 7519 §6 unsecured JWT). */
export function unsignedToken(jwt: string): string {
  const p = jwt.split(".")[1] ?? "";
  const h = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
  return `${h}.${p}.`;
}

/** List operations, one per scope they need: the sample of the role matrix the suite checks. */
const MATRIX_SAMPLE: readonly { path: string; scope: Scope; resource?: string }[] = [
  { path: "/isps", scope: "isp:read", resource: "isp" },
  { path: "/ehcps", scope: "ehcp:read", resource: "ehcp" },
  { path: "/legacy-ehcps", scope: "legacy-ehcp:read", resource: "legacy-ehcp" },
  { path: "/development-profiles", scope: "development-profile:read", resource: "development-profile" },
  { path: "/spps", scope: "spp:read", resource: "spp" },
  { path: "/children", scope: "children:read" },
  { path: "/settings", scope: "settings:read" },
  { path: "/audit", scope: "audit:read" },
];

/** Comparable parts of a not-found answer: what a caller could use to tell "exists elsewhere" from "never existed". */
function notFoundShape(res: { status: number; json: unknown; headers: Headers }, id: string): string {
  const body = isObj(res.json) ? res.json : {};
  const detail = typeof body.detail === "string" ? body.detail.split(id).join("<id>") : body.detail;
  return JSON.stringify({
    status: res.status,
    type: body.type,
    title: body.title,
    detail,
    contentType: res.headers.get("content-type"),
  });
}

async function auditEvents(ctx: TestContext, query: string): Promise<Json[]> {
  const { pages } = await walkPages(ctx, `/audit?${query}&limit=100`, token(ctx, AUDITOR), nextLinkOf, (r) =>
    itemsOf(r, "GET /audit"),
  );
  return pages.flat();
}

/** `as` tries to update the ISP with a new marker: refused with `status`, and the stored ISP keeps its old marker. */
async function expectUpdateRefused(
  ctx: TestContext,
  created: Created,
  as: RoleNeed,
  status: number,
  what: string,
  changed: string,
): Promise<void> {
  const res = await updateRecord(ctx, isp, created.id, ctx.fixtures.withMarker(created.doc), {
    ifMatch: created.etag,
    as,
  });
  expectProblem(res, status, what);
  const after = await readRecord(ctx, isp, created.id);
  check(markerOf(after.json) === markerOf(created.doc), changed);
}

const actorSubject = (e: Json): unknown => (isObj(e.actor) ? e.actor.subject : undefined);

/** A new voice statement modelled on one the fixture plan carries (one by `authorRole` if it has one), with a fresh id
 *  and text the test can look for. */
function freshStatement(doc: Record<string, unknown>, authorRole?: string): Record<string, unknown> & { text: string } {
  const voice = Array.isArray(doc.voice) ? doc.voice.filter(isObj) : [];
  const template = voice.find((v) => v.authorRole === authorRole) ?? voice[0];
  check(template !== undefined, "the fixture ISP has no voice statement to model the contribution on");
  return { ...template, id: `voice-${randomUUID().slice(0, 8)}`, text: `Conformance views ${randomUUID()}` };
}

/** The texts of a plan's voice statements, as read back. */
function voiceTexts(plan: unknown): unknown[] {
  return isObj(plan) && Array.isArray(plan.voice) ? plan.voice.filter(isObj).map((v) => v.text) : [];
}

export const SECURITY_TESTS: readonly TestDef[] = [
  {
    id: "send.security.no-token-unauthorised",
    title: "Protected operations without a token give 401",
    level: "MUST",
    requirements: ["SI-API-025", "SI-API-013"],
    profile: "security",
    async run(ctx) {
      for (const op of MATRIX_SAMPLE) {
        if (op.resource && !ctx.config.capabilities.resources.includes(op.resource as never)) continue;
        const res = await ctx.http.get(op.path);
        expectProblem(res, 401, `GET ${op.path} without a token`);
        header(res, "www-authenticate", `GET ${op.path} without a token`);
      }
    },
  },
  {
    id: "send.security.bad-signature-unauthorised",
    title: "A token with a broken signature gives 401",
    level: "MUST",
    requirements: ["SI-API-025"],
    profile: "security",
    capabilities: ["resource:isp"],
    roles: [STAFF_A],
    async run(ctx) {
      const good = token(ctx, STAFF_A);
      expectStatus(await ctx.http.get("/isps?limit=1", { token: good }), 200, "GET /isps with the configured token");
      expectProblem(
        await ctx.http.get("/isps?limit=1", { token: tamperSignature(good) }),
        401,
        "GET /isps with a tampered signature",
      );
    },
  },
  {
    id: "send.security.unsigned-token-unauthorised",
    title: "An unsigned (alg none) token gives 401",
    level: "MUST",
    requirements: ["SI-API-025"],
    profile: "security",
    capabilities: ["resource:isp"],
    roles: [STAFF_A],
    async run(ctx) {
      expectProblem(
        await ctx.http.get("/isps?limit=1", { token: unsignedToken(token(ctx, STAFF_A)) }),
        401,
        "GET /isps with an alg=none token",
      );
    },
  },
  {
    id: "send.security.role-matrix-enforced",
    title: "Each role reaches exactly the operations its scopes allow",
    level: "MUST",
    requirements: ["SI-API-026", "SI-API-033", "SI-API-032", "SI-API-036"],
    profile: "security",
    async run(ctx) {
      const mismatches: string[] = [];
      let checked = 0;
      for (const r of ROLES) {
        const tok = tokenFor(ctx.config, 0, r.id);
        if (!tok) continue;
        for (const op of MATRIX_SAMPLE) {
          if (op.resource && !ctx.config.capabilities.resources.includes(op.resource as never)) continue;
          if (op.path === "/audit" && !(ctx.config.capabilities.features ?? []).includes("audit")) continue;
          const allowed = roleHasScope(r.id as RoleId, op.scope);
          const res = await ctx.http.get(`${op.path}?limit=1`, { token: tok });
          checked++;
          if (allowed && res.status !== 200) mismatches.push(`${r.id} GET ${op.path}: expected 200, got ${res.status}`);
          if (!allowed && res.status !== 403)
            mismatches.push(`${r.id} GET ${op.path}: expected 403, got ${res.status}`);
        }
      }
      // Publishing an SPP (a write): only roles holding spp:publish may.
      if (ctx.config.capabilities.resources.includes("spp"))
        for (const r of ROLES) {
          const tok = tokenFor(ctx.config, 0, r.id);
          if (!tok) continue;
          const allowed = roleHasScope(r.id as RoleId, "spp:publish");
          const res = await ctx.http.post("/spps", {
            token: tok,
            body: ctx.fixtures.document("spp"),
            headers: { "change-reason": "conformance: who may publish" },
          });
          checked++;
          if (res.status !== (allowed ? 201 : 403))
            mismatches.push(`${r.id} POST /spps: expected ${allowed ? 201 : 403}, got ${res.status}`);
        }
      check(checked > 0, "no role credentials in tenant 0 to check the matrix with");
      ctx.note(`${checked} role × operation pairs checked`);
      check(mismatches.length === 0, mismatches.join("; "));
    },
  },
  {
    id: "send.security.foreign-tenant-read-not-found",
    title: "Another tenant's record reads as 404, like a missing one",
    level: "MUST",
    requirements: ["SI-API-027", "SI-API-029"],
    profile: "security",
    capabilities: ["resource:isp"],
    roles: [STAFF_A, STAFF_B],
    async run(ctx) {
      const created = await createRecord(ctx, isp);
      const foreign = await readRecord(ctx, isp, created.id, STAFF_B);
      expectProblem(foreign, 404, "read of tenant A's ISP by tenant B");
      const missingId = randomUUID();
      const missing = await readRecord(ctx, isp, missingId, STAFF_B);
      expectProblem(missing, 404, "read of an id that does not exist");
      check(
        notFoundShape(foreign, created.id) === notFoundShape(missing, missingId),
        `the answers differ, so existence leaks: ${notFoundShape(foreign, created.id)} vs ${notFoundShape(missing, missingId)}`,
      );
      const versions = await ctx.http.get(`${itemPath(isp, created.id)}/versions`, { token: token(ctx, STAFF_B) });
      expectProblem(versions, 404, "version list of tenant A's ISP by tenant B");
      expectProblem(
        await ctx.http.get(`${itemPath(isp, created.id)}/versions/1`, { token: token(ctx, STAFF_B) }),
        404,
        "version 1 of tenant A's ISP by tenant B",
      );
    },
  },
  {
    id: "send.security.foreign-tenant-search-hidden",
    title: "Searches never return another tenant's records",
    level: "MUST",
    requirements: ["SI-API-027", "SI-API-029"],
    profile: "security",
    capabilities: ["resource:isp"],
    roles: [STAFF_A, STAFF_B],
    async run(ctx) {
      const child = ctx.fixtures.newChild(0);
      await createRecord(ctx, isp, child);
      for (const q of [`childId=${child.childId}`, `upn=${child.upn}`]) {
        const res = await ctx.http.get(`/isps?${q}`, { token: token(ctx, STAFF_B) });
        expectStatus(res, 200, `tenant B search ${q}`);
        check(itemsOf(res, "search").length === 0, `tenant B's search ${q} returned tenant A's ISP`);
      }
      const own = await ctx.http.get(`/isps?childId=${child.childId}`, { token: token(ctx, STAFF_A) });
      check(itemsOf(own, "search").length === 1, "tenant A's own search did not find its ISP");
    },
  },
  {
    id: "send.security.foreign-tenant-update-not-found",
    title: "Another tenant's record cannot be updated (404, unchanged)",
    level: "MUST",
    requirements: ["SI-API-027", "SI-API-029"],
    profile: "security",
    capabilities: ["resource:isp"],
    roles: [STAFF_A, STAFF_B],
    async run(ctx) {
      const created = await createRecord(ctx, isp);
      await expectUpdateRefused(
        ctx,
        created,
        STAFF_B,
        404,
        "update of tenant A's ISP by tenant B",
        "tenant B's update changed tenant A's ISP",
      );
    },
  },
  {
    id: "send.security.create-foreign-id-not-revealed",
    title: "A create with another tenant's id answers as with an unused id",
    level: "MUST",
    requirements: ["SI-API-057", "SI-API-029"],
    profile: "security",
    capabilities: ["resource:isp"],
    roles: [STAFF_A, STAFF_B],
    async run(ctx) {
      const theirs = await createRecord(ctx, isp); // tenant A's ISP
      const child = await registeredChild(ctx, 1, STAFF_B);
      const post = (id: string) => {
        const doc = ctx.fixtures.document("isp", child);
        doc.id = id;
        return ctx.http.post(isp.path, { token: token(ctx, STAFF_B), body: doc });
      };
      const foreign = await post(theirs.id);
      const unusedId = randomUUID();
      const unused = await post(unusedId);
      expectStatus(foreign, 201, "tenant B's POST carrying tenant A's ISP id");
      expectStatus(unused, 201, "tenant B's POST carrying an unused id");
      const a = createShape(foreign, theirs.id, isp.path);
      const b = createShape(unused, unusedId, isp.path);
      check(a === b, `the answers differ, so another tenant's record id can be probed: ${a} vs ${b}`);
      check(
        JSON.parse(a).fresh === true && JSON.parse(a).named === true,
        `the create did not store a record under a fresh id named by Location: ${a}`,
      );
      const after = await readRecord(ctx, isp, theirs.id);
      expectStatus(after, 200, "tenant A's read of its ISP");
      check(
        header(after, "etag", "tenant A's read") === theirs.etag && markerOf(after.json) === markerOf(theirs.doc),
        "tenant A's ISP changed after tenant B's create carrying its id",
      );
      expectProblem(await readRecord(ctx, isp, theirs.id, STAFF_B), 404, "tenant B's read of tenant A's ISP");
    },
  },
  {
    id: "send.security.plan-for-foreign-child-refused",
    title: "A plan for another tenant's child is refused like a missing child",
    level: "MUST",
    requirements: ["SI-API-058", "SI-API-029"],
    profile: "security",
    capabilities: ["resource:isp"],
    roles: [STAFF_B, PARENT_A],
    async run(ctx) {
      // Tenant A's parent's child exists in tenant A; tenant B files a plan for it under its own setting.
      const victim = ctx.fixtures.parentsChild(0);
      const before = await ctx.http.get(`/isps?childId=${encodeURIComponent(victim.childId)}&limit=100`, {
        token: token(ctx, PARENT_A),
      });
      expectStatus(before, 200, "the parent's search of their child's ISPs");
      // Filed under tenant B's setting, naming the child by child.personId.
      const plan = (child: typeof victim) => ctx.fixtures.document("isp", { ...child, tenant: 1 });
      const injected = plan(victim);
      const nobody = ctx.fixtures.newChild(0); // never registered anywhere
      const missing = plan(nobody);
      const foreign = await ctx.http.post(isp.path, { token: token(ctx, STAFF_B), body: injected });
      const unknown = await ctx.http.post(isp.path, { token: token(ctx, STAFF_B), body: missing });
      const problem = expectProblem(foreign, 422, "tenant B's ISP naming tenant A's child");
      expectProblem(unknown, 422, "tenant B's ISP naming a child that does not exist");
      const pointers = Array.isArray(problem.errors) ? problem.errors.filter(isObj).map((e) => e.pointer) : [];
      check(
        pointers.includes("/child/personId"),
        `the 422 does not point at /child/personId (pointers: ${JSON.stringify(pointers)})`,
      );
      const ids = [victim.childId, nobody.childId, String(injected.id), String(missing.id)];
      const a = refusalShape(foreign, ids);
      const b = refusalShape(unknown, ids);
      check(a === b, `the refusals differ, so another tenant's child can be probed: ${a} vs ${b}`);
      const after = await ctx.http.get(`/isps?childId=${encodeURIComponent(victim.childId)}&limit=100`, {
        token: token(ctx, PARENT_A),
      });
      expectStatus(after, 200, "the parent's search of their child's ISPs");
      const owners = itemsOf(after, "search").map((d) => (isObj(d.owner) ? d.owner.urn : undefined));
      check(
        !owners.includes(ctx.config.tenants[1].setting.urn),
        "tenant A's parent sees an ISP for their child written by tenant B",
      );
    },
  },
  {
    id: "send.security.parent-voice-as-professional-refused",
    title: "A parent cannot add views attributed to a professional",
    level: "MUST",
    requirements: ["SI-API-059"],
    profile: "security",
    capabilities: ["resource:isp", "voice"],
    roles: [STAFF_A, PARENT_A],
    async run(ctx) {
      const created = await createRecord(ctx, isp, ctx.fixtures.parentsChild(0));
      const statement = { ...freshStatement(created.doc), authorRole: "professional" };
      const res = await ctx.http.post(`${itemPath(isp, created.id)}/voice`, {
        token: token(ctx, PARENT_A),
        body: statement,
        headers: { "change-reason": "parent views" },
      });
      const problem = expectProblem(res, 422, "parent's POST of views attributed to a professional");
      const pointers = Array.isArray(problem.errors) ? problem.errors.filter(isObj).map((e) => String(e.pointer)) : [];
      check(
        pointers.some((p) => p.endsWith("/authorRole")),
        `the 422 does not point at the statement's authorRole (pointers: ${JSON.stringify(pointers)})`,
      );
      const after = await readRecord(ctx, isp, created.id);
      check(!voiceTexts(after.json).includes(statement.text), "the refused statement is in the plan read back");
      check(
        header(after, "etag", "read after the refused views") === created.etag,
        "the plan changed after the refused views",
      );
    },
  },
  {
    id: "send.security.parent-cannot-edit-provision",
    title: "A parent reads their child's plan but cannot update it",
    level: "MUST",
    requirements: ["SI-API-028", "SI-API-026"],
    profile: "security",
    capabilities: ["resource:isp"],
    roles: [STAFF_A, PARENT_A],
    async run(ctx) {
      const created = await createRecord(ctx, isp, ctx.fixtures.parentsChild(0));
      expectStatus(await readRecord(ctx, isp, created.id, PARENT_A), 200, "parent's read of their child's ISP");
      await expectUpdateRefused(
        ctx,
        created,
        PARENT_A,
        403,
        "parent's update of the ISP",
        "the parent's refused update changed the ISP",
      );
      // Nor may a parent create a plan: a new ISP for their own child is refused and not stored.
      const marker = randomUUID();
      const proposed = ctx.fixtures.withMarker(ctx.fixtures.document("isp", ctx.fixtures.parentsChild(0)), marker);
      expectProblem(
        await ctx.http.post(isp.path, {
          token: token(ctx, PARENT_A),
          body: proposed,
          headers: { "change-reason": "conformance" },
        }),
        403,
        "parent's create of an ISP",
      );
      const { pages } = await walkPages(
        ctx,
        `${isp.path}?childId=${ctx.fixtures.parentsChild(0).childId}&limit=100`,
        token(ctx, STAFF_A),
        nextLinkOf,
        (r) => itemsOf(r, "search"),
      );
      check(!pages.flat().some((d) => markerOf(d) === marker), "the parent's refused ISP was stored");
    },
  },
  {
    id: "send.security.parent-sees-only-own-children",
    title: "A parent cannot read another child's plan",
    level: "MUST",
    requirements: ["SI-API-028", "SI-API-027"],
    profile: "security",
    capabilities: ["resource:isp"],
    roles: [STAFF_A, PARENT_A],
    async run(ctx) {
      const created = await createRecord(ctx, isp, ctx.fixtures.newChild(0));
      expectProblem(await readRecord(ctx, isp, created.id, PARENT_A), 404, "parent's read of another child's ISP");
    },
  },
  {
    id: "send.security.parent-adds-views",
    title: "A parent adds their views to their child's plan",
    level: "MUST",
    requirements: ["SI-API-028"],
    profile: "security",
    capabilities: ["resource:isp", "voice"],
    roles: [STAFF_A, PARENT_A],
    async run(ctx) {
      const created = await createRecord(ctx, isp, ctx.fixtures.parentsChild(0));
      const statement = freshStatement(created.doc, "parent-carer");
      const res = await ctx.http.post(`${itemPath(isp, created.id)}/voice`, {
        token: token(ctx, PARENT_A),
        body: statement,
        headers: { "change-reason": "parent views" },
      });
      expectStatus(res, 201, "parent's POST of views");
      const after = await readRecord(ctx, isp, created.id);
      check(voiceTexts(after.json).includes(statement.text), "the parent's views are not in the plan read back");
    },
  },
  {
    id: "send.security.plan-reads-audited",
    title: "Every read of a plan appears in the audit log",
    level: "MUST",
    requirements: ["SI-API-035", "SI-API-036"],
    profile: "security",
    capabilities: ["resource:isp", "audit"],
    roles: [STAFF_A, AUDITOR],
    async run(ctx) {
      const created = await createRecord(ctx, isp);
      const reads = 3;
      for (let i = 0; i < reads; i++) expectStatus(await readRecord(ctx, isp, created.id), 200, `read ${i + 1}`);
      expectStatus(
        await ctx.http.get(`${itemPath(isp, created.id)}/versions/1`, { token: token(ctx, STAFF_A) }),
        200,
        "read of version 1",
      );
      const events = await auditEvents(ctx, `resourceId=${created.id}`);
      const subject = subjectFor(ctx.config, 0, "setting-staff");
      const readEvents = events.filter(
        (e) => e.action === "read" && (subject === undefined || actorSubject(e) === subject),
      );
      check(
        readEvents.length >= reads + 1,
        `expected at least ${reads + 1} read events for the ISP${subject ? ` by ${subject}` : ""}, found ${readEvents.length}`,
      );
      check(
        events.some((e) => e.action === "create"),
        "the create of the ISP is not in the audit log",
      );
    },
  },
  {
    id: "send.security.writes-audited",
    title: "Every create and update of a plan appears in the audit log",
    level: "MUST",
    requirements: ["SI-API-035"],
    profile: "security",
    capabilities: ["resource:isp", "audit"],
    roles: [STAFF_A, AUDITOR],
    async run(ctx) {
      const created = await createRecord(ctx, isp);
      expectStatus(
        await updateRecord(ctx, isp, created.id, ctx.fixtures.withMarker(created.doc), { ifMatch: created.etag }),
        200,
        "update",
      );
      const events = await auditEvents(ctx, `resourceId=${created.id}`);
      const actions = events.map((e) => e.action);
      check(
        actions.includes("create") && actions.includes("update"),
        `expected create and update events, found ${JSON.stringify(actions)}`,
      );
    },
  },
  {
    id: "send.security.parent-access-log-shows-reads",
    title: "A parent's access log shows who read their child's plan",
    level: "MUST",
    requirements: ["SI-API-037"],
    profile: "security",
    capabilities: ["resource:isp", "audit"],
    roles: [STAFF_A, PARENT_A],
    async run(ctx) {
      const child = ctx.fixtures.parentsChild(0); // its child record exists (the config says so)
      const created = await createRecord(ctx, isp, child);
      expectStatus(await readRecord(ctx, isp, created.id), 200, "staff read of the ISP");
      const res = await ctx.http.get(`/children/${child.childId}/access-log?limit=100`, {
        token: token(ctx, PARENT_A),
      });
      expectStatus(res, 200, "parent's GET of the access log");
      let entries = itemsOf(res, "access log");
      let next = nextLinkOf(res);
      while (next && !entries.some((e) => e.resourceId === created.id && e.action === "read")) {
        const page = await ctx.http.get(next, { token: token(ctx, PARENT_A) });
        expectStatus(page, 200, "next page of the access log");
        entries = itemsOf(page, "access log");
        next = nextLinkOf(page);
      }
      const hit = entries.find((e) => e.resourceId === created.id && e.action === "read");
      check(hit !== undefined, "the staff read of the ISP is not in the parent's access log");
      check(
        hit.role === "setting-staff",
        `the access-log entry names role ${JSON.stringify(hit.role)}, expected setting-staff`,
      );
    },
  },
  ...AGREEMENT_TESTS,
];
