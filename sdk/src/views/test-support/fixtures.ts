// Test documents for the views: the worked examples each view is defined for, and one ISP with what the worked
// examples do not (yet) carry: families' agreement on provision, a review and a delivery record; a parent's views;
// a barrier labelled health and an action-log entry labelled safeguarding, which the classroom view must leave out.
import { readFileSync } from "node:fs";

const WORKED = new URL("../../../../examples/worked/", import.meta.url);

export function worked(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(file, WORKED), "utf8")) as Record<string, unknown>;
}

/** Every worked example of a plan type, by file name. */
export const PLAN_EXAMPLES = {
  isp: [
    "isp-ap-time-limited-reintegration.json",
    "isp-nursery-targeted-slc.json",
    "isp-year10-targeted-plus-support-base.json",
    "isp-year11-post16-transition.json",
    "isp-year4-targeted.json",
    "isp-year8-specialist-base.json",
  ],
  ehcp: ["ehcp-specialist-base.json", "ehcp-under5-fast-track.json"],
  "legacy-ehcp": ["legacy-ehcp-special-school-protected.json", "legacy-ehcp-year6-transition-2029.json"],
} as const;

const parentRef = { personType: "parent-carer", id: "parent-1" };
const childRef = { personType: "child", displayName: "Mollie" };

export const HEALTH_DETAIL = "Takes medicine for asthma at lunchtime";
export const SAFEGUARDING_DETAIL = "Social worker visit after the incident at home";

export function ispWithAgreement(): Record<string, unknown> {
  // biome-ignore lint/suspicious/noExplicitAny: a test reaches into nested JSON it just read
  const doc = structuredClone(worked("isp-year4-targeted.json")) as Record<string, any>;
  doc.provision[0].familyAgreement = [
    { stance: "agrees", by: parentRef, recordedOn: "2030-02-05" },
    { stance: "agrees", by: childRef, recordedOn: "2030-02-05", reason: "The boxes help me." },
  ];
  doc.provision[2].familyAgreement = [
    {
      stance: "partly-agrees",
      by: parentRef,
      recordedOn: "2030-02-05",
      reason: "The group is good but it keeps being missed.",
    },
  ];
  doc.reviews[0].familyAgreement = [
    {
      stance: "disagrees",
      by: parentRef,
      recordedOn: "2030-02-07",
      reason: "A keyboard should start now, not in March.",
    },
  ];
  doc.deliveryRecords[1].familyAgreement = [{ stance: "not-yet-asked", by: parentRef, recordedOn: "2030-01-10" }];
  doc.voice.push({
    id: "voice-2",
    authorRole: "parent-carer",
    author: parentRef,
    captureMethod: "own-words-written",
    capturedOn: "2030-02-01",
    consentToShare: true,
    text: "Mollie is proud of her stories. Please keep the handwriting group going.",
  });
  doc.barriers.push({
    id: "barrier-3",
    description: HEALTH_DETAIL,
    areaOfDevelopment: "motor-physical",
    persistence: "ongoing",
    sharing: ["health"],
  });
  doc.actionLog = [
    {
      id: "log-1",
      at: "2030-01-12T09:00:00Z",
      direction: "setting-to-home",
      summary: SAFEGUARDING_DETAIL,
      sharing: ["safeguarding"],
    },
  ];
  doc.sharing = [{ section: "/actionLog", labels: ["safeguarding"] }];
  return doc;
}
