// Rule family `spp-review`: "Specialist Provision Packages will be reviewed by the independent panel every 5 years"
// (D:761).
import type { Finding } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import type { RuleContext } from "./rule-context.ts";
import { obj, str } from "./document-access.ts";
import { addMonths, isoDate } from "./rule-dates.ts";

export function sppReviewRules(document: unknown, context: RuleContext = {}): Finding[] {
  const doc = obj(document);
  const dates = obj(doc.reviewDates);
  const status = str(doc.status);
  const base = isoDate(dates.lastReviewedOn) ?? isoDate(dates.publishedOn);
  const due = isoDate(dates.nextReviewDue);
  const out: Finding[] = [];
  if (due === undefined) {
    if (status === "published") {
      out.push(
        finding(
          "spp.spp-review.next-review-missing",
          "/reviewDates",
          "This SPP is in force but does not say when its next review is due.",
        ),
      );
    }
    return out;
  }
  if (base !== undefined && due > addMonths(base, 60)) {
    out.push(
      finding(
        "spp.spp-review.next-review-within-5-years",
        "/reviewDates/nextReviewDue",
        `The next review is due ${due}, more than 5 years after ${base} (latest allowed: ${addMonths(base, 60)}).`,
      ),
    );
  }
  const today = isoDate(context.today);
  if (today !== undefined && status === "published" && today > due) {
    out.push(
      finding(
        "spp.spp-review.review-overdue",
        "/reviewDates/nextReviewDue",
        `The review due ${due} has not happened (today is ${today}).`,
      ),
    );
  }
  return out;
}
