// Db over PGlite (PostgreSQL 18 in WASM, in-process). PGlite has one connection and serialises every query
// behind its transaction mutex, so a transaction here is isolated from all other callers by construction.
import { PGlite } from "@electric-sql/pglite";
import type { Db } from "./db.ts";
import { wireQuery, wireScript } from "./pglite-wire.ts";

export interface PgliteOptions {
  /** Directory to persist to; omitted means in memory. */
  dataDir?: string;
  /** A tarball from `dumpDataDir()` to start from instead of running initdb (fast test templates). */
  loadDataDir?: Blob | File;
}

export async function openPgliteDb(opts: PgliteOptions = {}): Promise<Db> {
  const pg = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  return pgliteDb(pg);
}

/** Wraps an existing PGlite instance; `close()` closes it. */
export function pgliteDb(pg: PGlite): Db {
  return {
    parallelism: 1,
    query: (sql, params) => wireQuery(pg, sql, params ?? [], false),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    transaction: (fn) => transaction(pg, fn),
    close: () => pg.close(),
    // Without statistics the planner guesses every table is small and, as it grows, picks plans that read far more
    // than they need. Only searches depend on them, and searches filter resource_heads (migration 006), whose rows
    // are rewritten on every edit, so it is also vacuumed: an edit usually updates its head in place (HOT), but one
    // whose facts change leaves a dead row and index entries. Every statement on resource_versions and audit_log is
    // a primary-key or single-key index lookup, planned the same with or without statistics, so neither is analysed:
    // the store is stalled while this runs (ANALYZE of 5,000 versions took 28 ms, the heads of them 2 ms).
    maintain: async () => {
      await pg.exec("VACUUM ANALYZE resource_heads");
    },
  };
}

/**
 * BEGIN … COMMIT under PGlite's transaction lock (what its own transaction() takes), with BEGIN, COMMIT and ROLLBACK
 * each sent as one simple-query call: PGlite's transaction() sends each as two protocol exchanges and decodes the
 * replies twice, which cost more than the statements of a small import. Rolls back if fn throws; a COMMIT that the
 * backend answers with ROLLBACK (the transaction had already failed) is an error, as in PGlite.
 */
function transaction<T>(pg: PGlite, fn: (tx: Db) => Promise<T>): Promise<T> {
  return pg._runExclusiveTransaction(async () => {
    await wireScript(pg, "BEGIN");
    let result: T;
    try {
      result = await fn(txDb(pg));
    } catch (err) {
      // The error that broke the transaction is the one worth reporting, not a failure to roll back after it.
      await wireScript(pg, "ROLLBACK").catch(() => undefined);
      throw err;
    }
    const [tag] = await wireScript(pg, "COMMIT");
    if (tag === "ROLLBACK") throw new Error("the transaction was rolled back by the database instead of committed");
    await pg.syncToFs();
    return result;
  });
}

/** Statements of an open transaction: the transaction lock is already held, so they go straight in. */
function txDb(pg: PGlite): Db {
  const db: Db = {
    parallelism: 1,
    query: (sql, params) => wireQuery(pg, sql, params ?? [], true),
    exec: async (sql) => {
      await wireScript(pg, sql);
    },
    transaction: (fn) => fn(db),
    close: async () => {
      throw new Error("close() inside a transaction");
    },
  };
  return db;
}
