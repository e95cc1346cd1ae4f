// Stores on a real PostgreSQL for a test file: one throwaway cluster per file (started before its tests, stopped and
// deleted after), one new migrated database per store so tests stay apart.
import { afterAll, beforeAll } from "vitest";
import { migrate } from "../src/storage/migrate.ts";
import { openPgDb } from "../src/storage/pg-db.ts";
import { createSqlStore } from "../src/storage/sql-store.ts";
import type { Store } from "../src/storage/store.ts";
import { startPostgres, type TestPostgres } from "./postgres.ts";

/** Registers this file's beforeAll/afterAll for a cluster and returns a maker of fresh, empty, migrated Stores on it. */
export function postgresTestStores(): () => Promise<Store> {
  let cluster: TestPostgres | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  return async () => {
    if (!cluster) throw new Error("PostgreSQL test cluster not started");
    const db = openPgDb(await cluster.newDatabaseUrl());
    await migrate(db);
    return createSqlStore(db);
  };
}
