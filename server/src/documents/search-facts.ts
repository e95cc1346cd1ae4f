// The search and tenancy facts of a document: the SDK holds the one implementation (its msw mock uses it too).
export { extractSearchFacts, normaliseIdentifier } from "../../../sdk/src/documents/search-facts.ts";
