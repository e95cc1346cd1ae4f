// The two-stage acknowledgement cases on embedded PGlite (from the migrated template).
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import { runAcknowledgementCases } from "./acknowledgement.cases.ts";

runAcknowledgementCases({ name: "PGlite", newStore: () => newPgliteTestStore() });
