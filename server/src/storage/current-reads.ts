// Reads of current versions, several in ONE statement, with or without an audit record per read. A read of personal
// data is only answered together with its audit record, written by the same statement. The store gathers the reads
// made in one turn of the event loop (turn-batcher.ts) and sends them here together. Every value is passed as an
// array with one element per read, so each statement's text (and its prepared plan) is the same for any number.
import { AUDIT_COLUMNS, AUDIT_ROW_SELECT, auditRowsFrom, auditRowsParams } from "./audit-sql.ts";
import type { Db, Row } from "./db.ts";
import { isoInstant } from "./search-sql.ts";
import type { AuditRecord, ResourceKind } from "./store.ts";

export interface CurrentRead {
  kind: ResourceKind;
  id: string;
  /** The version the caller holds in full (0: none): if it is current, its body and provenance are not sent again. */
  held: number;
}

export interface AuditedRead {
  kind: ResourceKind;
  id: string;
  /** The version the caller judged access on (and holds); the audit record is appended only if it is current. */
  expected: number;
  audit: AuditRecord;
}

/** The current version's row (body and provenance NULL when it is the held or expected version). */
export type CurrentRow = Row;
/** …and whether its audit record was appended. */
export type AuditedRow = Row & { audited: boolean };

/** `cur`: for each requested (kind, id, held) in $1..$3, its current version's columns, tagged with the request's ord.
 *  The current version is found as "version = max(version)" rather than ORDER BY version DESC LIMIT 1, which keeps
 *  the plan an index lookup: without statistics (PGlite never runs autovacuum) the planner may otherwise sort every
 *  version, detoasting every body, before the LIMIT. */
const CURRENT = `req AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) WITH ORDINALITY AS r(kind, id, held, ord)
  ),
  cur AS (
    SELECT req.ord, req.held, v.kind, v.id, v.version, v.etag, v.tenant_setting_urn, v.tenant_la_code, v.status,
      ${isoInstant("v.created_at")} AS at,
      CASE WHEN v.version = req.held THEN NULL ELSE v.body::text END AS body,
      CASE WHEN v.version = req.held THEN NULL ELSE v.provenance::text END AS provenance
    FROM req JOIN resource_versions v ON v.kind = req.kind AND v.id = req.id
      AND v.version = (SELECT max(m.version) FROM resource_versions m WHERE m.kind = req.kind AND m.id = req.id)
  )`;

const CURRENT_SQL = `WITH ${CURRENT} SELECT * FROM cur`;

/** Audit records ($4..$15) are appended, in the order of the reads, for exactly the reads whose expected version is current. */
const AUDITED_SQL = `WITH ${CURRENT},
  logged AS (
    INSERT INTO audit_log (${AUDIT_COLUMNS})
    SELECT ${AUDIT_ROW_SELECT} FROM ${auditRowsFrom(3)}
    JOIN cur ON cur.ord = a.ord AND cur.version = cur.held
    ORDER BY a.ord
  )
  SELECT cur.*, cur.version = cur.held AS audited FROM cur`;

/** Rows back in the order of the requests (undefined: no such resource). */
function inOrder<R extends Row>(rows: R[], n: number): (R | undefined)[] {
  const answers: (R | undefined)[] = new Array(n).fill(undefined);
  for (const row of rows) answers[Number(row.ord) - 1] = row;
  return answers;
}

export async function runCurrentReads(db: Db, reads: readonly CurrentRead[]): Promise<(CurrentRow | undefined)[]> {
  const { rows } = await db.query(CURRENT_SQL, [reads.map((r) => r.kind), reads.map((r) => r.id), reads.map((r) => r.held)]);
  return inOrder(rows, reads.length);
}

export async function runAuditedReads(db: Db, reads: readonly AuditedRead[]): Promise<(AuditedRow | undefined)[]> {
  // The audit record names the version read: the expected one (it is only appended if that one is current).
  const audits = auditRowsParams(reads.map((r) => ({ ...r.audit, version: r.expected })));
  const { rows } = await db.query<AuditedRow>(AUDITED_SQL, [reads.map((r) => r.kind), reads.map((r) => r.id), reads.map((r) => r.expected), ...audits]);
  return inOrder(rows, reads.length);
}
