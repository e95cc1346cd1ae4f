// Request isolation (testing/isolation.cases.ts) on a real PostgreSQL cluster started by the harness.
import { postgresTestStores } from "../test-support/postgres-store.ts";
import { runIsolationCases } from "./testing/isolation.cases.ts";

runIsolationCases({ name: "PostgreSQL", newStore: postgresTestStores() });
