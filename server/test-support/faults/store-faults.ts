// Store decorators for the conformance self-test's faulty servers: the production Store with one behaviour changed.
import type { AuditRecord, SearchQuery, Store } from "../../src/storage/store.ts";
import { FILTERS } from "../../../sdk/src/documents/search-filters.ts";

/** Replacement methods, typed loosely: the Store's generic methods return whatever version bodies they hold. */
export type StoreOverrides = { [K in keyof Store]?: (...args: Parameters<Store[K]>) => Promise<unknown> | unknown };

/** The store with some methods replaced; every other method is the production one. */
export function decorateStore(store: Store, overrides: StoreOverrides): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key in overrides) return overrides[key as keyof Store];
      const v = Reflect.get(target, key, receiver) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** Audit writes lose the records `drop` matches (appended alone or inside a create, update or audited read). */
export function auditDropping(store: Store, drop: (rec: AuditRecord) => boolean): Store {
  const keep = (rec?: AuditRecord) => (rec && !drop(rec) ? rec : undefined);
  return decorateStore(store, {
    create: (kind, id, body, facts, tenant, prov, audit) =>
      store.create(kind, id, body, facts, tenant, prov, keep(audit && { ...audit, version: 1 })),
    update: (kind, id, expected, body, facts, tenant, prov, audit) =>
      store.update(kind, id, expected, body, facts, tenant, prov, keep(audit && { ...audit, version: expected + 1 })),
    getAudited: async (kind, id, expected, audit) => {
      if (keep(audit)) return store.getAudited(kind, id, expected, audit);
      const version = await store.get(kind, id);
      return version ? { version: version as never, audited: version.version === expected } : { audited: false };
    },
    appendAudit: async (rec) => (keep(rec) ? store.appendAudit(rec) : rec),
    appendAudits: (recs) => store.appendAudits(recs.filter((r) => !drop(r))),
  });
}

/** Audit records written without the caller's X-Correlation-Id (the server's own request id kept). */
export function auditWithoutCallerCorrelation(store: Store): Store {
  const strip = (rec: AuditRecord): AuditRecord => {
    const { callerCorrelationId: _dropped, ...rest } = rec;
    return rest;
  };
  return decorateStore(store, {
    create: (kind, id, body, facts, tenant, prov, audit) =>
      store.create(kind, id, body, facts, tenant, prov, audit && strip(audit)),
    update: (kind, id, expected, body, facts, tenant, prov, audit) =>
      store.update(kind, id, expected, body, facts, tenant, prov, audit && strip(audit)),
    getAudited: (kind, id, expected, audit) => store.getAudited(kind, id, expected, strip(audit)),
    appendAudit: (rec) => store.appendAudit(strip(rec)),
    appendAudits: (recs) => store.appendAudits(recs.map(strip)),
  });
}

/** Searches answered with `change` applied to the query (a filter or the tenancy restriction dropped). */
export function searchQueryChanged(store: Store, change: (q: SearchQuery) => SearchQuery): Store {
  return decorateStore(store, { search: (q) => store.search(change(q)) });
}

/** The query as a server that ignores one search parameter builds it. The store query names its filters as the filter
 *  table does (spec/search-filters.ts), so a filter added there is known here; an unknown parameter is a programming
 *  error. */
export function withoutFilter(parameter: string): (q: SearchQuery) => SearchQuery {
  const filter = FILTERS.find((f) => f.name === parameter);
  if (!filter) throw new Error(`no search filter named ${parameter} (spec/search-filters.ts)`);
  return (q) => {
    if (q[filter.name] === undefined) return q;
    const out = { ...q };
    delete out[filter.name];
    return out;
  };
}

/** Search results whose items are stale: each the first version of its record, whatever the current one is. */
export function staleSearchHeads(store: Store): Store {
  return decorateStore(store, {
    search: async (q) => {
      const page = await store.search(q);
      const items = await Promise.all(
        page.items.map(async (v) => (v.version > 1 ? ((await store.get(v.kind, v.id, 1)) ?? v) : v)),
      );
      return { ...page, items: items as typeof page.items };
    },
  });
}

/** A ceased EHCP rewritten in place: once the current version has ceased, every older version reads as that one. */
export function ceasedEhcpHistoryRewritten(store: Store): Store {
  return decorateStore(store, {
    get: async (kind, id, version) => {
      const read = await store.get(kind, id, version);
      if (kind !== "ehcp" || version === undefined || !read) return read;
      const current = await store.get<Record<string, unknown>>(kind, id);
      return current?.body.status === "ceased" ? { ...read, body: current.body, status: current.status } : read;
    },
  });
}
