// Several live versions over real HTTP on a real PostgreSQL cluster started by the harness.
import { postgresTestStores } from "../test-support/postgres-store.ts";
import { runVersionCases } from "./testing/versions.cases.ts";

runVersionCases({ name: "PostgreSQL", newStore: postgresTestStores() });
