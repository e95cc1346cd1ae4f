// Request isolation (testing/isolation.cases.ts) on embedded PGlite.
import { newPgliteTestStore } from "../test-support/pglite-template.ts";
import { runIsolationCases } from "./testing/isolation.cases.ts";

runIsolationCases({ name: "PGlite", newStore: () => newPgliteTestStore() });
