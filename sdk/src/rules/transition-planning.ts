// Rule family `transition-planning`: "planning for transition needs to begin at least 12 months in advance" (D:390).
import type { Finding } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { obj } from "./document-access.ts";
import { addMonths, isoDate } from "./rule-dates.ts";

export function transitionPlanningRules(document: unknown): Finding[] {
  const plan = obj(obj(document).transitionPlan);
  if (plan.nextPhase !== "post-16") return [];
  const started = isoDate(plan.post16PlanningStartedOn);
  if (started === undefined) {
    return [
      finding(
        "isp.transition-planning.post-16-start-missing",
        "/transitionPlan",
        "The move to post-16 is planned, but not when transition planning started.",
      ),
    ];
  }
  const move = isoDate(plan.plannedMoveOn);
  if (move !== undefined && started > addMonths(move, -12)) {
    return [
      finding(
        "isp.transition-planning.post-16-started-late",
        "/transitionPlan/post16PlanningStartedOn",
        `Post-16 transition planning started ${started}, less than 12 months before the move on ${move} (it should start by ${addMonths(move, -12)}).`,
      ),
    ];
  }
  return [];
}
