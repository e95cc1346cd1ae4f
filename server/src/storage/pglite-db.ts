// Db over PGlite (PostgreSQL 18 in WASM, in-process). PGlite has one connection and serialises every query
// behind its transaction mutex, so a transaction here is isolated from all other callers by construction.
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Db, Row } from "./db.ts";
import { wireQuery } from "./pglite-wire.ts";

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
    query: (sql, params) => wireQuery(pg, sql, params ?? [], false),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    transaction: (fn) => pg.transaction((tx) => fn(txDb(pg, tx))),
    close: () => pg.close(),
  };
}

/** Statements of an open transaction: PGlite's transaction lock is held by pg.transaction(), so they go straight in. */
function txDb(pg: PGlite, tx: Transaction): Db {
  const db: Db = {
    query: (sql, params) => wireQuery(pg, sql, params ?? [], true),
    exec: async (sql) => {
      await tx.exec(sql);
    },
    transaction: (fn) => fn(db),
    close: async () => {
      throw new Error("close() inside a transaction");
    },
  };
  return db;
}
