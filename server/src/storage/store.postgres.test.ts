// The shared storage cases on a real PostgreSQL (Debian's, 15 on this machine), one throwaway cluster per run and
// one new database per group. Fails, rather than skips, when PostgreSQL is not installed.
import { afterAll, beforeAll } from "vitest";
import { startPostgres, type TestPostgres } from "../../test-support/postgres.ts";
import { migrate } from "./migrate.ts";
import { openStore } from "./open-store.ts";
import { openPgDb } from "./pg-db.ts";
import { createSqlStore } from "./sql-store.ts";
import { runStorageCases } from "./store.cases.ts";

let cluster: TestPostgres | undefined;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  await cluster?.stop();
});

function requireCluster(): TestPostgres {
  if (!cluster) throw new Error("PostgreSQL test cluster not started");
  return cluster;
}

runStorageCases({
  name: "PostgreSQL",
  async newStore() {
    const db = openPgDb(await requireCluster().newDatabaseUrl());
    await migrate(db);
    return { db, store: createSqlStore(db) };
  },
  async newDurable() {
    const databaseUrl = await requireCluster().newDatabaseUrl();
    // The database outlives each Store; the cluster's stop() removes it with everything else.
    return { open: () => openStore({ databaseUrl }), cleanup: async () => undefined };
  },
});
