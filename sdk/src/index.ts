// The SEND Interchange SDK: validation (precompiled schemas + quality rules), the rule registry, identifiers,
// and the generated TypeScript types of every document.
export { validate, validateJson, validators, createValidator, schemaIssues, parseJson } from "./validate/index.ts";
export type {
  Issue,
  ValidationResult,
  Validator,
  ValidatorConfig,
  ValidateOptions,
  PrecompiledValidator,
} from "./validate/index.ts";
export { rules, rulesFor, type RuleFamily } from "./rules/index.ts";
export type { Finding } from "./rules/finding.ts";
export {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_INFO,
  SUPPORTED_SCHEMA_VERSIONS,
  CURRENT_SCHEMA_VERSION,
  STANDARD_VERSION,
  BASE_URI,
  type DocumentType,
} from "../generated/document-types.ts";
export { NEWEST_SCHEMA_VERSION, SIGNED_DOCUMENT_TYPES, UPCAST_STEPS, upcast } from "./versions/index.ts";
export type { UpcastResult, UpcastStep } from "./versions/index.ts";
export type * from "../generated/types.ts";
export * as identifiers from "./identifiers/index.ts";
