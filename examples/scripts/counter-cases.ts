// The counter-example cases: each is a worked example with ONE deliberate fault (a JSON Patch) and the exact
// (ruleId, pointer) pairs validate() must report for it (errors plus error/warning findings).
import type { PatchOp } from "./json-patch.ts";

export interface CounterCase {
  name: string;
  description: string;
  requirement: string;
  base: string;
  patch: PatchOp[];
  expected: Array<{ ruleId: string; pointer: string }>;
}

const Y4 = "worked/isp-year4-targeted.json";
const NURSERY = "worked/isp-nursery-targeted-slc.json";
const Y10 = "worked/isp-year10-targeted-plus-support-base.json";
const Y11 = "worked/isp-year11-post16-transition.json";
const Y8 = "worked/isp-year8-specialist-base.json";
const AP = "worked/isp-ap-time-limited-reintegration.json";
const EHCP = "worked/ehcp-specialist-base.json";
const U5 = "worked/ehcp-under5-fast-track.json";
const LEG6 = "worked/legacy-ehcp-year6-transition-2029.json";
const LEGSS = "worked/legacy-ehcp-special-school-protected.json";
const SPP = "worked/spp-illustrative-communication-interaction.json";
const PROFILE = "worked/development-profile-year6-legacy-classification.json";
const BUNDLE = "worked/transfer-bundle-y6-y7.json";
const RECEIPT = "worked/transfer-receipt-y6-y7.json";

const e = (ruleId: string, pointer: string) => ({ ruleId, pointer });

export const counterCases: CounterCase[] = [
  // ---- schema: structure -------------------------------------------------------------------------------------
  {
    name: "isp-missing-child",
    description: "An ISP without the child it is about",
    requirement: "schema.required; D:17 (a record of a child's barriers)",
    base: Y4,
    patch: [{ op: "remove", path: "/child" }],
    expected: [e("schema.required", "/child")],
  },
  {
    name: "isp-missing-barriers",
    description: "An ISP without a barriers list",
    requirement: "schema.required; D:366 (ISP must include identified barriers to learning)",
    base: NURSERY,
    patch: [{ op: "remove", path: "/barriers" }],
    expected: [e("schema.required", "/barriers")],
  },
  {
    name: "unknown-document-type",
    description: "A documentType that is not one of the standard's types",
    requirement: "schema.document-type (const documentType); CONTRIBUTING.md §2",
    base: Y4,
    patch: [{ op: "replace", path: "/documentType", value: "individual-support-plan" }],
    expected: [e("schema.document-type", "")],
  },
  {
    name: "unsupported-schema-version",
    description: "A schemaVersion this release does not support",
    requirement: "schema.schema-version (const schemaVersion 1.0); manifest.json schemaVersions",
    base: Y4,
    patch: [{ op: "replace", path: "/schemaVersion", value: "2.0" }],
    expected: [e("schema.schema-version", "/schemaVersion")],
  },
  {
    name: "additional-property-root",
    description: "A vendor field added at the root instead of under extensions",
    requirement: "schema.additionalProperties; CONTRIBUTING.md §2 (closed core objects)",
    base: Y4,
    patch: [{ op: "add", path: "/mySchoolNotes", value: "see paper file" }],
    expected: [e("schema.additionalProperties", "/mySchoolNotes")],
  },
  {
    name: "additional-property-nested",
    description: "An unknown field inside a barrier",
    requirement: "schema.additionalProperties; CONTRIBUTING.md §2 (closed core objects)",
    base: Y4,
    patch: [{ op: "add", path: "/barriers/0/severity", value: "high" }],
    expected: [e("schema.additionalProperties", "/barriers/0/severity")],
  },
  {
    name: "extension-key-not-namespaced",
    description: "An extension keyed by a bare name instead of a reverse-DNS namespace",
    requirement: "schema.additionalProperties (Extensions patternProperties); manifest.json extensionPolicy",
    base: Y4,
    patch: [{ op: "add", path: "/extensions", value: { vendor: { colour: "blue" } } }],
    expected: [e("schema.additionalProperties", "/extensions/vendor")],
  },
  {
    name: "layer-history-empty",
    description: "An ISP whose layer-of-support history is empty",
    requirement: "schema.minItems; D:363 (ISPs tailored to the layers of support)",
    base: Y4,
    patch: [{ op: "replace", path: "/layersOfSupport", value: [] }],
    expected: [e("schema.minItems", "/layersOfSupport")],
  },
  {
    name: "ehcp-no-package",
    description: "An EHCP that assigns no Specialist Provision Package",
    requirement: "schema.minItems; D:504 (only those who need an SPP need an EHCP)",
    base: EHCP,
    patch: [{ op: "replace", path: "/packages", value: [] }],
    expected: [e("schema.minItems", "/packages")],
  },
  {
    name: "provision-without-deliverer",
    description: "A provision item that does not say who delivers it",
    requirement: "schema.required; D:260 (provision names the professional)",
    base: NURSERY,
    patch: [{ op: "remove", path: "/provision/0/deliveredBy" }],
    expected: [e("schema.required", "/provision/0/deliveredBy")],
  },
  {
    name: "spp-not-labelled-illustrative",
    description: "An SPP that does not say whether it is illustrative",
    requirement: "schema.required; D:467 (packages are defined nationally; examples must be labelled)",
    base: SPP,
    patch: [{ op: "remove", path: "/illustrative" }],
    expected: [e("schema.required", "/illustrative")],
  },
  {
    name: "legacy-ehcp-no-migration",
    description: "A legacy EHCP without its migration state",
    requirement: "schema.required; D:537 (legacy plans move to the new system by cohort)",
    base: LEG6,
    patch: [{ op: "remove", path: "/migration" }],
    expected: [e("schema.required", "/migration")],
  },
  {
    name: "legacy-ehcp-no-section-f",
    description: "A legacy EHCP without section F (special educational provision)",
    requirement: "schema.required; SEND Regulations 2014 reg. 12 (sections A-K)",
    base: LEGSS,
    patch: [{ op: "remove", path: "/sectionF" }],
    expected: [e("schema.required", "/sectionF")],
  },
  // ---- schema: codes and values --------------------------------------------------------------------------------
  {
    name: "bad-area-of-development",
    description: "A barrier tagged with a 2015 broad area of need instead of an area of development",
    requirement: "schema.enum (AreaOfDevelopment); D:273-282",
    base: Y4,
    patch: [{ op: "replace", path: "/barriers/0/areaOfDevelopment", value: "cognition-and-learning" }],
    expected: [e("schema.enum", "/barriers/0/areaOfDevelopment")],
  },
  {
    name: "bad-voice-role",
    description: "A voice statement with an author role that is not in the voice-roles list",
    requirement: "schema.enum (VoiceRole); D:94 (the voice of the child)",
    base: Y4,
    patch: [{ op: "replace", path: "/voice/0/authorRole", value: "pupil" }],
    expected: [e("schema.enum", "/voice/0/authorRole")],
  },
  {
    name: "bad-observation-kind",
    description: "A profile observation whose kind is neither strength nor barrier",
    requirement: "schema.enum; D:1008 (areas used to identify where help is needed)",
    base: PROFILE,
    patch: [{ op: "replace", path: "/areas/0/observations/0/kind", value: "need" }],
    expected: [e("schema.enum", "/areas/0/observations/0/kind")],
  },
  {
    name: "bad-receipt-decision",
    description: "A receipt whose decision is neither accepted nor rejected",
    requirement: "schema.enum; transfer-receipt.schema.json decision",
    base: RECEIPT,
    patch: [{ op: "replace", path: "/decision", value: "maybe" }],
    expected: [e("schema.enum", "/decision")],
  },
  {
    name: "percentage-out-of-range",
    description: "A planned mainstream percentage above 100",
    requirement: "schema.maximum; D:253 (Inclusion Base access with mainstream time)",
    base: Y10,
    patch: [{ op: "replace", path: "/inclusionBaseAccess/0/plannedMainstreamPercent", value: 120 }],
    expected: [e("schema.maximum", "/inclusionBaseAccess/0/plannedMainstreamPercent")],
  },
  {
    name: "negative-session-minutes",
    description: "A provision item with a negative session length",
    requirement: "schema.minimum; D:260 (provision quantified)",
    base: NURSERY,
    patch: [{ op: "replace", path: "/provision/0/sessionLengthMinutes", value: -15 }],
    expected: [e("schema.minimum", "/provision/0/sessionLengthMinutes")],
  },
  {
    name: "frequency-count-zero",
    description: "A frequency of zero times a week",
    requirement: "schema.minimum; D:260 (weekly interventions)",
    base: NURSERY,
    patch: [{ op: "replace", path: "/provision/1/frequency/count", value: 0 }],
    expected: [e("schema.minimum", "/provision/1/frequency/count")],
  },
  {
    name: "digest-not-hex",
    description: "A bundle digest written in upper case instead of lowercase hex",
    requirement: "schema.pattern (Digest.value); transfer-bundle.schema.json",
    base: BUNDLE,
    patch: [
      {
        op: "replace",
        path: "/contents/0/digest/value",
        value: "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789",
      },
    ],
    expected: [e("schema.pattern", "/contents/0/digest/value")],
  },
  // ---- schema: formats and identifiers -------------------------------------------------------------------------
  {
    name: "upn-wrong-check-letter",
    description: "A UPN whose check letter does not match its digits",
    requirement: "schema.format (upn); DfE UPN guidance check-letter algorithm",
    base: Y4,
    patch: [{ op: "replace", path: "/child/identifiers/upn", value: "A330214525102" }],
    expected: [e("schema.format", "/child/identifiers/upn")],
  },
  {
    name: "upn-published-wrong-example",
    description: "The widely copied UPN example Q207000016049, whose check letter is wrong",
    requirement: "schema.format (upn); uk-send-data.md §4.1",
    base: Y4,
    patch: [{ op: "replace", path: "/child/identifiers/upn", value: "Q207000016049" }],
    expected: [e("schema.format", "/child/identifiers/upn")],
  },
  {
    name: "uln-wrong-check-digit",
    description: "A ULN whose check digit is wrong",
    requirement: "schema.format (uln); LRS ULN check-digit algorithm",
    base: Y10,
    patch: [{ op: "replace", path: "/child/identifiers/uln", value: "4627381956" }],
    expected: [e("schema.format", "/child/identifiers/uln")],
  },
  {
    name: "nhs-number-wrong-check-digit",
    description: "An NHS number whose modulus 11 check digit is wrong",
    requirement: "schema.format (nhs-number); NHS number modulus 11",
    base: EHCP,
    patch: [{ op: "replace", path: "/child/identifiers/nhsNumber", value: "9990000558" }],
    expected: [e("schema.format", "/child/identifiers/nhsNumber")],
  },
  {
    name: "urn-five-digits",
    description: "A setting URN with five digits",
    requirement: "schema.format (urn); Get Information About Schools URN",
    base: Y4,
    patch: [{ op: "replace", path: "/owner/urn", value: "14830" }],
    expected: [e("schema.format", "/owner/urn")],
  },
  {
    name: "la-code-four-digits",
    description: "A local authority code with four digits",
    requirement: "schema.format (la-code); DfE LA codes",
    base: Y4,
    patch: [{ op: "replace", path: "/owner/laCode", value: "3300" }],
    expected: [e("schema.format", "/owner/laCode")],
  },
  {
    name: "date-of-birth-uk-format",
    description: "A date of birth written DD/MM/YYYY",
    requirement: "schema.format (date); CONTRIBUTING.md §2 dates",
    base: EHCP,
    patch: [{ op: "replace", path: "/child/dateOfBirth", value: "21/11/2016" }],
    expected: [e("schema.format", "/child/dateOfBirth")],
  },
  {
    name: "created-at-without-time",
    description: "A provenance createdAt that is a date, not an instant",
    requirement: "schema.format (date-time); CONTRIBUTING.md §2 instants",
    base: Y4,
    patch: [{ op: "replace", path: "/provenance/createdAt", value: "2029-09-22" }],
    expected: [e("schema.format", "/provenance/createdAt")],
  },
  {
    name: "id-not-uuid",
    description: "A document id that is not a UUID",
    requirement: "schema.format (uuid); CONTRIBUTING.md §2 id",
    base: Y4,
    patch: [{ op: "replace", path: "/id", value: "ISP-2029-0042" }],
    expected: [e("schema.format", "/id")],
  },
  // ---- rules: golden thread --------------------------------------------------------------------------------------
  {
    name: "barrier-without-provision",
    description: "A barrier that no provision item addresses",
    requirement: "isp.golden-thread.barrier-has-provision; D:17",
    base: Y4,
    patch: [
      {
        op: "add",
        path: "/barriers/-",
        value: {
          id: "barrier-3",
          description: "Finds it hard to start writing tasks without a model.",
          areaOfDevelopment: "executive-function",
          persistence: "not-yet-known",
        },
      },
      { op: "add", path: "/outcomes/1/barrierIds/-", value: "barrier-3" },
    ],
    expected: [e("isp.golden-thread.barrier-has-provision", "/barriers/2")],
  },
  {
    name: "provision-points-to-missing-barrier",
    description: "A provision item that addresses a barrier id that does not exist",
    requirement: "isp.golden-thread.dangling-reference; D:17",
    base: NURSERY,
    patch: [{ op: "replace", path: "/provision/1/addressesBarrierIds", value: ["barrier-2", "barrier-9"] }],
    expected: [e("isp.golden-thread.dangling-reference", "/provision/1/addressesBarrierIds/1")],
  },
  {
    name: "duplicate-barrier-id",
    description: "Two barriers with the same id",
    requirement: "isp.golden-thread.duplicate-id; D:17",
    base: Y4,
    patch: [
      { op: "replace", path: "/barriers/1/id", value: "barrier-1" },
      { op: "replace", path: "/provision/2/addressesBarrierIds", value: ["barrier-1"] },
      { op: "replace", path: "/outcomes/1/barrierIds", value: ["barrier-1"] },
      { op: "replace", path: "/reasonableAdjustments/0/addressesBarrierIds", value: ["barrier-1"] },
      { op: "replace", path: "/reasonableAdjustments/1/addressesBarrierIds", value: ["barrier-1"] },
    ],
    expected: [e("isp.golden-thread.duplicate-id", "/barriers/1")],
  },
  {
    name: "outcome-without-barrier",
    description: "An outcome that names no barrier",
    requirement: "isp.golden-thread.outcome-has-barrier; D:366 (intended outcomes)",
    base: NURSERY,
    patch: [{ op: "remove", path: "/outcomes/1/barrierIds" }],
    expected: [
      e("isp.golden-thread.outcome-has-barrier", "/outcomes/1"),
      e("isp.golden-thread.barrier-has-outcome", "/barriers/1"),
    ],
  },
  {
    name: "ehcp-provision-from-unassigned-package",
    description: "Guaranteed provision citing a package the EHCP does not assign",
    requirement: "ehcp.golden-thread.provision-in-assigned-package; D:475",
    base: EHCP,
    patch: [{ op: "replace", path: "/guaranteedProvision/1/sppId", value: "spp-illustrative-sensory-physical" }],
    expected: [e("ehcp.golden-thread.provision-in-assigned-package", "/guaranteedProvision/1/sppId")],
  },
  {
    name: "legacy-outcome-unknown-need",
    description: "A section E outcome naming a need that is not in sections B-D",
    requirement: "legacy-ehcp.golden-thread.dangling-reference; SEND Regulations 2014 reg. 12",
    base: LEGSS,
    patch: [{ op: "replace", path: "/sectionE/outcomes/0/needIds", value: ["need-9"] }],
    expected: [e("legacy-ehcp.golden-thread.dangling-reference", "/sectionE/outcomes/0/needIds/0")],
  },
  // ---- rules: provision specificity and wording -----------------------------------------------------------------
  {
    name: "provision-frequency-missing",
    description: "Special educational provision with no frequency",
    requirement: "isp.provision-specificity.frequency-missing; D:260",
    base: Y4,
    patch: [{ op: "remove", path: "/provision/1/frequency" }],
    expected: [e("isp.provision-specificity.frequency-missing", "/provision/1")],
  },
  {
    name: "provision-as-needed",
    description: "Special educational provision given 'as needed'",
    requirement: "isp.provision-specificity.frequency-not-quantified; D:260",
    base: Y4,
    patch: [{ op: "replace", path: "/provision/1/frequency", value: { count: 1, per: "as-needed" } }],
    expected: [e("isp.provision-specificity.frequency-not-quantified", "/provision/1/frequency/per")],
  },
  {
    name: "provision-session-length-missing",
    description: "Special educational provision with no session length",
    requirement: "isp.provision-specificity.session-length-missing; D:365 (when and how delivered)",
    base: Y10,
    patch: [{ op: "remove", path: "/provision/2/sessionLengthMinutes" }],
    expected: [e("isp.provision-specificity.session-length-missing", "/provision/2")],
  },
  {
    name: "provision-period-missing",
    description: "Special educational provision with no period",
    requirement: "isp.provision-specificity.period-missing; D:365 (when delivered)",
    base: Y8,
    patch: [{ op: "remove", path: "/provision/3/period" }],
    expected: [e("isp.provision-specificity.period-missing", "/provision/3")],
  },
  {
    name: "provision-group-size-missing",
    description: "Special educational provision with no group size",
    requirement: "isp.provision-specificity.group-size-missing; D:249 (small group interventions)",
    base: NURSERY,
    patch: [{ op: "remove", path: "/provision/0/groupSize" }],
    expected: [e("isp.provision-specificity.group-size-missing", "/provision/0")],
  },
  {
    name: "legacy-section-f-no-frequency",
    description: "A section F item with no frequency",
    requirement: "legacy-ehcp.provision-specificity.frequency-missing; SEND Code 9.69 (specified and quantified)",
    base: LEG6,
    patch: [{ op: "remove", path: "/sectionF/items/1/frequency" }],
    expected: [e("legacy-ehcp.provision-specificity.frequency-missing", "/sectionF/items/1")],
  },
  {
    name: "ehcp-provision-unquantified",
    description: "Guaranteed provision with no frequency, session length or group size",
    requirement: "ehcp.provision-specificity.quantity-missing; D:475",
    base: EHCP,
    patch: [
      { op: "remove", path: "/guaranteedProvision/1/frequency" },
      { op: "remove", path: "/guaranteedProvision/1/sessionLengthMinutes" },
      { op: "remove", path: "/guaranteedProvision/1/groupSize" },
    ],
    expected: [e("ehcp.provision-specificity.quantity-missing", "/guaranteedProvision/1")],
  },
  {
    name: "vague-provision-wording",
    description: "A provision description that gives speech therapy 'as required'",
    requirement: "any.vague-wording.vague-phrase; D:260, D:495",
    base: NURSERY,
    patch: [
      { op: "replace", path: "/provision/1/description", value: "Speech sound games with an adult as required." },
    ],
    expected: [e("any.vague-wording.vague-phrase", "/provision/1/description")],
  },
  // ---- rules: reviews, outcomes, participation ------------------------------------------------------------------
  {
    name: "isp-next-review-beyond-12-months",
    description: "An ISP next review set 14 months after the last review",
    requirement: "isp.review-cadence.next-review-within-12-months; D:368 (reviewed annually at a minimum)",
    base: NURSERY,
    patch: [{ op: "replace", path: "/reviews/0/nextReviewDue", value: "2031-03-20" }],
    expected: [e("isp.review-cadence.next-review-within-12-months", "/reviews/0/nextReviewDue")],
  },
  {
    name: "ehcp-early-years-on-key-stage-basis",
    description: "An under-5 EHCP reviewed on the end-of-key-stage basis",
    requirement: "ehcp.review-cadence.basis-matches-phase; D:503 (annual reviews for early years)",
    base: U5,
    patch: [{ op: "replace", path: "/reviewSchedule/basis", value: "end-of-key-stage" }],
    expected: [e("ehcp.review-cadence.basis-matches-phase", "/reviewSchedule/basis")],
  },
  {
    name: "ehcp-review-after-key-stage",
    description: "A Key Stage 3 EHCP review due after the key stage ends",
    requirement: "ehcp.review-cadence.next-review-by-end-of-key-stage; D:503",
    base: EHCP,
    patch: [{ op: "replace", path: "/reviewSchedule/nextReviewDue", value: "2031-12-01" }],
    expected: [e("ehcp.review-cadence.next-review-by-end-of-key-stage", "/reviewSchedule/nextReviewDue")],
  },
  {
    name: "legacy-annual-review-late",
    description: "A protected legacy EHCP whose next annual review is 18 months away",
    requirement: "legacy-ehcp.review-cadence.next-review-within-12-months; D:537 (reviewed annually)",
    base: LEGSS,
    patch: [{ op: "replace", path: "/reviews/1/nextReviewDue", value: "2031-09-18" }],
    expected: [e("legacy-ehcp.review-cadence.next-review-within-12-months", "/reviews/1/nextReviewDue")],
  },
  {
    name: "outcome-target-not-measurable",
    description: "A success criterion whose target has no quantity",
    requirement: "isp.outcomes-measurable.target-not-measurable; D:23 (outcomes measure progress)",
    base: Y4,
    patch: [{ op: "replace", path: "/outcomes/1/successCriteria/0/target", value: "Faster and neater" }],
    expected: [e("isp.outcomes-measurable.target-not-measurable", "/outcomes/1/successCriteria/0/target")],
  },
  {
    name: "parent-involvement-missing",
    description: "An ISP with no parent voice and no parent at any review",
    requirement: "isp.participation.parent-voice-missing; D:683 (must be developed with parents)",
    base: Y4,
    patch: [{ op: "remove", path: "/reviews/0/participants/0" }],
    expected: [e("isp.participation.parent-voice-missing", "")],
  },
  {
    name: "young-person-voice-missing",
    description: "A 16-year-old's ISP without the young person's own voice",
    requirement: "isp.participation.young-person-voice-missing; D:138, D:683",
    base: Y11,
    patch: [
      { op: "remove", path: "/voice" },
      { op: "remove", path: "/reviews/0/participants/0" },
    ],
    expected: [e("isp.participation.young-person-voice-missing", "")],
  },
  // ---- rules: SPP ---------------------------------------------------------------------------------------------------
  {
    name: "spp-next-review-beyond-5-years",
    description: "An SPP whose next review is more than 5 years after publication",
    requirement: "spp.spp-review.next-review-within-5-years; D:761 (reviewed every 5 years)",
    base: SPP,
    patch: [{ op: "replace", path: "/reviewDates/nextReviewDue", value: "2035-01-01" }],
    expected: [e("spp.spp-review.next-review-within-5-years", "/reviewDates/nextReviewDue")],
  },
  {
    name: "spp-citation-version-not-semantic",
    description: "An EHCP citing an SPP version as 1.0 instead of MAJOR.MINOR.PATCH",
    requirement: "schema.pattern (SppReference.version); ehcp.spp-citation; D:475",
    base: EHCP,
    patch: [{ op: "replace", path: "/packages/0/spp/version", value: "1.0" }],
    expected: [e("schema.pattern", "/packages/0/spp/version")],
  },
  // ---- rules: code validity ----------------------------------------------------------------------------------------
  {
    name: "layer-before-reform",
    description: "A closed layer-of-support period held entirely before September 2029",
    requirement: "any.code-validity.not-yet-valid; D:530 (legislation from September 2029)",
    base: Y4,
    patch: [{ op: "replace", path: "/layersOfSupport/0/period", value: { start: "2029-03-01", end: "2029-07-20" } }],
    expected: [e("any.code-validity.not-yet-valid", "/layersOfSupport/0/layer")],
  },
  {
    name: "retired-census-code-current",
    description: "Historic census code S used as a current legacy classification",
    requirement: "any.code-validity.retired; census SEN provision S/A/P retired 2014",
    base: PROFILE,
    patch: [{ op: "replace", path: "/legacyClassifications/0/senProvision", value: "S" }],
    expected: [e("any.code-validity.retired", "/legacyClassifications/0/senProvision")],
  },
  // ---- rules: transfer bundle --------------------------------------------------------------------------------------
  {
    name: "bundle-digest-mismatch",
    description: "A contents digest that does not match the embedded document",
    requirement: "transfer-bundle.bundle-digests.digest-mismatch; D:380 (information transfers smoothly)",
    base: BUNDLE,
    patch: [
      {
        op: "replace",
        path: "/contents/1/digest/value",
        value: "0000000000000000000000000000000000000000000000000000000000000000",
      },
    ],
    expected: [e("transfer-bundle.bundle-digests.digest-mismatch", "/contents/1/digest/value")],
  },
  {
    name: "bundle-document-changed-after-digest",
    description: "An embedded document edited after its digest was computed",
    requirement: "transfer-bundle.bundle-digests.digest-mismatch; D:380",
    base: BUNDLE,
    patch: [{ op: "replace", path: "/documents/1/areas/0/summary", value: "Edited in transit." }],
    expected: [e("transfer-bundle.bundle-digests.digest-mismatch", "/contents/1/digest/value")],
  },
  // ---- rules: transition, assessment route, legacy migration, identifiers ------------------------------------------
  {
    name: "post16-planning-started-late",
    description: "Post-16 transition planning started 8 months before the move",
    requirement: "isp.transition-planning.post-16-started-late; D:390 (at least 12 months in advance)",
    base: Y11,
    patch: [{ op: "replace", path: "/transitionPlan/post16PlanningStartedOn", value: "2030-01-10" }],
    expected: [e("isp.transition-planning.post-16-started-late", "/transitionPlan/post16PlanningStartedOn")],
  },
  {
    name: "fast-track-child-over-5",
    description: "An under-5 fast-track assessment for a child who was already 5",
    requirement: "ehcp.assessment-route.fast-track-age; D:135, D:505",
    base: U5,
    patch: [{ op: "replace", path: "/child/dateOfBirth", value: "2024-06-10" }],
    expected: [e("ehcp.assessment-route.fast-track-age", "/needsAssessment/route")],
  },
  {
    name: "protected-without-special-school-place",
    description: "Legacy-protected state for a child without a special school place in Sept 2029",
    requirement: "legacy-ehcp.legacy-migration.protected-requires-special-school-place; D:537",
    base: LEGSS,
    patch: [{ op: "replace", path: "/migration/specialSchoolPlaceSeptember2029", value: false }],
    expected: [e("legacy-ehcp.legacy-migration.protected-requires-special-school-place", "/migration/state")],
  },
  {
    name: "legacy-retention-ends-early",
    description: "A legacy EHCP retained only until March 2030",
    requirement: "legacy-ehcp.legacy-migration.retention-ends-before-september-2030; D:67, D:537",
    base: LEG6,
    patch: [{ op: "replace", path: "/migration/retentionEndDate", value: "2030-03-31" }],
    expected: [e("legacy-ehcp.legacy-migration.retention-ends-before-september-2030", "/migration/retentionEndDate")],
  },
  {
    name: "legacy-state-contradicts-assessment",
    description: "Moving to an ISP although the transition assessment found an SPP is needed",
    requirement: "legacy-ehcp.legacy-migration.outcome-matches-state; D:203, D:537",
    base: LEG6,
    patch: [{ op: "replace", path: "/migration/transitionAssessment/outcome", value: "spp-needed" }],
    expected: [e("legacy-ehcp.legacy-migration.outcome-matches-state", "/migration/state")],
  },
  {
    name: "transition-assessed-before-commencement",
    description: "A transition assessment dated before September 2029",
    requirement: "legacy-ehcp.legacy-migration.new-system-step-before-commencement; D:537",
    base: LEG6,
    patch: [{ op: "replace", path: "/migration/transitionAssessment/assessedOn", value: "2029-06-18" }],
    expected: [
      e(
        "legacy-ehcp.legacy-migration.new-system-step-before-commencement",
        "/migration/transitionAssessment/assessedOn",
      ),
    ],
  },
  {
    name: "unknown-la-code",
    description: "A well-formed LA code that is not in the LA code list",
    requirement: "any.identifiers.la-code-unknown (warning); uk-send-data.md §4.1",
    base: AP,
    patch: [{ op: "replace", path: "/owner/laCode", value: "899" }],
    expected: [e("any.identifiers.la-code-unknown", "/owner/laCode")],
  },
  {
    name: "preference-setting-without-identifier",
    description: "A parental preference cites a setting by name only, without URN, UKPRN or LAESTAB",
    requirement: "any.setting-reference.identifier-missing (warning); schemas/CHANGELOG.md (setting references)",
    base: EHCP,
    patch: [{ op: "remove", path: "/placement/preferences/0/setting/urn" }],
    expected: [e("any.setting-reference.identifier-missing", "/placement/preferences/0/setting")],
  },
];
