// The one implementation of Store, in SQL that runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).
// Concurrency rests on PRIMARY KEY (kind, id, version): an update inserts version expected+1 only when expected is
// the newest version, and ON CONFLICT DO NOTHING turns a lost race into "no row" instead of an aborted transaction.
import { clampLimit, decodeCursor, encodeCursor } from "./cursor.ts";
import { toNumber, type Db, type Row } from "./db.ts";
import { computeEtag } from "./etag.ts";
import { buildSearchSql, isoInstant, VERSION_COLUMNS } from "./search-sql.ts";
import { SEARCH_FACTS } from "../../../sdk/generated/search-filters.ts";
import { VersionCache } from "./version-cache.ts";
import { runAuditedReads, runCurrentReads, type AuditedRead, type CurrentRead } from "./current-reads.ts";
import { AUDIT_COLUMNS, AUDIT_ROW_SELECT, auditParams, auditRowsSource, auditValuesRow } from "./audit-sql.ts";
import { turnBatcher } from "./turn-batcher.ts";
import { rememberJsonText } from "../http/json-text.ts";
import {
  AlreadyExistsError,
  ConflictError,
  NotFoundError,
  type AuditQuery,
  type AuditRecord,
  type Page,
  type ResourceKind,
  type SearchFacts,
  type Store,
  type StoredVersion,
  type TenantScope,
  type VersionProvenance,
} from "./store.ts";

/** The search facts every version stores (spec/search-filters.ts), in table order: their columns, and each parameter's
 *  cast (so parameter types are identical on both drivers). */
const FACTS = Object.entries(SEARCH_FACTS).map(([name, f]) => ({ name, column: f.column, type: f.type }));
const FACT_COLUMNS = FACTS.map((f) => f.column).join(", ");
/** $1 kind, $2 id, $3 version, $4 etag, $5 body, $6/$7 tenancy, then one parameter per fact, then provenance. */
const FIRST_FACT = 8;
const factParam = (i: number): string => `$${FIRST_FACT + i}::${FACTS[i]!.type}`;
const FACT_PARAMS = FACTS.map((_f, i) => factParam(i)).join(", ");
const PROVENANCE_PARAM = FIRST_FACT + FACTS.length;
const INSERT_COLUMNS = `kind, id, version, etag, body, tenant_setting_urn, tenant_la_code, ${FACT_COLUMNS}, provenance`;
// Values for INSERT_COLUMNS after $1 kind, $2 id, $3 version.
const VALUE_PARAMS = `$4, $5::json, $6, $7, ${FACT_PARAMS}, $${PROVENANCE_PARAM}::jsonb`;
/** The head (migration 006) of the version a statement's `written` CTE wrote: its number, search facts and tenancy from
 *  the same parameters. Written by the same statement as the version, so heads and versions never disagree; a version
 *  only ever replaces an older head. */
const HEAD_UPSERT = `head AS (
    INSERT INTO resource_heads (kind, id, version, tenant_setting_urn, tenant_la_code, ${FACT_COLUMNS})
    SELECT kind, id, version, $6, $7, ${FACT_PARAMS} FROM written
    ON CONFLICT (kind, id) DO UPDATE SET version = EXCLUDED.version, tenant_setting_urn = EXCLUDED.tenant_setting_urn,
      tenant_la_code = EXCLUDED.tenant_la_code, ${FACTS.map((f) => `${f.column} = EXCLUDED.${f.column}`).join(", ")}
    WHERE resource_heads.version < EXCLUDED.version
  )`;

/** A written version's columns but its body, which the writer already holds as text. */
const WRITTEN_COLUMNS =
  `kind, id, version, etag, tenant_setting_urn, tenant_la_code, status, provenance::text AS ` +
  `provenance, ${isoInstant("created_at")} AS at`;

/** Version 1 and its head (parameters as versionParams gives them); no row back if the resource exists already. */
const CREATE_WRITTEN = `written AS (
    INSERT INTO resource_versions (${INSERT_COLUMNS}) VALUES ($1, $2, $3::int, ${VALUE_PARAMS})
    ON CONFLICT DO NOTHING RETURNING ${WRITTEN_COLUMNS}
  ), ${HEAD_UPSERT}`;
const CREATE_SQL = `WITH ${CREATE_WRITTEN} SELECT * FROM written`;

/** Version $3 and its head, written only if version $3 - 1 is the newest (no row back otherwise). */
const UPDATE_WRITTEN = `written AS (
    INSERT INTO resource_versions (${INSERT_COLUMNS})
    SELECT $1, $2, $3::int, ${VALUE_PARAMS}
    WHERE (SELECT max(version) FROM resource_versions WHERE kind = $1 AND id = $2) = $3::int - 1
    ON CONFLICT DO NOTHING RETURNING ${WRITTEN_COLUMNS}
  ), ${HEAD_UPSERT}`;
const UPDATE_SQL = `WITH ${UPDATE_WRITTEN} SELECT * FROM written`;
/** A write's statement with its audit record (the parameters after the version's) appended only if the version was
 *  written. */
const withAudit = (writtenCte: string) => `WITH ${writtenCte},
  logged AS (INSERT INTO audit_log (${AUDIT_COLUMNS}) SELECT ${auditValuesRow(PROVENANCE_PARAM).slice(1, -1)} FROM written)
  SELECT * FROM written`;
const CREATE_AUDITED_SQL = withAudit(CREATE_WRITTEN);
const UPDATE_AUDITED_SQL = withAudit(UPDATE_WRITTEN);

/**
 * `cache` holds committed versions; a store over an open transaction (inTransaction) reads it but never fills it,
 * since what it reads or writes could still roll back.
 */
export function createSqlStore(
  db: Db,
  cache: VersionCache = new VersionCache(),
  inTransaction = false,
  onWrite?: () => void,
): Store {
  // Outside a transaction, the reads and audit appends made in one event-loop turn share one statement each
  // (turn-batcher.ts); inside one, the transaction's own statements simply run one after another.
  const batched = <I, O>(run: (items: readonly I[]) => Promise<O[]>): ((item: I) => Promise<O>) =>
    inTransaction ? async (item) => (await run([item]))[0] as O : turnBatcher(run, db.parallelism);
  const auditedRead = batched((reads: readonly AuditedRead[]) => runAuditedReads(db, reads));
  const currentRead = batched((reads: readonly CurrentRead[]) => runCurrentReads(db, reads));
  const appendAuditBatch = batched(async (batches: readonly (readonly AuditRecord[])[]) => {
    const rows = auditRowsSource(batches.flat());
    await db.query(
      `INSERT INTO audit_log (${AUDIT_COLUMNS}) SELECT ${AUDIT_ROW_SELECT} FROM ${rows.from} ORDER BY a.ord`,
      rows.params,
    );
    return batches.map(() => undefined);
  });
  const appendAuditRows = (recs: readonly AuditRecord[]): Promise<void> => appendAuditBatch(recs);
  /** Caches a committed version read or written as `row` (whose body column is its JSON text); the text is kept for
   *  responses, so a served body is never serialised again. */
  // Statistics for the planner (db.maintain) are refreshed each time the number of versions written through this
  // store doubles (from 256), so plans follow the data as it grows while the cost stays a small share of the writes.
  // Writes inside a transaction are counted by the store that opened it (onWrite), once it has committed.
  let writes = 0;
  let nextMaintenance = 256;
  const wrote = (): void => {
    if (inTransaction) {
      onWrite?.();
      return;
    }
    if (!db.maintain || ++writes < nextMaintenance) return;
    nextMaintenance *= 2;
    // In the background: the write that crossed the mark has committed and answers at once. A failure (the store
    // closing meanwhile) only means the statistics wait for the next mark.
    db.maintain().catch(() => undefined);
  };
  const remember = <T>(row: Row, body?: T): StoredVersion<T> => {
    const v = toStoredVersion<T>(row, body);
    if (inTransaction) return v;
    const held = cache.put(v);
    rememberJsonText(held.body as object, String(row.body));
    return held;
  };
  /** Rows of VERSION_COLUMNS as versions, reusing cached copies (same kind, id and version = same content). */
  const fromRow = <T>(row: Row): StoredVersion<T> =>
    (cache.exact(row.kind as ResourceKind, String(row.id), toNumber(row.version)) as StoredVersion<T> | undefined) ??
    remember<T>(row);

  /** The parameters of one new version, and the JSON text stored for its body (its ETag is that text's digest). */
  const versionParams = (
    kind: ResourceKind,
    id: string,
    version: number,
    body: unknown,
    facts: SearchFacts,
    tenant: TenantScope,
    prov: Omit<VersionProvenance, "at">,
  ): { params: unknown[]; text: string } => {
    const text = JSON.stringify(body);
    const params = [
      kind,
      id,
      version,
      computeEtag(version, text),
      text,
      tenant.settingUrn ?? null,
      tenant.laCode ?? null,
      ...FACTS.map((f) => (facts as Record<string, unknown>)[f.name] ?? (f.type === "text[]" ? [] : null)),
      JSON.stringify(prov),
    ];
    return { params, text };
  };
  /** A version just written: the row the INSERT returned (everything but the body), with the caller's body object
   *  itself (not a re-parse of the text just made from it); the store then owns it and, once committed, freezes it. */
  const written = <T>(row: Row, text: string, body: T): StoredVersion<T> => {
    wrote();
    return remember<T>({ ...row, body: text }, body);
  };

  const get = async <T>(kind: ResourceKind, id: string, version?: number): Promise<StoredVersion<T> | undefined> => {
    if (version !== undefined) {
      // Versions are never changed or deleted, so a held copy of this exact version is the answer.
      const held = cache.exact(kind, id, version) as StoredVersion<T> | undefined;
      if (held) return held;
      const { rows } = await db.query(
        `SELECT ${VERSION_COLUMNS} FROM resource_versions WHERE kind = $1 AND id = $2 AND version = $3::int`,
        [kind, id, version],
      );
      return rows[0] ? remember<T>(rows[0]) : undefined;
    }
    const held = cache.latest(kind, id) as StoredVersion<T> | undefined;
    const row = await currentRead({ kind, id, held: held?.version ?? 0 });
    if (!row) return undefined;
    return held && toNumber(row.version) === held.version ? held : remember<T>(row);
  };

  return {
    async create(kind, id, body, facts, tenant, prov, audit) {
      const { params, text } = versionParams(kind, id, 1, body, facts, tenant, prov);
      // As update: the version, its head and the audit record (only if the version was written) in one statement.
      const { rows } = audit
        ? await db.query(CREATE_AUDITED_SQL, [...params, ...auditParams({ ...audit, version: 1 })])
        : await db.query(CREATE_SQL, params);
      if (rows[0]) return written(rows[0], text, body);
      const current = await get(kind, id);
      // The row that blocked us exists, so current is defined; guard anyway rather than assert.
      throw new AlreadyExistsError(current?.version ?? 1, current?.etag ?? "");
    },

    async update(kind, id, expectedVersion, body, facts, tenant, prov, audit) {
      const next = expectedVersion + 1;
      const { params, text } = versionParams(kind, id, next, body, facts, tenant, prov);
      // One statement writes the version, its head and, with an audit record, that record: the last two only if the
      // version was written.
      const { rows } = audit
        ? await db.query(UPDATE_AUDITED_SQL, [...params, ...auditParams({ ...audit, version: next })])
        : await db.query(UPDATE_SQL, params);
      if (rows[0]) return written(rows[0], text, body);
      const current = await get(kind, id);
      if (!current) throw new NotFoundError(kind, id);
      throw new ConflictError(current.version, current.etag);
    },

    get,

    peekCurrent: (kind, id) => cache.latest(kind, id),

    async getAudited<T>(kind: ResourceKind, id: string, expectedVersion: number, audit: AuditRecord) {
      const row = await auditedRead({ kind, id, expected: expectedVersion, audit });
      if (!row) return { audited: false };
      const audited = row.audited;
      const held = cache.exact(kind, id, toNumber(row.version)) as StoredVersion<T> | undefined;
      if (held) return { version: held, audited };
      // The body was left out (it is the expected version) but the cache let it go meanwhile: read it in full.
      if (row.body === null) return { version: await get<T>(kind, id, toNumber(row.version)), audited };
      return { version: remember<T>(row), audited };
    },

    async listVersions(kind, id) {
      const { rows } = await db.query(
        `SELECT ${VERSION_COLUMNS} FROM resource_versions WHERE kind = $1 AND id = $2 ORDER BY version`,
        [kind, id],
      );
      return rows.map((r) => fromRow(r));
    },

    async search<T>(q: Parameters<Store["search"]>[0]): Promise<Page<StoredVersion<T>>> {
      const built = buildSearchSql(q);
      const { rows } = await db.query(built.sql, built.params);
      const items = rows.slice(0, built.limit).map((r) => fromRow<T>(r));
      const last = items.at(-1);
      return rows.length > built.limit && last ? { items, nextCursor: encodeCursor(last.id) } : { items };
    },

    async appendAudit(rec) {
      const { rows } = await db.query(
        `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ${auditValuesRow()} RETURNING seq, ${isoInstant("at")} AS at`,
        auditParams(rec),
      );
      const row = rows[0] as Row;
      return { ...rec, seq: toNumber(row.seq), at: String(row.at) };
    },

    async appendAudits(recs) {
      if (recs.length === 0) return;
      await appendAuditRows(recs);
    },

    async queryAudit(q) {
      return queryAudit(db, q);
    },

    async transaction(fn) {
      let count = 0;
      const result = await db.transaction((tx) => fn(createSqlStore(tx, cache, true, () => void count++)));
      for (let i = 0; i < count; i++) wrote();
      return result;
    },

    async isReady() {
      try {
        await db.query("SELECT 1 FROM schema_migrations LIMIT 1");
        return true;
      } catch {
        return false;
      }
    },

    close: () => db.close(),
  };
}

async function queryAudit(db: Db, q: AuditQuery): Promise<Page<AuditRecord>> {
  const params: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (q.childId !== undefined) where.push(`child_id = ${bind(q.childId)}`);
  if (q.resourceId !== undefined) where.push(`resource_id = ${bind(q.resourceId)}`);
  if (q.actorSubject !== undefined) where.push(`actor_subject = ${bind(q.actorSubject)}`);
  if (q.since !== undefined) where.push(`at >= ${bind(q.since)}::timestamptz`);
  if (q.cursor !== undefined) where.push(`seq > ${bind(decodeCursor(q.cursor, "number"))}::bigint`);
  const limit = clampLimit(q.limit);
  const { rows } = await db.query(
    `SELECT seq, ${isoInstant("at")} AS at, actor_subject, actor_role, actor_system, actor_setting_urn, actor_la_code,
       action, kind, resource_id, version, child_id, correlation_id, outcome, caller_correlation_id, purpose
     FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq LIMIT ${limit + 1}`,
    params,
  );
  const items = rows.slice(0, limit).map(toAuditRecord);
  const last = items.at(-1);
  return rows.length > limit && last?.seq !== undefined ? { items, nextCursor: encodeCursor(last.seq) } : { items };
}

/** A row of VERSION_COLUMNS (JSON columns as text) as a version. */
function toStoredVersion<T>(row: Row, body?: T): StoredVersion<T> {
  const prov = JSON.parse(String(row.provenance)) as Omit<VersionProvenance, "at">;
  const tenant = compact({ settingUrn: row.tenant_setting_urn, laCode: row.tenant_la_code });
  return {
    kind: row.kind as ResourceKind,
    id: String(row.id),
    version: toNumber(row.version),
    etag: String(row.etag),
    body: body !== undefined ? body : (JSON.parse(String(row.body)) as T), // T is the caller's claim about what it stored
    tenant,
    ...(row.status != null ? { status: String(row.status) } : {}),
    provenance: { ...prov, at: String(row.at) },
  };
}

function toAuditRecord(row: Row): AuditRecord {
  return {
    seq: toNumber(row.seq),
    at: String(row.at),
    actor: {
      subject: String(row.actor_subject),
      role: String(row.actor_role),
      ...(row.actor_system != null ? { system: String(row.actor_system) } : {}),
      tenant: compact({ settingUrn: row.actor_setting_urn, laCode: row.actor_la_code }),
    },
    action: row.action as AuditRecord["action"],
    kind: row.kind as AuditRecord["kind"],
    ...(row.resource_id != null ? { resourceId: String(row.resource_id) } : {}),
    ...(row.version != null ? { version: toNumber(row.version) } : {}),
    ...(row.child_id != null ? { childId: String(row.child_id) } : {}),
    correlationId: String(row.correlation_id),
    ...(row.caller_correlation_id != null ? { callerCorrelationId: String(row.caller_correlation_id) } : {}),
    ...(row.purpose != null ? { purpose: String(row.purpose) } : {}),
    outcome: row.outcome as AuditRecord["outcome"],
  };
}

/** Drops SQL NULLs so optional fields are absent rather than null. */
function compact(fields: Record<string, unknown>): TenantScope {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v != null) out[k] = String(v);
  return out;
}
