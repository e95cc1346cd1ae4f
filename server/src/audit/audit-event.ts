// Builds and appends audit records. Every read and write of personal data goes through here, including denied
// attempts, so "who has read my child's plan" has a complete answer.
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import type { Principal } from "../auth/principal.ts";
import type { Actor, AuditRecord, Store } from "../storage/store.ts";

export function actorOf(p: Principal): Actor {
  const actor: Actor = { subject: p.subject, role: p.role, tenant: {} };
  if (p.system) actor.system = p.system;
  if (p.settingUrn) actor.tenant.settingUrn = p.settingUrn;
  if (p.laCode) actor.tenant.laCode = p.laCode;
  return actor;
}

export interface AuditFacts {
  action: AuditRecord["action"];
  kind: AuditRecord["kind"];
  resourceId?: string;
  version?: number;
  childId?: string;
  outcome?: AuditRecord["outcome"];
  purpose?: string;
}

export function auditRecord(c: Context<AppEnv>, facts: AuditFacts): AuditRecord {
  const rec: AuditRecord = {
    actor: actorOf(c.get("principal")),
    action: facts.action,
    kind: facts.kind,
    correlationId: c.get("correlationId"),
    outcome: facts.outcome ?? "allowed",
  };
  const callerCorrelationId = c.get("callerCorrelationId");
  if (callerCorrelationId !== undefined) rec.callerCorrelationId = callerCorrelationId;
  if (facts.resourceId !== undefined) rec.resourceId = facts.resourceId;
  if (facts.version !== undefined) rec.version = facts.version;
  if (facts.childId !== undefined) rec.childId = facts.childId;
  if (facts.purpose !== undefined) rec.purpose = facts.purpose;
  return rec;
}

export async function audit(store: Store, c: Context<AppEnv>, facts: AuditFacts): Promise<void> {
  await store.appendAudits([auditRecord(c, facts)]);
}

/** Several records for one request (a search that surfaced several records), written together in order. */
export async function auditAll(store: Store, c: Context<AppEnv>, facts: readonly AuditFacts[]): Promise<void> {
  await store.appendAudits(facts.map((f) => auditRecord(c, f)));
}
