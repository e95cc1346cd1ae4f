// Picks the driver: a PostgreSQL URL means pg; otherwise PGlite, persisted at dataDir or in memory.
// Migrations run on every open (they are idempotent), so a fresh database is usable straight away.
import type { Db } from "./db.ts";
import { migrate } from "./migrate.ts";
import { openPgDb } from "./pg-db.ts";
import { openPgliteDb } from "./pglite-db.ts";
import { createSqlStore } from "./sql-store.ts";
import type { Store } from "./store.ts";

export interface OpenStoreOptions {
  databaseUrl?: string; // postgres://… ; wins over dataDir
  dataDir?: string; // PGlite directory; neither given means an in-memory PGlite
}

export async function openStore(opts: OpenStoreOptions = {}): Promise<Store> {
  const db: Db = opts.databaseUrl
    ? openPgDb(opts.databaseUrl)
    : await openPgliteDb(opts.dataDir ? { dataDir: opts.dataDir } : {});
  try {
    await migrate(db);
    await db.maintain?.(); // planner statistics for the data already there (PGlite never gathers them itself)
  } catch (err) {
    await db.close();
    throw err;
  }
  return createSqlStore(db);
}

/** Reads DATABASE_URL and SEND_DATA_DIR (PGlite directory) from an environment. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenStoreOptions {
  return {
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.SEND_DATA_DIR ? { dataDir: env.SEND_DATA_DIR } : {}),
  };
}
