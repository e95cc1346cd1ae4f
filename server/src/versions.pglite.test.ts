// Several live versions over real HTTP on embedded PGlite.
import { newPgliteTestStore } from "../test-support/pglite-template.ts";
import { runVersionCases } from "./testing/versions.cases.ts";

runVersionCases({ name: "PGlite", newStore: () => newPgliteTestStore() });
