// The quality-rule registry: every rule family the validator runs after a document is schema-valid, in the order
// findings are reported. Families are listed in quality-families.ts; to add a rule see CONTRIBUTING.md §10.
import type { Finding } from "./finding.ts";
import type { RuleContext } from "./rule-context.ts";
import { identifierRules } from "./identifiers.ts";
import { qualityRuleFamilies } from "./quality-families.ts";
import { genericWalkFindings } from "./document-walk.ts";
import { sharingPass } from "./shared-pass.ts";

export interface RuleFamily {
  /** `<documentType|any>.<family>`: the prefix of every ruleId the family emits. */
  id: string;
  /** documentTypes the family applies to, or ["any"]. */
  appliesTo: readonly string[];
  /** Runs on a schema-valid document; returns findings, never throws. The context carries what a rule may know
   * besides the document (SPP catalogue, today's date), so rules stay pure. */
  run(document: unknown, context?: RuleContext): Finding[];
}

export const rules: RuleFamily[] = [
  // Shares one walk of the document with any.code-validity (document-walk.ts; slot 0 of that pass).
  sharingPass<RuleFamily>(
    { id: "any.identifiers", appliesTo: ["any"], run: (document) => identifierRules(document) },
    genericWalkFindings,
    0,
  ),
  ...qualityRuleFamilies,
];

/** The families that apply to `documentType`, in registry order. */
export function rulesFor(documentType: string, registry: readonly RuleFamily[] = rules): RuleFamily[] {
  return registry.filter((r) => r.appliesTo.includes("any") || r.appliesTo.includes(documentType));
}

export type { Finding } from "./finding.ts";
export type { RuleContext, SppCatalogueEntry } from "./rule-context.ts";
