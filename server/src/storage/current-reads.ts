// Reads of current versions, several in ONE statement, with or without an audit record per read. A read of personal
// data is only answered together with its audit record, written by the same statement. The store gathers the reads
// made in one turn of the event loop (turn-batcher.ts) and sends them here together. Several reads pass every value
// as an array with one element per read, so the statement's text (and its prepared plan) is the same for any number;
// a lone read passes plain values (see REQ_ONE).
import {
  AUDIT_COLUMNS,
  AUDIT_ROW_SELECT,
  auditParams,
  auditRowFrom,
  auditRowsFrom,
  auditRowsParams,
} from "./audit-sql.ts";
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

/** The requests as rows `req(kind, id, held, ord)` from $1..$3: several as arrays, one as plain parameters. A lone
 *  read is the common case when the server is not busy, and its statement then keeps one generic plan (an index
 *  lookup); unnest() of parameters is planned afresh on every execution (see auditRowsSource). */
const REQ_MANY = "SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) WITH ORDINALITY AS r(kind, id, held, ord)";
const REQ_ONE = "SELECT $1::text AS kind, $2::text AS id, $3::int AS held, 1::bigint AS ord";

/** `cur`: for each requested (kind, id, held), its current version's columns, tagged with the request's ord.
 *  The current version is found as "version = max(version)" rather than ORDER BY version DESC LIMIT 1, which keeps
 *  the plan an index lookup: without statistics (PGlite never runs autovacuum) the planner may otherwise sort every
 *  version, detoasting every body, before the LIMIT. */
const current = (req: string): string => `req AS (${req}),
  cur AS (
    SELECT req.ord, req.held, v.kind, v.id, v.version, v.etag, v.tenant_setting_urn, v.tenant_la_code, v.status,
      ${isoInstant("v.created_at")} AS at,
      CASE WHEN v.version = req.held THEN NULL ELSE v.body::text END AS body,
      CASE WHEN v.version = req.held THEN NULL ELSE v.provenance::text END AS provenance
    FROM req JOIN resource_versions v ON v.kind = req.kind AND v.id = req.id
      AND v.version = (SELECT max(m.version) FROM resource_versions m WHERE m.kind = req.kind AND m.id = req.id)
  )`;

const currentSql = (req: string): string => `WITH ${current(req)} SELECT * FROM cur`;
const CURRENT_SQL = { one: currentSql(REQ_ONE), many: currentSql(REQ_MANY) };

/** Audit records (FROM item `audits`, parameters from $4) are appended, in the order of the reads, for exactly the
 *  reads whose expected version is current. */
const auditedSql = (req: string, audits: string): string => `WITH ${current(req)},
  logged AS (
    INSERT INTO audit_log (${AUDIT_COLUMNS})
    SELECT ${AUDIT_ROW_SELECT} FROM ${audits}
    JOIN cur ON cur.ord = a.ord AND cur.version = cur.held
    ORDER BY a.ord
  )
  SELECT cur.*, cur.version = cur.held AS audited FROM cur`;
const AUDITED_SQL = { one: auditedSql(REQ_ONE, auditRowFrom(3)), many: auditedSql(REQ_MANY, auditRowsFrom(3)) };

/** The parameters $1..$3 of `req` for these reads: arrays, or one read's plain values. */
function reqParams<T extends { kind: ResourceKind; id: string }>(
  reads: readonly T[],
  held: (r: T) => number,
): unknown[] {
  if (reads.length === 1) return [reads[0]!.kind, reads[0]!.id, held(reads[0]!)];
  return [reads.map((r) => r.kind), reads.map((r) => r.id), reads.map(held)];
}

/** Rows back in the order of the requests (undefined: no such resource). */
function inOrder<R extends Row>(rows: R[], n: number): (R | undefined)[] {
  const answers: (R | undefined)[] = new Array(n).fill(undefined);
  for (const row of rows) answers[Number(row.ord) - 1] = row;
  return answers;
}

export async function runCurrentReads(db: Db, reads: readonly CurrentRead[]): Promise<(CurrentRow | undefined)[]> {
  const sql = reads.length === 1 ? CURRENT_SQL.one : CURRENT_SQL.many;
  const { rows } = await db.query(
    sql,
    reqParams(reads, (r) => r.held),
  );
  return inOrder(rows, reads.length);
}

export async function runAuditedReads(db: Db, reads: readonly AuditedRead[]): Promise<(AuditedRow | undefined)[]> {
  // The audit record names the version read: the expected one (it is only appended if that one is current).
  const audits = reads.map((r) => ({ ...r.audit, version: r.expected }));
  const one = reads.length === 1;
  const params = [...reqParams(reads, (r) => r.expected), ...(one ? auditParams(audits[0]!) : auditRowsParams(audits))];
  const { rows } = await db.query<AuditedRow>(one ? AUDITED_SQL.one : AUDITED_SQL.many, params);
  return inOrder(rows, reads.length);
}
