// The signed trust list (trust-list.cases.ts) on embedded PGlite.
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import { runTrustListCases } from "./trust-list.cases.ts";

runTrustListCases({ name: "PGlite", newStore: () => newPgliteTestStore() });
