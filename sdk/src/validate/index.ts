export { validate, validateJson, validators } from "./validate.ts";
export {
  createValidator,
  type Validator,
  type ValidatorConfig,
  type ValidateOptions,
  type PrecompiledValidator,
} from "./validator.ts";
export { schemaIssues, toIssue } from "./schema-errors.ts";
export { parseJson } from "./parse-json.ts";
export type { Issue, ValidationResult } from "./result.ts";
