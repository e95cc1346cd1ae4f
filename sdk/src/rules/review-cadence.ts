// Rule family `review-cadence`: ISPs reviewed at least every 12 months (D:368); EHCPs at the end of each key stage,
// or annually in the early years and post-16 (D:503); legacy EHCPs annually (SEND Regulations 2014 reg. 18).
import type { Finding } from "./finding.ts";
import { pointerJoin } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import type { RuleContext } from "./rule-context.ts";
import { arr, obj, str, strings } from "./document-access.ts";
import { addMonths, ageOn, earliest, isoDate } from "./rule-dates.ts";
import { effectiveDate } from "./effective-date.ts";

/** The review with the latest heldOn date, with its index. */
function latestReview(
  reviews: unknown,
): { index: number; heldOn: string; review: Record<string, unknown> } | undefined {
  let best: { index: number; heldOn: string; review: Record<string, unknown> } | undefined;
  arr(reviews).forEach((raw, index) => {
    const review = obj(raw);
    const heldOn = isoDate(review.heldOn);
    if (heldOn !== undefined && (best === undefined || heldOn >= best.heldOn)) best = { index, heldOn, review };
  });
  return best;
}

function latestOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

/** When an ISP started: the earliest layer-of-support period start, else the record's creation date. */
function ispStart(doc: Record<string, unknown>): string | undefined {
  return (
    earliest(arr(doc.layersOfSupport).map((p) => obj(obj(p).period).start)) ?? isoDate(obj(doc.provenance).createdAt)
  );
}

export function ispReviewCadenceRules(document: unknown, context: RuleContext = {}): Finding[] {
  const doc = obj(document);
  const status = str(doc.status);
  const out: Finding[] = [];
  const last = latestReview(doc.reviews);
  const base = last?.heldOn ?? ispStart(doc);
  if (last !== undefined) {
    const due = isoDate(last.review.nextReviewDue);
    const pointer = pointerJoin("reviews", last.index, "nextReviewDue");
    if (due === undefined) {
      if (status === "active" || status === "under-review") {
        out.push(
          finding(
            "isp.review-cadence.next-review-missing",
            pointerJoin("reviews", last.index),
            `The latest review (${last.heldOn}) does not say when the next review is due.`,
          ),
        );
      }
    } else if (due > addMonths(last.heldOn, 12)) {
      out.push(
        finding(
          "isp.review-cadence.next-review-within-12-months",
          pointer,
          `The next review is due ${due}, more than 12 months after the last review on ${last.heldOn} (latest allowed: ${addMonths(last.heldOn, 12)}).`,
        ),
      );
    }
  }
  const today = isoDate(context.today);
  if (today !== undefined && base !== undefined && status === "active" && today > addMonths(base, 12)) {
    const since = last ? `the last review on ${base}` : `the plan started on ${base}`;
    out.push(
      finding(
        "isp.review-cadence.review-overdue",
        last ? pointerJoin("reviews", last.index) : "",
        `No review for more than 12 months since ${since}; a review was due by ${addMonths(base, 12)}.`,
      ),
    );
  }
  return out;
}

/** Year group (Reception = 0, Year 1 = 1, …) of a child born on `dob` during the academic year containing `date`. */
export function yearGroupOn(dob: string, date: string): number {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const academicYearStart = m >= 9 ? y : y - 1;
  return ageOn(dob, `${academicYearStart}-08-31`) - 4;
}

/** 31 August of the last year of the key stage that contains the academic year of `date`, or undefined outside KS1-KS4. */
export function endOfKeyStage(dob: string, date: string): string | undefined {
  const group = yearGroupOn(dob, date);
  if (group < 1 || group > 11) return undefined;
  const lastYear = [2, 6, 9, 11].find((end) => end >= group) as number;
  const [y, m] = date.split("-").map(Number) as [number, number];
  const academicYearStart = m >= 9 ? y : y - 1;
  return `${academicYearStart + (lastYear - group) + 1}-08-31`;
}

/** Which review basis the child's phase calls for (D:503), from the named placement's phases, else age. */
function expectedBasis(
  doc: Record<string, unknown>,
  on: string | undefined,
): "annual" | "end-of-key-stage" | undefined {
  const phases = strings(obj(obj(doc.namedPlacement).setting).phases);
  if (phases.length > 0) {
    if (phases.includes("early-years") || phases.includes("post-16")) {
      return phases.includes("primary") || phases.includes("secondary") ? undefined : "annual";
    }
    return "end-of-key-stage";
  }
  const dob = isoDate(obj(doc.child).dateOfBirth);
  if (dob === undefined || on === undefined) return undefined;
  const group = yearGroupOn(dob, on);
  return group < 1 || group > 11 ? "annual" : "end-of-key-stage";
}

export function ehcpReviewCadenceRules(document: unknown): Finding[] {
  const doc = obj(document);
  const schedule = obj(doc.reviewSchedule);
  const basis = str(schedule.basis);
  if (basis === undefined) return [];
  const out: Finding[] = [];
  const last = latestReview(doc.reviews);
  // Before the first review the cycle runs from when the plan takes effect: the later of its issue date and the start
  // of the named placement. A plan issued on 1 July for a Year 10 placement starting in September is reviewed by the
  // end of key stage 4, not by 31 August of Year 9, before the placement starts.
  const base = last?.heldOn ?? latestOf(isoDate(doc.issuedOn), isoDate(obj(doc.namedPlacement).startsOn));
  const expected = expectedBasis(doc, base ?? effectiveDate(doc));
  if (expected !== undefined && expected !== basis) {
    const why =
      expected === "annual"
        ? "the child is in the early years or post-16"
        : "the child is of school age (key stages 1-4)";
    out.push(
      finding(
        "ehcp.review-cadence.basis-matches-phase",
        "/reviewSchedule/basis",
        `Review basis is "${basis}" but ${why}, so it should be "${expected}".`,
      ),
    );
  }
  const due = isoDate(schedule.nextReviewDue);
  if (due === undefined || base === undefined) return out;
  if (basis === "annual" && due > addMonths(base, 12)) {
    out.push(
      finding(
        "ehcp.review-cadence.next-review-within-12-months",
        "/reviewSchedule/nextReviewDue",
        `The next review is due ${due}, more than 12 months after ${base} (latest allowed: ${addMonths(base, 12)}).`,
      ),
    );
  }
  const dob = isoDate(obj(doc.child).dateOfBirth);
  if (basis === "end-of-key-stage" && dob !== undefined) {
    const end = endOfKeyStage(dob, base);
    if (end !== undefined && due > end) {
      out.push(
        finding(
          "ehcp.review-cadence.next-review-by-end-of-key-stage",
          "/reviewSchedule/nextReviewDue",
          `The next review is due ${due}, after the end of the child's current key stage on ${end}.`,
        ),
      );
    }
  }
  return out;
}

export function legacyEhcpReviewCadenceRules(document: unknown): Finding[] {
  const doc = obj(document);
  const last = latestReview(doc.reviews);
  if (last === undefined) return [];
  const due = isoDate(last.review.nextReviewDue);
  if (due === undefined || due <= addMonths(last.heldOn, 12)) return [];
  return [
    finding(
      "legacy-ehcp.review-cadence.next-review-within-12-months",
      pointerJoin("reviews", last.index, "nextReviewDue"),
      `The next annual review is due ${due}, more than 12 months after the last review on ${last.heldOn} (latest allowed: ${addMonths(last.heldOn, 12)}).`,
    ),
  ];
}
