// The issue 11 takeover replay (takeover.cases.ts) on a real PostgreSQL cluster started by the harness.
import { postgresTestStores } from "../../test-support/postgres-store.ts";
import { runTakeoverCase } from "./takeover.cases.ts";

runTakeoverCase({ name: "PostgreSQL", newStore: postgresTestStores() });
