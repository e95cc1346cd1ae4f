// The server behind a real OpenID provider, on PGlite (the cases are in identity-provider.cases.ts).
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import { runIdentityProviderCases } from "./identity-provider.cases.ts";

runIdentityProviderCases({ name: "PGlite", newStore: () => newPgliteTestStore() });
