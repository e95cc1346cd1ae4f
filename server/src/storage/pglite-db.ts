// Db over PGlite (PostgreSQL 18 in WASM, in-process). PGlite has one connection and serialises every query
// behind its transaction mutex, so a transaction here is isolated from all other callers by construction.
import { PGlite } from "@electric-sql/pglite";
import type { Db } from "./db.ts";
import { PgliteWire } from "./pglite-wire.ts";

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

/** Wraps an existing PGlite instance, which the Db then owns (every statement must go through it); `close()` closes it. */
export function pgliteDb(pg: PGlite): Db {
  const wire = new PgliteWire(pg);
  return {
    parallelism: 1,
    query: (sql, params) => wire.exclusive(() => wire.query(sql, params ?? [], true)),
    exec: (sql) =>
      wire.exclusive(async () => {
        await pg.exec(sql);
      }),
    transaction: (fn) => wire.exclusive(() => transaction(pg, wire, fn)),
    close: () => wire.exclusive(() => pg.close()),
    // Without statistics the planner guesses every table is small and, as it grows, picks plans that read far more
    // than they need. Only searches depend on them, and they filter resource_heads, which is also vacuumed (a head
    // whose facts change leaves a dead row); the other tables are read by key, planned the same either way.
    maintain: () =>
      wire.exclusive(async () => {
        await pg.exec("VACUUM ANALYZE resource_heads");
      }),
  };
}

/**
 * BEGIN … COMMIT, each sent as one simple-query call (PGlite's transaction() sends each as two exchanges); the caller
 * holds the wire's turn. Rolls back if fn throws; a COMMIT that the backend answers with ROLLBACK (the transaction had
 * already failed) is an error, as in PGlite.
 */
async function transaction<T>(pg: PGlite, wire: PgliteWire, fn: (tx: Db) => Promise<T>): Promise<T> {
  await wire.script("BEGIN");
  let result: T;
  try {
    result = await fn(txDb(wire));
  } catch (err) {
    // The error that broke the transaction is the one worth reporting, not a failure to roll back after it.
    await wire.script("ROLLBACK").catch(() => undefined);
    throw err;
  }
  const [tag] = await wire.script("COMMIT");
  if (tag === "ROLLBACK") throw new Error("the transaction was rolled back by the database instead of committed");
  await pg.syncToFs();
  return result;
}

/** Statements of an open transaction: the wire's turn is already held, so they go straight in. */
function txDb(wire: PgliteWire): Db {
  const db: Db = {
    parallelism: 1,
    query: (sql, params) => wire.query(sql, params ?? [], false),
    exec: async (sql) => {
      await wire.script(sql);
    },
    transaction: (fn) => fn(db),
    close: async () => {
      throw new Error("close() inside a transaction");
    },
  };
  return db;
}
