// Rule family `outcomes-measurable`: outcomes are "specific goals … to measure progress and success" (D:23), so each
// needs a success criterion with a measure, a target containing a quantity, and a by-date.
import type { Finding } from "./finding.ts";
import { pointerJoin } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { arr, obj, str } from "./document-access.ts";

const QUANTITY =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|once|twice|half|all|every|independently|without (?:adult )?(?:help|support|prompting))\b/i;

/** True when a target names something countable or checkable (a number, a count word, "independently", "all"). */
export function targetIsMeasurable(target: string): boolean {
  return QUANTITY.test(target);
}

function nonEmpty(value: unknown): boolean {
  return typeof value === "string" && value.trim() !== "";
}

export function ispOutcomesMeasurableRules(document: unknown): Finding[] {
  const out: Finding[] = [];
  arr(obj(document).outcomes).forEach((raw, i) => {
    const outcome = obj(raw);
    const criteria = arr(outcome.successCriteria).map(obj);
    const complete = criteria.some((c) => nonEmpty(c.measure) && nonEmpty(c.target) && nonEmpty(c.byDate));
    if (!complete) {
      out.push(
        finding(
          "isp.outcomes-measurable.success-criterion-missing",
          pointerJoin("outcomes", i),
          `Outcome "${str(outcome.id) ?? i}" has no success criterion with a measure, a target and a by-date.`,
        ),
      );
    }
    criteria.forEach((c, j) => {
      const target = str(c.target);
      if (target !== undefined && target.trim() !== "" && !targetIsMeasurable(target)) {
        out.push(
          finding(
            "isp.outcomes-measurable.target-not-measurable",
            pointerJoin("outcomes", i, "successCriteria", j, "target"),
            `The target "${target}" has no quantity to judge it by.`,
          ),
        );
      }
    });
  });
  return out;
}

export function ehcpOutcomesMeasurableRules(document: unknown): Finding[] {
  const out: Finding[] = [];
  arr(obj(document).expectedOutcomes).forEach((raw, i) => {
    const outcome = obj(raw);
    if (!nonEmpty(outcome.byDate))
      out.push(
        finding(
          "ehcp.outcomes-measurable.by-date-missing",
          pointerJoin("expectedOutcomes", i),
          `Expected outcome "${str(outcome.id) ?? i}" has no by-date.`,
        ),
      );
  });
  return out;
}

export function legacyEhcpOutcomesMeasurableRules(document: unknown): Finding[] {
  const out: Finding[] = [];
  arr(obj(obj(document).sectionE).outcomes).forEach((raw, i) => {
    const outcome = obj(raw);
    if (!nonEmpty(outcome.byDate))
      out.push(
        finding(
          "legacy-ehcp.outcomes-measurable.by-date-missing",
          pointerJoin("sectionE", "outcomes", i),
          `Section E outcome "${str(outcome.id) ?? i}" has no by-date.`,
        ),
      );
  });
  return out;
}
