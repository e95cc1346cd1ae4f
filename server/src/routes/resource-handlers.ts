// The handlers every stored kind shares: create, read, read a version, update, list versions, search, add views.
// Thin: parse the request, ask access/ whether the caller may, call the store, audit, answer.
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import type { AppDeps } from "../deps.ts";
import type { Principal } from "../auth/principal.ts";
import { audit, auditAll, auditRecord, type AuditFacts } from "../audit/audit-event.ts";
import type { AccessPolicy, RecordAction } from "../app-parts.ts";
import { jsonResponse } from "./json-response.ts";
import { HttpProblem, invalidParameter, notFound, type ProblemErrorItem } from "../http/problems.ts";
import { ifMatchSatisfied, ifNoneMatchHits } from "../http/preconditions.ts";
import { nextLink, parseCursor, parseLimit, parseVersionCursor, versionCursor } from "../http/pagination.ts";
import { readQuery } from "../http/query.ts";
import { readChangeReason } from "../../../sdk/src/http/change-reason.ts";
import { filterNamesOf, readFilters } from "../../../sdk/src/documents/search-filters.ts";
import { versionSummary } from "./version-summary.ts";
import { appendVoice, type VoiceDocumentType } from "../../../sdk/src/documents/voice.ts";
import { appendAgreement, type AgreementDocumentType } from "../../../sdk/src/documents/agreement.ts";
import { newRecordId, withAssignedId } from "../../../sdk/src/documents/record-id.ts";
import { updateInstant, withServerProvenance } from "../../../sdk/src/documents/server-provenance.ts";
import { pathParam } from "../middleware/parameters/index.ts";
import type { ResourceConfig } from "./resources.ts";
import { ROUTES } from "../../../spec/routes.ts";
import {
  ConflictError,
  type SearchQuery,
  type StoredVersion,
  type TenantScope,
  type VersionProvenance,
} from "../storage/store.ts";

export type Handler = (c: Context<AppEnv>) => Promise<Response>;

/** One message for a child reference that is missing and one that is another tenant's: no existence oracle. */
export const CHILD_REFERENCE_MESSAGE =
  "The document must name (child.personId) a child record you can see; register the child first with POST /children.";

function changeReason(c: Context<AppEnv>, required: boolean, fallback: string): string {
  return readChangeReason(c.req.header("change-reason"), required, fallback, invalidParameter);
}

function provenance(c: Context<AppEnv>, reason: string): Omit<VersionProvenance, "at"> {
  const p = c.get("principal");
  const actor: VersionProvenance["actor"] = { subject: p.subject, role: p.role, tenant: {} };
  if (p.system) actor.system = p.system;
  if (p.settingUrn) actor.tenant.settingUrn = p.settingUrn;
  if (p.laCode) actor.tenant.laCode = p.laCode;
  return { actor, reason, correlationId: c.get("correlationId") };
}

function validationProblem(errors: ProblemErrorItem[]): HttpProblem {
  return new HttpProblem("validation-failed", `The document has ${errors.length} error(s); nothing was stored.`, {
    errors,
  });
}

function childIdOf(cfg: ResourceConfig, v: StoredVersion): string | undefined {
  return cfg.kind === "child" ? v.id : cfg.factsOf(v.body, v.id).childId;
}

/** Whether the caller may see the stored record; public kinds are visible to anyone holding the read scope. */
function visible(
  cfg: ResourceConfig,
  access: AccessPolicy,
  p: Principal,
  v: StoredVersion,
  action: RecordAction,
): boolean {
  if (!cfg.personal) return true;
  return access.canSee(p, { tenant: v.tenant, childId: childIdOf(cfg, v) }, action);
}

/** Fill tenancy gaps from the caller (a setting files its own plans), so a record is never filed under nobody. */
function completeTenant(tenant: TenantScope, p: Principal): TenantScope {
  const t: TenantScope = {};
  const settingUrn = tenant.settingUrn ?? p.settingUrn;
  const laCode = tenant.laCode ?? p.laCode;
  if (settingUrn) t.settingUrn = settingUrn;
  if (laCode) t.laCode = laCode;
  return t;
}

function representation(
  cfg: ResourceConfig,
  p: Principal,
  v: StoredVersion,
  deps: AppDeps,
): { body: unknown; etag: string; projected: boolean } {
  if (!cfg.personal) return { body: v.body, etag: v.etag, projected: false };
  const { body, projected } = deps.access.project(p, v.body);
  // A projected view is a different representation, so it gets its own (weak) validator.
  return { body, etag: projected ? `W/${v.etag.replace(/"$/, '-projected"')}` : v.etag, projected };
}

function isDuplicate(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return code === "23505" || /exist|duplicate/i.test(err.name) || /already exists|duplicate key/i.test(err.message);
}

export function resourceHandlers(cfg: ResourceConfig, deps: AppDeps, idParam: string) {
  const { store, access } = deps;
  // The kinds whose JSON reads declare `purpose` in spec/routes.ts (the plans; not child or directory records).
  const readsTakePurpose = ROUTES.some(
    (r) => r.resource === cfg.kind && r.auditAction === "read" && r.parameters.includes("purpose"),
  );
  const auditIf = async (c: Context<AppEnv>, facts: AuditFacts) => {
    if (cfg.personal || facts.action !== "read") await audit(store, c, facts);
  };

  /** Why a plan is read (the `purpose` query parameter, checked against the access-purposes list by `parameters`):
   *  the audit says why special-category data was read, for JSON reads as for views. Other operations state none. */
  const purposeOf = (c: Context<AppEnv>, action: string): { purpose?: string } =>
    readsTakePurpose && action === "read" ? { purpose: c.get("query")?.purpose ?? "not-stated" } : {};

  /** Loads the current (or given) version, or answers 404 (auditing the denied attempt) when missing or foreign. */
  async function loadVisible(
    c: Context<AppEnv>,
    id: string,
    action: "read" | "update" | "list-versions",
    version?: number,
  ) {
    const v = await store.get(cfg.kind, id, version);
    const p = c.get("principal");
    if (!v || !visible(cfg, access, p, v, action)) {
      if (cfg.personal)
        await audit(store, c, {
          action,
          kind: cfg.kind,
          resourceId: id,
          version,
          outcome: "denied",
          ...purposeOf(c, action),
        });
      throw notFound();
    }
    return v;
  }

  /**
   * A body that names a child (a document's child.personId) may only name a child record the caller can see: a
   * missing and a foreign child get the same 422, so the answer tells nothing about other tenants' children. Checked
   * before the record's tenancy is worked out (which falls back to the child's). Returns the body with the child id in
   * lower case, the form ids are compared and searched in.
   */
  async function checkChildReference(
    c: Context<AppEnv>,
    body: unknown,
    action: "create" | "update",
    resourceId: string,
  ): Promise<unknown> {
    const childId = cfg.childReferenceOf?.(body);
    if (childId === undefined) return body;
    const child = await store.get("child", childId);
    const p = c.get("principal");
    if (!child || !access.canSee(p, { tenant: child.tenant, childId: child.id }, "reference")) {
      if (child) await audit(store, c, { action, kind: cfg.kind, resourceId, childId, outcome: "denied" });
      throw validationProblem([
        { pointer: "/child/personId", ruleId: "api.child-reference", message: CHILD_REFERENCE_MESSAGE },
      ]);
    }
    const named = (body as { child: { personId: string } }).child.personId;
    if (named === childId) return body;
    const b = body as Record<string, unknown>;
    return { ...b, child: { ...(b.child as Record<string, unknown>), personId: childId } };
  }

  const create: Handler = async (c) => {
    const p = c.get("principal");
    const sent = c.get("body");
    // Personal kinds: the server assigns the id before validating, so a body without one is complete and a proposed
    // id, whether used by another tenant's record or not, changes nothing about the answer.
    const assigned = cfg.assignsIds ? newRecordId() : undefined;
    let body = assigned ? withAssignedId(sent, assigned, cfg.kind === "child") : sent;
    const errors = cfg.bodyErrors(deps, body);
    if (errors.length > 0) throw validationProblem(errors);
    const id = cfg.idOf(body)!; // bodyErrors guarantees an id
    body = await checkChildReference(c, body, "create", id);
    const facts = cfg.factsOf(body, id);
    const tenant = completeTenant(await cfg.tenantOf(store, facts), p);
    const childId = cfg.kind === "child" ? id : facts.childId;
    if (cfg.personal && !access.canFileUnder(p, { tenant, childId })) {
      await audit(store, c, { action: "create", kind: cfg.kind, resourceId: id, childId, outcome: "denied" });
      throw new HttpProblem("forbidden", "You may only file records under your own setting or local authority.");
    }
    // The create and its audit record are written by one statement.
    const rec = auditRecord(c, { action: "create", kind: cfg.kind, resourceId: id, version: 1, childId });
    let stored: StoredVersion;
    try {
      stored = await store.create(
        cfg.kind,
        id,
        body,
        facts,
        tenant,
        provenance(c, changeReason(c, false, "created")),
        rec,
      );
    } catch (err) {
      // Only client-keyed (public) kinds can meet a taken key; an assigned UUID never does.
      if (isDuplicate(err))
        throw new HttpProblem(
          "conflict",
          `A record with id ${JSON.stringify(id)} already exists; update it with PUT instead.`,
        );
      throw err;
    }
    c.header("location", `${cfg.basePath}/${encodeURIComponent(id)}`);
    c.header("etag", stored.etag);
    return c.json(stored.body as object, 201);
  };

  async function answerRead(c: Context<AppEnv>, v: StoredVersion, audited = false): Promise<Response> {
    const p = c.get("principal");
    const rep = representation(cfg, p, v, deps);
    if (!audited)
      await auditIf(c, {
        action: "read",
        kind: cfg.kind,
        resourceId: v.id,
        version: v.version,
        childId: childIdOf(cfg, v),
        ...purposeOf(c, "read"),
      });
    c.header("etag", rep.etag);
    if (rep.projected) c.header("x-send-projection", "sharing-labels");
    if (ifNoneMatchHits(c.req.header("if-none-match"), rep.etag)) return c.body(null, 304);
    return jsonResponse(c, rep.body as object, 200);
  }

  const read: Handler = async (c) => {
    const id = pathParam(c, idParam);
    // Fast path for a record this store already holds: access is judged on the held version and the read is audited
    // in the same statement that confirms it is still the current one. If it no longer is, nothing was audited and
    // the ordinary path below judges and audits the version actually read.
    const held = cfg.personal ? store.peekCurrent(cfg.kind, id) : undefined;
    if (held && visible(cfg, access, c.get("principal"), held, "read")) {
      const rec = auditRecord(c, {
        action: "read",
        kind: cfg.kind,
        resourceId: held.id,
        version: held.version,
        childId: childIdOf(cfg, held),
        ...purposeOf(c, "read"),
      });
      const r = await store.getAudited(cfg.kind, id, held.version, rec);
      if (r.audited && r.version) return answerRead(c, r.version, true);
    }
    return answerRead(c, await loadVisible(c, id, "read"));
  };

  const readVersion: Handler = async (c) => {
    const raw = c.req.param("version")!;
    if (!/^[1-9]\d{0,8}$/.test(raw)) throw invalidParameter("/path/version", "version must be a whole number from 1.");
    const id = pathParam(c, idParam);
    // Tenancy is decided on the current version: a record that moved away is no longer the caller's, in any version.
    await loadVisible(c, id, "read");
    return answerRead(c, await loadVisible(c, id, "read", Number(raw)));
  };

  /** Shared by update and voice: preconditions, then write version N+1 of `next(current)`. */
  async function writeNext(
    c: Context<AppEnv>,
    opts: { requireIfMatch: boolean; next: (current: StoredVersion) => unknown },
    useHeld = true,
  ): Promise<StoredVersion> {
    const p = c.get("principal");
    const ifMatch = c.req.header("if-match");
    if (opts.requireIfMatch && !ifMatch) {
      throw new HttpProblem("precondition-required", "Send If-Match with the ETag of the version you edited.");
    }
    const reason = changeReason(c, true, "updated");
    const id = pathParam(c, idParam);
    // Fast path: the held copy of the version the caller's If-Match names stands in for reading the current version.
    // The write below only succeeds if that version is still the newest (the store checks in the same statement); if
    // it is not, the whole update is judged again on the version actually current.
    const held = useHeld && ifMatch ? store.peekCurrent(cfg.kind, id) : undefined;
    const fromHeld =
      held !== undefined && visible(cfg, access, p, held, "update") && ifMatchSatisfied(ifMatch!, held.etag);
    if (fromHeld) {
      try {
        return await writeOn(c, held, opts.next, reason);
      } catch (err) {
        if (err instanceof ConflictError) return writeNext(c, opts, false);
        throw err;
      }
    }
    const current = await loadVisible(c, id, "update");
    if (ifMatch && !ifMatchSatisfied(ifMatch, current.etag)) {
      throw new HttpProblem(
        "precondition-failed",
        "The resource has changed since you read it; read it again and retry.",
        {
          headers: { etag: current.etag },
        },
      );
    }
    return writeOn(c, current, opts.next, reason);
  }

  /** Validates and writes version N+1 of `next(current)` for the caller, with its audit record. */
  async function writeOn(
    c: Context<AppEnv>,
    current: StoredVersion,
    next: (current: StoredVersion) => unknown,
    reason: string,
  ): Promise<StoredVersion> {
    const p = c.get("principal");
    const id = current.id;
    // The stored document's own provenance says when and why this version was written (server-maintained), and the
    // document is judged as it will be stored.
    let body = withServerProvenance(next(current), deps.clock(), reason, current.body);
    const errors = cfg.bodyErrors(deps, body);
    if (errors.length > 0) throw validationProblem(errors);
    if (cfg.idOf(body) !== id) throw new HttpProblem("conflict", "The body's id differs from the id in the address.");
    body = await checkChildReference(c, body, "update", id);
    const facts = cfg.factsOf(body, id);
    const tenant = completeTenant(await cfg.tenantOf(store, facts), p);
    const childId = cfg.kind === "child" ? id : facts.childId;
    if (cfg.personal && !access.canFileUnder(p, { tenant, childId })) {
      await audit(store, c, { action: "update", kind: cfg.kind, resourceId: id, childId, outcome: "denied" });
      throw new HttpProblem(
        "forbidden",
        "A record cannot be moved outside your own setting or local authority; use a transfer.",
      );
    }
    // The update and its audit record are written by one statement.
    const rec = auditRecord(c, {
      action: "update",
      kind: cfg.kind,
      resourceId: id,
      version: current.version + 1,
      childId,
    });
    return store.update(cfg.kind, id, current.version, body, facts, tenant, provenance(c, reason), rec);
  }

  const update: Handler = async (c) => {
    const stored = await writeNext(c, { requireIfMatch: true, next: () => c.get("body") });
    c.header("etag", stored.etag);
    c.header("content-location", `${cfg.basePath}/${encodeURIComponent(stored.id)}/versions/${stored.version}`);
    return jsonResponse(c, stored.body as object, 200);
  };

  /** Appends to the current version (voice, agreements): no If-Match needed, and a lost race is retried. */
  async function append(c: Context<AppEnv>, next: (current: StoredVersion) => unknown): Promise<Response> {
    const write = () => writeNext(c, { requireIfMatch: false, next });
    // Appending needs no If-Match; without one, a concurrent writer is not a conflict for the caller, so re-read and
    // append again instead of answering 412. Each lost race means another append won, so progress is guaranteed;
    // the bound and the jitter only keep a pile-up short.
    let stored: StoredVersion | undefined;
    for (let attempt = 0; stored === undefined; attempt++) {
      try {
        stored = await write();
      } catch (err) {
        if (!(err instanceof ConflictError) || c.req.header("if-match") || attempt >= 16) throw err;
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
      }
    }
    const rep = representation(cfg, c.get("principal"), stored, deps);
    c.header("etag", rep.etag);
    c.header("location", `${cfg.basePath}/${encodeURIComponent(stored.id)}/versions/${stored.version}`);
    return c.json(rep.body as object, 201);
  }

  const addVoice: Handler = async (c) => {
    const contribution = c.get("body");
    const role = c.get("principal").role;
    return append(c, (current) => {
      // Who may speak as whom follows the caller's role (a parent or carer never as a professional).
      const { document, statement, pointer } = appendVoice(cfg.kind as VoiceDocumentType, current.body, contribution);
      const errors = cfg.voiceErrors?.(role, statement, pointer) ?? [];
      if (errors.length > 0) throw validationProblem(errors);
      return document;
    });
  };

  const addAgreement: Handler = async (c) => {
    const contribution = c.get("body");
    const p = c.get("principal");
    return append(c, (current) => {
      // The author is the caller (a family member for themselves, staff only on a family's behalf); the date is the
      // day this version is written, as its provenance will say.
      const today = updateInstant(deps.clock(), current.body, current.body).slice(0, 10);
      const made = appendAgreement(cfg.kind as AgreementDocumentType, current.body, contribution, {
        role: p.role,
        subject: p.subject,
        today,
      });
      if (made.errors.length > 0) throw validationProblem(made.errors);
      return made.document;
    });
  };

  const listVersions: Handler = async (c) => {
    const q = readQuery(c, ["limit", "cursor"]);
    const limit = parseLimit(q.limit);
    const after = parseVersionCursor(q.cursor);
    const id = pathParam(c, idParam);
    const current = await loadVisible(c, id, "list-versions");
    const all = await store.listVersions(cfg.kind, id);
    const page = all.filter((v) => v.version > after).slice(0, limit);
    const last = page.at(-1);
    const nextCursor = last && last.version < current.version ? versionCursor(last.version) : undefined;
    if (cfg.personal)
      await audit(store, c, {
        action: "list-versions",
        kind: cfg.kind,
        resourceId: id,
        version: current.version,
        childId: childIdOf(cfg, current),
      });
    const link = nextLink(c.req.url, nextCursor);
    if (link) c.header("link", link);
    const items: object[] = page.map((v) => versionSummary(v));
    return c.json({ items, ...(nextCursor ? { nextCursor } : {}) }, 200);
  };

  const search: Handler = async (c) => {
    const p = c.get("principal");
    const q = readQuery(c, [...filterNamesOf(cfg.kind), "limit", "cursor"]);
    const query: SearchQuery = {
      kind: cfg.kind,
      limit: parseLimit(q.limit),
      ...readFilters(cfg.kind, q, invalidParameter),
    };
    const cursor = parseCursor(q.cursor);
    if (cursor) query.cursor = cursor;
    if (cfg.personal) query.visibleTo = access.visibleTo(p);
    const page = await store.search(query);
    if (cfg.personal) {
      // One record per returned resource, so a child's access log shows searches that surfaced their records.
      const records: AuditFacts[] = page.items.map((v) => ({
        action: "search",
        kind: cfg.kind,
        resourceId: v.id,
        version: v.version,
        childId: childIdOf(cfg, v),
      }));
      if (records.length === 0) records.push({ action: "search", kind: cfg.kind });
      await auditAll(store, c, records);
    }
    const link = nextLink(c.req.url, page.nextCursor);
    if (link) c.header("link", link);
    const reps = page.items.map((v) => representation(cfg, p, v, deps));
    if (reps.some((r) => r.projected)) c.header("x-send-projection", "sharing-labels"); // as on a read
    return c.json({ items: reps.map((r) => r.body), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }, 200);
  };

  return { create, read, readVersion, update, addVoice, addAgreement, listVersions, search };
}
