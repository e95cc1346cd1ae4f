// GET /audit (auditor) and GET /children/{childId}/access-log ("who has read my child's records"). Reading either
// is itself audited.
import type { AppDeps } from "../deps.ts";
import { audit } from "../audit/audit-event.ts";
import { canSee } from "../access/tenancy.ts";
import { nextLink, parseCursor, parseLimit } from "../http/pagination.ts";
import { readQuery, requireInstant } from "../http/query.ts";
import { notFound } from "../http/problems.ts";
import type { AuditQuery, AuditRecord } from "../storage/store.ts";
import type { Handler } from "./resource-handlers.ts";
import { pathParam } from "../middleware/parameters/index.ts";

export function auditEvent(r: AuditRecord) {
  const actor: { subject: string; role: string; system?: string } = { subject: r.actor.subject, role: r.actor.role };
  if (r.actor.system) actor.system = r.actor.system;
  return {
    seq: r.seq,
    at: r.at,
    actor,
    action: r.action,
    resourceType: r.kind,
    ...(r.resourceId !== undefined && r.resourceId !== null ? { resourceId: r.resourceId } : {}),
    ...(r.version !== undefined && r.version !== null ? { version: r.version } : {}),
    ...(r.childId !== undefined && r.childId !== null ? { childId: r.childId } : {}),
    correlationId: r.correlationId,
    ...(r.callerCorrelationId !== undefined ? { callerCorrelationId: r.callerCorrelationId } : {}),
    ...(r.purpose !== undefined ? { purpose: r.purpose } : {}),
    outcome: r.outcome,
  };
}

/** What a parent sees: the role and organisation that acted, never a staff member's account id. */
export function accessLogEntry(r: AuditRecord) {
  return {
    at: r.at,
    action: r.action,
    resourceType: r.kind,
    ...(r.resourceId ? { resourceId: r.resourceId } : {}),
    ...(r.version ? { version: r.version } : {}),
    role: r.actor.role,
    ...(r.actor.tenant.settingUrn ? { settingUrn: r.actor.tenant.settingUrn } : {}),
    ...(r.actor.tenant.laCode ? { laCode: r.actor.tenant.laCode } : {}),
    ...(r.actor.system ? { system: r.actor.system } : {}),
    ...(r.purpose ? { purpose: r.purpose } : {}),
  };
}

export function auditHandlers(deps: AppDeps) {
  const { store } = deps;

  const listAuditEvents: Handler = async (c) => {
    const q = readQuery(c, ["childId", "resourceId", "actor", "since", "limit", "cursor"]);
    const query: AuditQuery = { limit: parseLimit(q.limit) };
    const cursor = parseCursor(q.cursor);
    if (cursor) query.cursor = cursor;
    if (q.childId) query.childId = q.childId;
    if (q.resourceId) query.resourceId = q.resourceId;
    if (q.actor) query.actorSubject = q.actor;
    if (q.since) query.since = requireInstant("since", q.since);
    const page = await store.queryAudit(query);
    await audit(store, c, { action: "search", kind: "audit", childId: q.childId, resourceId: q.resourceId });
    const link = nextLink(c.req.url, page.nextCursor);
    if (link) c.header("link", link);
    return c.json(
      { items: page.items.map(auditEvent), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) },
      200,
    );
  };

  const getChildAccessLog: Handler = async (c) => {
    const p = c.get("principal");
    const childId = pathParam(c, "childId");
    const q = readQuery(c, ["since", "limit", "cursor"]);
    const child = await store.get("child", childId);
    if (!child || !canSee(p, { tenant: child.tenant, childId })) {
      await audit(store, c, { action: "read", kind: "audit", childId, outcome: "denied" });
      throw notFound();
    }
    const query: AuditQuery = { childId, limit: parseLimit(q.limit) };
    const cursor = parseCursor(q.cursor);
    if (cursor) query.cursor = cursor;
    if (q.since) query.since = requireInstant("since", q.since);
    const page = await store.queryAudit(query);
    await audit(store, c, { action: "read", kind: "audit", childId });
    const link = nextLink(c.req.url, page.nextCursor);
    if (link) c.header("link", link);
    // Validation events carry no child; the access log shows only what touched the child's records.
    const items = page.items.filter((r) => r.action !== "validate").map(accessLogEntry);
    return c.json({ items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }, 200);
  };

  return { listAuditEvents, getChildAccessLog };
}
