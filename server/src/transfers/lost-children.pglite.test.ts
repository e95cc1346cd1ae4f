// Children who move between LAs and the transfer metrics on embedded PGlite (from the migrated template).
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import { runLostChildCases } from "./lost-children.cases.ts";

runLostChildCases({ name: "PGlite", newStore: () => newPgliteTestStore() });
