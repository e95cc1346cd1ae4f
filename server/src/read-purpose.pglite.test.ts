// Purpose of JSON plan reads (testing/read-purpose.cases.ts) on embedded PGlite.
import { newPgliteTestStore } from "../test-support/pglite-template.ts";
import { runReadPurposeCases } from "./testing/read-purpose.cases.ts";

runReadPurposeCases({ name: "PGlite", newStore: () => newPgliteTestStore() });
