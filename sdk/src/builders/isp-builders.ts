// Builders for the common ISP steps: start a plan for a child, add a barrier with the provision that addresses it
// and the outcome it serves (linked both ways, so the golden thread holds), record the child's and family's views,
// a review and a delivery. Pure and immutable: each returns a new document and never changes its input. Required
// inputs are what the schema and the error-severity quality rules demand, so the compiler refuses most invalid plans
// and the rest (date order, session counts) throw RangeError at the call.
import type {
  Barrier,
  Child,
  DeliveryRecord,
  IndividualSupportPlan,
  LayerOfSupport,
  Outcome,
  PersonRef,
  ProvisionItem,
  Review,
  Setting,
  SuccessCriterion,
  SystemInfo,
  VoiceStatement,
} from "../../generated/types.ts";
import {
  asKindedId,
  idsIn,
  nextLocalId,
  type BarrierId,
  type OutcomeId,
  type ProvisionId,
  type ReviewId,
} from "./local-ids.ts";

/** The system recorded in provenance when the caller names none. */
export const SDK_SYSTEM: SystemInfo = { name: "send-interchange SDK", version: "0.1.0" };

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function requireDate(name: string, value: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(value)))
    throw new RangeError(`${name} must be a date (YYYY-MM-DD), got "${value}"`);
  return value;
}

export interface StartIspInput {
  child: Child;
  owner: Setting;
  /** The layer of support the plan starts at. */
  layer: LayerOfSupport;
  /** First day of that layer (YYYY-MM-DD). */
  startedOn: string;
  /** Who writes the plan (usually the SENCO). */
  author: PersonRef;
  /** Why the child is at this layer, in plain English. */
  reason?: string;
  /** Your product, recorded in provenance (default: the SDK). */
  system?: SystemInfo;
  /** The plan's id (default: a random UUID). */
  id?: string;
  /** Creation instant (default: now). */
  now?: Date;
}

/** A new draft ISP with one open layer-of-support period and nothing else yet. */
export function startIsp(input: StartIspInput): IndividualSupportPlan {
  requireDate("startedOn", input.startedOn);
  return {
    documentType: "isp",
    schemaVersion: "1.0",
    id: input.id ?? globalThis.crypto.randomUUID(),
    provenance: {
      createdBy: structuredClone(input.author),
      createdAt: (input.now ?? new Date()).toISOString(),
      system: structuredClone(input.system ?? SDK_SYSTEM),
      changeReason: "ISP started",
    },
    status: "draft",
    child: structuredClone(input.child),
    owner: structuredClone(input.owner),
    layersOfSupport: [
      {
        id: "layer-1",
        layer: input.layer,
        period: { start: input.startedOn },
        ...(input.reason ? { reason: input.reason } : {}),
        decidedBy: structuredClone(input.author),
      },
    ],
    barriers: [],
    provision: [],
    reasonableAdjustments: [],
    outcomes: [],
    reviews: [],
  };
}

type NonEmpty<T> = readonly [T, ...T[]];

export type BarrierInput = Omit<Barrier, "id">;

/**
 * Provision specified and quantified (D:356-360): who, how often, how long, for how many, over what period. These
 * are optional in the schema but errors under the provision-specificity rules, so they are required here.
 */
export type ProvisionInput = Omit<
  ProvisionItem,
  "id" | "addressesBarrierIds" | "servesOutcomeIds" | "frequency" | "sessionLengthMinutes" | "groupSize" | "period"
> &
  Required<Pick<ProvisionItem, "frequency" | "sessionLengthMinutes" | "groupSize" | "period">>;

export type SuccessCriterionInput = Omit<SuccessCriterion, "id">;

/** An outcome with at least one measurable success criterion. */
export type OutcomeInput = Omit<Outcome, "id" | "barrierIds" | "provisionIds" | "successCriteria"> & {
  successCriteria: NonEmpty<SuccessCriterionInput>;
};

export interface BarrierWithProvision {
  isp: IndividualSupportPlan;
  barrierId: BarrierId;
  provisionId: ProvisionId;
  outcomeId: OutcomeId;
}

/** Adds a barrier, the provision that addresses it and the outcome it serves, each linked to the other two. */
export function addBarrierWithProvision(
  isp: IndividualSupportPlan,
  input: { barrier: BarrierInput; provision: ProvisionInput; outcome: OutcomeInput },
): BarrierWithProvision {
  const used = idsIn(isp);
  const barrierId = nextLocalId(used, "barrier") as BarrierId;
  const provisionId = nextLocalId(used, "prov") as ProvisionId;
  const outcomeId = nextLocalId(used, "outcome") as OutcomeId;
  const criteria: SuccessCriterion[] = [];
  for (const c of input.outcome.successCriteria) {
    requireDate("successCriteria.byDate", c.byDate);
    const id = nextLocalId(used, `sc-${outcomeId}`);
    used.add(id);
    criteria.push({ id, ...structuredClone(c) });
  }
  const area = input.barrier.areaOfDevelopment;
  const barrier: Barrier = { id: barrierId, ...structuredClone(input.barrier) };
  const provision: ProvisionItem = {
    id: provisionId,
    ...structuredClone(input.provision),
    areasOfDevelopment: input.provision.areasOfDevelopment ?? [area],
    addressesBarrierIds: [barrierId],
    servesOutcomeIds: [outcomeId],
  };
  const { successCriteria: _criteria, ...outcomeRest } = input.outcome;
  const outcome: Outcome = {
    id: outcomeId,
    ...structuredClone(outcomeRest),
    areaOfDevelopment: input.outcome.areaOfDevelopment ?? area,
    barrierIds: [barrierId],
    provisionIds: [provisionId],
    successCriteria: criteria,
    status: input.outcome.status ?? "active",
  };
  return {
    isp: {
      ...structuredClone(isp),
      barriers: [...structuredClone(isp.barriers), barrier],
      provision: [...structuredClone(isp.provision), provision],
      outcomes: [...structuredClone(isp.outcomes), outcome],
    },
    barrierId,
    provisionId,
    outcomeId,
  };
}

export type VoiceInput = Omit<VoiceStatement, "id">;

/** Records views of the child, young person, parent or carer (the plan is developed with them, D:196, D:683). */
export function recordVoice(isp: IndividualSupportPlan, statement: VoiceInput): IndividualSupportPlan {
  requireDate("capturedOn", statement.capturedOn);
  const id = nextLocalId(idsIn(isp), "voice");
  return {
    ...structuredClone(isp),
    voice: [...structuredClone(isp.voice ?? []), { id, ...structuredClone(statement) }],
  };
}

/** A review; `nextReviewDue` is required (at most 12 months after it was held) unless the review closes the plan. */
export type ReviewInput = Omit<Review, "id" | "nextReviewDue" | "decision"> &
  (
    | { decision: Exclude<Review["decision"], "close-plan">; nextReviewDue: string }
    | { decision: "close-plan"; nextReviewDue?: undefined }
  );

/** Records a review, keeping reviews oldest first and numbering the assess-plan-do-review cycle when not given. */
export function recordReview(isp: IndividualSupportPlan, review: ReviewInput): IndividualSupportPlan {
  requireDate("heldOn", review.heldOn);
  if (review.nextReviewDue !== undefined) {
    requireDate("nextReviewDue", review.nextReviewDue);
    const limit = new Date(`${review.heldOn}T00:00:00Z`);
    limit.setUTCFullYear(limit.getUTCFullYear() + 1);
    if (review.nextReviewDue <= review.heldOn) throw new RangeError("nextReviewDue must be after heldOn");
    if (review.nextReviewDue > limit.toISOString().slice(0, 10))
      throw new RangeError("the next review must be due within 12 months of this one");
  }
  const id = nextLocalId(idsIn(isp), "review") as ReviewId;
  const entry: Review = {
    id,
    ...structuredClone(review),
    cycleNumber: review.cycleNumber ?? isp.reviews.length + 1,
  } as Review;
  const reviews = [...structuredClone(isp.reviews), entry].sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  return { ...structuredClone(isp), reviews };
}

export interface DeliveryInput {
  /** The provision delivered; an id from addBarrierWithProvision, or checked with provisionIdOf(). */
  provisionId: ProvisionId;
  period: { start: string; end: string };
  sessionsPlanned: number;
  sessionsDelivered: number;
  /** Required when fewer sessions were delivered than planned. */
  notDeliveredReason?: DeliveryRecord["notDeliveredReason"];
  note?: string;
  recordedBy?: PersonRef;
}

/** Records what was delivered of one provision item in one period; the status follows from the session counts. */
export function recordDelivery(isp: IndividualSupportPlan, delivery: DeliveryInput): IndividualSupportPlan {
  asKindedId(isp.provision, delivery.provisionId, "provision");
  requireDate("period.start", delivery.period.start);
  requireDate("period.end", delivery.period.end);
  if (delivery.period.end < delivery.period.start) throw new RangeError("period.end is before period.start");
  const { sessionsPlanned: planned, sessionsDelivered: done } = delivery;
  if (!Number.isInteger(planned) || !Number.isInteger(done) || planned < 0 || done < 0)
    throw new RangeError("session counts are whole numbers from 0");
  if (done > planned) throw new RangeError("more sessions delivered than planned: plan them first");
  if (done < planned && !delivery.notDeliveredReason)
    throw new RangeError("say why sessions were not delivered (notDeliveredReason)");
  const status: DeliveryRecord["status"] =
    done === planned ? "delivered" : done === 0 ? "not-delivered" : "partially-delivered";
  const record: DeliveryRecord = {
    id: nextLocalId(idsIn(isp), "delivery"),
    provisionId: delivery.provisionId,
    period: { ...delivery.period },
    sessionsPlanned: planned,
    sessionsDelivered: done,
    status,
    ...(done < planned && delivery.notDeliveredReason ? { notDeliveredReason: delivery.notDeliveredReason } : {}),
    ...(delivery.note ? { note: delivery.note } : {}),
    ...(delivery.recordedBy ? { recordedBy: structuredClone(delivery.recordedBy) } : {}),
  };
  return { ...structuredClone(isp), deliveryRecords: [...structuredClone(isp.deliveryRecords ?? []), record] };
}

/** Checks that `id` names a provision item of `isp` and returns it as a ProvisionId (for plans read from elsewhere). */
export function provisionIdOf(isp: IndividualSupportPlan, id: string): ProvisionId {
  return asKindedId(isp.provision, id, "provision");
}
