// The signed trust list (trust-list.cases.ts) on a real PostgreSQL cluster started by the harness.
import { postgresTestStores } from "../../test-support/postgres-store.ts";
import { runTrustListCases } from "./trust-list.cases.ts";

runTrustListCases({ name: "PostgreSQL", newStore: postgresTestStores() });
