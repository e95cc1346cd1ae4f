// Rule family `cessation`: a plan that ceased because a new EHCP replaced it names that EHCP, so the record of the
// child's support runs on without a gap (D:203, D:536-537: legacy plans are replaced after transition assessment).
import type { Finding } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { obj, str } from "./document-access.ts";

function replacementNamed(ruleId: string, document: unknown): Finding[] {
  const cessation = obj(obj(document).cessation);
  if (cessation.reason !== "replaced-by-new-ehcp" || str(obj(cessation.replacedBy).id) !== undefined) return [];
  return [
    finding(ruleId, "/cessation", "The plan ceased because a new EHCP replaced it, but does not name the new EHCP."),
  ];
}

export const ehcpCessationRules = (document: unknown): Finding[] =>
  replacementNamed("ehcp.cessation.replacement-named", document);
export const legacyEhcpCessationRules = (document: unknown): Finding[] =>
  replacementNamed("legacy-ehcp.cessation.replacement-named", document);
