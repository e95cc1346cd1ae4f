// Families' agreement (testing/agreements.cases.ts) on embedded PGlite.
import { newPgliteTestStore } from "../test-support/pglite-template.ts";
import { runAgreementCases } from "./testing/agreements.cases.ts";

runAgreementCases({ name: "PGlite", newStore: () => newPgliteTestStore(), browser: true });
