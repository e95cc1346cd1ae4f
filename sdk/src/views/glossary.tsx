/** @jsxImportSource preact */
// The reform's words, explained once in plain English. A view lists exactly the terms its own text uses, found by
// matching the rendered text, so the glossary never explains a word the reader did not meet.
import type { VNode } from "preact";

export interface GlossaryTerm {
  term: string;
  pattern: RegExp;
  meaning: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    term: "ISP (Individual Support Plan)",
    pattern: /\bISP\b|support plan/i,
    meaning: "A plan written by the school or nursery with the family. It says what help a child gets and why.",
  },
  {
    term: "EHCP (Education, Health and Care plan)",
    pattern: /\bEHCP\b|Education, Health and Care plan/,
    meaning: "A legal plan from the council for a child who needs a lot of help. The help in it must be given.",
  },
  {
    term: "SPP (Specialist Provision Package)",
    pattern: /\bSPP\b|Specialist Provision Package/i,
    meaning: "A set of help, agreed across the country, for children with a certain kind of need.",
  },
  {
    term: "Universal offer",
    pattern: /Universal/,
    meaning: "The good teaching and care every child in the class gets.",
  },
  {
    term: "Targeted support",
    pattern: /\bTargeted\b(?! Plus)/,
    meaning: "Extra help for a child, often in a small group, on top of good teaching for all.",
  },
  {
    term: "Targeted Plus",
    pattern: /Targeted Plus/,
    meaning: "More help than Targeted support, often with advice from experts such as a therapist.",
  },
  {
    term: "Specialist support",
    pattern: /\bSpecialist\b(?! Base| Provision| teacher)/,
    meaning: "The most help, set out in an EHCP.",
  },
  {
    term: "Inclusion base",
    pattern: /inclusion base|Support Base|Specialist Base/i,
    meaning:
      "A room or team in a mainstream school where a child can get help for part of the day. A " +
      "Support Base is for children with an ISP. A Specialist Base is for children with an EHCP.",
  },
  {
    term: "SENCO",
    pattern: /\bSENCO\b/,
    meaning: "The teacher who leads on help for children with special needs at the school.",
  },
  {
    term: "Extra support the law requires",
    pattern: /support the law requires/,
    meaning: "Help the school must give by law because the child has special needs.",
  },
  {
    term: "Adjustment",
    pattern: /adjustment/i,
    meaning:
      "A change to how things are done so that a disabled child is not put at a disadvantage. The law asks for it.",
  },
  {
    term: "Review",
    pattern: /\breview/i,
    meaning: "A meeting to look at how the plan is going and to change it if needed. The family is asked to take part.",
  },
  {
    term: "Local authority",
    pattern: /local authority|council/i,
    meaning: "The council for the area where the child lives. It runs EHCPs.",
  },
  {
    term: "Mediation and tribunal",
    pattern: /mediation|tribunal|appeal/i,
    meaning:
      "If you do not agree with a decision about an EHCP, you can talk it through with a mediator. You can then appeal to a tribunal, a court that decides.",
  },
  {
    term: "Transfer",
    pattern: /transfer|moving to|new school/i,
    meaning: "Sending the plan safely to the child's next school, college or council when the child moves.",
  },
];

/** The terms the text uses, in glossary order. */
export function termsUsedIn(text: string): GlossaryTerm[] {
  return GLOSSARY.filter((t) => t.pattern.test(text));
}

export function Glossary(props: { terms: readonly GlossaryTerm[] }): VNode | null {
  if (props.terms.length === 0) return null;
  return (
    <dl class="glossary">
      {props.terms.map((t) => [<dt key={`${t.term}-t`}>{t.term}</dt>, <dd key={`${t.term}-d`}>{t.meaning}</dd>])}
    </dl>
  );
}
