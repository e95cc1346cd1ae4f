// Children who move between LAs and the transfer metrics on a real PostgreSQL cluster started by the harness.
import { postgresTestStores } from "../../test-support/postgres-store.ts";
import { runLostChildCases } from "./lost-children.cases.ts";

runLostChildCases({ name: "PostgreSQL", newStore: postgresTestStores() });
