// The two-stage acknowledgement cases on a real PostgreSQL cluster started by the harness.
import { postgresTestStores } from "../../test-support/postgres-store.ts";
import { runAcknowledgementCases } from "./acknowledgement.cases.ts";

runAcknowledgementCases({ name: "PostgreSQL", newStore: postgresTestStores() });
