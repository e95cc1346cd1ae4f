// Every code list and crosswalk, loaded with static JSON imports so bundlers (and browsers) get them without a
// file system. A test checks this index against the files in schemas/vocab/: add a line here when adding a list.
import type { CodeList, Crosswalk } from "./types.ts";
import accessPurposes from "../../../schemas/vocab/access-purposes.json" with { type: "json" };
import actionLogDirections from "../../../schemas/vocab/action-log-directions.json" with { type: "json" };
import adaptationTypes from "../../../schemas/vocab/adaptation-types.json" with { type: "json" };
import apSupportTiers from "../../../schemas/vocab/ap-support-tiers.json" with { type: "json" };
import appealableDecisions from "../../../schemas/vocab/appealable-decisions.json" with { type: "json" };
import areaSubComponents from "../../../schemas/vocab/area-sub-components.json" with { type: "json" };
import areasOfDevelopment from "../../../schemas/vocab/areas-of-development.json" with { type: "json" };
import assessmentDecisions from "../../../schemas/vocab/assessment-decisions.json" with { type: "json" };
import assessmentRoutes from "../../../schemas/vocab/assessment-routes.json" with { type: "json" };
import barrierPersistence from "../../../schemas/vocab/barrier-persistence.json" with { type: "json" };
import broadAreasOfNeed from "../../../schemas/vocab/broad-areas-of-need.json" with { type: "json" };
import budgetArrangementTypes from "../../../schemas/vocab/budget-arrangement-types.json" with { type: "json" };
import bundleDocumentTypes from "../../../schemas/vocab/bundle-document-types.json" with { type: "json" };
import bundleStatuses from "../../../schemas/vocab/bundle-statuses.json" with { type: "json" };
import censusSenProvision from "../../../schemas/vocab/census-sen-provision.json" with { type: "json" };
import censusSenTypes from "../../../schemas/vocab/census-sen-types.json" with { type: "json" };
import communicationMethods from "../../../schemas/vocab/communication-methods.json" with { type: "json" };
import contactMethods from "../../../schemas/vocab/contact-methods.json" with { type: "json" };
import contactRelationships from "../../../schemas/vocab/contact-relationships.json" with { type: "json" };
import contributingFactorTypes from "../../../schemas/vocab/contributing-factor-types.json" with { type: "json" };
import deliveryLocations from "../../../schemas/vocab/delivery-locations.json" with { type: "json" };
import deliveryStatuses from "../../../schemas/vocab/delivery-statuses.json" with { type: "json" };
import disputeOutcomes from "../../../schemas/vocab/dispute-outcomes.json" with { type: "json" };
import documentFormats from "../../../schemas/vocab/document-formats.json" with { type: "json" };
import documentTypes from "../../../schemas/vocab/document-types.json" with { type: "json" };
import ehcpCessationReasons from "../../../schemas/vocab/ehcp-cessation-reasons.json" with { type: "json" };
import ehcpStatuses from "../../../schemas/vocab/ehcp-statuses.json" with { type: "json" };
import evidenceKinds from "../../../schemas/vocab/evidence-kinds.json" with { type: "json" };
import frequencyUnits from "../../../schemas/vocab/frequency-units.json" with { type: "json" };
import fundingRoutes from "../../../schemas/vocab/funding-routes.json" with { type: "json" };
import inclusionBaseCommissionerTypes from "../../../schemas/vocab/inclusion-base-commissioner-types.json" with {
  type: "json",
};
import inclusionBaseModels from "../../../schemas/vocab/inclusion-base-models.json" with { type: "json" };
import ispClosureReasons from "../../../schemas/vocab/isp-closure-reasons.json" with { type: "json" };
import ispStatuses from "../../../schemas/vocab/isp-statuses.json" with { type: "json" };
import jwsTypes from "../../../schemas/vocab/jws-types.json" with { type: "json" };
import laCodes from "../../../schemas/vocab/la-codes.json" with { type: "json" };
import languageUsePlaces from "../../../schemas/vocab/language-use-places.json" with { type: "json" };
import layersOfSupport from "../../../schemas/vocab/layers-of-support.json" with { type: "json" };
import legacyClassificationSources from "../../../schemas/vocab/legacy-classification-sources.json" with {
  type: "json",
};
import legacyMigrationStates from "../../../schemas/vocab/legacy-migration-states.json" with { type: "json" };
import legalBases from "../../../schemas/vocab/legal-bases.json" with { type: "json" };
import notDeliveredReasons from "../../../schemas/vocab/not-delivered-reasons.json" with { type: "json" };
import observationKinds from "../../../schemas/vocab/observation-kinds.json" with { type: "json" };
import organisationTypes from "../../../schemas/vocab/organisation-types.json" with { type: "json" };
import outcomeStatuses from "../../../schemas/vocab/outcome-statuses.json" with { type: "json" };
import personTypes from "../../../schemas/vocab/person-types.json" with { type: "json" };
import phasesOfEducation from "../../../schemas/vocab/phases-of-education.json" with { type: "json" };
import practitionerRoles from "../../../schemas/vocab/practitioner-roles.json" with { type: "json" };
import preferenceRefusalGrounds from "../../../schemas/vocab/preference-refusal-grounds.json" with { type: "json" };
import provisionTypes from "../../../schemas/vocab/provision-types.json" with { type: "json" };
import receiptDecisions from "../../../schemas/vocab/receipt-decisions.json" with { type: "json" };
import receiptReasons from "../../../schemas/vocab/receipt-reasons.json" with { type: "json" };
import integrationOutcomes from "../../../schemas/vocab/integration-outcomes.json" with { type: "json" };
import notIntegratedReasons from "../../../schemas/vocab/not-integrated-reasons.json" with { type: "json" };
import requestDecisions from "../../../schemas/vocab/request-decisions.json" with { type: "json" };
import reviewDecisions from "../../../schemas/vocab/review-decisions.json" with { type: "json" };
import reviewScheduleBases from "../../../schemas/vocab/review-schedule-bases.json" with { type: "json" };
import reviewTypes from "../../../schemas/vocab/review-types.json" with { type: "json" };
import sen2SettingCodes from "../../../schemas/vocab/sen2-setting-codes.json" with { type: "json" };
import settingTypes from "../../../schemas/vocab/setting-types.json" with { type: "json" };
import sharingLabels from "../../../schemas/vocab/sharing-labels.json" with { type: "json" };
import socialCareStatutoryBases from "../../../schemas/vocab/social-care-statutory-bases.json" with { type: "json" };
import sppStatuses from "../../../schemas/vocab/spp-statuses.json" with { type: "json" };
import trajectories from "../../../schemas/vocab/trajectories.json" with { type: "json" };
import transferReasons from "../../../schemas/vocab/transfer-reasons.json" with { type: "json" };
import transitionAssessmentOutcomes from "../../../schemas/vocab/transition-assessment-outcomes.json" with {
  type: "json",
};
import voiceCaptureMethods from "../../../schemas/vocab/voice-capture-methods.json" with { type: "json" };
import voiceRoles from "../../../schemas/vocab/voice-roles.json" with { type: "json" };
import agreementStances from "../../../schemas/vocab/agreement-stances.json" with { type: "json" };
import baseSpecialisms from "../../../schemas/vocab/base-specialisms.json" with { type: "json" };
import curriculumSubjects from "../../../schemas/vocab/curriculum-subjects.json" with { type: "json" };
import developmentalChecks from "../../../schemas/vocab/developmental-checks.json" with { type: "json" };
import evidenceResultBands from "../../../schemas/vocab/evidence-result-bands.json" with { type: "json" };
import externalSupportServices from "../../../schemas/vocab/external-support-services.json" with { type: "json" };
import formerBaseModels from "../../../schemas/vocab/former-base-models.json" with { type: "json" };
import ncYearGroups from "../../../schemas/vocab/nc-year-groups.json" with { type: "json" };
import packageAssignmentBases from "../../../schemas/vocab/package-assignment-bases.json" with { type: "json" };
import packageAssignmentStatuses from "../../../schemas/vocab/package-assignment-statuses.json" with { type: "json" };
import schoolDaySlots from "../../../schemas/vocab/school-day-slots.json" with { type: "json" };
import weekdays from "../../../schemas/vocab/weekdays.json" with { type: "json" };
import adjustmentTypes from "../../../schemas/vocab/adjustment-types.json" with { type: "json" };
import transitionActivityTypes from "../../../schemas/vocab/transition-activity-types.json" with { type: "json" };
import trustListEntryTypes from "../../../schemas/vocab/trust-list-entry-types.json" with { type: "json" };
import trustListEntryStatuses from "../../../schemas/vocab/trust-list-entry-statuses.json" with { type: "json" };
import keyRevocationReasons from "../../../schemas/vocab/key-revocation-reasons.json" with { type: "json" };
import broadAreasOfNeedToAreasOfDevelopment from "../../../schemas/vocab/crosswalks/broad-areas-of-need-to-areas-of-development.json" with {
  type: "json",
};
import censusSenTypesToAreasOfDevelopment from "../../../schemas/vocab/crosswalks/census-sen-types-to-areas-of-development.json" with {
  type: "json",
};

// The JSON's inferred types are wider than the file schemas (string, not a status union); the files are checked
// against vocab.schema.json and crosswalk.schema.json by vocab-files.test.ts, so the casts are safe.
export const CODE_LISTS: readonly CodeList[] = [
  actionLogDirections,
  adaptationTypes,
  apSupportTiers,
  appealableDecisions,
  areaSubComponents,
  areasOfDevelopment,
  assessmentDecisions,
  assessmentRoutes,
  barrierPersistence,
  broadAreasOfNeed,
  budgetArrangementTypes,
  bundleDocumentTypes,
  bundleStatuses,
  censusSenProvision,
  censusSenTypes,
  communicationMethods,
  contactMethods,
  contactRelationships,
  contributingFactorTypes,
  deliveryLocations,
  deliveryStatuses,
  disputeOutcomes,
  documentFormats,
  documentTypes,
  ehcpCessationReasons,
  ehcpStatuses,
  evidenceKinds,
  frequencyUnits,
  fundingRoutes,
  inclusionBaseCommissionerTypes,
  inclusionBaseModels,
  ispClosureReasons,
  ispStatuses,
  jwsTypes,
  laCodes,
  languageUsePlaces,
  layersOfSupport,
  legacyClassificationSources,
  legacyMigrationStates,
  legalBases,
  notDeliveredReasons,
  observationKinds,
  organisationTypes,
  outcomeStatuses,
  personTypes,
  phasesOfEducation,
  practitionerRoles,
  preferenceRefusalGrounds,
  provisionTypes,
  receiptDecisions,
  receiptReasons,
  integrationOutcomes,
  notIntegratedReasons,
  requestDecisions,
  reviewDecisions,
  reviewScheduleBases,
  reviewTypes,
  sen2SettingCodes,
  settingTypes,
  sharingLabels,
  socialCareStatutoryBases,
  sppStatuses,
  trajectories,
  transferReasons,
  transitionAssessmentOutcomes,
  voiceCaptureMethods,
  voiceRoles,
  agreementStances,
  baseSpecialisms,
  curriculumSubjects,
  developmentalChecks,
  evidenceResultBands,
  externalSupportServices,
  formerBaseModels,
  ncYearGroups,
  packageAssignmentBases,
  packageAssignmentStatuses,
  schoolDaySlots,
  weekdays,
  adjustmentTypes,
  transitionActivityTypes,
  trustListEntryTypes,
  trustListEntryStatuses,
  keyRevocationReasons,
  accessPurposes,
] as unknown as readonly CodeList[];

export const CROSSWALKS: readonly Crosswalk[] = [
  broadAreasOfNeedToAreasOfDevelopment,
  censusSenTypesToAreasOfDevelopment,
] as unknown as readonly Crosswalk[];
