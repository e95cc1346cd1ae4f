// Children who move between LAs on two servers, each on a database of a real PostgreSQL cluster.
import { postgresTestStores } from "../../test-support/postgres-store.ts";
import { runCrossServerLostChildCases } from "./lost-children-across-servers.cases.ts";

runCrossServerLostChildCases({ name: "PostgreSQL", newStore: postgresTestStores() });
