/* generated from schemas/ by npm run generate — do not edit */

/**
 * The SEND Interchange schema version. This release accepts only "1.0".
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SchemaVersion".
 */
export type SchemaVersion = "1.0"
/**
 * A universally unique identifier (RFC 9562), written in the usual 8-4-4-4-12 hexadecimal form.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Uuid".
 */
export type Uuid = string
/**
 * What kind of person, or system, did or said something in a record.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "PersonType".
 */
export type PersonType = ("child" | "young-person" | "parent-carer" | "practitioner" | "system")
/**
 * Professional and contributor roles named in the white paper, for people who write, deliver or advise on plans.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "PractitionerRole".
 */
export type PractitionerRole = ("senco" | "inclusion-lead" | "senior-leader" | "teacher" | "teaching-assistant" | "year-manager" | "support-base-staff" | "specialist-teacher" | "teacher-of-the-deaf" | "teacher-of-the-visually-impaired" | "habilitation-specialist" | "educational-psychologist" | "principal-educational-psychologist" | "speech-and-language-therapist" | "salt-advanced-practitioner" | "speech-and-language-support-worker" | "occupational-therapist" | "physiotherapist" | "mental-health-professional" | "health-visitor" | "youth-worker" | "family-worker" | "designated-social-care-officer" | "social-worker" | "family-hub-send-practitioner" | "la-send-officer" | "independent-supporter" | "virtual-school-head" | "designated-teacher" | "other")
/**
 * Where an Individual Support Plan is in its life.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "IspStatus".
 */
export type IspStatus = ("draft" | "active" | "under-review" | "closed")
/**
 * Why an ISP was closed.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "IspClosureReason".
 */
export type IspClosureReason = ("transferred" | "returned-to-universal" | "no-longer-send" | "superseded" | "left-education" | "other" | "destination-unknown" | "child-missing-education")
/**
 * A BCP 47 language tag, e.g. 'en', 'pl', 'ur', 'bfi' (British Sign Language).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "LanguageTag".
 */
export type LanguageTag = string
/**
 * Where a child uses a language.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "LanguageUsePlace".
 */
export type LanguageUsePlace = ("home" | "setting" | "community")
/**
 * Ways a child communicates or needs others to communicate with them.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "CommunicationMethod".
 */
export type CommunicationMethod = ("speech" | "sign-language" | "makaton" | "symbols" | "aac-device" | "gesture" | "written" | "objects-of-reference" | "other")
/**
 * An identifier for an item inside one document (for example a barrier, a provision item or an outcome). Unique within the document; other items in the same document point to it. Letters, digits, '.', '_' and '-', up to 64 characters.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "LocalId".
 */
export type LocalId = string
/**
 * How a contact is related to the child.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ContactRelationship".
 */
export type ContactRelationship = ("mother" | "father" | "parent" | "step-parent" | "grandparent" | "foster-carer" | "kinship-carer" | "special-guardian" | "corporate-parent" | "other")
/**
 * Ways a person prefers to be contacted.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ContactMethod".
 */
export type ContactMethod = ("email" | "phone" | "letter" | "in-person" | "app")
/**
 * Formats in which a person needs documents, so that plans are accessible to them.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "DocumentFormat".
 */
export type DocumentFormat = ("large-print" | "easy-read" | "braille" | "audio" | "plain-english" | "translated" | "bsl-video" | "digital-accessible")
/**
 * The year group a child is taught in (school census NCyearActual), which may differ from the one their date of birth implies when they are taught out of year.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "NcYearGroup".
 */
export type NcYearGroup = ("nursery-1" | "nursery-2" | "reception" | "year-1" | "year-2" | "year-3" | "year-4" | "year-5" | "year-6" | "year-7" | "year-8" | "year-9" | "year-10" | "year-11" | "year-12" | "year-13" | "year-14" | "not-following-nc")
/**
 * The phases of education used for transitions and for the legacy-EHCP transition rules.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "PhaseOfEducation".
 */
export type PhaseOfEducation = ("early-years" | "primary" | "secondary" | "post-16")
/**
 * Types of education setting (and a few non-setting destinations needed for transfers), in the white paper's words. Governance (maintained, academy, independent) is recorded separately where it matters.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SettingType".
 */
export type SettingType = ("childminder" | "maintained-nursery-school" | "school-based-nursery" | "pvi-nursery" | "specialist-early-years-setting" | "mainstream-primary-school" | "mainstream-middle-school" | "mainstream-secondary-school" | "mainstream-all-through-school" | "independent-school" | "maintained-special-school" | "special-academy" | "non-maintained-special-school" | "independent-special-school" | "ap-school" | "pupil-referral-unit" | "hospital-school" | "hospital-education-service" | "unregistered-ap" | "school-sixth-form" | "sixth-form-college" | "16-19-academy" | "further-education-college" | "special-post-16-institution" | "independent-training-provider" | "la-provider" | "higher-education" | "home-education" | "outside-england" | "other")
/**
 * The two kinds of Inclusion Base that sit in mainstream settings, and the legacy terms they replace (kept so older records can be read and migrated).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "InclusionBaseModel".
 */
export type InclusionBaseModel = ("support-base" | "specialist-base" | "sen-unit" | "resourced-provision" | "pupil-support-unit")
/**
 * The kind of body that commissions and funds an inclusion base (an open question in the white paper, so 'other' is allowed).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "InclusionBaseCommissionerType".
 */
export type InclusionBaseCommissionerType = ("setting" | "multi-academy-trust" | "send-school" | "local-authority" | "other")
/**
 * The five proposed areas of development that replace the four broad areas of need: a shared language for describing where a child needs extra help, across the Universal offer and every layer of support. Definitions are provisional and will be refined with experts (D:274).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "AreaOfDevelopment".
 */
export type AreaOfDevelopment = ("executive-function" | "motor-physical" | "sensory" | "social-emotional" | "speech-language-communication")
/**
 * What an inclusion base was called or how it was run before it became a Support Base or Specialist Base.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "FormerBaseModel".
 */
export type FormerBaseModel = ("sen-unit" | "resourced-provision" | "pupil-support-unit" | "newly-opened")
/**
 * What an inclusion base specialises in, and what its staff are trained in.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "BaseSpecialism".
 */
export type BaseSpecialism = ("autism" | "adhd" | "speech-language-communication" | "communication-interaction" | "social-emotional-mental-health" | "specific-learning-difficulty" | "learning-difficulty" | "hearing-impairment" | "visual-impairment" | "physical-disability" | "sensory-processing" | "complex-send" | "high-risk-of-exclusion" | "low-attendance" | "other")
/**
 * Services outside the setting that train, supervise or advise staff who deliver provision.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ExternalSupportService".
 */
export type ExternalSupportService = ("experts-at-hand" | "specialist-setting-outreach" | "ap-outreach" | "nhs-therapy-service" | "educational-psychology-service" | "la-sensory-support-service" | "la-inclusion-support-service" | "mental-health-support-team" | "best-start-family-hub" | "other")
/**
 * The period a provision item's frequency is counted in (for example 2 sessions per week).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "FrequencyUnit".
 */
export type FrequencyUnit = ("day" | "week" | "fortnight" | "month" | "half-term" | "term" | "academic-year" | "once" | "as-needed")
/**
 * The Universal offer and the three layers of support above it. Children move between them as their needs change (D:236). Strictly, Universal is an offer, not a layer (D:20), but records need one field for where a child is.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "LayerOfSupport".
 */
export type LayerOfSupport = ("universal" | "targeted" | "targeted-plus" | "specialist")
/**
 * What each area of development includes, from the Appendix D summary table. Each code's parent is a code in areas-of-development. Use a sub-component to say more precisely where a barrier or a provision sits.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "AreaSubComponent".
 */
export type AreaSubComponent = ("executive-function.attention" | "executive-function.working-memory" | "executive-function.managing-impulses" | "executive-function.planning-sequencing-organisation" | "executive-function.cognitive-flexibility" | "motor-physical.gross-motor" | "motor-physical.fine-motor" | "motor-physical.purposeful-movement" | "sensory.external-senses" | "sensory.internal-senses" | "sensory.sensory-processing" | "social-emotional.understand-manage-emotions" | "social-emotional.form-relationships" | "social-emotional.navigating-social-interactions" | "social-emotional.regulating-emotions" | "social-emotional.identifying-expressing-feelings" | "social-emotional.social-cognition" | "social-emotional.social-rights-responsibilities" | "speech-language-communication.speech" | "speech-language-communication.language" | "speech-language-communication.communication")
/**
 * Whether a barrier to learning or participation is expected to be temporary or ongoing.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "BarrierPersistence".
 */
export type BarrierPersistence = ("temporary" | "ongoing" | "not-yet-known")
/**
 * Kinds of factor that contribute to a barrier without being a special educational need.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ContributingFactorType".
 */
export type ContributingFactorType = ("environmental" | "contextual" | "disability" | "health" | "attendance" | "life-event" | "other")
/**
 * What kind of evidence a plan cites.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "EvidenceKind".
 */
export type EvidenceKind = ("national-inclusion-standards" | "screening-tool" | "assessment-report" | "professional-advice" | "observation" | "research" | "parent-information" | "other")
/**
 * How a screening or assessment result compares with what is expected for the child's age, or whether a screen identified the child for support.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "EvidenceResultBand".
 */
export type EvidenceResultBand = ("well-below-expected" | "below-expected" | "at-expected" | "above-expected" | "identified-for-support" | "not-identified")
/**
 * National checks and assessments that evidence can come from.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "DevelopmentalCheck".
 */
export type DevelopmentalCheck = ("eyfs-progress-check-age-2" | "healthy-child-review-age-2" | "integrated-review-age-2" | "reception-baseline-assessment" | "eyfs-profile" | "phonics-screening-check" | "multiplication-tables-check" | "key-stage-2-tests" | "other")
/**
 * The kinds of document the standard defines; the value of every document's documentType.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "DocumentType".
 */
export type DocumentType = ("isp" | "ehcp" | "legacy-ehcp" | "spp" | "development-profile" | "transfer-bundle" | "transfer-receipt" | "transfer-integration" | "trust-list")
/**
 * Which kind of information a section holds, so that transfers and access control can decide what goes to whom.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SharingLabel".
 */
export type SharingLabel = ("education" | "health" | "social-care" | "safeguarding")
/**
 * The sharing labels that apply to a piece of data. Transfers use them to decide what goes to whom: a receiver gets only data whose labels match the purpose of the transfer.
 * 
 * @minItems 1
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SharingLabels".
 */
export type SharingLabels = SharingLabel[]
/**
 * What kind of thing a provision item is. Used on ISP provision, SPP content and EHCP entitlements so that provision can be counted and compared.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ProvisionType".
 */
export type ProvisionType = ("intervention" | "adaptive-teaching" | "curriculum-adaptation" | "therapy" | "specialist-teaching" | "adult-support" | "equipment-assistive-technology" | "environmental-adaptation" | "reasonable-adjustment" | "professional-advice" | "inclusion-base-access" | "outreach" | "time-limited-placement" | "transition-support" | "health-provision" | "social-care-provision" | "other")
/**
 * The three levels of support Alternative Provision will offer.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ApSupportTier".
 */
export type ApSupportTier = ("outreach" | "time-limited-placement" | "longer-term-placement")
/**
 * Under which duty a provision item is made. This decides who must deliver it and what can be appealed.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "LegalBasis".
 */
export type LegalBasis = ("special-educational-provision" | "reasonable-adjustment" | "health-provision" | "social-care-provision" | "other")
/**
 * What kind of organisation a body is.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "OrganisationType".
 */
export type OrganisationType = ("local-authority" | "integrated-care-board" | "nhs-trust" | "health-provider" | "social-care-provider" | "multi-academy-trust" | "setting" | "voluntary-sector" | "department-for-education" | "other")
/**
 * Where a provision item is delivered. Used to show the planned and actual split between mainstream classes and bases.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "DeliveryLocation".
 */
export type DeliveryLocation = ("mainstream-classroom" | "small-group-room" | "support-base" | "specialist-base" | "therapy-room" | "outdoor" | "home" | "off-site" | "ap-setting" | "online")
/**
 * Where the money for a provision item comes from.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "FundingRoute".
 */
export type FundingRoute = ("setting-notional-send-budget" | "inclusive-mainstream-fund" | "high-needs-top-up" | "la-specialist-base" | "health-commissioned" | "social-care" | "personal-budget" | "other")
/**
 * Subjects and curriculum areas in which provision is delivered or mainstream time is planned.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "CurriculumSubject".
 */
export type CurriculumSubject = ("english" | "maths" | "science" | "biology" | "chemistry" | "physics" | "computing" | "history" | "geography" | "modern-foreign-languages" | "art-and-design" | "music" | "physical-education" | "design-and-technology" | "religious-education" | "relationships-sex-health-education" | "citizenship" | "drama" | "phonics-and-reading" | "eyfs-communication-language" | "eyfs-physical-development" | "eyfs-personal-social-emotional" | "vocational-course" | "life-skills-independence" | "work-experience" | "all-subjects" | "other")
/**
 * Days of the week on which provision is timetabled.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Weekday".
 */
export type Weekday = ("monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
/**
 * The part of the school day in which provision is timetabled.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SchoolDaySlot".
 */
export type SchoolDaySlot = ("before-school" | "registration" | "lesson" | "break" | "lunch" | "after-school" | "whole-day")
/**
 * Whether a parent, carer or young person agrees with a provision item, a review's account or a delivery record.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "AgreementStance".
 */
export type AgreementStance = ("agrees" | "partly-agrees" | "disagrees" | "not-yet-asked")
/**
 * Kinds of reasonable adjustment, so that adjustments can be carried forward to the next setting and compared.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "AdjustmentType".
 */
export type AdjustmentType = ("lighting" | "colour-scheme" | "displays" | "acoustics" | "quiet-space" | "seating" | "movement-breaks" | "timing" | "materials-format" | "alternative-recording" | "uniform" | "equipment" | "exam-access-arrangements" | "communication" | "other")
/**
 * Where an intended outcome stands.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "OutcomeStatus".
 */
export type OutcomeStatus = ("active" | "achieved" | "partly-achieved" | "not-achieved" | "discontinued")
/**
 * Whether provision was delivered as planned in a period.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "DeliveryStatus".
 */
export type DeliveryStatus = ("delivered" | "partially-delivered" | "not-delivered")
/**
 * Why planned sessions did not happen.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "NotDeliveredReason".
 */
export type NotDeliveredReason = ("staff-absence" | "staff-vacancy" | "child-absence" | "setting-closure" | "timetable-clash" | "resource-unavailable" | "child-declined" | "other")
/**
 * Kinds of review and assessment event recorded against a plan or a child.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ReviewType".
 */
export type ReviewType = ("isp-review" | "ehcp-key-stage-review" | "ehcp-annual-review" | "transition-needs-assessment" | "statutory-needs-assessment" | "fast-track-assessment-under-5" | "ap-placement-assessment" | "ap-spp-trigger-assessment" | "graduated-approach-review" | "strengths-and-needs-assessment" | "eyfs-two-year-check" | "healthy-child-programme-review" | "sensory-or-environmental-audit" | "other" | "unscheduled-review" | "brought-forward-review" | "parental-request-review")
/**
 * Whose view a voice statement records.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "VoiceRole".
 */
export type VoiceRole = ("child" | "young-person" | "parent-carer" | "professional" | "advocate" | "other")
/**
 * What a review decided (not the plan's intended outcomes).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ReviewDecision".
 */
export type ReviewDecision = ("continue-unchanged" | "amend" | "move-to-more-support" | "move-to-less-support" | "return-to-universal" | "request-needs-assessment" | "new-ehcp" | "move-to-isp" | "cease-ehcp" | "close-plan")
/**
 * Why a transfer bundle was sent.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "TransferReason".
 */
export type TransferReason = ("phase-transition" | "in-year-move" | "ehcp-transition" | "la-transfer" | "ap-reintegration" | "base-to-mainstream" | "post-16-transition" | "other")
/**
 * Kinds of activity in a transition plan.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "TransitionActivityType".
 */
export type TransitionActivityType = ("information-evening" | "transition-day" | "additional-visit" | "summer-school" | "online-hub" | "initial-assessment" | "site-tour" | "meeting-support-services" | "support-plan-meeting" | "taster-day" | "information-sharing-meeting" | "other")
/**
 * The stable identifier of a Specialist Provision Package in the national catalogue, the same for every version of the package (e.g. 'spp-illustrative-slcn-complex').
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SppCatalogueId".
 */
export type SppCatalogueId = string
/**
 * A version number in semantic-versioning form MAJOR.MINOR.PATCH, optionally with a pre-release suffix (e.g. 1.2.0, 2.0.0-draft.1).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SemanticVersion".
 */
export type SemanticVersion = string
/**
 * How a voice statement was gathered, so readers can judge whose words they are reading.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "VoiceCaptureMethod".
 */
export type VoiceCaptureMethod = ("own-words-spoken" | "own-words-written" | "drawing-or-art" | "symbols-or-aac" | "observation" | "structured-tool" | "meeting" | "reported-by-other" | "other")
/**
 * Who raised an entry in the home-setting action log.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ActionLogDirection".
 */
export type ActionLogDirection = ("home-to-setting" | "setting-to-home" | "joint")
/**
 * Where an Education, Health and Care Plan is in its life.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "EhcpStatus".
 */
export type EhcpStatus = ("draft" | "issued" | "in-review" | "cessation-proposed" | "ceased")
/**
 * Whether a Specialist Provision Package assigned in an EHCP still applies.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "PackageAssignmentStatus".
 */
export type PackageAssignmentStatus = ("current" | "superseded" | "ended")
/**
 * On what basis a package was assigned.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "PackageAssignmentBasis".
 */
export type PackageAssignmentBasis = ("la-decision" | "review-amendment" | "la-reconsideration" | "tribunal-order")
/**
 * The law social care provision is made under (sections H1 and H2 of an EHCP).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SocialCareStatutoryBasis".
 */
export type SocialCareStatutoryBasis = ("csdpa-1970-s2" | "children-act-1989" | "care-act-2014" | "other")
/**
 * The local authority's decision on a family's request (a preference for a setting, a personal budget).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "RequestDecision".
 */
export type RequestDecision = ("pending" | "agreed" | "refused")
/**
 * The ground a local authority relies on when it does not name the preferred setting.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "PreferenceRefusalGround".
 */
export type PreferenceRefusalGround = ("setting-full" | "detrimental-to-others" | "inefficient-use-of-resources" | "cannot-deliver-package" | "mainstream-only-package" | "other")
/**
 * Which route a statutory needs assessment followed.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "AssessmentRoute".
 */
export type AssessmentRoute = ("standard" | "fast-track-under-5" | "transition-review" | "ap-trigger")
/**
 * Whether the local authority agreed to carry out a needs assessment.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "AssessmentDecision".
 */
export type AssessmentDecision = ("assess" | "refuse")
/**
 * The rule that sets when an EHCP is reviewed.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ReviewScheduleBasis".
 */
export type ReviewScheduleBasis = ("end-of-key-stage" | "annual")
/**
 * Decisions parents and young people can appeal to the Tribunal (or County Court).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "AppealableDecision".
 */
export type AppealableDecision = ("refusal-to-assess" | "threshold-not-met" | "ehcp-cessation" | "package-unsuitable" | "placement" | "disability-discrimination")
/**
 * How a disagreement with the local authority ended. The Tribunal never names a placement; it can quash the decision and order reconsideration.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "DisputeOutcome".
 */
export type DisputeOutcome = ("resolved-at-mediation" | "withdrawn" | "conceded-by-la" | "appeal-dismissed" | "appeal-upheld" | "decision-quashed-reconsider" | "ongoing")
/**
 * Why an EHCP ceased.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "EhcpCessationReason".
 */
export type EhcpCessationReason = ("no-longer-needs-package" | "moved-to-isp" | "reached-age-limit" | "left-education-or-training" | "moved-outside-england" | "other" | "replaced-by-new-ehcp")
/**
 * The four broad areas of need in the 2015 SEND Code of Practice (6.28-6.35). To be replaced by the areas of development in the revised Code; kept so legacy records stay readable and can be migrated with professional review.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "BroadAreaOfNeed".
 */
export type BroadAreaOfNeed = ("communication-and-interaction" | "cognition-and-learning" | "social-emotional-mental-health" | "sensory-and-physical")
/**
 * The DfE school census and SEN2 'type of need' codes, recorded with a rank (1 = primary need, 2 = secondary need). Kept for history and statistics; the areas of development are the new way to describe needs.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "CensusSenType".
 */
export type CensusSenType = ("SPLD" | "MLD" | "SLD" | "PMLD" | "SEMH" | "SLCN" | "HI" | "VI" | "MSI" | "PD" | "ASD" | "DS" | "OTH" | "NSA")
/**
 * The SEN2 return's codes for where a child with an EHCP is educated when no setting with a URN or UKPRN is named.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Sen2SettingCode".
 */
export type Sen2SettingCode = ("OLA" | "OPA" | "EHE" | "EYP" | "OTH" | "NEET" | "NIEC" | "NIEO")
/**
 * How part of a personal budget is managed (section J of an EHCP).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "BudgetArrangementType".
 */
export type BudgetArrangementType = ("direct-payment" | "arrangement" | "third-party-arrangement")
/**
 * Where an EHCP issued under the 2014 regulations is in its move to the new system. A design reading of the transition rules, to be confirmed.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "LegacyMigrationState".
 */
export type LegacyMigrationState = ("legacy-active" | "retained-to-end-of-phase" | "special-school-protected" | "transition-assessment-due" | "opted-in" | "transition-assessed" | "new-ehcp-issued" | "moving-to-isp" | "ceased")
/**
 * Whether a child with a legacy EHCP needs a Specialist Provision Package.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "TransitionAssessmentOutcome".
 */
export type TransitionAssessmentOutcome = ("spp-needed" | "spp-not-needed")
/**
 * The DfE school census SEN provision codes. E, K and N are current; S, A and P are pre-2014 codes accepted in historic records only, never as a current status.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "CensusSenProvision".
 */
export type CensusSenProvision = ("E" | "K" | "N" | "S" | "A" | "P")
/**
 * The kind of record a legacy SEN classification came from.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "LegacyClassificationSource".
 */
export type LegacyClassificationSource = ("school-census" | "common-transfer-file" | "sen2" | "mis" | "la-case-system" | "other")
/**
 * Where a Specialist Provision Package catalogue entry is in its life. Packages are reviewed by an independent expert panel every five years.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SppStatus".
 */
export type SppStatus = ("draft" | "consultation" | "published" | "retired")
/**
 * What an adaptation in a Specialist Provision Package changes.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "AdaptationType".
 */
export type AdaptationType = ("environment" | "curriculum" | "teaching" | "assessment" | "timetable" | "other")
/**
 * Whether an observation records a strength or a barrier.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ObservationKind".
 */
export type ObservationKind = ("strength" | "barrier")
/**
 * How development in an area is going. The white paper says development in each area 'can go forward, pause or feel uncertain. This is normal.'
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Trajectory".
 */
export type Trajectory = ("progressing" | "paused" | "uncertain")
/**
 * The document types that can travel inside a transfer bundle (SPPs are never embedded, only referenced).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "BundleDocumentType".
 */
export type BundleDocumentType = ("isp" | "ehcp" | "legacy-ehcp" | "development-profile")
/**
 * Lifecycle of a transfer bundle, in the same words as the API transfer statuses where they overlap: created (assembled) and signed (the API says prepared), sent, received (by the receiving system), held (received and waiting for a person at the receiver to review it before import), accepted or rejected (by a receipt), declined (by the receiver after review), withdrawn (by the sender), expired (not collected in time), unclaimed (destination unknown, waiting for the responsible local authority) and claimed (taken from the unclaimed queue).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "BundleStatus".
 */
export type BundleStatus = ("created" | "signed" | "sent" | "received" | "accepted" | "rejected" | "withdrawn" | "expired" | "unclaimed" | "claimed" | "held" | "declined")
/**
 * A transfer bundle signed by the sender, in JWS compact or flattened form.
 * 
 * This interface was referenced by `TransferBundle`'s JSON-Schema
 * via the `definition` "SignedTransferBundle".
 */
export type SignedTransferBundle = (JwsCompact | JwsFlattened)
/**
 * A JWS in compact form (header.payload.signature, base64url); the payload is the RFC 8785 canonical JSON of the signed document (transfer bundle or receipt).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "JwsCompact".
 */
export type JwsCompact = string
/**
 * Whether the receiver accepted a transfer bundle.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ReceiptDecision".
 */
export type ReceiptDecision = ("accepted" | "rejected")
/**
 * Why a receiver refused (or held) a transfer bundle, as its signed receipt says. Each code says whether the sender may retry the same bundle later (retryable) or must change something first (final).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ReceiptReasonCode".
 */
export type ReceiptReasonCode = ("signature-invalid" | "unknown-signing-key" | "signing-key-not-yet-valid" | "signing-key-expired" | "signing-key-revoked" | "sender-setting-closed" | "digest-mismatch" | "schema-invalid" | "unsupported-schema-version" | "quality-rule-error" | "not-intended-recipient" | "duplicate-bundle" | "child-not-matched" | "expired" | "other")
/**
 * A receipt signed by the receiver, in JWS compact or flattened form.
 * 
 * This interface was referenced by `TransferReceipt`'s JSON-Schema
 * via the `definition` "SignedTransferReceipt".
 */
export type SignedTransferReceipt = (JwsCompact | JwsFlattened)
/**
 * The second stage of a transfer's acknowledgement: whether the receiving setting has taken the plan it received into use (the live plan there), after its receipt said the bundle arrived.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "IntegrationOutcome".
 */
export type IntegrationOutcome = ("integrated" | "not-integrated")
/**
 * Why a receiving setting did not take a received plan into use (integration acknowledgement outcome not-integrated).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "NotIntegratedReason".
 */
export type NotIntegratedReason = ("wrong-child" | "child-not-on-roll" | "duplicate-of-current-plan" | "content-incomplete" | "superseded" | "held-for-review" | "other")
/**
 * An integration acknowledgement signed by the receiver, in JWS compact or flattened form (typ send-transfer-integration+json).
 * 
 * This interface was referenced by `TransferIntegration`'s JSON-Schema
 * via the `definition` "SignedIntegrationAcknowledgement".
 */
export type SignedIntegrationAcknowledgement = (JwsCompact | JwsFlattened)
/**
 * Whether a trust list entry is a setting or a local authority.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "TrustListEntryType".
 */
export type TrustListEntryType = ("setting" | "local-authority")
/**
 * Whether a trust list entry's setting or local authority is open, closed, or converted (closed and replaced by a successor), as GIAS 'EstablishmentStatus' and 'ReasonEstablishmentClosed' say.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "TrustListEntryStatus".
 */
export type TrustListEntryStatus = ("open" | "closed" | "converted")
/**
 * Why a signing key on a trust list was revoked.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "KeyRevocationReason".
 */
export type KeyRevocationReason = ("key-compromise" | "superseded" | "setting-closed" | "other")
/**
 * A setting as held in a server's settings directory (POST /settings): a Setting that must carry its urn (the directory's key) and laCode (who is responsible for it).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SettingEntry".
 */
export type SettingEntry = (Setting & {
/**
 * Unique Reference Number from Get Information About Schools.
 */
urn: string
/**
 * The three-digit code of the local authority the setting is in.
 */
laCode: string
})
/**
 * The media type (JWS typ header) of a signed transfer bundle or receipt.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "JwsType".
 */
export type JwsType = ("send-transfer-bundle+json" | "send-transfer-receipt+json" | "send-transfer-integration+json")

/**
 * An Individual Support Plan (ISP): the setting's statutory record of a child or young person's barriers to learning and participation and of the provision in place to overcome them, with reasonable adjustments, intended outcomes, delivery, reviews and transition planning. Produced by the school, college or early years setting with the family. Extension policy: every core object is closed (additionalProperties false). Implementers add data only under the root 'extensions' object, keyed by a reverse-DNS namespace they control (e.g. 'uk.co.vendor'). Receivers keep extensions they do not understand and pass them on unchanged. Extensions never change the meaning of core fields.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "IndividualSupportPlan".
 */
export interface IndividualSupportPlan {
/**
 * Identifies this document as an Individual Support Plan. Tools use it to choose the schema, like FHIR's resourceType.
 */
documentType: "isp"
schemaVersion: SchemaVersion
id: Uuid
provenance: Provenance
status: IspStatus
closure?: Closure
child: Child
owner: Setting
/**
 * The history of the child's layer of support as periods, oldest first; the current layer has no end date.
 * 
 * @minItems 1
 */
layersOfSupport: LayerOfSupportPeriod[]
/**
 * The child's strengths to build on.
 */
strengths?: Strength[]
/**
 * Identified barriers, each tagged by area of development. May be empty only in a draft (a quality rule checks this).
 */
barriers: Barrier[]
/**
 * Specified and quantified provision items, each linked to the barriers it addresses and the outcomes it serves.
 */
provision: ProvisionItem[]
/**
 * Equality Act reasonable adjustments, kept separate from special educational provision. May be empty.
 */
reasonableAdjustments: ReasonableAdjustment[]
/**
 * Intended outcomes with measurable success criteria and progress.
 */
outcomes: Outcome[]
/**
 * What provision was actually delivered, period by period.
 */
deliveryRecords?: DeliveryRecord[]
/**
 * Reviews of the ISP (at least annually), oldest first. May be empty for a new ISP.
 */
reviews: Review[]
/**
 * The child's access to inclusion bases.
 */
inclusionBaseAccess?: InclusionBaseAccess[]
/**
 * People who know the child and what has worked, for relational continuity.
 */
keyPeople?: KeyPerson[]
transitionPlan?: TransitionPlan
links?: IspLinks
classroomSummary?: ClassroomSummary
/**
 * Views of the child or young person, parents or carers and professionals.
 */
voice?: VoiceStatement[]
/**
 * Communications and actions between home and the setting.
 */
actionLog?: ActionLogEntry[]
/**
 * Sharing labels per section of this ISP; they override the schema defaults.
 */
sharing?: SectionSharing[]
extensions?: Extensions
}
/**
 * Who created and last changed a document, when, in which system and why. Fields marked receiver-side are set by a receiving system on import and are never signed by the sender.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Provenance".
 */
export interface Provenance {
createdBy: PersonRef
/**
 * When the document was created.
 */
createdAt: string
updatedBy?: PersonRef
/**
 * When the latest change was made.
 */
updatedAt?: string
system: SystemInfo
/**
 * Why the latest change was made, in plain English (e.g. 'Annual review', 'Provision updated after SaLT advice').
 */
changeReason?: string
/**
 * When a receiving system imported this document from a transfer bundle. Set by the receiver.
 */
importedAt?: string
importedFromBundleId?: Uuid
}
/**
 * A reference to a person, or to a system acting on its own, who did or said something in a record. Carries a role rather than contact details.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "PersonRef".
 */
export interface PersonRef {
personType: PersonType
/**
 * An identifier for the person within the sending system or this document (e.g. a contact's local id or a staff id). Optional.
 */
id?: string
/**
 * The name to show for this person or system.
 */
displayName?: string
role?: PractitionerRole
/**
 * For a practitioner or system, the organisation they act for.
 */
organisationName?: string
}
/**
 * A software system that holds or sends records.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SystemInfo".
 */
export interface SystemInfo {
/**
 * The product name.
 */
name: string
/**
 * The product version.
 */
version: string
/**
 * Who supplies the system.
 */
vendor?: string
}
/**
 * Why and when the ISP was closed.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "Closure".
 */
export interface Closure {
reason: IspClosureReason
/**
 * When the ISP was closed.
 */
closedOn: string
/**
 * More detail in plain English.
 */
note?: string
}
/**
 * The child or young person the record is about: identifiers, names, date of birth, languages, communication needs and the adults with parental responsibility.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Child".
 */
export interface Child {
personId?: Uuid
identifiers?: ChildIdentifiers
legalName: PersonName
/**
 * The name the child likes to be called, if different from the legal given name.
 */
preferredName?: string
/**
 * The child's date of birth.
 */
dateOfBirth: string
/**
 * Languages the child uses.
 */
languages?: ChildLanguage[]
/**
 * How the child communicates and how to communicate with them.
 */
communicationNeeds?: CommunicationNeed[]
/**
 * Parents, carers and others with parental responsibility, each with their own access needs.
 */
contacts?: ParentalContact[]
yearGroup?: NcYearGroup
/**
 * True if the child is taught in a year group other than the one for their age (e.g. delayed Reception entry for a summer-born child).
 */
taughtOutOfYearGroup?: boolean
circumstances?: ChildCircumstances
}
/**
 * National and local identifiers of the child. Check digits are verified by the SDK formats.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ChildIdentifiers".
 */
export interface ChildIdentifiers {
/**
 * The current Unique Pupil Number (13 characters, check letter first).
 */
upn?: string
/**
 * Earlier Unique Pupil Numbers, including temporary UPNs, kept so records can be matched.
 */
formerUpns?: string[]
/**
 * The 10-digit Unique Learner Number, for learners aged 14 and over.
 */
uln?: string
/**
 * The 10-digit NHS number, without spaces.
 */
nhsNumber?: string
/**
 * Identifiers issued by settings, local authorities or health systems.
 */
localIds?: LocalIdentifier[]
}
/**
 * An identifier issued by one system (e.g. an MIS admission number or an LA case number).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "LocalIdentifier".
 */
export interface LocalIdentifier {
/**
 * Who issued the identifier: a namespace such as 'urn:la:926:case' or a system name.
 */
system: string
/**
 * The identifier value.
 */
value: string
}
/**
 * A person's name as separate parts.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "PersonName".
 */
export interface PersonName {
/**
 * Given (first) name or names, as legally recorded.
 */
given: string
/**
 * Middle name or names, if any.
 */
middle?: string
/**
 * Family name (surname), as legally recorded.
 */
family: string
}
/**
 * A language the child uses.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ChildLanguage".
 */
export interface ChildLanguage {
language: LanguageTag
/**
 * True if this is the child's first language (the language they were exposed to first at home).
 */
isFirstLanguage?: boolean
/**
 * Where the child uses this language.
 */
usedAt?: LanguageUsePlace[]
}
/**
 * How the child communicates and what others need to do to communicate with them.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "CommunicationNeed".
 */
export interface CommunicationNeed {
/**
 * The communication need in plain English (e.g. 'Uses Makaton signs alongside speech; give one instruction at a time').
 */
description: string
/**
 * Methods the child uses or needs.
 */
methods?: CommunicationMethod[]
}
/**
 * A parent, carer or other person with parental responsibility or a caring role for the child, with their own access needs.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ParentalContact".
 */
export interface ParentalContact {
id: LocalId
name: PersonName
relationship: ContactRelationship
/**
 * True if the contact has parental responsibility in law.
 */
hasParentalResponsibility: boolean
contactDetails?: ContactDetails
accessNeeds?: AccessNeeds
/**
 * Languages the contact uses, as BCP 47 tags.
 */
languages?: LanguageTag[]
}
/**
 * How to contact a person. Only include what the purpose of the record needs.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ContactDetails".
 */
export interface ContactDetails {
/**
 * Email address.
 */
email?: string
/**
 * Telephone number, as written (UK or international form).
 */
phone?: string
/**
 * Postal address as free text lines.
 */
address?: string
preferredMethod?: ContactMethod
}
/**
 * What a person needs to take part in meetings and read documents (e.g. an interpreter or large print).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "AccessNeeds".
 */
export interface AccessNeeds {
/**
 * True if the person needs a spoken-language or sign-language interpreter.
 */
interpreterRequired?: boolean
interpreterLanguage?: LanguageTag
/**
 * Formats in which documents must be provided to this person.
 */
formats?: DocumentFormat[]
/**
 * Any other access need in plain English (e.g. step-free access, meetings after 3pm).
 */
otherNeeds?: string
}
/**
 * Pupil premium, free school meals, looked-after and child-in-need status as recorded by the setting or local authority on a date. They decide funding routes (pupil premium, looked-after children pupil premium) and who must be involved (virtual school head, social worker).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ChildCircumstances".
 */
export interface ChildCircumstances {
/**
 * When these flags were last checked.
 */
recordedOn: string
/**
 * True if the child attracts pupil premium or early years pupil premium funding.
 */
pupilPremium?: boolean
/**
 * True if the child is eligible for free school meals (census FSMeligible).
 */
freeSchoolMealsEligible?: boolean
/**
 * True if the child is looked after by a local authority (Children Act 1989 s.22).
 */
lookedAfter?: boolean
/**
 * True if the child left care through adoption, a special guardianship order or a child arrangements order.
 */
previouslyLookedAfter?: boolean
/**
 * True if the child is a child in need (Children Act 1989 s.17), including a child protection plan.
 */
childInNeed?: boolean
/**
 * True if the child is subject to a child protection plan.
 */
childProtectionPlan?: boolean
}
/**
 * An early years setting, school, college or other education provider, with its identifiers and any inclusion bases.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Setting".
 */
export interface Setting {
/**
 * The setting's name.
 */
name: string
/**
 * Unique Reference Number from Get Information About Schools.
 */
urn?: string
/**
 * UK Provider Reference Number (colleges and other providers).
 */
ukprn?: string
/**
 * Local authority code plus establishment number (7 digits).
 */
laestab?: string
/**
 * The three-digit code of the local authority the setting is in.
 */
laCode?: string
/**
 * Phases of education the setting serves (an all-through school has several).
 */
phases?: PhaseOfEducation[]
settingType: SettingType
/**
 * Inclusion bases the setting operates.
 */
inclusionBases?: InclusionBase[]
}
/**
 * An inclusion base run by a setting: a Support Base (commissioned by the setting or trust, Targeted support) or a Specialist Base (commissioned by the local authority, Specialist support). Replaces 'SEN unit', 'resourced provision' and 'pupil support unit'.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "InclusionBase".
 */
export interface InclusionBase {
id: LocalId
/**
 * The base's name as used by the setting.
 */
name?: string
model: InclusionBaseModel
/**
 * Who commissions and funds the base.
 */
commissioner?: {
commissionerType: InclusionBaseCommissionerType
/**
 * The commissioner's name.
 */
name?: string
/**
 * For a local authority commissioner, its three-digit code.
 */
laCode?: string
}
/**
 * The number of places the base offers.
 */
capacity?: number
/**
 * What the base specialises in, in plain English (e.g. 'communication and interaction', 'high risk of exclusion'). No national list exists yet.
 */
specialisms?: string[]
/**
 * Areas of development the base is designed to support.
 */
areasOfDevelopment?: AreaOfDevelopment[]
/**
 * When the base opened (or became an inclusion base).
 */
openedOn?: string
formerModel?: FormerBaseModel
/**
 * What the base specialises in, as codes.
 */
specialismCodes?: BaseSpecialism[]
/**
 * What the base provides to every child who uses it (e.g. visual timetables, a calm space at break).
 */
offerToEveryChild?: string[]
/**
 * What the base's staff are trained to support.
 */
staffTrainedIn?: BaseSpecialism[]
/**
 * Regular input from health professionals.
 */
healthInput?: BaseHealthInput[]
}
/**
 * Regular input to an inclusion base from a health professional.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "BaseHealthInput".
 */
export interface BaseHealthInput {
role: PractitionerRole
service?: ExternalSupportService
frequency?: Frequency
/**
 * What they do in the base.
 */
description?: string
}
/**
 * How often something happens: 'count' times per 'per' (e.g. 3 per week), a range ('count' to 'countMax'), or when needed up to a cap.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Frequency".
 */
export interface Frequency {
/**
 * How many times per unit.
 */
count: number
per: FrequencyUnit
/**
 * For a range such as '2-3 times a week', the upper count; 'count' is then the lower count. Must not be below 'count' (a quality rule checks this).
 */
countMax?: number
/**
 * True if the provision is given when needed, up to 'count' (or 'countMax') times per unit; the count is then a cap, not a promise of that many sessions.
 */
whenNeeded?: boolean
/**
 * True if the provision runs in term time only (school terms), not in holidays.
 */
termTimeOnly?: boolean
}
/**
 * One period during which the child received support at one layer. The list of periods is the history of the child's layer of support.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "LayerOfSupportPeriod".
 */
export interface LayerOfSupportPeriod {
id: LocalId
layer: LayerOfSupport
period: Period
/**
 * Why the child moved to this layer, in plain English.
 */
reason?: string
decidedBy?: PersonRef
}
/**
 * A span of time from a start date to an optional end date (inclusive). No end date means ongoing.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Period".
 */
export interface Period {
/**
 * The first day of the period.
 */
start: string
/**
 * The last day of the period, if known.
 */
end?: string
}
/**
 * Something the child is good at, enjoys or that helps them, to build on.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "Strength".
 */
export interface Strength {
id: LocalId
/**
 * The strength in plain English.
 */
description: string
areaOfDevelopment?: AreaOfDevelopment
identifiedBy?: PersonRef
}
/**
 * An identified barrier to the child's learning or participation, tagged by area of development. Every barrier should be addressed by at least one provision item or reasonable adjustment (a quality rule checks this).
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "Barrier".
 */
export interface Barrier {
id: LocalId
/**
 * The barrier in plain English, describing what gets in the way and when.
 */
description: string
areaOfDevelopment: AreaOfDevelopment
/**
 * The sub-components of the area concerned (e.g. working memory, speech).
 */
subComponents?: AreaSubComponent[]
persistence: BarrierPersistence
/**
 * Factors that contribute to the barrier.
 */
contributingFactors?: ContributingFactor[]
/**
 * When the barrier was first identified.
 */
identifiedOn?: string
identifiedBy?: PersonRef
/**
 * Evidence for the barrier (e.g. screening tool and version, assessment report).
 */
evidence?: EvidenceReference[]
sharing?: SharingLabels
}
/**
 * Something that contributes to a barrier (e.g. an environmental or contextual factor, a disability, a health condition such as glue ear).
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "ContributingFactor".
 */
export interface ContributingFactor {
/**
 * The factor in plain English.
 */
description: string
factorType?: ContributingFactorType
}
/**
 * A pointer to the evidence behind a judgement or a provision: a National Inclusion Standards entry, a screening tool with its version, an assessment report, research or an observation.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "EvidenceReference".
 */
export interface EvidenceReference {
kind: EvidenceKind
/**
 * The identifier of the evidence in its source (e.g. a National Inclusion Standards reference, a report number).
 */
reference?: string
/**
 * The name of the evidence (e.g. intervention or tool name).
 */
title?: string
/**
 * For a screening or assessment tool, its name (e.g. 'LanguageScreen').
 */
toolName?: string
/**
 * For a screening or assessment tool, the version used.
 */
toolVersion?: string
/**
 * The date of the evidence (e.g. when the screening was done).
 */
date?: string
/**
 * A link to the evidence, where one exists.
 */
url?: string
author?: PersonRef
result?: EvidenceResult
fromCheck?: DevelopmentalCheck
fromReviewId?: LocalId
fromDocument?: DocumentReference
}
/**
 * The result of a screening or assessment: a score on a named scale and how it compares with what is expected.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "EvidenceResult".
 */
export interface EvidenceResult {
/**
 * The score or raw value.
 */
score?: number
/**
 * The maximum possible score, where the scale has one.
 */
scoreMax?: number
/**
 * What the score is on (e.g. 'standard score', 'months', 'words per minute').
 */
scale?: string
/**
 * The age-standardised score (mean 100), where the tool gives one.
 */
standardScore?: number
band?: EvidenceResultBand
/**
 * The result in plain English.
 */
summary?: string
}
/**
 * A reference from one SEND Interchange document to another.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "DocumentReference".
 */
export interface DocumentReference {
documentType: DocumentType
/**
 * The referenced document's id (a UUID; for an SPP, the catalogue id).
 */
id: string
/**
 * The version of the referenced document, where versions matter (semantic version for SPPs).
 */
version?: string
/**
 * A human-readable title for the referenced document.
 */
title?: string
}
/**
 * One specified and quantified piece of provision: what, who delivers it and with what expertise, group size, session length, frequency, when, where, on what evidence, how funded, and under which legal basis. Each item lists the barriers it addresses and the outcomes it serves. An item addresses at least one barrier, or builds on at least one strength, or both (a quality rule checks this).
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "ProvisionItem".
 */
export interface ProvisionItem {
id: LocalId
/**
 * A short name for the provision (e.g. 'Small-group vocabulary pre-teaching').
 */
title?: string
/**
 * What will be done, specifically, in plain English.
 */
description: string
provisionType: ProvisionType
apSupportTier?: ApSupportTier
legalBasis: LegalBasis
/**
 * Areas of development the provision works on.
 */
areasOfDevelopment?: AreaOfDevelopment[]
deliveredBy: ProvisionDeliverer
/**
 * How many children take part in a session (1 means individual).
 */
groupSize?: number
/**
 * How many adults deliver each session.
 */
adultsPerGroup?: number
/**
 * How long each session lasts, in minutes.
 */
sessionLengthMinutes?: number
frequency?: Frequency
period?: Period
location?: DeliveryLocation
inclusionBaseId?: LocalId
/**
 * The evidence behind the provision (e.g. a National Inclusion Standards reference).
 */
evidence?: EvidenceReference[]
fundingRoute?: FundingRoute
/**
 * The ids of the barriers this provision addresses.
 * 
 * @minItems 1
 */
addressesBarrierIds?: LocalId[]
/**
 * The ids of the intended outcomes this provision serves.
 */
servesOutcomeIds?: LocalId[]
/**
 * When the provision delivers a component of a Specialist Provision Package guaranteed by an EHCP, the component id in that package.
 */
sppComponentId?: string
/**
 * What has been learned about how this provision works best for the child.
 */
whatHasWorked?: string
sharing?: SharingLabels
/**
 * For a range such as 'individual or small group', the largest group; 'groupSize' is then the smallest. Must not be below 'groupSize' (a quality rule checks this).
 */
groupSizeMax?: number
subject?: CurriculumSubject
/**
 * When in the week it is timetabled (e.g. Tuesday period 3).
 */
timetableSlots?: TimetableSlot[]
/**
 * The ids of the strengths this provision builds on (e.g. a maths group for a talented mathematician).
 * 
 * @minItems 1
 */
buildsOnStrengthIds?: LocalId[]
/**
 * Whether the parent or carer, or the young person, agrees with this provision item, when they said so and why.
 */
familyAgreement?: FamilyAgreement[]
}
/**
 * Who delivers a provision item and with what expertise.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ProvisionDeliverer".
 */
export interface ProvisionDeliverer {
role: PractitionerRole
/**
 * The training, qualification or level of expertise required (e.g. 'TA trained in ELKLAN level 3').
 */
expertise?: string
practitioner?: Practitioner
supervisedBy?: PractitionerRole
trainedBy?: ExternalProfessional
supervisedByProfessional?: ExternalProfessional
}
/**
 * A professional who works with the child: their role and organisation.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Practitioner".
 */
export interface Practitioner {
/**
 * An identifier for the practitioner in the sending system, if shared.
 */
id?: string
name?: PersonName
role: PractitionerRole
/**
 * The role in the organisation's own words, if more specific than the code.
 */
roleDescription?: string
organisation?: Organisation
contactDetails?: ContactDetails
}
/**
 * An organisation such as a local authority, an integrated care board, a health provider or a trust.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Organisation".
 */
export interface Organisation {
/**
 * The organisation's name.
 */
name: string
organisationType?: OrganisationType
/**
 * The three-digit DfE local authority code, for local authorities.
 */
laCode?: string
/**
 * The Unique Reference Number from Get Information About Schools, where the organisation has one.
 */
urn?: string
/**
 * The UK Provider Reference Number, where the organisation has one.
 */
ukprn?: string
/**
 * The NHS Organisation Data Service code, for NHS bodies (e.g. an ICB).
 */
odsCode?: string
}
/**
 * A professional or service outside the setting who trains, supervises or advises the staff who deliver provision.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ExternalProfessional".
 */
export interface ExternalProfessional {
role: PractitionerRole
service?: ExternalSupportService
person?: PersonRef
organisation?: Organisation
}
/**
 * When in the school week a provision item takes place (e.g. Tuesday period 3).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "TimetableSlot".
 */
export interface TimetableSlot {
day: Weekday
slot?: SchoolDaySlot
/**
 * The lesson period number, when the slot is a lesson (e.g. 3 for period 3).
 */
lessonPeriod?: number
/**
 * Start time, 24-hour HH:MM.
 */
startTime?: string
subject?: CurriculumSubject
}
/**
 * A parent's, carer's or young person's stance on one item of a plan (a provision item, a review's account, a delivery record), recorded with its date and, for partial agreement or disagreement, the reason in their words.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "FamilyAgreement".
 */
export interface FamilyAgreement {
stance: AgreementStance
by: PersonRef
/**
 * When the stance was given.
 */
recordedOn: string
/**
 * Why, in their words; expected when they partly agree or disagree (a quality rule checks this).
 */
reason?: string
recordedBy?: PersonRef
givenVia?: ContactMethod
}
/**
 * An adjustment made under the Equality Act 2010 duty (separate from special educational provision), e.g. early access to the dinner hall, large-print materials, uniform alternatives.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "ReasonableAdjustment".
 */
export interface ReasonableAdjustment {
id: LocalId
/**
 * The adjustment in plain English.
 */
description: string
/**
 * When and where the adjustment applies (e.g. 'lunchtimes', 'all written materials').
 */
context?: string
/**
 * The ids of the barriers this adjustment addresses.
 */
addressesBarrierIds?: LocalId[]
/**
 * When the adjustment was agreed.
 */
agreedOn?: string
/**
 * When the adjustment should next be reviewed.
 */
reviewBy?: string
/**
 * True if the adjustment should be offered at the next setting, at post-16 or in employment (e.g. via the Adjustments Planner).
 */
carryForward?: boolean
adjustmentType?: AdjustmentType
}
/**
 * A specific goal for the child with measurable success criteria, linked to the barriers it overcomes and the provision that serves it, with progress records.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "Outcome".
 */
export interface Outcome {
id: LocalId
/**
 * The outcome in plain English, from the child's point of view where possible.
 */
description: string
areaOfDevelopment?: AreaOfDevelopment
/**
 * The ids of the barriers this outcome is about.
 */
barrierIds?: LocalId[]
/**
 * The ids of the provision items that serve this outcome.
 */
provisionIds?: LocalId[]
/**
 * Measurable criteria for the outcome.
 * 
 * @minItems 1
 */
successCriteria: SuccessCriterion[]
status?: OutcomeStatus
/**
 * Progress recorded over time, oldest first.
 */
progress?: ProgressRecord[]
}
/**
 * A measurable criterion for an outcome: what is measured, where the child starts, the target and the date to reach it.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "SuccessCriterion".
 */
export interface SuccessCriterion {
id: LocalId
/**
 * What is measured and how (e.g. 'number of words in spontaneous sentences, from a 10-minute sample').
 */
measure: string
/**
 * The starting point, with its date if useful.
 */
baseline?: string
/**
 * The target to reach.
 */
target: string
/**
 * The date by which the target should be reached.
 */
byDate: string
}
/**
 * A recorded step of progress towards an outcome, on a small-step scale.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "ProgressRecord".
 */
export interface ProgressRecord {
/**
 * When progress was assessed.
 */
recordedOn: string
/**
 * Where the child is on a small-step scale (e.g. step 3 of 5).
 */
smallStep?: {
/**
 * The step reached.
 */
achieved: number
/**
 * The number of steps in the scale.
 */
outOf: number
/**
 * The name of the small-step scale used, if a published one.
 */
scaleName?: string
}
successCriterionId?: LocalId
/**
 * What was observed, in plain English.
 */
note?: string
recordedBy: PersonRef
}
/**
 * What was actually delivered of one provision item in one period: sessions planned against sessions delivered, and why any were not delivered.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "DeliveryRecord".
 */
export interface DeliveryRecord {
id: LocalId
provisionId: LocalId
period: Period
/**
 * How many sessions were planned in the period.
 */
sessionsPlanned: number
/**
 * How many sessions actually took place.
 */
sessionsDelivered: number
status: DeliveryStatus
notDeliveredReason?: NotDeliveredReason
/**
 * More detail in plain English.
 */
note?: string
recordedBy?: PersonRef
/**
 * Whether the parent or carer, or the young person, agrees with this delivery record, when they said so and why.
 */
familyAgreement?: FamilyAgreement[]
}
/**
 * A review in the assess–plan–do–review cycle: who took part, what worked, what did not, changes agreed, the outcome and the next review date.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "Review".
 */
export interface Review {
id: LocalId
reviewType: ReviewType
/**
 * When the review took place.
 */
heldOn: string
/**
 * Which assess-plan-do-review cycle this review closes (1 for the first).
 */
cycleNumber?: number
/**
 * Who was invited and who attended, including the parent and child.
 */
participants?: ReviewParticipant[]
/**
 * What worked well since the last review.
 */
whatWorked?: string
/**
 * What did not work, or not as hoped.
 */
whatDidNotWork?: string
/**
 * Changes agreed at the review.
 */
changesAgreed?: string[]
decision: ReviewDecision
/**
 * When the next review is due (at most 12 months later; a quality rule checks this).
 */
nextReviewDue?: string
/**
 * Whether the parent or carer, or the young person, agrees with the review's account and the changes agreed, when they said so and why.
 */
familyAgreement?: FamilyAgreement[]
}
/**
 * Someone invited to a review, and whether they attended.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ReviewParticipant".
 */
export interface ReviewParticipant {
role: VoiceRole
person?: PersonRef
/**
 * True if the participant took part (in person or remotely).
 */
attended: boolean
/**
 * True if the participant sent views in writing instead of, or as well as, attending.
 */
contributedInWriting?: boolean
}
/**
 * The child's access to an inclusion base, with the planned share of time in mainstream classes.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "InclusionBaseAccess".
 */
export interface InclusionBaseAccess {
id: LocalId
inclusionBaseId: LocalId
model: InclusionBaseModel
period: Period
/**
 * The planned share of the child's time spent in mainstream classes, as a percentage of the timetable.
 */
plannedMainstreamPercent?: number
/**
 * How the child takes part in mainstream school life and moves towards more time in mainstream classes.
 */
participationPlan?: string
/**
 * When the base access will be reviewed.
 */
reviewOn?: string
/**
 * The planned mainstream share per subject, where it differs between subjects.
 */
mainstreamBySubject?: SubjectMainstreamTime[]
}
/**
 * The planned share of one subject's lessons the child spends in the mainstream class.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SubjectMainstreamTime".
 */
export interface SubjectMainstreamTime {
subject: CurriculumSubject
/**
 * The share of this subject's lessons spent in the mainstream class.
 */
mainstreamPercent: number
}
/**
 * Someone who knows the child and has worked with them, kept for relational continuity: who they are, when they worked with the child and what has worked.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "KeyPerson".
 */
export interface KeyPerson {
id: LocalId
person?: PersonRef
role: PractitionerRole
organisation?: Organisation
period?: Period
/**
 * What this person found works for the child.
 */
whatHasWorked?: string
sharing?: SharingLabels
}
/**
 * The plan for the child's next move: next setting, kind of move, activities with dates, post-16 planning start and planned destination.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "TransitionPlan".
 */
export interface TransitionPlan {
nextSetting?: SettingRef
transitionType?: TransferReason
nextPhase?: PhaseOfEducation
/**
 * When the move is planned.
 */
plannedMoveOn?: string
/**
 * Transition activities with dates.
 */
activities?: TransitionActivity[]
/**
 * When planning for the move to post-16 (or adulthood) started. Must be at least 12 months before the planned move (a quality rule checks this).
 */
post16PlanningStartedOn?: string
/**
 * The young person's planned destination after leaving (e.g. college course, apprenticeship, supported internship).
 */
plannedDestination?: string
}
/**
 * Cites a setting by its identifiers (URN, UKPRN or LAESTAB, as in Get Information About Schools or the UK Register of Learning Providers) and name, with the type and phases a reader needs without looking it up. It does not copy the setting's own record (its inclusion bases live there). Give at least one identifier (URN, UKPRN or LAESTAB) wherever the setting has one.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SettingRef".
 */
export interface SettingRef {
/**
 * The setting's name.
 */
name: string
/**
 * Unique Reference Number from Get Information About Schools.
 */
urn?: string
/**
 * UK Provider Reference Number (colleges and other providers).
 */
ukprn?: string
/**
 * Local authority code plus establishment number (7 digits).
 */
laestab?: string
/**
 * The three-digit code of the local authority the setting is in.
 */
laCode?: string
settingType?: SettingType
/**
 * Phases of education the setting serves (an all-through school has several).
 */
phases?: PhaseOfEducation[]
}
/**
 * One activity in a transition plan (e.g. a visit to the new setting).
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "TransitionActivity".
 */
export interface TransitionActivity {
id: LocalId
/**
 * What will happen.
 */
description: string
/**
 * When it is planned.
 */
plannedOn?: string
/**
 * When it took place.
 */
completedOn?: string
responsible?: PersonRef
activityType?: TransitionActivityType
}
/**
 * Links from the ISP to the child's other SEND documents.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "IspLinks".
 */
export interface IspLinks {
ehcp?: DocumentReference
legacyEhcp?: DocumentReference
/**
 * The packages the child's EHCP is based on.
 */
spps?: SppReference[]
developmentProfile?: DocumentReference
previousIsp?: DocumentReference
}
/**
 * A reference to one version of a Specialist Provision Package in the national catalogue.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SppReference".
 */
export interface SppReference {
/**
 * Always 'spp'.
 */
documentType: "spp"
/**
 * The package's catalogue id (e.g. 'spp-illustrative-slcn-complex') or the UUID of the catalogue entry.
 */
id: (SppCatalogueId | Uuid)
version: SemanticVersion
/**
 * The package title, for display.
 */
title?: string
}
/**
 * A short summary for any adult teaching the child: what they need to know and what they need to do. Deliberately length-limited.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "ClassroomSummary".
 */
export interface ClassroomSummary {
/**
 * The key facts about the child's strengths and barriers, in at most 600 characters.
 */
needToKnow: string
/**
 * The key actions in class, in at most 600 characters.
 */
needToDo: string
/**
 * When the summary was last checked.
 */
updatedOn?: string
}
/**
 * Something the child, young person, parent or carer, or a professional said about the child's experience, wishes or views, with how and when it was captured and whether it may be shared.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "VoiceStatement".
 */
export interface VoiceStatement {
id: LocalId
authorRole: VoiceRole
author?: PersonRef
captureMethod: VoiceCaptureMethod
capturedBy?: PersonRef
/**
 * The date the view was given.
 */
capturedOn: string
/**
 * True if the author (or, for a young child, the parent) agreed that this statement may be shared with other settings and services.
 */
consentToShare: boolean
/**
 * What the statement is about (e.g. 'what helps me learn', 'my aspirations').
 */
topic?: string
/**
 * The statement, in the author's own words where possible.
 */
text: string
sharing?: SharingLabels
}
/**
 * A record of communication or an action between the family and the setting (D:366: documenting actions taken between parents and educators).
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "ActionLogEntry".
 */
export interface ActionLogEntry {
id: LocalId
/**
 * When the communication took place or the entry was made.
 */
at: string
direction: ActionLogDirection
raisedBy?: PersonRef
/**
 * What was said or done.
 */
summary: string
/**
 * Actions agreed as a result.
 */
actionsAgreed?: AgreedAction[]
sharing?: SharingLabels
}
/**
 * An action agreed between home and setting.
 * 
 * This interface was referenced by `IndividualSupportPlan`'s JSON-Schema
 * via the `definition` "AgreedAction".
 */
export interface AgreedAction {
/**
 * What will be done.
 */
description: string
owner?: PersonRef
/**
 * When it should be done.
 */
dueBy?: string
/**
 * When it was done.
 */
completedOn?: string
}
/**
 * The sharing labels of one section of a document. The effective labels of any value are those of the nearest item-level 'sharing' field, else of the longest matching section entry here, else the schema's default (the x-send-sharing annotation).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SectionSharing".
 */
export interface SectionSharing {
/**
 * A JSON Pointer (RFC 6901) to the section within this document, e.g. '/barriers' or '/healthProvision'.
 */
section: string
labels: SharingLabels
}
/**
 * Implementer data outside the standard. The ONLY open object: keys are reverse-DNS namespaces the implementer controls (e.g. 'uk.co.vendor'), each value is an object whose content the namespace owner defines. Receivers keep extensions they do not understand and pass them on unchanged; extensions never change the meaning of core fields.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Extensions".
 */
export interface Extensions {
/**
 * The data of one namespace. Its content is defined by the namespace owner and is deliberately open.
 * 
 * This interface was referenced by `Extensions`'s JSON-Schema definition
 * via the `patternProperty` "^[a-z0-9]+(\.[a-z0-9-]+)+$".
 */
[k: string]: {

} | undefined
}
/**
 * An Education, Health and Care Plan (EHCP) in the new SPP-based template: owned by the local authority, it guarantees the educational provision of one or more Specialist Provision Packages, the expected outcomes, health and social care provision and the named placement. The detailed day-to-day provision is in the child's ISP. Extension policy: every core object is closed (additionalProperties false). Implementers add data only under the root 'extensions' object, keyed by a reverse-DNS namespace they control (e.g. 'uk.co.vendor'). Receivers keep extensions they do not understand and pass them on unchanged. Extensions never change the meaning of core fields.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Ehcp".
 */
export interface Ehcp {
/**
 * Identifies this document as an Education, Health and Care Plan. Tools use it to choose the schema, like FHIR's resourceType.
 */
documentType: "ehcp"
schemaVersion: SchemaVersion
id: Uuid
provenance: Provenance
status: EhcpStatus
child: Child
owner: LocalAuthority
healthCommissioner?: Organisation
/**
 * When the final plan was issued.
 */
issuedOn?: string
/**
 * The package or packages the plan is based on, each with its binding version. Whether one or several are allowed is an open question, so several are accepted.
 * 
 * @minItems 1
 */
packages: AssignedPackage[]
/**
 * Educational provision guaranteed from the packages, each linked to a package component.
 */
guaranteedProvision: GuaranteedProvisionItem[]
/**
 * Outcomes the child or young person should expect to achieve.
 */
expectedOutcomes: ExpectedOutcome[]
/**
 * Health provision agreed in the assessment.
 */
healthProvision?: HealthProvisionItem[]
/**
 * Social care provision agreed in the assessment.
 */
socialCareProvision?: SocialCareProvisionItem[]
namedPlacement?: NamedPlacement
placement?: PlacementDecision
needsAssessment?: NeedsAssessment
reviewSchedule?: ReviewSchedule
/**
 * Reviews held, oldest first.
 */
reviews?: EhcpReview[]
/**
 * Mediation and appeal events for appealable decisions.
 */
disputes?: DisputeEvent[]
cessation?: Cessation
links?: EhcpLinks
/**
 * Views of the child or young person, parents or carers and professionals.
 */
voice?: VoiceStatement[]
/**
 * Sharing labels per section; override the schema defaults.
 */
sharing?: SectionSharing[]
extensions?: Extensions
}
/**
 * A local authority in England.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "LocalAuthority".
 */
export interface LocalAuthority {
/**
 * The three-digit DfE local authority code.
 */
laCode: string
/**
 * The local authority's name.
 */
name: string
}
/**
 * A Specialist Provision Package the child was matched to, with the version that binds this EHCP.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "AssignedPackage".
 */
export interface AssignedPackage {
spp: SppReference
/**
 * When the local authority decided the child needs this package.
 */
decidedOn: string
/**
 * True if the package is one where parents and young people may express a preference only for a mainstream setting (copied from the catalogue entry).
 */
mainstreamOnly?: boolean
status?: PackageAssignmentStatus
/**
 * When the package stopped applying (required when superseded or ended; a quality rule checks this).
 */
endedOn?: string
basis?: PackageAssignmentBasis
disputeId?: LocalId
}
/**
 * Educational provision guaranteed by the EHCP, taken from a component of a Specialist Provision Package. Day-to-day detail lives in the ISP.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "GuaranteedProvisionItem".
 */
export interface GuaranteedProvisionItem {
id: LocalId
sppId: SppCatalogueId
/**
 * The id of the component in that package (spp.provisionComponents[].id).
 */
sppComponentId: string
/**
 * The guaranteed provision in plain English.
 */
description: string
deliveredBy?: ProvisionDeliverer
frequency?: Frequency
/**
 * Session length in minutes, where quantified.
 */
sessionLengthMinutes?: number
/**
 * Children per session (1 = individual), where quantified.
 */
groupSize?: number
/**
 * Whether the parent or carer, or the young person, agrees with this guaranteed provision, when they said so and why.
 */
familyAgreement?: FamilyAgreement[]
/**
 * For a range such as 'individual or small group', the largest group; 'groupSize' is then the smallest. Must not be below 'groupSize' (a quality rule checks this).
 */
groupSizeMax?: number
subject?: CurriculumSubject
}
/**
 * An outcome the child or young person should expect to achieve, including for adult life.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "ExpectedOutcome".
 */
export interface ExpectedOutcome {
id: LocalId
/**
 * The outcome in plain English.
 */
description: string
areaOfDevelopment?: AreaOfDevelopment
/**
 * When the outcome should be achieved.
 */
byDate?: string
/**
 * Ids of the guaranteed, health or social care provision that serves this outcome.
 */
provisionIds?: LocalId[]
}
/**
 * Health provision identified and secured by the responsible health commissioner.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "HealthProvisionItem".
 */
export interface HealthProvisionItem {
id: LocalId
/**
 * The health provision, specified and quantified.
 */
description: string
provider?: Organisation
deliveredBy?: ProvisionDeliverer
frequency?: Frequency
/**
 * Session length in minutes.
 */
sessionLengthMinutes?: number
period?: Period
/**
 * When the health commissioner agreed it.
 */
agreedOn?: string
sharing?: SharingLabels
}
/**
 * Social care provision, with the statutory basis it is made under.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "SocialCareProvisionItem".
 */
export interface SocialCareProvisionItem {
id: LocalId
/**
 * The social care provision, specified and quantified.
 */
description: string
statutoryBasis?: SocialCareStatutoryBasis
provider?: Organisation
frequency?: Frequency
period?: Period
sharing?: SharingLabels
}
/**
 * The setting named in the EHCP and its type; if no setting is named, the type only.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "NamedPlacement".
 */
export interface NamedPlacement {
setting?: SettingRef
settingType: SettingType
inclusionBaseId?: LocalId
/**
 * When the placement starts.
 */
startsOn?: string
}
/**
 * The list of settings offered (those able to deliver the package) and the family's preference with the decision.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "PlacementDecision".
 */
export interface PlacementDecision {
/**
 * When the list was given to the family.
 */
listOfferedOn?: string
/**
 * True if any assigned package is mainstream-only, so preference is limited to mainstream settings.
 */
mainstreamOnly?: boolean
/**
 * The recommended settings able to deliver the package.
 */
offeredSettings?: PlacementOption[]
/**
 * Settings requested by the parent or young person, with decisions.
 */
preferences?: Preference[]
}
/**
 * A setting on the local authority's list of recommended settings able to deliver the package.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "PlacementOption".
 */
export interface PlacementOption {
setting: SettingRef
/**
 * The packages the setting can deliver.
 */
ableToDeliver?: SppReference[]
/**
 * True if the setting has a place available.
 */
hasCapacity?: boolean
/**
 * Other information given to the family.
 */
note?: string
}
/**
 * A setting requested by the parent or young person, and the local authority's decision.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "Preference".
 */
export interface Preference {
expressedBy: VoiceRole
/**
 * When the preference was expressed.
 */
expressedOn: string
setting: SettingRef
/**
 * True if the setting was on the local authority's list.
 */
onOfferedList?: boolean
decision: RequestDecision
/**
 * When the decision was made.
 */
decidedOn?: string
refusalGround?: PreferenceRefusalGround
/**
 * The reasons for the decision in plain English.
 */
reasons?: string
}
/**
 * The statutory needs assessment that matched the child to a package: route, contributors' evidence and decision dates.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "NeedsAssessment".
 */
export interface NeedsAssessment {
route: AssessmentRoute
/**
 * When the assessment was requested (the clock starts).
 */
requestedOn: string
requestedBy?: PersonRef
/**
 * When the local authority decided whether to assess.
 */
decisionToAssessOn?: string
decisionToAssess?: AssessmentDecision
/**
 * Evidence from the family, the setting and professionals.
 */
contributions?: AssessmentContribution[]
/**
 * When the local authority decided whether the child needs a package.
 */
thresholdDecisionOn?: string
/**
 * True if the local authority decided the child needs a package.
 */
thresholdMet?: boolean
}
/**
 * Evidence given to the needs assessment by a contributor.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "AssessmentContribution".
 */
export interface AssessmentContribution {
contributor: PersonRef
/**
 * When the contribution was requested.
 */
requestedOn?: string
/**
 * When the contribution was received.
 */
receivedOn?: string
/**
 * A summary of the advice.
 */
summary?: string
/**
 * Reports and tools the contribution rests on.
 */
evidence?: EvidenceReference[]
}
/**
 * When the EHCP is reviewed: at the end of each key stage, or annually in early years and post-16 (and for protected special school places).
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "ReviewSchedule".
 */
export interface ReviewSchedule {
basis: ReviewScheduleBasis
/**
 * When the next review is due.
 */
nextReviewDue?: string
}
/**
 * A review of the EHCP by the local authority.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "EhcpReview".
 */
export interface EhcpReview {
id: LocalId
reviewType: ReviewType
/**
 * When the review meeting took place.
 */
heldOn: string
/**
 * Who was invited and attended.
 */
participants?: ReviewParticipant[]
decision?: ReviewDecision
/**
 * When the decision was sent to the family.
 */
decisionNotifiedOn?: string
/**
 * When the next review is due.
 */
nextReviewDue?: string
/**
 * Summary of the review.
 */
note?: string
/**
 * Whether the parent or carer, or the young person, agrees with the review's account and the local authority's decision, when they said so and why.
 */
familyAgreement?: FamilyAgreement[]
}
/**
 * The path of one appealable decision: mediation considered, appeal lodged, Tribunal decision and outcome, and the local authority's action letter.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "DisputeEvent".
 */
export interface DisputeEvent {
id: LocalId
decision: AppealableDecision
/**
 * When the local authority made the disputed decision.
 */
decisionDate: string
/**
 * When the family considered mediation (required before appeal, except for disability discrimination).
 */
mediationConsideredOn?: string
/**
 * True if mediation went ahead.
 */
mediationTookPlace?: boolean
/**
 * When the mediation certificate was issued.
 */
mediationCertificateOn?: string
/**
 * When the appeal was lodged with the Tribunal.
 */
appealLodgedOn?: string
/**
 * When the Tribunal decided (or the appeal ended).
 */
decidedOn?: string
outcome?: DisputeOutcome
/**
 * The letter the local authority must send after a judgment, saying what it will do and by when.
 */
laActionLetter?: {
/**
 * When the letter was sent.
 */
sentOn: string
/**
 * What the local authority will do.
 */
actions?: string
/**
 * By when.
 */
actionBy?: string
/**
 * Each action the local authority will take, with its own due date.
 * 
 * Items: One action and its due date.
 */
actionItems?: {
/**
 * What the local authority will do.
 */
description: string
/**
 * When it must be done.
 */
dueBy: string
/**
 * When it was done.
 */
completedOn?: string
}[]
}
appellant?: PersonRef
/**
 * The grounds of the appeal, in the appellant's words.
 */
grounds?: string
orderedPackage?: SppReference
}
/**
 * Why and when the EHCP ceased.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "Cessation".
 */
export interface Cessation {
reason: EhcpCessationReason
/**
 * When the local authority decided to cease the plan.
 */
decidedOn: string
/**
 * When the plan stopped having effect.
 */
ceasedOn?: string
/**
 * More detail.
 */
note?: string
replacedBy?: DocumentReference
}
/**
 * Links to the child's other SEND documents.
 * 
 * This interface was referenced by `Ehcp`'s JSON-Schema
 * via the `definition` "EhcpLinks".
 */
export interface EhcpLinks {
isp?: DocumentReference
legacyEhcp?: DocumentReference
developmentProfile?: DocumentReference
}
/**
 * An Education, Health and Care Plan made under the Special Educational Needs and Disability Regulations 2014 (sections A to K, each separately identified), with the annual reviews and its migration state under the September 2029 / September 2030 transition rules. Extension policy: every core object is closed (additionalProperties false). Implementers add data only under the root 'extensions' object, keyed by a reverse-DNS namespace they control (e.g. 'uk.co.vendor'). Receivers keep extensions they do not understand and pass them on unchanged. Extensions never change the meaning of core fields.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "LegacyEhcp".
 */
export interface LegacyEhcp {
/**
 * Identifies this document as an EHCP under the 2014 regulations. Tools use it to choose the schema, like FHIR's resourceType.
 */
documentType: "legacy-ehcp"
schemaVersion: SchemaVersion
id: Uuid
provenance: Provenance
status: EhcpStatus
child: Child
owner: LocalAuthority
/**
 * When the request for an EHC needs assessment was received (week 0).
 */
requestReceivedOn?: string
/**
 * When the final plan was issued.
 */
finalisedOn?: string
/**
 * When the plan was last amended.
 */
lastAmendedOn?: string
sectionA: SectionA
sectionB: NeedsSection
sectionC?: NeedsSection
sectionD?: NeedsSection
sectionE: SectionE
sectionF: ProvisionSection
sectionG?: ProvisionSection
sectionH1?: ProvisionSection
sectionH2?: ProvisionSection
sectionI: SectionI
sectionJ?: SectionJ
sectionK?: SectionK
/**
 * Reviews of the plan, oldest first.
 */
reviews?: LegacyReview[]
migration: Migration
/**
 * Why and when the plan ceased.
 */
cessation?: {
reason: EhcpCessationReason
/**
 * When the decision to cease was made.
 */
decidedOn: string
/**
 * When the plan stopped having effect.
 */
ceasedOn?: string
replacedBy?: DocumentReference
}
/**
 * Census SEN provision and type codes recorded with the plan.
 */
legacyClassifications?: LegacyClassification[]
/**
 * Sharing labels per section; override the schema defaults.
 */
sharing?: SectionSharing[]
extensions?: Extensions
/**
 * Mediation and appeal events for decisions about this plan (e.g. a refusal to amend or a cessation).
 */
disputes?: DisputeEvent[]
}
/**
 * The views, interests and aspirations of the child and parents, or of the young person. Not legally enforceable.
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "SectionA".
 */
export interface SectionA {
/**
 * Views, interests and aspirations as voice statements.
 */
voice: VoiceStatement[]
}
/**
 * A list of needs (section B: special educational needs; C: health needs related to SEN; D: social care needs).
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "NeedsSection".
 */
export interface NeedsSection {
/**
 * The needs listed in the section.
 */
needs: Need[]
}
/**
 * A need recorded in section B, C or D.
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "Need".
 */
export interface Need {
id: LocalId
/**
 * The need in plain English, as written in the plan.
 */
description: string
broadAreaOfNeed?: BroadAreaOfNeed
censusSenType?: CensusSenType
areaOfDevelopment?: AreaOfDevelopment
sharing?: SharingLabels
}
/**
 * Outcomes sought, including for adult life.
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "SectionE".
 */
export interface SectionE {
/**
 * The outcomes.
 */
outcomes: LegacyOutcome[]
}
/**
 * An outcome sought for the child or young person, including for adult life.
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "LegacyOutcome".
 */
export interface LegacyOutcome {
id: LocalId
/**
 * The outcome as written.
 */
description: string
/**
 * Ids of the needs in sections B, C or D this outcome relates to.
 */
needIds?: LocalId[]
/**
 * When the outcome should be achieved.
 */
byDate?: string
/**
 * Arrangements for setting shorter-term targets.
 */
shortTermTargets?: string
}
/**
 * A list of provision items (section F: special educational provision; G: health provision; H1: social care under s.2 CSDPA 1970; H2: other social care).
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "ProvisionSection".
 */
export interface ProvisionSection {
/**
 * The provision items.
 */
items: LegacyProvisionItem[]
}
/**
 * One item of provision in section F, G or H, specified and quantified.
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "LegacyProvisionItem".
 */
export interface LegacyProvisionItem {
id: LocalId
/**
 * What the provision is.
 */
description: string
deliveredBy?: ProvisionDeliverer
/**
 * The level of expertise required.
 */
expertise?: string
/**
 * Children per session (1 = individual).
 */
groupSize?: number
/**
 * Session length in minutes.
 */
sessionLengthMinutes?: number
frequency?: Frequency
period?: Period
provider?: Organisation
/**
 * Ids of the needs this provision meets.
 */
needIds?: LocalId[]
/**
 * Ids of the section E outcomes this provision serves.
 */
outcomeIds?: LocalId[]
sharing?: SharingLabels
/**
 * For a range such as 'individual or small group', the largest group; 'groupSize' is then the smallest. Must not be below 'groupSize' (a quality rule checks this).
 */
groupSizeMax?: number
location?: DeliveryLocation
}
/**
 * The name and type of the school or other institution, or the type only if none is named.
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "SectionI".
 */
export interface SectionI {
setting?: SettingRef
settingType?: SettingType
sen2SettingCode?: Sen2SettingCode
/**
 * True if the local authority arranges education otherwise than in school (s.61 Children and Families Act 2014).
 */
educationOtherwiseThanAtSchool?: boolean
/**
 * True if the named placement is residential (the child boards at the setting).
 */
residential?: boolean
}
/**
 * The personal budget, including any direct payments.
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "SectionJ".
 */
export interface SectionJ {
/**
 * True if the family requested a personal budget.
 */
requested?: boolean
/**
 * When it was requested.
 */
requestedOn?: string
decision?: RequestDecision
/**
 * Why a request was refused.
 */
refusalReasons?: string
/**
 * How the budget is managed.
 */
arrangements?: BudgetArrangement[]
}
/**
 * One way part of the personal budget is managed.
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "BudgetArrangement".
 */
export interface BudgetArrangement {
arrangementType: BudgetArrangementType
/**
 * What the money is for (the needs and outcomes met).
 */
description: string
/**
 * The yearly amount in pence, if stated.
 */
annualAmountPence?: number
/**
 * Ids of the outcomes the arrangement serves.
 */
outcomeIds?: LocalId[]
/**
 * True if the named placement consented in writing to services delivered on its premises.
 */
placementConsent?: boolean
}
/**
 * The advice and information gathered during the assessment.
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "SectionK".
 */
export interface SectionK {
/**
 * The advice list.
 */
advice: AdviceItem[]
}
/**
 * Advice or information gathered during the needs assessment (section K appendices).
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "AdviceItem".
 */
export interface AdviceItem {
id: LocalId
/**
 * The title of the advice (e.g. 'Educational psychology advice').
 */
title: string
contributor?: PersonRef
organisation?: Organisation
/**
 * The date of the advice.
 */
date?: string
document?: DocumentReference
/**
 * A link to the advice document, if any.
 */
url?: string
sharing?: SharingLabels
}
/**
 * An annual review of the legacy EHCP.
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "LegacyReview".
 */
export interface LegacyReview {
id: LocalId
reviewType?: ReviewType
/**
 * When the review meeting took place.
 */
heldOn: string
/**
 * When the setting sent the report of the meeting.
 */
reportSentOn?: string
decision?: ReviewDecision
/**
 * When the local authority notified its decision.
 */
decisionNotifiedOn?: string
/**
 * When the next review is due (within 12 months).
 */
nextReviewDue?: string
/**
 * Summary of the review.
 */
note?: string
}
/**
 * Where the plan stands in the move to the new system: assessments for the new system start in September 2029, no change to support before at least September 2030; mainstream plans are kept to the end of the phase (early years plans to the end of primary); children with a special school place in September 2029 keep it until the end of their education, with annual reviews.
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "Migration".
 */
export interface Migration {
state: LegacyMigrationState
phaseAtCommencement?: PhaseOfEducation
/**
 * True if the child had a special school place in September 2029, which protects the place until the end of their education.
 */
specialSchoolPlaceSeptember2029?: boolean
/**
 * When the needs assessment near the end of the phase is due.
 */
transitionAssessmentDueBy?: string
/**
 * The assessment under the new legislation near the end of the phase.
 */
transitionAssessment?: {
/**
 * When the local authority decided.
 */
assessedOn: string
outcome: TransitionAssessmentOutcome
newEhcp?: DocumentReference
}
/**
 * The date until which this plan and its provision are kept (e.g. end of the 2029/30 academic year or end of the phase).
 */
retentionEndDate?: string
/**
 * A choice to move to the new system early.
 */
optIn?: {
/**
 * When the choice was recorded.
 */
optedInOn: string
optedInBy: VoiceRole
/**
 * More detail.
 */
note?: string
}
isp?: DocumentReference
/**
 * Earlier states, oldest first.
 */
history?: StateChange[]
/**
 * True if the family keeps the right to request a mainstream setting after migration (e.g. because the new package is not mainstream-only, or under transitional protection).
 */
mainstreamPreferenceRetained?: boolean
}
/**
 * A change of migration state.
 * 
 * This interface was referenced by `LegacyEhcp`'s JSON-Schema
 * via the `definition` "StateChange".
 */
export interface StateChange {
state: LegacyMigrationState
/**
 * When the state was entered.
 */
from: string
/**
 * Why.
 */
note?: string
}
/**
 * A classification from the 2015 system kept beside the new areas of development: school census SEN provision (E/K/N, or historic S/A/P), census SEN types with rank, and the broad area of need. Never written as current status for historic codes.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "LegacyClassification".
 */
export interface LegacyClassification {
senProvision: CensusSenProvision
/**
 * The date the classification started to apply.
 */
effectiveFrom?: string
/**
 * The date the classification stopped applying, if it has.
 */
effectiveTo?: string
/**
 * Census types of need with their rank (1 = primary).
 * 
 * Items: A census SEN type with its rank.
 */
senTypes?: {
code: CensusSenType
/**
 * 1 for the primary need, 2 for the secondary need, and so on.
 */
rank: number
}[]
/**
 * The 2015 Code of Practice broad areas of need.
 */
broadAreasOfNeed?: BroadAreaOfNeed[]
/**
 * Where the classification came from.
 */
source: {
sourceType: LegacyClassificationSource
/**
 * The system or return name and version (e.g. 'CTF 24').
 */
system?: string
/**
 * An identifier of the source record, if any.
 */
reference?: string
}
/**
 * When this classification was recorded in the current system.
 */
recordedAt: string
}
/**
 * A Specialist Provision Package: a national catalogue entry that sets out the need profile, expected outcomes, special educational provision, adaptations and resources for children with similar complex needs, linked to a costing framework. EHCPs reference a package by catalogue id and version. The real packages are not yet published: every example must set illustrative to true. Extension policy: every core object is closed (additionalProperties false). Implementers add data only under the root 'extensions' object, keyed by a reverse-DNS namespace they control (e.g. 'uk.co.vendor'). Receivers keep extensions they do not understand and pass them on unchanged. Extensions never change the meaning of core fields.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "SpecialistProvisionPackage".
 */
export interface SpecialistProvisionPackage {
/**
 * Identifies this document as a Specialist Provision Package. Tools use it to choose the schema, like FHIR's resourceType.
 */
documentType: "spp"
schemaVersion: SchemaVersion
id: Uuid
provenance: Provenance
catalogueId: SppCatalogueId
version: SemanticVersion
/**
 * The package title.
 */
title: string
status: SppStatus
/**
 * True if this package is an illustrative example, not an official DfE package. Must be true for every package until real packages are published.
 */
illustrative: boolean
needProfile: NeedProfile
/**
 * Characteristics of children and young people the package supports.
 */
characteristics?: string[]
/**
 * Areas of development the package addresses.
 */
areasOfDevelopment?: AreaOfDevelopment[]
/**
 * Outcomes children on the package are expected to achieve.
 */
expectedOutcomes?: SppOutcome[]
/**
 * The special educational provision components, each with an id.
 * 
 * @minItems 1
 */
provisionComponents: ProvisionComponent[]
/**
 * Necessary adaptations, including to the environment.
 */
adaptations?: Adaptation[]
resources?: Resources
eligibleSettings: EligibleSettings
costing?: Costing
/**
 * Research and practice evidence the package rests on.
 */
evidence?: EvidenceReference[]
healthInput?: HealthInput
reviewDates: ReviewDates
publisher: Organisation
supersedesVersion?: SemanticVersion
/**
 * What changed from the superseded version.
 */
changeSummary?: string
extensions?: Extensions
/**
 * The date this version of the package takes effect. A catalogue draft written before the reformed system commences speaks for this date, so its codes are checked on it.
 */
appliesFrom?: string
}
/**
 * The profile of need the package is designed for. Taken together, the profiles of all packages define 'complex needs'.
 * 
 * This interface was referenced by `SpecialistProvisionPackage`'s JSON-Schema
 * via the `definition` "NeedProfile".
 */
export interface NeedProfile {
/**
 * A one-paragraph summary of the need profile.
 */
summary: string
/**
 * The full description of the need profile, including how children experience learning, communication, regulation and participation.
 */
description?: string
}
/**
 * An outcome children on the package are expected to achieve.
 * 
 * This interface was referenced by `SpecialistProvisionPackage`'s JSON-Schema
 * via the `definition` "SppOutcome".
 */
export interface SppOutcome {
id: LocalId
/**
 * The outcome in plain English.
 */
description: string
areaOfDevelopment?: AreaOfDevelopment
}
/**
 * One component of the special educational provision the package guarantees. EHCPs point to components by id.
 * 
 * This interface was referenced by `SpecialistProvisionPackage`'s JSON-Schema
 * via the `definition` "ProvisionComponent".
 */
export interface ProvisionComponent {
id: LocalId
/**
 * A short name for the component.
 */
title: string
/**
 * What the component provides.
 */
description: string
provisionType: ProvisionType
/**
 * Areas the component works on.
 */
areasOfDevelopment?: AreaOfDevelopment[]
deliveredBy?: ProvisionDeliverer
/**
 * The expertise required.
 */
expertise?: string
frequency?: Frequency
/**
 * Session length in minutes, where quantified.
 */
sessionLengthMinutes?: number
/**
 * Children per session (1 = individual), where quantified.
 */
groupSize?: number
/**
 * True if this is core educational provision different from the norm, rather than an additional service, therapy or resource.
 */
isCoreEducationalProvision?: boolean
}
/**
 * A necessary adaptation, e.g. to the environment of the setting, the curriculum or teaching.
 * 
 * This interface was referenced by `SpecialistProvisionPackage`'s JSON-Schema
 * via the `definition` "Adaptation".
 */
export interface Adaptation {
id: LocalId
adaptationType: AdaptationType
/**
 * The adaptation in plain English.
 */
description: string
}
/**
 * The resources required to deliver the package: staffing, training and equipment.
 * 
 * This interface was referenced by `SpecialistProvisionPackage`'s JSON-Schema
 * via the `definition` "Resources".
 */
export interface Resources {
/**
 * Staffing.
 */
staffing?: StaffingResource[]
/**
 * Training.
 */
training?: TrainingResource[]
/**
 * Equipment.
 */
equipment?: EquipmentResource[]
}
/**
 * Staffing needed to deliver the package.
 * 
 * This interface was referenced by `SpecialistProvisionPackage`'s JSON-Schema
 * via the `definition` "StaffingResource".
 */
export interface StaffingResource {
role: PractitionerRole
quantity?: Quantity
/**
 * More detail.
 */
description?: string
}
/**
 * An amount with its unit (e.g. 12.5 hours, 2 full-time equivalent).
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Quantity".
 */
export interface Quantity {
/**
 * The amount.
 */
value: number
/**
 * The unit, in plain words (e.g. 'hours per week', 'FTE', 'GBP').
 */
unit: string
}
/**
 * Training needed to deliver the package.
 * 
 * This interface was referenced by `SpecialistProvisionPackage`'s JSON-Schema
 * via the `definition` "TrainingResource".
 */
export interface TrainingResource {
/**
 * The training.
 */
description: string
/**
 * Who needs it (e.g. 'all class staff').
 */
audience?: string
}
/**
 * Equipment needed to deliver the package.
 * 
 * This interface was referenced by `SpecialistProvisionPackage`'s JSON-Schema
 * via the `definition` "EquipmentResource".
 */
export interface EquipmentResource {
/**
 * The equipment (e.g. augmentative communication device).
 */
description: string
}
/**
 * The kinds of setting that can deliver the package.
 * 
 * This interface was referenced by `SpecialistProvisionPackage`'s JSON-Schema
 * via the `definition` "EligibleSettings".
 */
export interface EligibleSettings {
/**
 * Setting types that can deliver the package.
 * 
 * @minItems 1
 */
settingTypes: SettingType[]
/**
 * Inclusion base models through which it can be delivered, if any.
 */
inclusionBaseModels?: InclusionBaseModel[]
/**
 * True for packages for children who can access a mainstream setting with the right support: parents and young people may then express a preference only for a mainstream setting.
 */
mainstreamOnly: boolean
}
/**
 * The link to the nationally set costing framework.
 * 
 * This interface was referenced by `SpecialistProvisionPackage`'s JSON-Schema
 * via the `definition` "Costing".
 */
export interface Costing {
/**
 * The identifier of the national costing framework entry.
 */
frameworkReference?: string
/**
 * The national funding band the package sits in.
 */
fundingBand?: string
}
/**
 * Health and mental-health input the package requires; clinical interventions are led by health professionals.
 * 
 * This interface was referenced by `SpecialistProvisionPackage`'s JSON-Schema
 * via the `definition` "HealthInput".
 */
export interface HealthInput {
/**
 * The health input in plain English.
 */
description?: string
/**
 * The mental-health input the expert panel decided the package requires.
 */
mentalHealthInput?: string
/**
 * Health professional roles involved.
 */
professionalRoles?: PractitionerRole[]
}
/**
 * Publication and review dates. The independent expert panel reviews each package at least every 5 years (a quality rule checks nextReviewDue).
 * 
 * This interface was referenced by `SpecialistProvisionPackage`'s JSON-Schema
 * via the `definition` "ReviewDates".
 */
export interface ReviewDates {
/**
 * When this version was published.
 */
publishedOn?: string
/**
 * When the package was last reviewed by the panel.
 */
lastReviewedOn?: string
/**
 * When the next review is due (at most 5 years after the last review or publication).
 */
nextReviewDue?: string
}
/**
 * A child's dynamic profile across the five areas of development (executive function; motor and physical; sensory; speech, language and communication; social and emotional): strengths and barriers observed over time, the links between areas, and any legacy census classifications kept beside it. Not a label: a tool for understanding the child. Extension policy: every core object is closed (additionalProperties false). Implementers add data only under the root 'extensions' object, keyed by a reverse-DNS namespace they control (e.g. 'uk.co.vendor'). Receivers keep extensions they do not understand and pass them on unchanged. Extensions never change the meaning of core fields.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "DevelopmentProfile".
 */
export interface DevelopmentProfile {
/**
 * Identifies this document as an Areas-of-development profile. Tools use it to choose the schema, like FHIR's resourceType.
 */
documentType: "development-profile"
schemaVersion: SchemaVersion
id: Uuid
provenance: Provenance
child: Child
owner?: Setting
codeListVersion: SemanticVersion
/**
 * One entry per area of development observed.
 */
areas: AreaProfile[]
/**
 * How areas influence each other for this child.
 */
areaLinks?: AreaLink[]
/**
 * Census SEN provision, SEN types with rank and broad areas of need, kept beside the profile for migration and statistics.
 */
legacyClassifications?: LegacyClassification[]
/**
 * Links to the child's other documents.
 */
links?: {
isp?: DocumentReference
ehcp?: DocumentReference
}
/**
 * Views of the child or young person, parents or carers and professionals on the child's development: what is going well, what is hard, what they hope for.
 */
voice?: VoiceStatement[]
/**
 * Sharing labels per section; override the schema defaults.
 */
sharing?: SectionSharing[]
extensions?: Extensions
}
/**
 * The child's profile in one area of development: strengths and barriers over time.
 * 
 * This interface was referenced by `DevelopmentProfile`'s JSON-Schema
 * via the `definition` "AreaProfile".
 */
export interface AreaProfile {
area: AreaOfDevelopment
/**
 * A current summary of the child in this area.
 */
summary?: string
/**
 * Observations over time, oldest first.
 */
observations: Observation[]
}
/**
 * One dated observation of a strength or a barrier in an area of development, with who observed it, on what evidence, and the trajectory.
 * 
 * This interface was referenced by `DevelopmentProfile`'s JSON-Schema
 * via the `definition` "Observation".
 */
export interface Observation {
id: LocalId
/**
 * When the observation was made.
 */
observedOn: string
kind: ObservationKind
subComponent?: AreaSubComponent
/**
 * What was observed, in plain English.
 */
description: string
observer: PersonRef
evidence?: EvidenceReference
trajectory?: Trajectory
persistence?: BarrierPersistence
/**
 * Any other note.
 */
note?: string
}
/**
 * How progress or difficulty in one area influences another.
 * 
 * This interface was referenced by `DevelopmentProfile`'s JSON-Schema
 * via the `definition` "AreaLink".
 */
export interface AreaLink {
id: LocalId
fromArea: AreaOfDevelopment
toArea: AreaOfDevelopment
/**
 * Ids of observations that show the link.
 */
observationIds?: LocalId[]
/**
 * How the areas are linked for this child.
 */
description: string
}
/**
 * A transfer bundle: the signed package a sending setting or local authority sends when a child moves. It holds a manifest, a contents list with digests, the sharing labels applied, redactions, and the embedded documents (ISP, EHCP, legacy EHCP, areas-of-development profile). SPPs travel by reference only. Digests are SHA-256 over RFC 8785 canonical JSON, lowercase hex. The whole bundle (without receiver-side fields) is signed as a JWS (see $defs/SignedTransferBundle). Receiver-side fields (x-send-receiverSide) are set only by the receiver, are not signed and are removed before verifying. Extension policy: every core object is closed (additionalProperties false). Implementers add data only under the root 'extensions' object, keyed by a reverse-DNS namespace they control (e.g. 'uk.co.vendor'). Receivers keep extensions they do not understand and pass them on unchanged. Extensions never change the meaning of core fields.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "TransferBundle".
 */
export interface TransferBundle {
/**
 * Identifies this document as a Transfer bundle. Tools use it to choose the schema, like FHIR's resourceType.
 */
documentType: "transfer-bundle"
schemaVersion: SchemaVersion
id: Uuid
provenance: Provenance
manifest: Manifest
/**
 * One entry per embedded document, with its digest.
 * 
 * @minItems 1
 */
contents: ContentEntry[]
sharingApplied: SharingApplied
/**
 * Values removed before sending.
 */
redactions: Redaction[]
/**
 * The embedded documents, in the order of 'contents'. Each is validated against the schema its documentType names.
 * 
 * @minItems 1
 * 
 * Items: One embedded ISP, EHCP, legacy EHCP or areas-of-development profile. SPPs are never embedded.
 */
documents: {
documentType: BundleDocumentType
}[]
/**
 * Packages the embedded documents rely on, by catalogue id and version.
 */
sppReferences?: SppReference[]
status?: BundleStatus
/**
 * When the receiving system received the bundle. Set by the receiver.
 */
receivedAt?: string
extensions?: Extensions
}
/**
 * What the bundle is, who sends it, to whom and why.
 * 
 * This interface was referenced by `TransferBundle`'s JSON-Schema
 * via the `definition` "Manifest".
 */
export interface Manifest {
bundleId: Uuid
/**
 * When the bundle was assembled.
 */
createdAt: string
sender: Sender
receiver: Receiver
reason: TransferReason
/**
 * When an uncollected bundle expires.
 */
expiresAt?: string
}
/**
 * Who sends the bundle.
 * 
 * This interface was referenced by `TransferBundle`'s JSON-Schema
 * via the `definition` "Sender".
 */
export interface Sender {
system: SystemInfo
setting?: Setting
localAuthority?: LocalAuthority
}
/**
 * Who the bundle is for. When the destination is not known yet, destinationUnknown is true and no setting is given.
 * 
 * This interface was referenced by `TransferBundle`'s JSON-Schema
 * via the `definition` "Receiver".
 */
export interface Receiver {
/**
 * True if the next setting is not known (e.g. a child missing education); the bundle is then held for collection.
 */
destinationUnknown: boolean
setting?: Setting
localAuthority?: LocalAuthority
}
/**
 * One document in the bundle, with its digest so the receiver can check it arrived unchanged.
 * 
 * This interface was referenced by `TransferBundle`'s JSON-Schema
 * via the `definition` "ContentEntry".
 */
export interface ContentEntry {
/**
 * JSON Pointer to the document inside this bundle (e.g. '/documents/0').
 */
path: string
documentId: Uuid
documentType: BundleDocumentType
/**
 * Always 'application/json'.
 */
mediaType: "application/json"
schemaVersion: SchemaVersion
digest: Digest
}
/**
 * A SHA-256 digest of the RFC 8785 (JSON Canonicalization Scheme) canonical form of a JSON value, as UTF-8 bytes, written as 64 lowercase hexadecimal characters.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "Digest".
 */
export interface Digest {
/**
 * Always 'sha-256'.
 */
algorithm: "sha-256"
/**
 * Always 'rfc8785' (JSON Canonicalization Scheme).
 */
canonicalization: "rfc8785"
/**
 * The digest as 64 lowercase hexadecimal characters.
 */
value: string
}
/**
 * The purpose of the transfer and which sharing labels it includes or excludes.
 * 
 * This interface was referenced by `TransferBundle`'s JSON-Schema
 * via the `definition` "SharingApplied".
 */
export interface SharingApplied {
/**
 * Why the data is shared, in plain English (e.g. 'Move to secondary school').
 */
purpose: string
/**
 * The lawful basis and condition relied on (e.g. 'UK GDPR 6(1)(e), 9(2)(g); Education (Pupil Information) Regs 2005').
 */
lawfulBasis?: string
/**
 * Sharing labels whose data is included.
 */
labelsIncluded: SharingLabel[]
/**
 * Sharing labels whose data was removed (see redactions).
 */
labelsExcluded: SharingLabel[]
}
/**
 * One value removed from an embedded document before sending.
 * 
 * This interface was referenced by `TransferBundle`'s JSON-Schema
 * via the `definition` "Redaction".
 */
export interface Redaction {
documentId: Uuid
/**
 * JSON Pointer, within that document, to the value removed.
 */
pointer: string
label?: SharingLabel
/**
 * Why it was removed, in plain English.
 */
reason: string
}
/**
 * A JWS in flattened JSON form; the payload is the RFC 8785 canonical JSON of the signed document (transfer bundle or receipt). The payload may be left empty when sent detached beside the document.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "JwsFlattened".
 */
export interface JwsFlattened {
/**
 * The base64url-encoded protected header (see JwsProtectedHeader).
 */
protected: string
/**
 * Optional unprotected header parameters.
 */
header?: {
/**
 * The signing key id, repeated for convenience; the protected kid is authoritative.
 */
kid?: string
}
/**
 * The base64url-encoded payload, or empty when detached.
 */
payload: string
/**
 * The base64url-encoded ES256 signature.
 */
signature: string
}
/**
 * A transfer receipt: the receiver's signed answer to a transfer bundle, saying whether it was accepted or rejected and why. The payload is signed as a JWS (see $defs/SignedTransferReceipt) with ES256. Extension policy: every core object is closed (additionalProperties false). Implementers add data only under the root 'extensions' object, keyed by a reverse-DNS namespace they control (e.g. 'uk.co.vendor'). Receivers keep extensions they do not understand and pass them on unchanged. Extensions never change the meaning of core fields.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "TransferReceipt".
 */
export interface TransferReceipt {
/**
 * Identifies this document as a Transfer receipt. Tools use it to choose the schema, like FHIR's resourceType.
 */
documentType: "transfer-receipt"
schemaVersion: SchemaVersion
id: Uuid
provenance: Provenance
receiptId: Uuid
bundleId: Uuid
bundleDigest: Digest
/**
 * When the bundle was received.
 */
receivedAt: string
decision: ReceiptDecision
/**
 * Why, with codes and pointers. Required to be non-empty when rejected (a quality rule checks this); may list warnings when accepted.
 */
reasons: ReceiptReason[]
/**
 * Ids of the embedded documents the receiver imported.
 */
acceptedDocumentIds?: Uuid[]
receiver: ReceiptReceiver
extensions?: Extensions
}
/**
 * One reason for the decision, with a code and where it applies.
 * 
 * This interface was referenced by `TransferReceipt`'s JSON-Schema
 * via the `definition` "ReceiptReason".
 */
export interface ReceiptReason {
code: ReceiptReasonCode
documentId?: Uuid
/**
 * JSON Pointer to the value concerned (within the document if documentId is given, else within the bundle).
 */
pointer?: string
/**
 * The schema error or quality rule id (e.g. 'schema.required', 'isp.golden-thread.barrier-has-provision').
 */
ruleId?: string
/**
 * The reason in plain English.
 */
message: string
}
/**
 * Who received the bundle.
 * 
 * This interface was referenced by `TransferReceipt`'s JSON-Schema
 * via the `definition` "ReceiptReceiver".
 */
export interface ReceiptReceiver {
system: SystemInfo
setting?: Setting
localAuthority?: LocalAuthority
}
/**
 * The second stage of a transfer's acknowledgement: after its receipt said a bundle arrived, the receiving setting says whether a named member of its staff has taken the plan into use (integrated: it is the live plan there) or not, and why. Signed by the receiver as a JWS (see $defs/SignedIntegrationAcknowledgement) with ES256, with the same key as its receipt, and sent to the sender. Extension policy: every core object is closed (additionalProperties false). Implementers add data only under the root 'extensions' object, keyed by a reverse-DNS namespace they control (e.g. 'uk.co.vendor'). Receivers keep extensions they do not understand and pass them on unchanged. Extensions never change the meaning of core fields.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "TransferIntegration".
 */
export interface TransferIntegration {
/**
 * Identifies this document as an Integration acknowledgement. Tools use it to choose the schema, like FHIR's resourceType.
 */
documentType: "transfer-integration"
schemaVersion: SchemaVersion
id: Uuid
provenance: Provenance
bundleId: Uuid
bundleDigest: Digest
receiptId?: Uuid
outcome: IntegrationOutcome
reason?: NotIntegratedReason
/**
 * The reason in plain English, for the sending setting and the local authority. No details of the child beyond what the bundle held.
 */
note?: string
/**
 * When the receiving setting recorded the outcome.
 */
recordedAt: string
recordedBy: PersonRef
receiver: IntegrationReceiver
extensions?: Extensions
}
/**
 * Who received the bundle and recorded its integration.
 * 
 * This interface was referenced by `TransferIntegration`'s JSON-Schema
 * via the `definition` "IntegrationReceiver".
 */
export interface IntegrationReceiver {
system: SystemInfo
setting?: Setting
localAuthority?: LocalAuthority
}
/**
 * A trust list: which settings and local authorities take part in transfers, where their inboxes are, which keys sign for them and for how long, and which keys are revoked. A trust anchor (a DfE-like publisher) signs the list as a compact JWS (ES256, typ 'send-trust-list+json'); a receiver believes a bundle's signing key only when a list signed by its configured anchor vouches for it. Extension policy: every core object is closed (additionalProperties false). Implementers add data only under the root 'extensions' object, keyed by a reverse-DNS namespace they control (e.g. 'uk.co.vendor'). Receivers keep extensions they do not understand and pass them on unchanged. Extensions never change the meaning of core fields.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "TrustList".
 */
export interface TrustList {
/**
 * Identifies this document as a Trust list. Tools use it to choose the schema, like FHIR's resourceType.
 */
documentType: "trust-list"
schemaVersion: SchemaVersion
id: Uuid
provenance: Provenance
/**
 * The issue number of this list, one higher at every issue. A server never replaces its list with one of a lower or equal number, so an old list cannot be replayed to bring back a revoked key.
 */
sequence: number
issuer: TrustAnchor
/**
 * When this issue of the list was signed.
 */
issuedAt: string
/**
 * When the next issue is due. A server keeps using a list after this instant only while it cannot fetch a newer one, and says so in its logs.
 */
nextUpdate: string
/**
 * The settings and local authorities the anchor vouches for.
 * 
 * @maxItems 100000
 */
entries: TrustListEntry[]
/**
 * Keys that must no longer be believed, from the instant given, whatever an entry or a JWKS says.
 * 
 * @maxItems 100000
 */
revocations: KeyRevocation[]
extensions?: Extensions
}
/**
 * Who signs the list, and the key id of the anchor key that signs it.
 * 
 * This interface was referenced by `TrustList`'s JSON-Schema
 * via the `definition` "TrustAnchor".
 */
export interface TrustAnchor {
/**
 * The publisher's name (for example a DfE service).
 */
name: string
/**
 * The kid of the anchor key; the JWS header carries the same kid.
 */
kid: string
}
/**
 * One setting or local authority: its identifiers as GIAS records them, its status, its inbox and its keys.
 * 
 * This interface was referenced by `TrustList`'s JSON-Schema
 * via the `definition` "TrustListEntry".
 */
export interface TrustListEntry {
entryType: TrustListEntryType
/**
 * The setting's Unique Reference Number in Get Information About Schools (GIAS 'URN').
 */
urn?: string
/**
 * The provider's UK Provider Reference Number (GIAS 'UKPRN'), for colleges and other providers.
 */
ukprn?: string
/**
 * The three-digit local authority code (GIAS 'LA (code)'); for a local authority entry, the authority itself.
 */
laCode?: string
/**
 * The setting's or authority's name (GIAS 'EstablishmentName').
 */
name: string
status: TrustListEntryStatus
/**
 * The date the setting opened (GIAS 'OpenDate').
 */
openedOn?: string
/**
 * The date the setting closed or converted (GIAS 'CloseDate'). Its keys are not believed for bundles signed from this date.
 */
closedOn?: string
successor?: Successor
endpoints: Endpoints
/**
 * Public signing keys listed in the entry itself, each with its validity.
 * 
 * @maxItems 50
 */
keys?: ListedKey[]
jwksValidity?: Validity
}
/**
 * The setting that replaced a closed or converted one.
 * 
 * This interface was referenced by `TrustList`'s JSON-Schema
 * via the `definition` "Successor".
 */
export interface Successor {
/**
 * The successor's URN.
 */
urn: string
/**
 * The successor's name.
 */
name?: string
}
/**
 * The transfer endpoints of the system that hosts the entry.
 * 
 * This interface was referenced by `TrustList`'s JSON-Schema
 * via the `definition` "Endpoints".
 */
export interface Endpoints {
/**
 * The URL bundles are POSTed to (a system's /transfers/inbox).
 */
inbox: string
/**
 * The URL of the system's JSON Web Key Set; keys found there carry the entry's jwksValidity.
 */
jwks?: string
}
/**
 * A public ES256 signing key with its key id and validity.
 * 
 * This interface was referenced by `TrustList`'s JSON-Schema
 * via the `definition` "ListedKey".
 */
export interface ListedKey {
/**
 * The kid a bundle's JWS header names.
 */
kid: string
jwk: PublicEcJwk
/**
 * The key is not believed before this instant.
 */
notBefore?: string
/**
 * The key is not believed after this instant.
 */
notAfter?: string
}
/**
 * A public P-256 key as a JSON Web Key (RFC 7517); never a private key.
 * 
 * This interface was referenced by `TrustList`'s JSON-Schema
 * via the `definition` "PublicEcJwk".
 */
export interface PublicEcJwk {
/**
 * Always EC.
 */
kty: "EC"
/**
 * Always P-256.
 */
crv: "P-256"
/**
 * The x coordinate, base64url.
 */
x: string
/**
 * The y coordinate, base64url.
 */
y: string
/**
 * The key id, if the JWK carries one (it must equal the listed kid).
 */
kid?: string
/**
 * Always sig when present.
 */
use?: "sig"
/**
 * Always ES256 when present.
 */
alg?: "ES256"
}
/**
 * From when until when a key is believed (either end may be open).
 * 
 * This interface was referenced by `TrustList`'s JSON-Schema
 * via the `definition` "Validity".
 */
export interface Validity {
/**
 * The key is not believed before this instant.
 */
notBefore?: string
/**
 * The key is not believed after this instant.
 */
notAfter?: string
}
/**
 * A key that must no longer be believed.
 * 
 * This interface was referenced by `TrustList`'s JSON-Schema
 * via the `definition` "KeyRevocation".
 */
export interface KeyRevocation {
/**
 * The revoked key's kid.
 */
kid: string
/**
 * From this instant nothing signed with the key is believed.
 */
revokedAt: string
reason: KeyRevocationReason
/**
 * More about the revocation, in plain English.
 */
note?: string
}
/**
 * A child directory record held by a server (POST /children): the child (identity, identifiers, parental-responsibility contacts) plus where their records are filed. Plans name the child by child.personId, which equals this record's id. At least one of settingUrn and laCode is required: they decide who may see the child.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "ChildRecord".
 */
export interface ChildRecord {
id: Uuid
child: Child
/**
 * The setting the child attends.
 */
settingUrn?: string
/**
 * The responsible local authority.
 */
laCode?: string
extensions?: Extensions
}
/**
 * The decoded protected header of the signature. ES256 (ECDSA P-256 with SHA-256) is the only algorithm; kid names the sender's key.
 * 
 * This interface was referenced by `SendInterchangeTypes`'s JSON-Schema
 * via the `definition` "JwsProtectedHeader".
 */
export interface JwsProtectedHeader {
/**
 * Always 'ES256'.
 */
alg: "ES256"
/**
 * Identifies the signing key in the signer's published key set (JWKS).
 */
kid: string
typ?: JwsType
/**
 * Always 'application/json'.
 */
cty?: "application/json"
}
