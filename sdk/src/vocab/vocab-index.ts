// Every code list and crosswalk, loaded with static JSON imports so bundlers (and browsers) get them without a
// file system. A test checks this index against the files in schemas/vocab/: add a line here when adding a list.
import type { CodeList, Crosswalk } from "./types.ts";
import apSupportTiers from "../../../schemas/vocab/ap-support-tiers.json" with { type: "json" };
import appealableDecisions from "../../../schemas/vocab/appealable-decisions.json" with { type: "json" };
import areaSubComponents from "../../../schemas/vocab/area-sub-components.json" with { type: "json" };
import areasOfDevelopment from "../../../schemas/vocab/areas-of-development.json" with { type: "json" };
import assessmentRoutes from "../../../schemas/vocab/assessment-routes.json" with { type: "json" };
import barrierPersistence from "../../../schemas/vocab/barrier-persistence.json" with { type: "json" };
import broadAreasOfNeed from "../../../schemas/vocab/broad-areas-of-need.json" with { type: "json" };
import censusSenProvision from "../../../schemas/vocab/census-sen-provision.json" with { type: "json" };
import censusSenTypes from "../../../schemas/vocab/census-sen-types.json" with { type: "json" };
import deliveryLocations from "../../../schemas/vocab/delivery-locations.json" with { type: "json" };
import ehcpCessationReasons from "../../../schemas/vocab/ehcp-cessation-reasons.json" with { type: "json" };
import ehcpStatuses from "../../../schemas/vocab/ehcp-statuses.json" with { type: "json" };
import frequencyUnits from "../../../schemas/vocab/frequency-units.json" with { type: "json" };
import fundingRoutes from "../../../schemas/vocab/funding-routes.json" with { type: "json" };
import inclusionBaseModels from "../../../schemas/vocab/inclusion-base-models.json" with { type: "json" };
import ispClosureReasons from "../../../schemas/vocab/isp-closure-reasons.json" with { type: "json" };
import ispStatuses from "../../../schemas/vocab/isp-statuses.json" with { type: "json" };
import laCodes from "../../../schemas/vocab/la-codes.json" with { type: "json" };
import layersOfSupport from "../../../schemas/vocab/layers-of-support.json" with { type: "json" };
import legacyMigrationStates from "../../../schemas/vocab/legacy-migration-states.json" with { type: "json" };
import legalBases from "../../../schemas/vocab/legal-bases.json" with { type: "json" };
import phasesOfEducation from "../../../schemas/vocab/phases-of-education.json" with { type: "json" };
import practitionerRoles from "../../../schemas/vocab/practitioner-roles.json" with { type: "json" };
import provisionTypes from "../../../schemas/vocab/provision-types.json" with { type: "json" };
import reviewDecisions from "../../../schemas/vocab/review-decisions.json" with { type: "json" };
import reviewTypes from "../../../schemas/vocab/review-types.json" with { type: "json" };
import settingTypes from "../../../schemas/vocab/setting-types.json" with { type: "json" };
import sharingLabels from "../../../schemas/vocab/sharing-labels.json" with { type: "json" };
import sppStatuses from "../../../schemas/vocab/spp-statuses.json" with { type: "json" };
import trajectories from "../../../schemas/vocab/trajectories.json" with { type: "json" };
import transferReasons from "../../../schemas/vocab/transfer-reasons.json" with { type: "json" };
import voiceCaptureMethods from "../../../schemas/vocab/voice-capture-methods.json" with { type: "json" };
import voiceRoles from "../../../schemas/vocab/voice-roles.json" with { type: "json" };
import broadAreasOfNeedToAreasOfDevelopment from "../../../schemas/vocab/crosswalks/broad-areas-of-need-to-areas-of-development.json" with {
  type: "json",
};
import censusSenTypesToAreasOfDevelopment from "../../../schemas/vocab/crosswalks/census-sen-types-to-areas-of-development.json" with {
  type: "json",
};

// The JSON's inferred types are wider than the file schemas (string, not a status union); the files are checked
// against vocab.schema.json and crosswalk.schema.json by vocab-files.test.ts, so the casts are safe.
export const CODE_LISTS: readonly CodeList[] = [
  apSupportTiers,
  appealableDecisions,
  areaSubComponents,
  areasOfDevelopment,
  assessmentRoutes,
  barrierPersistence,
  broadAreasOfNeed,
  censusSenProvision,
  censusSenTypes,
  deliveryLocations,
  ehcpCessationReasons,
  ehcpStatuses,
  frequencyUnits,
  fundingRoutes,
  inclusionBaseModels,
  ispClosureReasons,
  ispStatuses,
  laCodes,
  layersOfSupport,
  legacyMigrationStates,
  legalBases,
  phasesOfEducation,
  practitionerRoles,
  provisionTypes,
  reviewDecisions,
  reviewTypes,
  settingTypes,
  sharingLabels,
  sppStatuses,
  trajectories,
  transferReasons,
  voiceCaptureMethods,
  voiceRoles,
] as unknown as readonly CodeList[];

export const CROSSWALKS: readonly Crosswalk[] = [
  broadAreasOfNeedToAreasOfDevelopment,
  censusSenTypesToAreasOfDevelopment,
] as unknown as readonly Crosswalk[];
