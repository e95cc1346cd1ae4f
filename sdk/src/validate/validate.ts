// validate() and validateJson(): the standard's precompiled validators (sdk/generated/validators.js, an ES module
// built by `npm run generate`, and one module per other live schemaVersion, chosen by the document's schemaVersion)
// plus the quality-rule registry. Nothing here compiles a schema at run time, and nothing here needs Node: the same
// code runs in browsers.
import { validators as generated } from "../../generated/validators.js";
import { rules } from "../rules/index.ts";
import { SUPPORTED_SCHEMA_VERSIONS } from "../../generated/document-types.ts";
import { VALIDATORS_BY_VERSION } from "../../generated/validators-by-version.ts";
import { createValidator, type PrecompiledValidator, type ValidateOptions } from "./validator.ts";
import type { ValidationResult } from "./result.ts";

/** documentType → precompiled schema validator. */
export const validators: Readonly<Record<string, PrecompiledValidator>> = generated;

const validator = createValidator({
  validators,
  validatorsByVersion: VALIDATORS_BY_VERSION,
  supportedSchemaVersions: SUPPORTED_SCHEMA_VERSIONS,
  rules,
});

/** Validates a parsed document: type, schema version, schema, then (if schema-valid) the quality rules. */
export function validate(document: unknown, options?: ValidateOptions): ValidationResult {
  return validator.validate(document, options);
}

/** Parses then validates; malformed JSON becomes one `json.parse` issue with line and column. */
export function validateJson(text: string, options?: ValidateOptions): ValidationResult {
  return validator.validateJson(text, options);
}
