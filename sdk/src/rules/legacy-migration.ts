// Rule family `legacy-migration`: legacy EHCP migration states against the dates in D:530-537 (digest §2.13):
// new-system steps from September 2029, no change to support before the end of 2029/30, special school places held
// in September 2029 protected.
import type { Finding } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { obj } from "./document-access.ts";
import { isoDate } from "./rule-dates.ts";

export const COMMENCEMENT = "2029-09-01";
/** End of the 2029/30 academic year: support via legacy EHCPs is unchanged until at least then (D:537). */
export const END_OF_2029_30 = "2030-08-31";

export function legacyMigrationRules(document: unknown): Finding[] {
  const migration = obj(obj(document).migration);
  const state = migration.state;
  const assessment = obj(migration.transitionAssessment);
  const assessedOn = isoDate(assessment.assessedOn);
  const outcome = assessment.outcome;
  const optedInOn = isoDate(obj(migration.optIn).optedInOn);
  const out: Finding[] = [];

  if (state === "special-school-protected" && migration.specialSchoolPlaceSeptember2029 !== true) {
    out.push(
      finding(
        "legacy-ehcp.legacy-migration.protected-requires-special-school-place",
        "/migration/state",
        `The plan is ${String(state)}, but the child is not recorded as having a special school place in September 2029.`,
      ),
    );
  }
  if (assessedOn !== undefined && assessedOn < COMMENCEMENT) {
    out.push(
      finding(
        "legacy-ehcp.legacy-migration.new-system-step-before-commencement",
        "/migration/transitionAssessment/assessedOn",
        `A transition assessment is dated ${assessedOn}, before assessments for the new system start on ${COMMENCEMENT}.`,
      ),
    );
  }
  if (optedInOn !== undefined && optedInOn < COMMENCEMENT) {
    out.push(
      finding(
        "legacy-ehcp.legacy-migration.new-system-step-before-commencement",
        "/migration/optIn/optedInOn",
        `An opt-in to the new system is dated ${optedInOn}, before the new system starts on ${COMMENCEMENT}.`,
      ),
    );
  }
  const retention = isoDate(migration.retentionEndDate);
  if (retention !== undefined && retention < END_OF_2029_30 && optedInOn === undefined) {
    out.push(
      finding(
        "legacy-ehcp.legacy-migration.retention-ends-before-september-2030",
        "/migration/retentionEndDate",
        `Support is kept only until ${retention}, but there is no change to support via EHCPs ` +
          `before the end of the 2029/30 academic year (${END_OF_2029_30}) unless the family opts in.`,
      ),
    );
  }
  if (state === "new-ehcp-issued" && outcome !== "spp-needed") {
    out.push(
      finding(
        "legacy-ehcp.legacy-migration.outcome-matches-state",
        "/migration/state",
        "The state is new-ehcp-issued, but no transition assessment found that an SPP is needed.",
      ),
    );
  }
  if (state === "moving-to-isp" && outcome !== "spp-not-needed" && optedInOn === undefined) {
    out.push(
      finding(
        "legacy-ehcp.legacy-migration.outcome-matches-state",
        "/migration/state",
        "The state is moving-to-isp, but no transition assessment found that an SPP is not needed, and there is no opt-in.",
      ),
    );
  }
  if (state === "transition-assessed" && assessedOn === undefined) {
    out.push(
      finding(
        "legacy-ehcp.legacy-migration.outcome-matches-state",
        "/migration/state",
        "The state is transition-assessed, but no transition assessment is recorded.",
      ),
    );
  }
  return out;
}
