// The API case suite on embedded PGlite (from the migrated template, so no initdb per run).
import { newPgliteTestStore } from "../test-support/pglite-template.ts";
import { runApiCases } from "./testing/api.cases.ts";

runApiCases({ name: "PGlite", newStore: () => newPgliteTestStore() });
