// Plan views (testing/views.cases.ts) on a real PostgreSQL cluster started by the harness.
import { postgresTestStores } from "../test-support/postgres-store.ts";
import { runViewCases } from "./testing/views.cases.ts";

runViewCases({ name: "PostgreSQL", newStore: postgresTestStores() });
