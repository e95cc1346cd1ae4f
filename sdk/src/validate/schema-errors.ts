// Turns ajv's error objects into Issues: ruleId `schema.<keyword>`, a pointer at the offending value (the missing or
// unexpected property itself, not its parent), a plain message, and no oneOf/anyOf branch noise.
import type { ErrorObject } from "ajv";
import type { Issue } from "./result.ts";
import { escapePointerToken } from "../rules/finding.ts";

const MAX_LISTED_VALUES = 12;

function isWithin(pointer: string, base: string): boolean {
  return base === "" || pointer === base || pointer.startsWith(`${base}/`);
}

function depth(pointer: string): number {
  return pointer === "" ? 0 : pointer.split("/").length - 1;
}

function listValues(values: unknown[]): string {
  const shown = values
    .slice(0, MAX_LISTED_VALUES)
    .map((v) => JSON.stringify(v))
    .join(", ");
  return values.length > MAX_LISTED_VALUES ? `${shown}, … (${values.length} values)` : shown;
}

function str(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** One ajv error → one Issue. */
export function toIssue(error: ErrorObject): Issue {
  const p = error.params as Record<string, unknown>;
  const at = error.instancePath;
  const issue = (pointer: string, message: string): Issue => ({
    ruleId: `schema.${error.keyword}`,
    severity: "error",
    pointer,
    message,
  });
  switch (error.keyword) {
    case "required":
      return issue(
        `${at}/${escapePointerToken(str(p["missingProperty"]))}`,
        `required property "${str(p["missingProperty"])}" is missing`,
      );
    case "additionalProperties":
      return issue(
        `${at}/${escapePointerToken(str(p["additionalProperty"]))}`,
        `property "${str(p["additionalProperty"])}" is not allowed here (core objects are closed; put vendor data under /extensions)`,
      );
    case "unevaluatedProperties":
      return issue(
        `${at}/${escapePointerToken(str(p["unevaluatedProperty"]))}`,
        `property "${str(p["unevaluatedProperty"])}" is not allowed here (core objects are closed; put vendor data under /extensions)`,
      );
    case "dependentRequired":
      return issue(
        `${at}/${escapePointerToken(str(p["missingProperty"]))}`,
        `property "${str(p["missingProperty"])}" is required when "${str(p["property"])}" is present`,
      );
    case "const":
      return issue(at, `must be ${JSON.stringify(p["allowedValue"])}`);
    case "enum":
      return issue(at, `must be one of: ${listValues(Array.isArray(p["allowedValues"]) ? p["allowedValues"] : [])}`);
    case "type":
      return issue(
        at,
        `must be of type ${Array.isArray(p["type"]) ? (p["type"] as unknown[]).join(" or ") : str(p["type"])}`,
      );
    case "format":
      return issue(at, `must be a valid ${str(p["format"])}`);
    case "oneOf":
    case "anyOf":
      return issue(at, "does not match any of the allowed forms");
    default:
      return issue(at, error.message ?? `fails ${error.keyword}`);
  }
}

/**
 * A failing oneOf/anyOf reports every branch's errors and then itself. Keep what locates the fault:
 * errors deeper than the alternative's own value (the branch whose shape fitted went wrong inside), minus
 * discriminator `const` mismatches one level down (those only say "this was the other branch"). When every branch
 * failed at the value itself, report one issue that names what each branch wanted.
 */
function collapseAlternative(alternative: ErrorObject, branchErrors: ErrorObject[], innerIssues: Issue[]): Issue[] {
  const at = alternative.instancePath;
  const deeper = branchErrors.filter(
    (e) => depth(e.instancePath) > depth(at) && e.keyword !== "oneOf" && e.keyword !== "anyOf",
  );
  const discriminator = (e: ErrorObject): boolean =>
    (e.keyword === "const" || e.keyword === "enum") && depth(e.instancePath) === depth(at) + 1;
  const precise = deeper.filter((e) => !discriminator(e));
  if (precise.length > 0 || innerIssues.length > 0) {
    // Branches that failed only at the value itself (missing/extra properties) were the shapes that did not fit.
    return dedupe([...innerIssues, ...precise.map(toIssue)]);
  }
  const wants = dedupe(branchErrors.map(toIssue)).map((i) =>
    i.pointer === at ? i.message : `${i.pointer}: ${i.message}`,
  );
  const base = toIssue(alternative);
  return [{ ...base, message: wants.length > 0 ? `${base.message}: ${wants.join("; or ")}` : base.message }];
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.ruleId}\u0000${i.pointer}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Maps ajv's errors (in ajv's emission order, which puts branch errors just before their oneOf/anyOf) to Issues.
 * `if` errors are dropped: the `then`/`else` errors beside them already say what is wrong.
 */
export function schemaIssues(errors: readonly ErrorObject[] | null | undefined): Issue[] {
  // Pending items are ajv errors not yet turned into Issues, kept so an enclosing alternative can claim them.
  const pending: Array<ErrorObject | Issue[]> = [];
  for (const error of errors ?? []) {
    if (error.keyword === "if") continue;
    if (error.keyword !== "oneOf" && error.keyword !== "anyOf") {
      pending.push(error);
      continue;
    }
    const claimed: ErrorObject[] = [];
    const claimedIssues: Issue[] = [];
    while (pending.length > 0) {
      const last = pending[pending.length - 1] as ErrorObject | Issue[];
      const pointer = Array.isArray(last) ? (last[0]?.pointer ?? error.instancePath) : last.instancePath;
      if (!isWithin(pointer, error.instancePath)) break;
      pending.pop();
      if (Array.isArray(last)) claimedIssues.unshift(...last);
      else claimed.unshift(last);
    }
    // An inner alternative already collapsed stays as precise as it was.
    pending.push(collapseAlternative(error, claimed, claimedIssues));
  }
  const issues: Issue[] = [];
  for (const item of pending) {
    if (Array.isArray(item)) issues.push(...item);
    else issues.push(toIssue(item));
  }
  return dedupe(issues);
}
