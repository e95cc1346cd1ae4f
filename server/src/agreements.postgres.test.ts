// Families' agreement (testing/agreements.cases.ts) on a real PostgreSQL cluster started by the harness.
import { postgresTestStores } from "../test-support/postgres-store.ts";
import { runAgreementCases } from "./testing/agreements.cases.ts";

runAgreementCases({ name: "PostgreSQL", newStore: postgresTestStores() });
