// The transfer case suite on a real PostgreSQL cluster started by the harness (initdb/pg_ctl in a temp dir).
import { afterAll, beforeAll } from "vitest";
import { startPostgres, type TestPostgres } from "../../test-support/postgres.ts";
import { migrate } from "../storage/migrate.ts";
import { openPgDb } from "../storage/pg-db.ts";
import { createSqlStore } from "../storage/sql-store.ts";
import { runTransferCases } from "./transfers.cases.ts";

let cluster: TestPostgres | undefined;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  await cluster?.stop();
});

runTransferCases({
  name: "PostgreSQL",
  async newStore() {
    if (!cluster) throw new Error("PostgreSQL test cluster not started");
    const db = openPgDb(await cluster.newDatabaseUrl());
    await migrate(db);
    return createSqlStore(db);
  },
});
