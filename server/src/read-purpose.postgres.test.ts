// Purpose of JSON plan reads (testing/read-purpose.cases.ts) on a real PostgreSQL cluster started by the harness.
import { postgresTestStores } from "../test-support/postgres-store.ts";
import { runReadPurposeCases } from "./testing/read-purpose.cases.ts";

runReadPurposeCases({ name: "PostgreSQL", newStore: postgresTestStores() });
