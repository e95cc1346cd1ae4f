// The ISP builders produce documents that pass validate() (schema and quality rules), link the golden thread, never
// change their inputs, and refuse invalid steps (by type where they can, by RangeError where only values tell).
import { describe, expect, it } from "vitest";
import { validate } from "../validate/index.ts";
import type { Child, IndividualSupportPlan, PersonRef, Setting } from "../../generated/types.ts";
import {
  addBarrierWithProvision,
  provisionIdOf,
  recordDelivery,
  recordReview,
  recordVoice,
  startIsp,
  type ProvisionInput,
} from "./index.ts";

const senco: PersonRef = { personType: "practitioner", role: "senco", displayName: "Hannah Lowther" };
const child: Child = {
  personId: "35755898-9dba-4e26-a83a-d163b7259b2b",
  identifiers: { upn: "G873301229014" },
  legalName: { given: "Idris", family: "Mensah-Clarke" },
  dateOfBirth: "2022-02-14",
};
const setting: Setting = {
  name: "Fenbrook Primary School and Nursery",
  urn: "152984",
  laestab: "8733012",
  laCode: "873",
  settingType: "mainstream-primary-school",
};

const provision: ProvisionInput = {
  title: "Small-group language intervention",
  description: "Structured small-group sessions building two- and three-word phrases with pictures and real objects.",
  provisionType: "intervention",
  legalBasis: "special-educational-provision",
  deliveredBy: { role: "teaching-assistant", expertise: "Trained in the programme; coached half-termly by the SENCO." },
  groupSize: 4,
  adultsPerGroup: 1,
  sessionLengthMinutes: 15,
  frequency: { count: 3, per: "week" },
  period: { start: "2029-10-13", end: "2030-07-17" },
  location: "small-group-room",
};

function planned(): {
  isp: IndividualSupportPlan;
  provisionId: ReturnType<typeof addBarrierWithProvision>["provisionId"];
} {
  const started = startIsp({
    child,
    owner: setting,
    layer: "targeted",
    startedOn: "2029-10-06",
    author: senco,
    now: new Date("2029-10-06T09:00:00Z"),
  });
  const { isp, provisionId } = addBarrierWithProvision(started, {
    barrier: {
      description: "Uses around 40 single words; cannot yet tell an adult what he needs at snack time.",
      areaOfDevelopment: "speech-language-communication",
      persistence: "not-yet-known",
    },
    provision,
    outcome: {
      description: "Idris will use three-word phrases to ask for things in play.",
      successCriteria: [
        {
          measure: "Different three-word phrases in a 20-minute observation",
          baseline: "0",
          target: "At least 5",
          byDate: "2030-04-01",
        },
      ],
    },
  });
  const withViews = recordVoice(
    recordVoice(isp, {
      authorRole: "child",
      captureMethod: "drawing-or-art",
      capturedOn: "2029-10-01",
      consentToShare: true,
      text: "Drew the train track and said 'train'.",
    }),
    {
      authorRole: "parent-carer",
      captureMethod: "meeting",
      capturedOn: "2029-10-02",
      consentToShare: true,
      text: "He is talking more at home since the summer.",
    },
  );
  return { isp: { ...withViews, status: "active" }, provisionId };
}

describe("ISP builders", () => {
  it("start → barrier with provision → views → review → delivery is a valid, rule-clean ISP", () => {
    const { isp, provisionId } = planned();
    const reviewed = recordReview(isp, {
      reviewType: "isp-review",
      heldOn: "2030-01-20",
      decision: "amend",
      nextReviewDue: "2030-04-27",
      whatWorked: "Sessions with real objects.",
    });
    const delivered = recordDelivery(reviewed, {
      provisionId,
      period: { start: "2029-11-10", end: "2029-11-14" },
      sessionsPlanned: 3,
      sessionsDelivered: 2,
      notDeliveredReason: "child-absence",
    });
    const result = validate(delivered);
    expect(result.errors).toEqual([]);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.valid).toBe(true);
    expect(delivered.deliveryRecords?.[0]?.status).toBe("partially-delivered");
    expect(delivered.reviews[0]?.cycleNumber).toBe(1);
  });

  it("startIsp alone is schema-valid (a draft with nothing planned yet)", () => {
    const isp = startIsp({ child, owner: setting, layer: "targeted", startedOn: "2029-10-06", author: senco });
    expect(validate(isp).errors).toEqual([]);
    expect(isp.status).toBe("draft");
    expect(isp.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("links barrier, provision and outcome both ways with fresh ids each time", () => {
    const { isp } = planned();
    const second = addBarrierWithProvision(isp, {
      barrier: {
        description: "Replaces k with t so unfamiliar adults understand about half.",
        areaOfDevelopment: "speech-language-communication",
        persistence: "not-yet-known",
      },
      provision: { ...provision, groupSize: 1 },
      outcome: {
        description: "Says k at the start of familiar words.",
        successCriteria: [{ measure: "Correct k in a 20-picture check", target: "15 of 20", byDate: "2030-07-10" }],
      },
    });
    expect([second.barrierId, second.provisionId, second.outcomeId]).toEqual(["barrier-2", "prov-2", "outcome-2"]);
    const prov = second.isp.provision.find((p) => p.id === second.provisionId)!;
    const out = second.isp.outcomes.find((o) => o.id === second.outcomeId)!;
    expect(prov.addressesBarrierIds).toEqual([second.barrierId]);
    expect(prov.servesOutcomeIds).toEqual([second.outcomeId]);
    expect(out.barrierIds).toEqual([second.barrierId]);
    expect(out.provisionIds).toEqual([second.provisionId]);
    expect(out.areaOfDevelopment).toBe("speech-language-communication");
    const ids = [
      ...second.isp.barriers,
      ...second.isp.provision,
      ...second.isp.outcomes,
      ...second.isp.outcomes.flatMap((o) => o.successCriteria),
    ].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("never changes its input", () => {
    const { isp, provisionId } = planned();
    const before = structuredClone(isp);
    recordReview(isp, {
      reviewType: "isp-review",
      heldOn: "2030-01-20",
      decision: "continue-unchanged",
      nextReviewDue: "2030-06-01",
    });
    recordDelivery(isp, {
      provisionId,
      period: { start: "2029-11-03", end: "2029-11-07" },
      sessionsPlanned: 3,
      sessionsDelivered: 3,
    });
    addBarrierWithProvision(isp, {
      barrier: isp.barriers[0]!,
      provision,
      outcome: { description: "x", successCriteria: [{ measure: "m", target: "t", byDate: "2030-01-01" }] },
    });
    expect(isp).toEqual(before);
  });

  it("keeps reviews oldest first", () => {
    const { isp } = planned();
    const a = recordReview(isp, {
      reviewType: "isp-review",
      heldOn: "2030-04-20",
      decision: "amend",
      nextReviewDue: "2030-07-01",
    });
    const b = recordReview(a, {
      reviewType: "isp-review",
      heldOn: "2030-01-20",
      decision: "amend",
      nextReviewDue: "2030-04-20",
      cycleNumber: 1,
    });
    expect(b.reviews.map((r) => r.heldOn)).toEqual(["2030-01-20", "2030-04-20"]);
  });

  const { isp: base, provisionId } = planned();
  it.each([
    [
      "a delivery of more sessions than planned",
      () =>
        recordDelivery(base, {
          provisionId,
          period: { start: "2029-11-03", end: "2029-11-07" },
          sessionsPlanned: 2,
          sessionsDelivered: 3,
        }),
    ],
    [
      "a shortfall without a reason",
      () =>
        recordDelivery(base, {
          provisionId,
          period: { start: "2029-11-03", end: "2029-11-07" },
          sessionsPlanned: 3,
          sessionsDelivered: 1,
        }),
    ],
    [
      "a period ending before it starts",
      () =>
        recordDelivery(base, {
          provisionId,
          period: { start: "2029-11-07", end: "2029-11-03" },
          sessionsPlanned: 3,
          sessionsDelivered: 3,
        }),
    ],
    ["a provision id not in the plan", () => provisionIdOf(base, "prov-99")],
    [
      "a next review more than 12 months away",
      () =>
        recordReview(base, {
          reviewType: "isp-review",
          heldOn: "2030-01-20",
          decision: "amend",
          nextReviewDue: "2031-02-01",
        }),
    ],
    [
      "a next review before the review",
      () =>
        recordReview(base, {
          reviewType: "isp-review",
          heldOn: "2030-01-20",
          decision: "amend",
          nextReviewDue: "2030-01-01",
        }),
    ],
    [
      "a start date that is not a date",
      () => startIsp({ child, owner: setting, layer: "targeted", startedOn: "06/10/2029", author: senco }),
    ],
  ])("refuses %s", (_what, act) => {
    expect(act).toThrow(RangeError);
  });

  it("makes invalid plans fail to compile", () => {
    // Each line below is a compile error (checked by tsc); at run time they only need to not be called.
    const never = () => {
      addBarrierWithProvision(base, {
        barrier: base.barriers[0]!,
        // @ts-expect-error provision must say how often
        provision: { ...provision, frequency: undefined },
        outcome: { description: "x", successCriteria: [{ measure: "m", target: "t", byDate: "2030-01-01" }] },
      });
      addBarrierWithProvision(base, {
        barrier: base.barriers[0]!,
        provision,
        // @ts-expect-error an outcome needs at least one success criterion
        outcome: { description: "x", successCriteria: [] },
      });
      recordDelivery(base, {
        // @ts-expect-error a plain string is not a ProvisionId
        provisionId: "prov-1",
        period: { start: "2029-11-03", end: "2029-11-07" },
        sessionsPlanned: 1,
        sessionsDelivered: 1,
      });
      // @ts-expect-error a review that keeps the plan open must say when the next one is
      recordReview(base, { reviewType: "isp-review", heldOn: "2030-01-20", decision: "amend" });
    };
    expect(typeof never).toBe("function");
  });
});
