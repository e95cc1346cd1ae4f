// The validation pipeline, independent of WHICH standard it checks: document type → schema version → precompiled
// schema validator → quality rules. validate.ts binds it to the generated validators and the rule registry.
import type { Finding } from "../rules/finding.ts";
import type { RuleContext, RuleFamily } from "../rules/index.ts";
import type { Issue, ValidationResult } from "./result.ts";
import { schemaIssues } from "./schema-errors.ts";
import { parseJson } from "./parse-json.ts";
import type { ErrorObject } from "ajv";

export interface PrecompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface ValidatorConfig {
  /** documentType → precompiled validator. */
  validators: Readonly<Record<string, PrecompiledValidator>>;
  supportedSchemaVersions: readonly string[];
  rules: readonly RuleFamily[];
}

export interface ValidateOptions {
  /** Skip the quality rules (schema only). Default false. */
  schemaOnly?: boolean;
  /** What rules may know besides the document: the SPP catalogue (citation checks) and today's date (overdue
   * checks). Without it those checks are skipped, never guessed from the clock. */
  context?: RuleContext;
}

export interface Validator {
  validate(document: unknown, options?: ValidateOptions): ValidationResult;
  validateJson(text: string, options?: ValidateOptions): ValidationResult;
}

function issue(ruleId: string, pointer: string, message: string): Issue {
  return { ruleId, severity: "error", pointer, message };
}

function field(document: unknown, name: string): unknown {
  return document !== null && typeof document === "object" && !Array.isArray(document)
    ? (document as Record<string, unknown>)[name]
    : undefined;
}

/** A rule family that throws is a bug in the rule, not in the document: report it, keep going. */
function runFamily(family: RuleFamily, document: unknown, context: RuleContext | undefined): Finding[] {
  try {
    return family.run(document, context);
  } catch (error) {
    return [{
      ruleId: `${family.id}.internal-error`,
      severity: "warning",
      pointer: "",
      message: `rule family ${family.id} failed: ${error instanceof Error ? error.message : String(error)}`,
    }];
  }
}

function hasError(findings: readonly Finding[]): boolean {
  for (const f of findings) if (f.severity === "error") return true;
  return false;
}

export function createValidator(config: ValidatorConfig): Validator {
  const knownTypes = Object.keys(config.validators).sort();
  // The families for each documentType, worked out once rather than filtered on every call.
  const familiesByType = new Map<string, readonly RuleFamily[]>();
  const familiesFor = (documentType: string): readonly RuleFamily[] => {
    let families = familiesByType.get(documentType);
    if (families === undefined) {
      families = config.rules.filter((r) => r.appliesTo.includes("any") || r.appliesTo.includes(documentType));
      familiesByType.set(documentType, families);
    }
    return families;
  };

  function validate(document: unknown, options: ValidateOptions = {}): ValidationResult {
    const rawType = field(document, "documentType");
    const rawVersion = field(document, "schemaVersion");
    const documentType = typeof rawType === "string" ? rawType : null;
    const schemaVersion = typeof rawVersion === "string" ? rawVersion : null;
    const result = (errors: Issue[], findings: Finding[] = []): ValidationResult => ({
      valid: errors.length === 0 && !hasError(findings),
      documentType,
      schemaVersion,
      errors,
      findings,
    });

    if (document === null || typeof document !== "object" || Array.isArray(document)) {
      return result([issue("schema.document-type", "", "a document must be a JSON object with a documentType")]);
    }
    const validator = documentType === null ? undefined : config.validators[documentType];
    if (!validator || !Object.hasOwn(config.validators, documentType as string)) {
      const said = rawType === undefined ? "has no documentType" : `has documentType ${JSON.stringify(rawType)}, which is not a known type`;
      return result([issue("schema.document-type", "", `the document ${said}; expected one of: ${knownTypes.join(", ")}`)]);
    }
    if (schemaVersion === null || !config.supportedSchemaVersions.includes(schemaVersion)) {
      const said = rawVersion === undefined ? "is missing" : `${JSON.stringify(rawVersion)} is not supported`;
      return result([issue("schema.schema-version", "/schemaVersion", `schemaVersion ${said}; supported: ${config.supportedSchemaVersions.join(", ")}`)]);
    }
    if (!validator(document)) return result(schemaIssues(validator.errors));
    if (options.schemaOnly) return result([]);
    const findings: Finding[] = [];
    for (const family of familiesFor(documentType as string)) {
      for (const f of runFamily(family, document, options.context)) findings.push(f);
    }
    return result([], findings);
  }

  function validateJson(text: string, options: ValidateOptions = {}): ValidationResult {
    const parsed = parseJson(text);
    if (!parsed.ok) {
      return { valid: false, documentType: null, schemaVersion: null, errors: [issue("json.parse", "", parsed.message)], findings: [] };
    }
    return validate(parsed.value, options);
  }

  return { validate, validateJson };
}
