// The rule catalogue (schemas/rules/catalogue.json) as data, so severities have one source of truth: a rule
// emits a finding by id and the catalogue supplies its severity.
import catalogue from "../../../schemas/rules/catalogue.json" with { type: "json" };
import type { Finding } from "./finding.ts";

export interface CatalogueRule {
  id: string;
  severity: Finding["severity"];
  appliesTo: string[];
  title: string;
  description: string;
  rationale: string;
  since: string;
}

export const RULE_CATALOGUE: readonly CatalogueRule[] = catalogue.rules as CatalogueRule[];

const severities = new Map(RULE_CATALOGUE.map((r) => [r.id, r.severity]));

/** The catalogue severity of `ruleId`; "error" for an id the catalogue lacks (a test forbids that). */
export function severityOf(ruleId: string): Finding["severity"] {
  return severities.get(ruleId) ?? "error";
}

/** A finding for `ruleId` with its catalogue severity. */
export function finding(ruleId: string, pointer: string, message: string): Finding {
  return { ruleId, severity: severityOf(ruleId), pointer, message };
}
