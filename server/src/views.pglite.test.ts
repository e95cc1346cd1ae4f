// Plan views (testing/views.cases.ts) on embedded PGlite.
import { newPgliteTestStore } from "../test-support/pglite-template.ts";
import { runViewCases } from "./testing/views.cases.ts";

runViewCases({ name: "PGlite", newStore: () => newPgliteTestStore() });
