// Children who move between LAs on two servers, each on embedded PGlite (from the migrated template).
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import { runCrossServerLostChildCases } from "./lost-children-across-servers.cases.ts";

runCrossServerLostChildCases({ name: "PGlite", newStore: () => newPgliteTestStore() });
