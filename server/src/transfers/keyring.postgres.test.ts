// Transfer keys at rest on a real PostgreSQL (the cases are in keyring.cases.ts).
import { postgresTestStores } from "../../test-support/postgres-store.ts";
import { runKeyringCases } from "./keyring.cases.ts";

runKeyringCases({ name: "PostgreSQL", newStore: postgresTestStores() });
