// Builders for common documents: immutable, schema-valid, golden-thread linked.
export {
  startIsp,
  addBarrierWithProvision,
  recordVoice,
  recordReview,
  recordDelivery,
  provisionIdOf,
  SDK_SYSTEM,
  type StartIspInput,
  type BarrierInput,
  type ProvisionInput,
  type OutcomeInput,
  type SuccessCriterionInput,
  type BarrierWithProvision,
  type VoiceInput,
  type ReviewInput,
  type DeliveryInput,
} from "./isp-builders.ts";
export {
  nextLocalId,
  type BarrierId,
  type ProvisionId,
  type OutcomeId,
  type ReviewId,
  type KindedId,
} from "./local-ids.ts";
