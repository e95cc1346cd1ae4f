// The rules as real plans meet them: the four that misfired on the real situations (issue 14), and the rule
// families added for what real plans say (ranges, family agreement, package history, cessation, strengths).
import { describe, expect, it } from "vitest";
import { qualityRuleFamilies } from "./quality-families.ts";

function run(familyId: string, doc: Record<string, unknown>): Array<[string, string]> {
  const family = qualityRuleFamilies.find((f) => f.id === familyId);
  if (family === undefined) throw new Error(`no family ${familyId}`);
  return family.unguarded(doc, {}).map((f) => [f.ruleId, f.pointer]);
}

const prov = (at: string) => ({ createdAt: `${at}T09:00:00Z` });

describe("end-of-key-stage review counts from when the placement starts", () => {
  // Born October 2015: Year 9 in 2029/30, Year 10 from September 2030 (key stage 4 ends 31 August 2032).
  const ehcp = (extra: Record<string, unknown>) => ({
    documentType: "ehcp",
    provenance: prov("2030-07-01"),
    child: { dateOfBirth: "2015-10-10" },
    issuedOn: "2030-07-01",
    reviewSchedule: { basis: "end-of-key-stage", nextReviewDue: "2031-06-30" },
    ...extra,
  });
  it("a plan issued on 1 July for a Year 10 placement is not due before the placement starts", () => {
    const doc = ehcp({ namedPlacement: { startsOn: "2030-09-02", setting: { phases: ["secondary"] } } });
    expect(run("ehcp.review-cadence", doc)).toEqual([]);
  });
  it("without a later placement start the issue date still counts (Year 9 ends 31 August 2030)", () => {
    expect(run("ehcp.review-cadence", ehcp({}))).toEqual([
      ["ehcp.review-cadence.next-review-by-end-of-key-stage", "/reviewSchedule/nextReviewDue"],
    ]);
  });
});

describe("SPP catalogue drafts written before commencement", () => {
  const spp = (extra: Record<string, unknown>) => ({
    documentType: "spp",
    status: "draft",
    provenance: prov("2028-03-01"),
    areasOfDevelopment: ["speech-language-communication"],
    ...extra,
  });
  it("a draft that applies from September 2029 may use the new codes", () => {
    expect(run("any.code-validity", spp({ appliesFrom: "2029-09-01" }))).toEqual([]);
  });
  it("a draft with no applies-from date is checked on its own date", () => {
    expect(run("any.code-validity", spp({}))).toEqual([["any.code-validity.not-yet-valid", "/areasOfDevelopment/0"]]);
  });
  it("an applies-from date before commencement does not make the codes valid", () => {
    expect(run("any.code-validity", spp({ appliesFrom: "2029-06-01" }))).toEqual([
      ["any.code-validity.not-yet-valid", "/areasOfDevelopment/0"],
    ]);
  });
});

describe("a 10-month post-16 transition package", () => {
  const isp = (planningStarted: string) => ({
    documentType: "isp",
    layersOfSupport: [{ id: "l1", layer: "targeted", period: { start: "2030-09-03" } }],
    transitionPlan: { nextPhase: "post-16", plannedMoveOn: "2031-07-01", post16PlanningStartedOn: planningStarted },
  });
  it("planning that starts with the package is on time", () => {
    expect(run("isp.transition-planning", isp("2030-09-03"))).toEqual([]);
  });
  it("planning that starts two months into the package is late", () => {
    expect(run("isp.transition-planning", isp("2030-11-01"))).toEqual([
      ["isp.transition-planning.post-16-started-late", "/transitionPlan/post16PlanningStartedOn"],
    ]);
  });
  it("a plan that started years before still needs planning 12 months ahead", () => {
    const doc = isp("2030-09-03");
    doc.layersOfSupport[0]!.period.start = "2027-09-01";
    expect(run("isp.transition-planning", doc)).toEqual([
      ["isp.transition-planning.post-16-started-late", "/transitionPlan/post16PlanningStartedOn"],
    ]);
  });
});

describe("curriculum adaptations are not sessions", () => {
  const oneFewerGcse = {
    id: "p-gcse",
    description: "Andrea takes one fewer GCSE; the freed period 3 on Tuesdays is used for intervention.",
    provisionType: "curriculum-adaptation",
    legalBasis: "special-educational-provision",
    deliveredBy: { role: "senco" },
    period: { start: "2029-09-03" },
    addressesBarrierIds: ["b1"],
  };
  it("one fewer GCSE needs no invented frequency, session length or group size", () => {
    expect(run("isp.provision-specificity", { documentType: "isp", provision: [oneFewerGcse] })).toEqual([]);
  });
  it("it still says when it starts", () => {
    const { period: _period, ...noPeriod } = oneFewerGcse;
    expect(run("isp.provision-specificity", { documentType: "isp", provision: [noPeriod] })).toEqual([
      ["isp.provision-specificity.period-missing", "/provision/0"],
    ]);
  });
  it("an intervention written the same way is still caught", () => {
    const item = { ...oneFewerGcse, provisionType: "intervention" };
    expect(run("isp.provision-specificity", { documentType: "isp", provision: [item] }).map(([id]) => id)).toEqual([
      "isp.provision-specificity.frequency-missing",
      "isp.provision-specificity.session-length-missing",
      "isp.provision-specificity.group-size-missing",
    ]);
  });
  it("'when needed, up to 3 a week' is quantified; 'as needed' is not", () => {
    const base = { ...oneFewerGcse, provisionType: "adult-support", sessionLengthMinutes: 15, groupSize: 1 };
    const capped = { ...base, frequency: { count: 3, per: "week", whenNeeded: true } };
    const vague = { ...base, frequency: { count: 1, per: "as-needed" } };
    expect(run("isp.provision-specificity", { documentType: "isp", provision: [capped, vague] })).toEqual([
      ["isp.provision-specificity.frequency-not-quantified", "/provision/1/frequency/per"],
    ]);
  });
});

describe("ranges", () => {
  it("2-3 times a week and individual-or-small-group (1-4) are fine; 3-2 and 4-1 are not", () => {
    const doc = {
      documentType: "isp",
      provision: [
        { id: "a", groupSize: 1, groupSizeMax: 4, frequency: { count: 2, countMax: 3, per: "week" } },
        { id: "b", groupSize: 4, groupSizeMax: 1, frequency: { count: 3, countMax: 2, per: "week" } },
      ],
    };
    expect(run("any.ranges", doc)).toEqual([
      ["any.ranges.max-below-min", "/provision/1/groupSizeMax"],
      ["any.ranges.max-below-min", "/provision/1/frequency/countMax"],
    ]);
  });
});

describe("family agreement", () => {
  const parent = { personType: "parent-carer", id: "parent-1" };
  it("a parent's agreement and a reasoned disagreement are fine", () => {
    const doc = {
      documentType: "isp",
      provision: [{ id: "p1", familyAgreement: [{ stance: "agrees", by: parent, recordedOn: "2030-01-10" }] }],
      reviews: [
        {
          id: "r1",
          familyAgreement: [{ stance: "disagrees", by: parent, recordedOn: "2030-01-10", reason: "Too little time." }],
        },
      ],
    };
    expect(run("any.family-agreement", doc)).toEqual([]);
  });
  it("a disagreement without a reason, and agreement recorded as given by a practitioner", () => {
    const doc = {
      documentType: "ehcp",
      reviews: [{ id: "r1", familyAgreement: [{ stance: "partly-agrees", by: parent, recordedOn: "2030-01-10" }] }],
      guaranteedProvision: [
        {
          id: "g1",
          familyAgreement: [{ stance: "agrees", by: { personType: "practitioner" }, recordedOn: "2030-01-10" }],
        },
      ],
    };
    expect(run("any.family-agreement", doc)).toEqual([
      ["any.family-agreement.given-by-family", "/guaranteedProvision/0/familyAgreement/0/by/personType"],
      ["any.family-agreement.reason-missing", "/reviews/0/familyAgreement/0"],
    ]);
  });
});

describe("package history", () => {
  const spp = (id: string) => ({ documentType: "spp", id, version: "1.0.0" });
  it("a superseded package kept as history beside the package the Tribunal ordered", () => {
    const doc = {
      documentType: "ehcp",
      status: "issued",
      packages: [
        { spp: spp("spp-a"), decidedOn: "2030-01-10", status: "superseded", endedOn: "2030-09-30" },
        { spp: spp("spp-b"), decidedOn: "2030-10-01", status: "current", basis: "tribunal-order", disputeId: "d1" },
      ],
      disputes: [{ id: "d1" }],
      guaranteedProvision: [{ id: "g1", sppId: "spp-b" }],
    };
    expect(run("ehcp.package-history", doc)).toEqual([]);
  });
  it("no end date, an order with no appeal, no current package, provision from a superseded one", () => {
    const doc = {
      documentType: "ehcp",
      status: "issued",
      packages: [
        { spp: spp("spp-a"), decidedOn: "2030-01-10", status: "superseded" },
        { spp: spp("spp-b"), decidedOn: "2030-10-01", status: "ended", endedOn: "2031-01-01", basis: "tribunal-order" },
      ],
      guaranteedProvision: [{ id: "g1", sppId: "spp-a" }],
    };
    expect(run("ehcp.package-history", doc)).toEqual([
      ["ehcp.package-history.ended-package-has-end-date", "/packages/0"],
      ["ehcp.package-history.order-names-dispute", "/packages/1/disputeId"],
      ["ehcp.package-history.active-plan-has-current-package", "/packages"],
      ["ehcp.package-history.provision-from-current-package", "/guaranteedProvision/0/sppId"],
    ]);
  });
});

describe("cessation by replacement and strength-based provision", () => {
  it("a plan replaced by a new EHCP names it", () => {
    const ceased = { reason: "replaced-by-new-ehcp", decidedOn: "2030-06-01" };
    expect(run("legacy-ehcp.cessation", { documentType: "legacy-ehcp", cessation: ceased })).toEqual([
      ["legacy-ehcp.cessation.replacement-named", "/cessation"],
    ]);
    const named = { ...ceased, replacedBy: { documentType: "ehcp", id: "4b0f7c52-3d1e-4a8b-9c6d-2e5f8a1b7c90" } };
    expect(run("ehcp.cessation", { documentType: "ehcp", cessation: named })).toEqual([]);
  });
  it("a maths group that builds on a strength needs no barrier; a dangling strength id is caught", () => {
    const doc = {
      documentType: "isp",
      strengths: [{ id: "s-maths" }],
      barriers: [],
      outcomes: [],
      provision: [
        { id: "p1", buildsOnStrengthIds: ["s-maths"] },
        { id: "p2", buildsOnStrengthIds: ["s-music"] },
        { id: "p3" },
      ],
    };
    expect(run("isp.golden-thread", doc)).toEqual([
      ["isp.golden-thread.provision-addresses-barrier", "/provision/2"],
      ["isp.golden-thread.dangling-reference", "/provision/1/buildsOnStrengthIds/0"],
    ]);
  });
});
