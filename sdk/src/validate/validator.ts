// The validation pipeline, independent of WHICH standard it checks: document type → schema version → precompiled
// schema validator → quality rules. validate.ts binds it to the generated validators and the rule registry.
import type { Finding } from "../rules/finding.ts";
import type { RuleContext, RuleFamily } from "../rules/index.ts";
import type { Issue, ValidationResult } from "./result.ts";
import { schemaIssues } from "./schema-errors.ts";
import { parseJson } from "./parse-json.ts";
import { sharedPassOf } from "../rules/shared-pass.ts";
import type { ErrorObject } from "ajv";

export interface PrecompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface ValidatorConfig {
  /** documentType → precompiled validator. */
  validators: Readonly<Record<string, PrecompiledValidator>>;
  supportedSchemaVersions: readonly string[];
  /** schemaVersion → documentType → validator, when several versions are live; without it every supported version
   * is checked by `validators`. */
  validatorsByVersion?: Readonly<Record<string, Readonly<Record<string, PrecompiledValidator>>>>;
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
    return [
      {
        ruleId: `${family.id}.internal-error`,
        severity: "warning",
        pointer: "",
        message: `rule family ${family.id} failed: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}

function hasError(findings: readonly Finding[]): boolean {
  for (const f of findings) if (f.severity === "error") return true;
  return false;
}

function resultOf(
  documentType: string | null,
  schemaVersion: string | null,
  errors: Issue[],
  findings: Finding[] = [],
): ValidationResult {
  return { valid: errors.length === 0 && !hasError(findings), documentType, schemaVersion, errors, findings };
}

/** A family in a document type's run order; `pass` ≥ 0 indexes the plan's shared passes it takes its slot from. */
interface Step {
  family: RuleFamily;
  pass: number;
  slot: number;
}

/** What runs for one document type: the families in registry order and the distinct shared passes among them. */
interface Plan {
  steps: readonly Step[];
  passes: ReadonlyArray<(document: unknown) => Finding[][]>;
}

function planFor(families: readonly RuleFamily[]): Plan {
  const passes: Array<(document: unknown) => Finding[][]> = [];
  const steps = families.map((family): Step => {
    const shared = sharedPassOf(family);
    if (shared === undefined) return { family, pass: -1, slot: 0 };
    let pass = passes.indexOf(shared.pass);
    if (pass === -1) pass = passes.push(shared.pass) - 1;
    return { family, pass, slot: shared.slot };
  });
  return { steps, passes };
}

/** A shared pass's findings, or null when it threw (its members then run one by one, as they would alone). */
function runPass(pass: (document: unknown) => Finding[][], document: unknown): Finding[][] | null {
  try {
    return pass(document);
  } catch {
    return null;
  }
}

/** Runs the plan's families in order; each shared pass runs once, when its first member's turn comes. */
function runPlan(plan: Plan, document: unknown, context: RuleContext | undefined): Finding[] {
  const findings: Finding[] = [];
  const passResults: Array<Finding[][] | null | undefined> =
    plan.passes.length === 0 ? [] : new Array(plan.passes.length);
  for (const step of plan.steps) {
    let found: Finding[] | undefined;
    if (step.pass >= 0) {
      let result = passResults[step.pass];
      if (result === undefined) {
        result = runPass(plan.passes[step.pass] as (document: unknown) => Finding[][], document);
        passResults[step.pass] = result;
      }
      found = result === null ? undefined : result[step.slot];
    }
    found ??= runFamily(step.family, document, context);
    for (const f of found) findings.push(f);
  }
  return findings;
}

export function createValidator(config: ValidatorConfig): Validator {
  const knownTypes = Object.keys(config.validators).sort();
  // The families for each documentType, and how they share passes, worked out once rather than on every call.
  const plansByType = new Map<string, Plan>();
  const planOf = (documentType: string): Plan => {
    let plan = plansByType.get(documentType);
    if (plan === undefined) {
      plan = planFor(config.rules.filter((r) => r.appliesTo.includes("any") || r.appliesTo.includes(documentType)));
      plansByType.set(documentType, plan);
    }
    return plan;
  };

  function validate(document: unknown, options?: ValidateOptions): ValidationResult {
    const rawType = field(document, "documentType");
    const rawVersion = field(document, "schemaVersion");
    const documentType = typeof rawType === "string" ? rawType : null;
    const schemaVersion = typeof rawVersion === "string" ? rawVersion : null;

    if (document === null || typeof document !== "object" || Array.isArray(document)) {
      return resultOf(documentType, schemaVersion, [
        issue("schema.document-type", "", "a document must be a JSON object with a documentType"),
      ]);
    }
    const validator = documentType === null ? undefined : config.validators[documentType];
    if (!validator || !Object.hasOwn(config.validators, documentType as string)) {
      const said =
        rawType === undefined
          ? "has no documentType"
          : `has documentType ${JSON.stringify(rawType)}, which is not a known type`;
      return resultOf(documentType, schemaVersion, [
        issue("schema.document-type", "", `the document ${said}; expected one of: ${knownTypes.join(", ")}`),
      ]);
    }
    if (schemaVersion === null || !config.supportedSchemaVersions.includes(schemaVersion)) {
      const said = rawVersion === undefined ? "is missing" : `${JSON.stringify(rawVersion)} is not supported`;
      return resultOf(documentType, schemaVersion, [
        issue(
          "schema.schema-version",
          "/schemaVersion",
          `schemaVersion ${said}; supported: ${config.supportedSchemaVersions.join(", ")}`,
        ),
      ]);
    }
    // Each live version is checked by its own schemas: a 2.0 document against 2.0, a 1.0 document against 1.0.
    const byVersion = config.validatorsByVersion;
    const ofVersion = byVersion === undefined ? config.validators : byVersion[schemaVersion];
    const chosen =
      ofVersion !== undefined && Object.hasOwn(ofVersion, documentType as string)
        ? ofVersion[documentType as string]
        : undefined;
    if (chosen === undefined) {
      return resultOf(documentType, schemaVersion, [
        issue(
          "schema.schema-version",
          "/schemaVersion",
          `schemaVersion ${schemaVersion} has no ${documentType} schema`,
        ),
      ]);
    }
    if (!chosen(document)) return resultOf(documentType, schemaVersion, schemaIssues(chosen.errors));
    if (options?.schemaOnly) return resultOf(documentType, schemaVersion, []);
    return resultOf(
      documentType,
      schemaVersion,
      [],
      runPlan(planOf(documentType as string), document, options?.context),
    );
  }

  function validateJson(text: string, options: ValidateOptions = {}): ValidationResult {
    const parsed = parseJson(text);
    if (!parsed.ok) {
      return {
        valid: false,
        documentType: null,
        schemaVersion: null,
        errors: [issue("json.parse", "", parsed.message)],
        findings: [],
      };
    }
    return validate(parsed.value, options);
  }

  return { validate, validateJson };
}
