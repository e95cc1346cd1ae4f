// The API case suite on a real PostgreSQL cluster started by the harness (initdb/pg_ctl in a temp dir).
import { postgresTestStores } from "../test-support/postgres-store.ts";
import { runApiCases } from "./testing/api.cases.ts";

runApiCases({ name: "PostgreSQL", newStore: postgresTestStores() });
