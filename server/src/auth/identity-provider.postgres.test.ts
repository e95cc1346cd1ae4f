// The server behind a real OpenID provider, on a real PostgreSQL (the cases are in identity-provider.cases.ts).
import { postgresTestStores } from "../../test-support/postgres-store.ts";
import { runIdentityProviderCases } from "./identity-provider.cases.ts";

runIdentityProviderCases({ name: "PostgreSQL", newStore: postgresTestStores() });
