// Transfer keys at rest on PGlite (the cases are in keyring.cases.ts).
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import { runKeyringCases } from "./keyring.cases.ts";

runKeyringCases({ name: "PGlite", newStore: () => newPgliteTestStore() });
