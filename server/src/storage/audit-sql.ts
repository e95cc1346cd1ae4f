// The audit_log columns and their parameters, shared by every statement that appends audit records.
import type { AuditRecord } from "./store.ts";

export const AUDIT_COLUMNS =
  "actor_subject, actor_role, actor_system, actor_setting_urn, actor_la_code, action, kind, " +
  "resource_id, version, child_id, correlation_id, outcome, caller_correlation_id, purpose";
/** SQL element type of each column, in AUDIT_COLUMNS order. */
const AUDIT_TYPES = [
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "int",
  "text",
  "text",
  "text",
  "text",
  "text",
] as const;
const AUDIT_ARITY = AUDIT_TYPES.length;

/** `($1, …, $13)`: one record's VALUES row (numbering after `offset` parameters). */
export function auditValuesRow(offset = 0): string {
  return `(${AUDIT_TYPES.map((t, i) => `$${offset + i + 1}${t === "int" ? "::int" : ""}`).join(", ")})`;
}

/** One record's 13 parameters, in AUDIT_COLUMNS order. */
export function auditParams(rec: AuditRecord): unknown[] {
  return [
    rec.actor.subject,
    rec.actor.role,
    rec.actor.system ?? null,
    rec.actor.tenant.settingUrn ?? null,
    rec.actor.tenant.laCode ?? null,
    rec.action,
    rec.kind,
    rec.resourceId ?? null,
    rec.version ?? null,
    rec.childId ?? null,
    rec.correlationId,
    rec.outcome,
    rec.callerCorrelationId ?? null,
    rec.purpose ?? null,
  ];
}

/**
 * Any number of records as 12 array parameters (one per column) and the FROM item that turns them back into rows:
 * `unnest(…) WITH ORDINALITY AS a(<columns>, ord)`. The statement text is the same for any number of records, so it
 * is prepared once; `ord` keeps the records' order.
 */
export function auditRowsParams(recs: readonly AuditRecord[]): unknown[][] {
  const columns: unknown[][] = Array.from({ length: AUDIT_ARITY }, () => []);
  for (const rec of recs) {
    auditParams(rec).forEach((v, i) => {
      columns[i]!.push(v);
    });
  }
  return columns;
}

export function auditRowsFrom(offset = 0): string {
  const arrays = AUDIT_TYPES.map((t, i) => `$${offset + i + 1}::${t}[]`).join(", ");
  return `unnest(${arrays}) WITH ORDINALITY AS a(${AUDIT_COLUMNS}, ord)`;
}

/**
 * The FROM item and parameters for `recs` (numbered after `offset`): one record as a one-row VALUES of plain
 * parameters, several as auditRowsFrom's arrays: the planner cannot size unnest() of a parameter, so it replans such
 * a statement every time, while a lone record's statement keeps one generic plan.
 */
export function auditRowsSource(recs: readonly AuditRecord[], offset = 0): { from: string; params: unknown[] } {
  if (recs.length === 1) return { from: auditRowFrom(offset), params: auditParams(recs[0]!) };
  return { from: auditRowsFrom(offset), params: auditRowsParams(recs) };
}

/** The FROM item for ONE record as plain parameters ($1..$13 after `offset`): a one-row VALUES aliased as auditRowsFrom's. */
export function auditRowFrom(offset = 0): string {
  return `(VALUES ${auditValuesRow(offset).slice(0, -1)}, 1::bigint)) AS a(${AUDIT_COLUMNS}, ord)`;
}

/** The audit columns of `a` (the auditRowsFrom alias), for a SELECT list. */
export const AUDIT_ROW_SELECT = AUDIT_COLUMNS.split(", ")
  .map((c) => `a.${c}`)
  .join(", ");
