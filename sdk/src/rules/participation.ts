// Rule family `participation`: the ISP "must be developed with parents" (D:683) and with the child or young person
// (D:196, D:368). Involvement counts when there is a voice statement by that role, or a review at which someone in
// that role attended or contributed in writing.
import type { Finding } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { arr, obj } from "./document-access.ts";
import { ageOn, isoDate } from "./rule-dates.ts";
import { effectiveDate } from "./effective-date.ts";

/** Age from which the child's own voice is expected (observation counts as a capture method). */
export const CHILD_VOICE_AGE = 3;
/** Age from which the young person's own involvement is required (over compulsory school age). */
export const YOUNG_PERSON_AGE = 16;

function involved(doc: Record<string, unknown>, role: string, reviewsKey: string): boolean {
  if (arr(doc.voice).some((v) => obj(v).authorRole === role)) return true;
  return arr(doc[reviewsKey]).some((r) =>
    arr(obj(r).participants).some((p) => {
      const participant = obj(p);
      return participant.role === role && (participant.attended === true || participant.contributedInWriting === true);
    }),
  );
}

/** Voice roles of the child or young person (`child-young-person` is the earlier single code, still understood). */
const OWN_ROLES = ["child", "young-person", "child-young-person"];

function ownVoice(doc: Record<string, unknown>, reviewsKey: string): boolean {
  return OWN_ROLES.some((role) => involved(doc, role, reviewsKey));
}

export function ispParticipationRules(document: unknown): Finding[] {
  const doc = obj(document);
  const out: Finding[] = [];
  if (!involved(doc, "parent-carer", "reviews")) {
    out.push(
      finding(
        "isp.participation.parent-voice-missing",
        "",
        "The ISP records no parent or carer involvement (no parent-carer voice statement, and no review a parent or carer attended or contributed to).",
      ),
    );
  }
  const dob = isoDate(obj(doc.child).dateOfBirth);
  const on = effectiveDate(doc);
  if (dob !== undefined && on !== undefined && !ownVoice(doc, "reviews")) {
    const age = ageOn(dob, on);
    if (age >= YOUNG_PERSON_AGE) {
      out.push(
        finding(
          "isp.participation.young-person-voice-missing",
          "",
          `The young person is ${age} but the ISP records no voice statement or review participation of their own.`,
        ),
      );
    } else if (age >= CHILD_VOICE_AGE) {
      out.push(
        finding(
          "isp.participation.child-voice-missing",
          "",
          `The child is ${age} but the ISP records none of the child's own views (voice statement or review participation).`,
        ),
      );
    }
  }
  return out;
}

export function ehcpParticipationRules(document: unknown): Finding[] {
  const doc = obj(document);
  if (involved(doc, "parent-carer", "reviews") || ownVoice(doc, "reviews")) return [];
  return [
    finding(
      "ehcp.participation.voice-missing",
      "",
      "The EHCP records no voice of the parent or carer or of the child or young person.",
    ),
  ];
}
