// Several live versions: which schemaVersions this SDK validates, and how older documents are brought forward.
export { NEWEST_SCHEMA_VERSION, SIGNED_DOCUMENT_TYPES, UPCAST_STEPS, upcast } from "./upcast.ts";
export type { UpcastResult, UpcastStep } from "./upcast.ts";
