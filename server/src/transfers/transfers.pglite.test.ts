// The transfer case suite on embedded PGlite (from the migrated template).
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import { runTransferCases } from "./transfers.cases.ts";

runTransferCases({ name: "PGlite", newStore: () => newPgliteTestStore() });
