// Readiness on a real PostgreSQL: the database is gone once its server (a throwaway cluster) is stopped.
import { afterAll } from "vitest";
import { startPostgres, type TestPostgres } from "../test-support/postgres.ts";
import { migrate } from "./storage/migrate.ts";
import { openPgDb } from "./storage/pg-db.ts";
import { createSqlStore } from "./storage/sql-store.ts";
import { runReadinessCases } from "./testing/readiness.cases.ts";

let cluster: TestPostgres | undefined;
afterAll(async () => {
  await cluster?.stop().catch(() => undefined); // stopped by the test already, unless it failed first
});

runReadinessCases({
  name: "PostgreSQL",
  async open() {
    cluster = await startPostgres();
    const db = openPgDb(await cluster.newDatabaseUrl());
    await migrate(db);
    const running = cluster;
    return { store: createSqlStore(db), takeDown: () => running.stop() };
  },
});
