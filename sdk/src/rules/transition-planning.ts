// Rule family `transition-planning`: "planning for transition needs to begin at least 12 months in advance" (D:390).
// When the plan itself began less than 12 months before the move (a 10-month post-16 transition package), planning
// cannot have begun earlier than the plan: starting it with the plan is on time.
import type { Finding } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { arr, obj } from "./document-access.ts";
import { addMonths, earliest, isoDate } from "./rule-dates.ts";

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
  if (move === undefined) return [];
  const twelveMonthsBefore = addMonths(move, -12);
  const planStart = earliest(arr(obj(document).layersOfSupport).map((p) => obj(obj(p).period).start));
  const deadline = planStart !== undefined && planStart > twelveMonthsBefore ? planStart : twelveMonthsBefore;
  if (started > deadline) {
    return [
      finding(
        "isp.transition-planning.post-16-started-late",
        "/transitionPlan/post16PlanningStartedOn",
        `Post-16 transition planning started ${started}, less than 12 months before the move on ` +
          `${move} (it should start by ${deadline}${deadline === twelveMonthsBefore ? "" : ", when the plan started"}).`,
      ),
    ];
  }
  return [];
}
