// Turns a SearchQuery into one parameterised SELECT over the current version of each resource (resource_heads).
// Every filter present is ANDed; the tenancy restriction (visibleTo) is ANDed on top, so no filter can widen it.
import { clampLimit, decodeCursor } from "./cursor.ts";
import type { SearchQuery } from "./store.ts";
import { SEARCH_FACTS } from "../../../sdk/generated/search-filters.ts";
import { comparand, FILTERS, type SearchFilter } from "../../../sdk/src/documents/search-filters.ts";

/** The SQL condition of one filter (spec/search-filters.ts) on its fact's column, its value bound as a parameter. */
function filterCondition(f: SearchFilter, value: string, bind: (value: unknown) => string): string {
  const fact = SEARCH_FACTS[f.fact];
  const param = `${bind(comparand(f, value))}::${fact.type === "date" ? "date" : "text"}`;
  switch (f.operator) {
    case "equals":
      return `${fact.column} = ${param}`;
    case "before":
      return `${fact.column} < ${param}`;
    case "contains":
      return `${fact.column} @> ARRAY[${param}]`;
  }
}

/** ISO-8601 UTC text of an instant column, as iso_instant() gives it, written inline: a SQL function call per row
 *  costs more than the expression on PGlite. */
export const isoInstant = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Columns of one stored version. JSON comes back as text (parsed once by the store, skipped when cached). */
export const VERSION_COLUMNS = `kind, id, version, etag, body::text AS body, tenant_setting_urn, tenant_la_code, status, provenance::text AS provenance, ${isoInstant("created_at")} AS at`;

export interface BuiltQuery {
  sql: string;
  params: unknown[];
  limit: number; // clamped page size; the SQL fetches one more row to learn whether a next page exists
}

export function buildSearchSql(q: SearchQuery): BuiltQuery {
  const params: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };

  where.push(`kind = ${bind(q.kind)}`);
  for (const f of FILTERS) {
    const value = q[f.name];
    if (value !== undefined) where.push(filterCondition(f, value, bind));
  }
  if (q.visibleTo && !q.visibleTo.all) where.push(visibilityClause(q.visibleTo, bind));
  // Byte order (COLLATE "C") so paging is the same on every server whatever its default locale.
  if (q.cursor !== undefined) where.push(`id COLLATE "C" > ${bind(decodeCursor(q.cursor, "string"))}`);

  const limit = clampLimit(q.limit);
  // The filters run over resource_heads (one row per resource, with its current version's facts: migration 006), and
  // only the page's versions are read from resource_versions.
  const page = `SELECT kind, id, version FROM resource_heads WHERE ${where.join(" AND ")} ORDER BY id COLLATE "C" LIMIT ${limit + 1}`;
  const sql = `SELECT ${VERSION_COLUMNS} FROM resource_versions WHERE (kind, id, version) IN (${page}) ORDER BY id COLLATE "C"`;
  return { sql, params, limit };
}

/** A row is visible if it is held by one of the settings, OR falls to one of the LAs, OR is about one of the children. */
function visibilityClause(v: NonNullable<SearchQuery["visibleTo"]>, bind: (value: unknown) => string): string {
  const any: string[] = [];
  if (v.settingUrns?.length) any.push(`tenant_setting_urn = ANY(${bind(v.settingUrns)}::text[])`);
  if (v.laCodes?.length) any.push(`tenant_la_code = ANY(${bind(v.laCodes)}::text[])`);
  if (v.childIds?.length) any.push(`child_id = ANY(${bind(v.childIds)}::text[])`);
  // A restriction that names nothing grants nothing.
  return any.length ? `(${any.join(" OR ")})` : "FALSE";
}
