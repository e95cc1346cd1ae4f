// The quality-rule families beyond identifiers, in the shape the registry (index.ts) runs. Each `run` takes the
// document and an optional RuleContext (SPP catalogue, today); the registry may pass only the document.
import type { Finding } from "./finding.ts";
import type { RuleContext } from "./rule-context.ts";
import { ehcpGoldenThreadRules, ispGoldenThreadRules, legacyEhcpGoldenThreadRules } from "./golden-thread.ts";
import {
  ehcpProvisionSpecificityRules,
  ispProvisionSpecificityRules,
  legacyEhcpProvisionSpecificityRules,
} from "./provision-specificity.ts";
import { vagueWordingRules } from "./vague-wording.ts";
import { ehcpReviewCadenceRules, ispReviewCadenceRules, legacyEhcpReviewCadenceRules } from "./review-cadence.ts";
import {
  ehcpOutcomesMeasurableRules,
  ispOutcomesMeasurableRules,
  legacyEhcpOutcomesMeasurableRules,
} from "./outcomes-measurable.ts";
import { ehcpParticipationRules, ispParticipationRules } from "./participation.ts";
import { sppCitationRules } from "./spp-citation.ts";
import { sppReviewRules } from "./spp-review.ts";
import { codeValidityRules } from "./code-validity.ts";
import { bundleDigestRules } from "./bundle-digests.ts";
import { transitionPlanningRules } from "./transition-planning.ts";
import { settingReferenceRules } from "./setting-references.ts";
import { assessmentRouteRules } from "./assessment-route.ts";
import { legacyMigrationRules } from "./legacy-migration.ts";
import { genericWalkFindings } from "./document-walk.ts";
import { rangeRules } from "./ranges.ts";
import { familyAgreementRules } from "./family-agreement.ts";
import { packageHistoryRules } from "./package-history.ts";
import { ehcpCessationRules, legacyEhcpCessationRules } from "./cessation.ts";
import { sharingPass } from "./shared-pass.ts";

export interface QualityRuleFamily {
  /** `<documentType|any>.<family>`: the prefix of every ruleId the family emits. */
  id: string;
  appliesTo: readonly string[];
  run(document: unknown, context?: RuleContext): Finding[];
  /** The same rules without the safety net, for tests that prove the rules themselves never throw. */
  unguarded(document: unknown, context?: RuleContext): Finding[];
}

/**
 * A family run never throws: a rule bug on odd input becomes no findings from that family rather than a crash of
 * validate(). The property test in rules.test.ts checks the rules themselves do not throw.
 */
function safe(
  run: (document: unknown, context: RuleContext) => Finding[],
): (document: unknown, context?: RuleContext) => Finding[] {
  return (document, context = {}) => {
    try {
      return run(document, context);
    } catch {
      return [];
    }
  };
}

const family = (
  id: string,
  appliesTo: readonly string[],
  run: (document: unknown, context: RuleContext) => Finding[],
): QualityRuleFamily => ({
  id,
  appliesTo,
  run: safe(run),
  unguarded: (document, context = {}) => run(document, context),
});

export const qualityRuleFamilies: QualityRuleFamily[] = [
  family("isp.golden-thread", ["isp"], ispGoldenThreadRules),
  family("ehcp.golden-thread", ["ehcp"], ehcpGoldenThreadRules),
  family("legacy-ehcp.golden-thread", ["legacy-ehcp"], legacyEhcpGoldenThreadRules),
  family("isp.provision-specificity", ["isp"], ispProvisionSpecificityRules),
  family("ehcp.provision-specificity", ["ehcp"], ehcpProvisionSpecificityRules),
  family("legacy-ehcp.provision-specificity", ["legacy-ehcp"], legacyEhcpProvisionSpecificityRules),
  family("any.vague-wording", ["isp", "ehcp", "legacy-ehcp", "spp"], vagueWordingRules),
  family("isp.review-cadence", ["isp"], ispReviewCadenceRules),
  family("ehcp.review-cadence", ["ehcp"], ehcpReviewCadenceRules),
  family("legacy-ehcp.review-cadence", ["legacy-ehcp"], legacyEhcpReviewCadenceRules),
  family("isp.outcomes-measurable", ["isp"], ispOutcomesMeasurableRules),
  family("ehcp.outcomes-measurable", ["ehcp"], ehcpOutcomesMeasurableRules),
  family("legacy-ehcp.outcomes-measurable", ["legacy-ehcp"], legacyEhcpOutcomesMeasurableRules),
  family("isp.participation", ["isp"], ispParticipationRules),
  family("ehcp.participation", ["ehcp"], ehcpParticipationRules),
  family("ehcp.spp-citation", ["ehcp"], sppCitationRules),
  family("spp.spp-review", ["spp"], sppReviewRules),
  // Shares one walk of the document with any.identifiers (document-walk.ts; slot 1 of that pass).
  sharingPass(family("any.code-validity", ["any"], codeValidityRules), genericWalkFindings, 1),
  family("transfer-bundle.bundle-digests", ["transfer-bundle"], bundleDigestRules),
  family("isp.transition-planning", ["isp"], transitionPlanningRules),
  family("ehcp.assessment-route", ["ehcp"], assessmentRouteRules),
  family("legacy-ehcp.legacy-migration", ["legacy-ehcp"], legacyMigrationRules),
  family("any.setting-reference", ["isp", "ehcp", "legacy-ehcp"], settingReferenceRules),
  family("any.ranges", ["isp", "ehcp", "legacy-ehcp", "spp"], rangeRules),
  family("any.family-agreement", ["isp", "ehcp"], familyAgreementRules),
  family("ehcp.package-history", ["ehcp"], packageHistoryRules),
  family("ehcp.cessation", ["ehcp"], ehcpCessationRules),
  family("legacy-ehcp.cessation", ["legacy-ehcp"], legacyEhcpCessationRules),
];
