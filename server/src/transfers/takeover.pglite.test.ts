// The issue 11 takeover replay (takeover.cases.ts) on embedded PGlite.
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import { runTakeoverCase } from "./takeover.cases.ts";

runTakeoverCase({ name: "PGlite", newStore: () => newPgliteTestStore() });
