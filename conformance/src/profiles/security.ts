// The security profile: authentication, the role × operation matrix (spec/roles.ts), tenancy without existence leaks,
// the parent-carer's limits, and the audit of reads and writes. Ids: send.security.<behaviour>.
import { randomUUID } from "node:crypto";
import { ROLES, roleHasScope, type RoleId, type Scope } from "send-interchange/roles";
import type { RoleNeed, TestContext, TestDef } from "../model.ts";
import { check, expectProblem, expectStatus, header, itemsOf, nextLinkOf } from "../check.ts";
import { subjectFor, tokenFor } from "../config.ts";
import { isObj, markerOf } from "../fixtures/factory.ts";
import type { Json } from "../fixtures/templates.ts";
import { roleOperations, type RoleOperation } from "../standard-api.ts";
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
const LA_OFFICER_A: RoleNeed = { tenant: 0, role: "la-officer" };

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

/** The role-restricted operations of the description that the configuration declares: those of the declared
 *  resources, the child and settings directories, and the audit log, validation and governance sample when their
 *  features are declared. Views, transfers, the trust list and CTF exchange are left to their own profiles. */
/** Operations the standard's descriptions also limit to a local authority (`la_code`), which x-roles cannot express: a role
 *  x-roles allows may be refused there, so the matrix test judges only the roles x-roles refuses. */
const LA_CODE_ONLY = new Set(["get /transfers/unclaimed", "get /transfers/escalated"]);

function declaredOperations(ctx: TestContext): RoleOperation[] {
  const { profiles, resources, features = [] } = ctx.config.capabilities;
  const resourceDeclared = (path: string) =>
    resources.some((r) => path.split("/")[1] === resourceSpec(r).path.slice(1));
  const declared = (path: string): boolean => {
    // No profile or feature claims the CTF import and export, so a server without them would be judged wrongly.
    if (/\/ctf-/.test(path)) return false;
    // The transfer operations are split between sender and receiver in ways a vendor may not follow exactly; both
    // profiles claimed means all of them are served.
    if (/transfers|^\/cross-la\//.test(path))
      return profiles.includes("transfer-sender") && profiles.includes("transfer-receiver");
    if (path === "/trust-list") return features.includes("trust-anchor");
    if (/\/views\//.test(path)) return resourceDeclared(path);
    if (path.startsWith("/children")) return !path.endsWith("/access-log") || features.includes("audit");
    if (path.startsWith("/settings")) return true;
    if (path === "/audit") return features.includes("audit");
    if (path === "/$validate") return features.includes("validate-endpoint");
    if (path.startsWith("/governance")) return features.includes("governance-sample");
    return resourceDeclared(path);
  };
  return roleOperations().filter((op) => declared(op.path));
}

/** The operation's address with made-up path parameters: the role is judged before any record is looked up. */
const probeAddress = (path: string): string =>
  path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === "version" ? "1" : name === "urn" ? "999998" : "00000000-0000-4000-8000-000000000000",
  );

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

/** A well-formed X-Correlation-Id of the suite's own, so an audit event can be told apart from every other. */
const freshCorrelationId = (what: string): string => `conformance-${what}-${randomUUID()}`;

/** Whether the audit event records the caller's correlation id (as its own, or beside the server's). */
const carriesCorrelationId = (e: Json, id: string): boolean => e.callerCorrelationId === id || e.correlationId === id;

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

const actionsOf = (events: readonly Json[]): string => JSON.stringify(events.map((e) => e.action));

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
      const calls: { method: "get" | "post" | "put"; path: string }[] = MATRIX_SAMPLE.filter(
        (op) => !op.resource || ctx.config.capabilities.resources.includes(op.resource as never),
      ).map((op) => ({ method: "get", path: op.path }));
      // Item reads and writes too, on an id that need not exist: the token is judged before the record is looked up.
      if (ctx.config.capabilities.resources.includes("isp")) {
        const id = randomUUID();
        calls.push(
          { method: "get", path: `${isp.path}/${id}` },
          { method: "get", path: `${isp.path}/${id}/versions` },
          { method: "post", path: isp.path },
          { method: "put", path: `${isp.path}/${id}` },
        );
      }
      for (const call of calls) {
        const what = `${call.method.toUpperCase()} ${call.path} without a token`;
        const res =
          call.method === "get"
            ? await ctx.http.get(call.path)
            : await ctx.http[call.method](call.path, { body: {}, headers: { "change-reason": "conformance" } });
        expectProblem(res, 401, what);
        header(res, "www-authenticate", what);
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
    id: "send.security.role-matrix-every-operation",
    title: "Each role is refused exactly the operations x-roles does not give it",
    level: "MUST",
    requirements: ["SI-API-033", "SI-API-026"],
    profile: "security",
    async run(ctx) {
      const mismatches: string[] = [];
      let checked = 0;
      for (const r of ROLES) {
        const tok = tokenFor(ctx.config, 0, r.id);
        if (!tok) continue;
        for (const op of declaredOperations(ctx)) {
          const url = probeAddress(op.path);
          const method = op.method.toUpperCase();
          // An empty body and made-up ids: an allowed role gets some other answer (400, 404, 422 …), never 401/403.
          const res = await ctx.http.request(method, url, {
            token: tok,
            ...(method === "GET" ? {} : { body: {} }),
            headers: { "change-reason": "conformance: role matrix", "if-match": '"conformance"' },
          });
          checked++;
          const allowed = op.roles.includes(r.id);
          if (!allowed && res.status !== 403)
            mismatches.push(`${r.id} ${method} ${op.path}: expected 403, got ${res.status}`);
          if (allowed && (res.status === 401 || res.status === 403) && !LA_CODE_ONLY.has(`${op.method} ${op.path}`))
            mismatches.push(`${r.id} ${method} ${op.path}: x-roles allows it, got ${res.status}`);
        }
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
  {
    id: "send.security.la-officer-sees-only-own-la",
    title: "An LA officer sees only their own local authority's records",
    level: "MUST",
    requirements: ["SI-API-029"],
    profile: "security",
    capabilities: ["resource:isp"],
    roles: [STAFF_A, STAFF_B, LA_OFFICER_A],
    async run(ctx) {
      // Tenant A's setting is in the officer's LA; tenant B's setting is in another one (the configuration says so).
      const own = await createRecord(ctx, isp);
      expectStatus(
        await readRecord(ctx, isp, own.id, LA_OFFICER_A),
        200,
        "read of tenant A's ISP by tenant A's local authority officer",
      );
      const foreign = await createRecord(ctx, isp, undefined, STAFF_B);
      expectProblem(
        await readRecord(ctx, isp, foreign.id, LA_OFFICER_A),
        404,
        "read of tenant B's ISP by tenant A's local authority officer",
      );
      const childId = String((foreign.doc.child as Json).personId);
      const res = await ctx.http.get(`${isp.path}?childId=${encodeURIComponent(childId)}`, {
        token: token(ctx, LA_OFFICER_A),
      });
      expectStatus(res, 200, "tenant A's local authority officer's search by childId");
      check(
        itemsOf(res, "search").length === 0,
        "tenant A's local authority officer's search by childId returned tenant B's ISP",
      );
    },
  },
  {
    id: "send.security.update-naming-foreign-child-refused",
    title: "An update naming another tenant's child is refused like a missing one",
    level: "MUST",
    requirements: ["SI-API-058"],
    profile: "security",
    capabilities: ["resource:isp"],
    roles: [STAFF_A, STAFF_B],
    async run(ctx) {
      const created = await createRecord(ctx, isp);
      const theirs = await registeredChild(ctx, 1, STAFF_B);
      const nobody = ctx.fixtures.newChild(0); // never registered anywhere
      const naming = (childId: string) => {
        const doc = ctx.fixtures.withMarker(created.doc);
        doc.child = { ...(doc.child as Json), personId: childId };
        return doc;
      };
      const foreign = await updateRecord(ctx, isp, created.id, naming(theirs.childId), { ifMatch: created.etag });
      const unknown = await updateRecord(ctx, isp, created.id, naming(nobody.childId), { ifMatch: created.etag });
      const problem = expectProblem(foreign, 422, "tenant A's update of its ISP naming tenant B's child");
      expectProblem(unknown, 422, "tenant A's update of its ISP naming a child that does not exist");
      const pointers = Array.isArray(problem.errors) ? problem.errors.filter(isObj).map((e) => e.pointer) : [];
      check(
        pointers.includes("/child/personId"),
        `the 422 does not point at /child/personId (pointers: ${JSON.stringify(pointers)})`,
      );
      const ids = [theirs.childId, nobody.childId, created.id];
      const a = refusalShape(foreign, ids);
      const b = refusalShape(unknown, ids);
      check(a === b, `the refusals differ, so another tenant's child can be probed: ${a} vs ${b}`);
      const after = await readRecord(ctx, isp, created.id);
      check(
        header(after, "etag", "read after the refused updates") === created.etag,
        "the ISP changed after the refused updates",
      );
    },
  },
  {
    id: "send.security.child-reference-ignores-letter-case",
    title: "A plan may name its child's id in any letter case",
    level: "MUST",
    requirements: ["SI-API-058"],
    profile: "security",
    capabilities: ["resource:isp"],
    roles: [STAFF_A],
    async run(ctx) {
      const child = await registeredChild(ctx, 0);
      const shouted = child.childId.toUpperCase();
      check(shouted !== child.childId, `the child id ${child.childId} has no letters to change the case of`);
      const doc = ctx.fixtures.document("isp", child);
      doc.child = { ...(doc.child as Json), personId: shouted };
      const res = await ctx.http.post(isp.path, {
        token: token(ctx, STAFF_A),
        body: doc,
        headers: { "change-reason": "conformance: child id in upper case" },
      });
      expectStatus(res, 201, "POST of an ISP naming its child in upper case");
      const found = await ctx.http.get(`${isp.path}?childId=${encodeURIComponent(child.childId)}`, {
        token: token(ctx, STAFF_A),
      });
      expectStatus(found, 200, "search by the child id as registered");
      const id = isObj(res.json) ? res.json.id : undefined;
      check(
        itemsOf(found, "search").some((d) => d.id === id),
        "the ISP naming its child in upper case is not found by the child id as registered",
      );
    },
  },
  {
    id: "send.security.searches-and-denials-audited",
    title: "Searches and denied requests are audited with role and correlation id",
    level: "MUST",
    requirements: ["SI-API-035"],
    profile: "security",
    capabilities: ["resource:isp", "audit"],
    roles: [STAFF_A, STAFF_B, AUDITOR],
    async run(ctx) {
      const created = await createRecord(ctx, isp);
      const childId = String((created.doc.child as Json).personId);
      const searchId = freshCorrelationId("search");
      const found = await ctx.http.get(`${isp.path}?childId=${encodeURIComponent(childId)}`, {
        token: token(ctx, STAFF_A),
        headers: { "x-correlation-id": searchId },
      });
      expectStatus(found, 200, "tenant A's search by childId");
      check(
        itemsOf(found, "search").some((d) => d.id === created.id),
        "tenant A's search by childId did not find its ISP",
      );
      const deniedId = freshCorrelationId("denied");
      expectProblem(
        await ctx.http.get(itemPath(isp, created.id), {
          token: token(ctx, STAFF_B),
          headers: { "x-correlation-id": deniedId },
        }),
        404,
        "read of tenant A's ISP by tenant B",
      );
      const events = await auditEvents(ctx, `resourceId=${created.id}`);
      const role = (e: Json) => (isObj(e.actor) ? e.actor.role : undefined);
      const system = (e: Json) => (isObj(e.actor) ? e.actor.system : undefined);
      const searches = events.filter((e) => e.action === "search");
      check(searches.length > 0, `no search event for the ISP the search returned (actions: ${actionsOf(events)})`);
      const search = searches.find((e) => carriesCorrelationId(e, searchId));
      check(search, `no search event carries the caller's X-Correlation-Id ${searchId}`);
      check(
        role(search) === "setting-staff" && search.outcome === "allowed",
        `the search event records role ${JSON.stringify(role(search))} and outcome ${JSON.stringify(search.outcome)}, expected setting-staff and allowed`,
      );
      check(
        typeof system(search) === "string",
        "the search event records no system (the calling client) in actor.system",
      );
      const denials = events.filter((e) => e.outcome === "denied");
      check(
        denials.length > 0,
        `no denied event for tenant B's read of the ISP (outcomes: ${JSON.stringify(events.map((e) => e.outcome))})`,
      );
      const denied = denials.find((e) => carriesCorrelationId(e, deniedId));
      check(denied, `no denied event carries the caller's X-Correlation-Id ${deniedId}`);
      check(
        role(denied) === "setting-staff",
        `the denied event records role ${JSON.stringify(role(denied))}, expected setting-staff`,
      );
    },
  },
  {
    id: "send.security.audit-reads-audited",
    title: "Reading the audit log is itself in the audit log",
    level: "MUST",
    requirements: ["SI-API-036"],
    profile: "security",
    capabilities: ["resource:isp", "audit"],
    roles: [STAFF_A, AUDITOR],
    async run(ctx) {
      const created = await createRecord(ctx, isp);
      // The server's own clock: the time it recorded the create, so the search below starts before the audit read.
      const since = (await auditEvents(ctx, `resourceId=${created.id}`)).find((e) => e.action === "create")?.at;
      check(typeof since === "string", "the create of the ISP is not in the audit log with its time");
      const readId = freshCorrelationId("audit-read");
      const read = await ctx.http.get(`/audit?resourceId=${created.id}`, {
        token: token(ctx, AUDITOR),
        headers: { "x-correlation-id": readId },
      });
      expectStatus(read, 200, "the auditor's GET /audit");
      const auditor = subjectFor(ctx.config, 0, "auditor");
      const later = await auditEvents(
        ctx,
        `since=${encodeURIComponent(since)}${auditor ? `&actor=${encodeURIComponent(auditor)}` : ""}`,
      );
      const hit = later.find((e) => carriesCorrelationId(e, readId));
      check(hit, `the auditor's read of the audit log (X-Correlation-Id ${readId}) is not itself in the audit log`);
      check(
        hit.resourceType === "audit",
        `the audit-log read is recorded as resourceType ${JSON.stringify(hit.resourceType)}, expected "audit"`,
      );
      check(
        isObj(hit.actor) && hit.actor.role === "auditor",
        `the audit-log read records role ${JSON.stringify(isObj(hit.actor) ? hit.actor.role : undefined)}, expected auditor`,
      );
    },
  },
  ...AGREEMENT_TESTS,
];
