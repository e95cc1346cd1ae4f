// The one implementation of Store, in SQL that runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).
// Concurrency rests on PRIMARY KEY (kind, id, version): an update inserts version expected+1 only when expected is
// the newest version, and ON CONFLICT DO NOTHING turns a lost race into "no row" instead of an aborted transaction.
import { clampLimit, decodeCursor, encodeCursor } from "./cursor.ts";
import { toNumber, type Db, type Row } from "./db.ts";
import { computeEtag } from "./etag.ts";
import { buildSearchSql, VERSION_COLUMNS } from "./search-sql.ts";
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

const INSERT_COLUMNS =
  "kind, id, version, etag, body, tenant_setting_urn, tenant_la_code, child_id, identifiers, setting_urn, la_code, status, layer, review_due, provenance";
// Values for INSERT_COLUMNS after $1 kind, $2 id, $3 version; casts keep parameter types identical on both drivers.
const VALUE_PARAMS =
  "$4, $5::jsonb, $6, $7, $8, $9::text[], $10, $11, $12, $13, $14::date, $15::jsonb";

export function createSqlStore(db: Db): Store {
  const versionParams = (
    kind: ResourceKind,
    id: string,
    version: number,
    body: unknown,
    facts: SearchFacts,
    tenant: TenantScope,
    prov: Omit<VersionProvenance, "at">,
  ): unknown[] => [
    kind,
    id,
    version,
    computeEtag(version, body),
    JSON.stringify(body),
    tenant.settingUrn ?? null,
    tenant.laCode ?? null,
    facts.childId ?? null,
    facts.identifiers ?? [],
    facts.settingUrn ?? null,
    facts.laCode ?? null,
    facts.status ?? null,
    facts.layer ?? null,
    facts.reviewDue ?? null,
    JSON.stringify(prov),
  ];

  const get = async <T>(kind: ResourceKind, id: string, version?: number): Promise<StoredVersion<T> | undefined> => {
    const { rows } =
      version === undefined
        ? await db.query(
            `SELECT ${VERSION_COLUMNS} FROM resource_versions WHERE kind = $1 AND id = $2 ORDER BY version DESC LIMIT 1`,
            [kind, id],
          )
        : await db.query(`SELECT ${VERSION_COLUMNS} FROM resource_versions WHERE kind = $1 AND id = $2 AND version = $3::int`, [
            kind,
            id,
            version,
          ]);
    return rows[0] ? toStoredVersion<T>(rows[0]) : undefined;
  };

  return {
    async create(kind, id, body, facts, tenant, prov) {
      const { rows } = await db.query(
        `INSERT INTO resource_versions (${INSERT_COLUMNS}) VALUES ($1, $2, $3::int, ${VALUE_PARAMS})
         ON CONFLICT DO NOTHING RETURNING ${VERSION_COLUMNS}`,
        versionParams(kind, id, 1, body, facts, tenant, prov),
      );
      if (rows[0]) return toStoredVersion(rows[0]);
      const current = await get(kind, id);
      // The row that blocked us exists, so current is defined; guard anyway rather than assert.
      throw new AlreadyExistsError(current?.version ?? 1, current?.etag ?? "");
    },

    async update(kind, id, expectedVersion, body, facts, tenant, prov) {
      const next = expectedVersion + 1;
      const { rows } = await db.query(
        `INSERT INTO resource_versions (${INSERT_COLUMNS})
         SELECT $1, $2, $3::int, ${VALUE_PARAMS}
         WHERE (SELECT max(version) FROM resource_versions WHERE kind = $1 AND id = $2) = $3::int - 1
         ON CONFLICT DO NOTHING RETURNING ${VERSION_COLUMNS}`,
        versionParams(kind, id, next, body, facts, tenant, prov),
      );
      if (rows[0]) return toStoredVersion(rows[0]);
      const current = await get(kind, id);
      if (!current) throw new NotFoundError(kind, id);
      throw new ConflictError(current.version, current.etag);
    },

    get,

    async listVersions(kind, id) {
      const { rows } = await db.query(
        `SELECT ${VERSION_COLUMNS} FROM resource_versions WHERE kind = $1 AND id = $2 ORDER BY version`,
        [kind, id],
      );
      return rows.map((r) => toStoredVersion(r));
    },

    async search<T>(q: Parameters<Store["search"]>[0]): Promise<Page<StoredVersion<T>>> {
      const built = buildSearchSql(q);
      const { rows } = await db.query(built.sql, built.params);
      const items = rows.slice(0, built.limit).map((r) => toStoredVersion<T>(r));
      const last = items.at(-1);
      return rows.length > built.limit && last ? { items, nextCursor: encodeCursor(last.id) } : { items };
    },

    async appendAudit(rec) {
      const { rows } = await db.query(
        `INSERT INTO audit_log (actor_subject, actor_role, actor_system, actor_setting_urn, actor_la_code,
           action, kind, resource_id, version, child_id, correlation_id, outcome)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::int, $10, $11, $12)
         RETURNING seq, iso_instant(at) AS at`,
        [
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
        ],
      );
      const row = rows[0] as Row;
      return { ...rec, seq: toNumber(row.seq), at: String(row.at) };
    },

    async queryAudit(q) {
      return queryAudit(db, q);
    },

    transaction(fn) {
      return db.transaction((tx) => fn(createSqlStore(tx)));
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
    `SELECT seq, iso_instant(at) AS at, actor_subject, actor_role, actor_system, actor_setting_urn, actor_la_code,
       action, kind, resource_id, version, child_id, correlation_id, outcome
     FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq LIMIT ${limit + 1}`,
    params,
  );
  const items = rows.slice(0, limit).map(toAuditRecord);
  const last = items.at(-1);
  return rows.length > limit && last?.seq !== undefined ? { items, nextCursor: encodeCursor(last.seq) } : { items };
}

function toStoredVersion<T>(row: Row): StoredVersion<T> {
  const prov = row.provenance as Omit<VersionProvenance, "at">;
  const tenant = compact({ settingUrn: row.tenant_setting_urn, laCode: row.tenant_la_code });
  return {
    kind: row.kind as ResourceKind,
    id: String(row.id),
    version: toNumber(row.version),
    etag: String(row.etag),
    body: row.body as T, // T is the caller's claim about what it stored; the store keeps JSON as given
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
    outcome: row.outcome as AuditRecord["outcome"],
  };
}

/** Drops SQL NULLs so optional fields are absent rather than null. */
function compact(fields: Record<string, unknown>): TenantScope {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v != null) out[k] = String(v);
  return out;
}
