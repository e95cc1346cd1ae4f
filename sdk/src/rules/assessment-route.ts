// Rule family `assessment-route`: the fast track is "for children under the age of 5" (D:505); age is taken on the
// date the assessment was requested (the referral).
import type { Finding } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { obj } from "./document-access.ts";
import { ageOn, isoDate } from "./rule-dates.ts";

export function assessmentRouteRules(document: unknown): Finding[] {
  const doc = obj(document);
  const assessment = obj(doc.needsAssessment);
  if (assessment.route !== "fast-track-under-5") return [];
  const dob = isoDate(obj(doc.child).dateOfBirth);
  const requested = isoDate(assessment.requestedOn);
  if (dob === undefined || requested === undefined) return [];
  const age = ageOn(dob, requested);
  if (age < 5) return [];
  return [
    finding(
      "ehcp.assessment-route.fast-track-age",
      "/needsAssessment/route",
      `The under-5 fast track was used, but the child was ${age} when the assessment was requested on ${requested}.`,
    ),
  ];
}
