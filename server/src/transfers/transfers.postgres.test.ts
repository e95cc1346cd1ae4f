// The transfer case suite on a real PostgreSQL cluster started by the harness (initdb/pg_ctl in a temp dir).
import { postgresTestStores } from "../../test-support/postgres-store.ts";
import { runTransferCases } from "./transfers.cases.ts";

runTransferCases({ name: "PostgreSQL", newStore: postgresTestStores() });
