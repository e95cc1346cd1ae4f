/* generated from schemas/ by npm run generate — do not edit */
// The API's envelope types, compiled from the component schemas of spec/api-schemas.ts (with its transfer and
// trust-list schemas). Document and record bodies are the standard's own types (./types.ts).
import type {
  AgreementStance,
  ChildRecord,
  ContactMethod,
  DevelopmentProfile,
  Ehcp,
  IndividualSupportPlan,
  IntegrationOutcome,
  JwsCompact,
  JwsFlattened,
  LegacyEhcp,
  LocalId,
  NotIntegratedReason,
  PersonType,
  SettingEntry,
  SharingLabel,
  SignedIntegrationAcknowledgement,
  SignedTransferReceipt,
  SpecialistProvisionPackage,
  TransferBundle,
  TransferIntegration,
  TransferReason,
  TransferReceipt,
  TrustList,
  VoiceStatement,
} from "./types.ts";
/**
 * Any JSON value. `POST /$validate` exists to report on invalid documents, so nothing is refused for its shape: the report says whether the value is a valid document of a supported type (see `AnyDocument`) and why not.
 */
export type ValidationInput = unknown
/**
 * A document of any type the standard defines, told apart by `documentType`.
 */
export type AnyDocument = (IndividualSupportPlan | Ehcp | LegacyEhcp | SpecialistProvisionPackage | DevelopmentProfile | TransferBundle | TransferReceipt | TransferIntegration | TrustList)
/**
 * A self-contained HTML document.
 */
export type HtmlPage = string
/**
 * A print-ready PDF (A4) of the page.
 */
export type PdfDocument = Uint8Array
/**
 * One voice statement to append to a document's views: the child's, young person's, parent's or carer's own words, how and when they were captured, and whether they may be shared.
 */
export type VoiceContribution = VoiceStatement
/**
 * One page of version summaries. `nextCursor` is present when there is another page.
 */
export type VersionPage = Page<VersionSummary>
/**
 * One page of child records. `nextCursor` is present when there is another page.
 */
export type ChildPage = Page<ChildRecord>
/**
 * One page of Individual Support Plans. `nextCursor` is present when there is another page.
 */
export type IspPage = Page<IndividualSupportPlan>
/**
 * One page of EHCPs. `nextCursor` is present when there is another page.
 */
export type EhcpPage = Page<Ehcp>
/**
 * One page of EHCPs made under the 2014 regulations. `nextCursor` is present when there is another page.
 */
export type LegacyEhcpPage = Page<LegacyEhcp>
/**
 * One page of areas-of-development profiles. `nextCursor` is present when there is another page.
 */
export type DevelopmentProfilePage = Page<DevelopmentProfile>
/**
 * One page of Specialist Provision Packages. `nextCursor` is present when there is another page.
 */
export type SppPage = Page<SpecialistProvisionPackage>
/**
 * One page of settings-directory entries. `nextCursor` is present when there is another page.
 */
export type SettingPage = Page<SettingEntry>
/**
 * One page of audit events. `nextCursor` is present when there is another page.
 */
export type AuditPage = Page<AuditEvent>
/**
 * One page of access-log entries. `nextCursor` is present when there is another page.
 */
export type AccessLogPage = Page<AccessLogEntry>
/**
 * The summary plus what was sent: digest, documents, redactions, sharing applied, delivery attempts and the receiver's signed receipt.
 */
export type TransferView = (TransferSummary & {
/**
 * SHA-256 (hex) of the RFC 8785 canonical bundle that was signed.
 */
bundleDigest?: string
/**
 * The documents sent.
 */
documents?: {
[k: string]: unknown | undefined
}[]
/**
 * How many values sharing labels left out.
 */
redactionCount?: number
/**
 * Purpose, labels included and excluded.
 */
sharing?: {
[k: string]: unknown | undefined
}
/**
 * Whether the bundle was encrypted to the receiver.
 */
encrypted?: boolean
/**
 * Attempts, last error, inbox URL; gaveUp after the bounded retries.
 */
delivery?: {
[k: string]: unknown | undefined
}
/**
 * The receiver's signed receipt.
 */
receipt?: SignedTransferReceipt
[k: string]: unknown | undefined
})
/**
 * One page of transfers. `nextCursor` is present when there is another page.
 */
export type TransferPage = Page<TransferSummary>
/**
 * Bundles held for the caller's review. Each is an incoming transfer with `status` held and a `review`: the child as the bundle describes it, the identifier kinds that matched (upn, uln, nhs) and the documents.
 */
export type TransferReviewPage = Page<TransferSummary>
/**
 * A JWE in compact form (protected header, encrypted key, IV, ciphertext, tag; base64url, the encrypted key empty for ECDH-ES direct key agreement) whose plaintext is a compact JWS of the bundle.
 */
export type JweCompact = string
/**
 * A signed transfer bundle as sent in `application/jose`: the compact JWS, or a compact JWE of it encrypted to the receiver (three or five dot-separated parts).
 */
export type CompactTransferBundle = (JwsCompact | JweCompact)
/**
 * A signed transfer bundle as sent in `application/json`: the JWS in flattened form, or a JSON string holding the compact JWS or JWE.
 */
export type JsonTransferBundle = (JwsFlattened | JwsCompact | JweCompact)
/**
 * Common Transfer File XML (CTF 17+ element names): a whole file, or a bare <SENhistory> block.
 */
export type CtfXml = string

/**
 * RFC 9457 problem details. `type` is one of the URIs under https://schemas.send-interchange.org.uk/1/problems/ listed in the API description. Clients must ignore members they do not know.
 */
export interface Problem {
/**
 * Identifies the kind of error.
 */
type: ("https://schemas.send-interchange.org.uk/1/problems/malformed-json" | "https://schemas.send-interchange.org.uk/1/problems/invalid-encoding" | "https://schemas.send-interchange.org.uk/1/problems/invalid-parameter" | "https://schemas.send-interchange.org.uk/1/problems/too-deep" | "https://schemas.send-interchange.org.uk/1/problems/unauthorized" | "https://schemas.send-interchange.org.uk/1/problems/forbidden" | "https://schemas.send-interchange.org.uk/1/problems/not-found" | "https://schemas.send-interchange.org.uk/1/problems/conflict" | "https://schemas.send-interchange.org.uk/1/problems/precondition-failed" | "https://schemas.send-interchange.org.uk/1/problems/not-acceptable" | "https://schemas.send-interchange.org.uk/1/problems/payload-too-large" | "https://schemas.send-interchange.org.uk/1/problems/unsupported-media-type" | "https://schemas.send-interchange.org.uk/1/problems/validation-failed" | "https://schemas.send-interchange.org.uk/1/problems/precondition-required" | "https://schemas.send-interchange.org.uk/1/problems/rate-limited" | "https://schemas.send-interchange.org.uk/1/problems/internal" | "https://schemas.send-interchange.org.uk/1/problems/service-unavailable")
/**
 * Short summary of the kind of error; the same for every occurrence.
 */
title: string
/**
 * The HTTP status code.
 */
status: number
/**
 * What went wrong this time, in plain English.
 */
detail?: string
/**
 * The request path.
 */
instance?: string
/**
 * Identifies this request in the server's logs and audit records; also sent as the `X-Correlation-Id` response header.
 */
correlationId: string
/**
 * For validation-failed and invalid-parameter: each individual failure.
 */
errors?: ProblemError[]
[k: string]: unknown | undefined
}
/**
 * One failure: where and which rule.
 */
export interface ProblemError {
/**
 * RFC 6901 JSON Pointer into the request body ("" is the whole body), or `/query/<name>`, `/path/<name>`, `/header/<name>` for parameters.
 */
pointer: string
/**
 * `schema.<keyword>` for JSON Schema failures, a quality-rule id (schemas/rules/catalogue.json), or `api.<rule>` for request rules.
 */
ruleId: string
/**
 * Plain-English explanation.
 */
message: string
}
/**
 * A schema error or quality-rule finding.
 */
export interface Finding {
/**
 * `schema.<keyword>` or a quality-rule id.
 */
ruleId: string
/**
 * error makes the document invalid.
 */
severity: ("error" | "warning" | "info")
/**
 * RFC 6901 JSON Pointer into the document.
 */
pointer: string
/**
 * Plain-English explanation.
 */
message: string
}
/**
 * The result of validating one document: schema errors and quality-rule findings.
 */
export interface ValidationReport {
/**
 * False if there is any schema error or error-severity finding.
 */
valid: boolean
/**
 * The detected `documentType`, or null when it is missing or unknown.
 */
documentType: (string | null)
/**
 * JSON Schema failures.
 */
errors: Finding[]
/**
 * Quality-rule findings (only for schema-valid documents).
 */
findings: Finding[]
}
/**
 * What this server implements.
 */
export interface Discovery {
/**
 * "SEND Interchange".
 */
standard: string
/**
 * Version of the standard (semantic version).
 */
standardVersion: string
/**
 * The `schemaVersion` written (current) and accepted (supported).
 */
schemaVersions: {
/**
 * Version written by this server.
 */
current: string
/**
 * Versions accepted.
 */
supported: string[]
}
/**
 * The document types this server stores or validates.
 */
documentTypes: {
/**
 * The `documentType` value.
 */
documentType: string
/**
 * Human name.
 */
title: string
/**
 * The schema's `$id`.
 */
schema: string
/**
 * Collection path on this server, when it stores the type.
 */
path?: string
}[]
/**
 * URL of the OpenAPI description.
 */
openapi: string
/**
 * URL of the HTML documentation.
 */
docs: string
/**
 * Base of the problem type URIs.
 */
problemTypes?: string
/**
 * The product answering and its version, as its vendor names them. Optional; when present, a conformance certificate (`send-conformance run --certificate`) names the system by it unless the vendor's configuration says otherwise.
 */
implementation?: {
/**
 * Product name.
 */
name: string
/**
 * Product version, as its vendor numbers it.
 */
version: string
}
}
/**
 * Liveness or readiness.
 */
export interface HealthStatus {
/**
 * ok (alive) or ready.
 */
status: ("ok" | "ready")
[k: string]: unknown | undefined
}
/**
 * An OpenAPI 3.1 document (this one).
 */
export interface OpenApiDocument {
/**
 * 3.1.x
 */
openapi: string
/**
 * Title, version and description of the API.
 */
info: {
[k: string]: unknown | undefined
}
[k: string]: unknown | undefined
}
/**
 * One immutable version of a resource and its provenance.
 */
export interface VersionSummary {
/**
 * 1, 2, … with no gaps.
 */
version: number
/**
 * The version's ETag.
 */
etag: string
/**
 * When the server stored it.
 */
recordedAt: string
recordedBy: Actor
/**
 * The `Change-Reason` given.
 */
reason?: string
/**
 * The document's status at this version.
 */
status?: string
/**
 * Of the request that wrote it.
 */
correlationId: string
}
/**
 * Who acted: the token's subject, their role, and the calling system.
 */
export interface Actor {
/**
 * Token `sub`.
 */
subject: string
/**
 * Token `send_role`.
 */
role: string
/**
 * Calling system (token `client_id`).
 */
system?: string
}
/**
 * A family's stance on one item of a plan (a provision item, a review's account, a delivery record). The server records it as a `FamilyAgreement` on that item, given by the caller: a parent or carer, or the young person, speaks for themselves (leave out `onBehalfOf`); staff and systems write down a family's stance only on their behalf, saying whose it is and how they gave it.
 */
export interface AgreementContribution {
/**
 * Which kind of item: a provision item, a review or a delivery record (ISP); a guaranteed provision item or a review (EHCP).
 */
itemType: ("provision" | "review" | "delivery-record")
/**
 * The item's `id` in the plan.
 */
itemId: LocalId
/**
 * Agrees, partly agrees or disagrees (`not-yet-asked` is not something a person says).
 */
stance: AgreementStance
/**
 * Why, in their words; required when they partly agree or disagree.
 */
reason?: string
/**
 * How a parent, carer or young person wants to be named on the plan (e.g. 'Sam's mum').
 */
displayName?: string
/**
 * Required when staff or a system records the stance, and refused from a parent, carer or young person: whose stance it is and how it reached the recorder. The entry then names the recorder (`recordedBy`) and the way (`givenVia`).
 */
onBehalfOf?: {
/**
 * parent-carer, young-person or child.
 */
personType: PersonType
/**
 * The person's id, e.g. a contact's local id in the plan.
 */
personId?: string
/**
 * The person's name as shown on the plan.
 */
displayName?: string
/**
 * How the person gave the stance: phone, email, letter, in person, app.
 */
givenVia: ContactMethod
}
}
/**
 * One request the server handled. Append-only: never changed or removed.
 */
export interface AuditEvent {
/**
 * Strictly increasing.
 */
seq: number
/**
 * When.
 */
at: string
actor: Actor
/**
 * What was done.
 */
action: ("create" | "read" | "update" | "search" | "export" | "import" | "validate" | "list-versions")
/**
 * child, setting, isp, ehcp, legacy-ehcp, development-profile, spp, transfer or audit.
 */
resourceType: string
/**
 * Which resource, when one.
 */
resourceId?: string
/**
 * Which version, when one.
 */
version?: number
/**
 * Whose record, when a child's.
 */
childId?: string
/**
 * The server's own id for the request: unique, whatever the caller sent.
 */
correlationId: string
/**
 * The X-Correlation-Id the caller sent, when it was well-formed (and so echoed on the response). Chosen by the caller, so it may repeat.
 */
callerCorrelationId?: string
/**
 * Why the plan was read (access-purposes code list), for reads of a plan, one of its versions or a view (`purpose` query parameter; `not-stated` when none was given).
 */
purpose?: ("family-reading" | "teaching" | "review-meeting" | "planning" | "transfer" | "oversight" | "not-stated")
/**
 * Whether the request was allowed.
 */
outcome: ("allowed" | "denied")
}
/**
 * One read or change of a child's records, as shown to their parent or carer: the role and organisation that acted, not a staff member's account.
 */
export interface AccessLogEntry {
/**
 * When.
 */
at: string
/**
 * What was done.
 */
action: ("create" | "read" | "update" | "search" | "export" | "import" | "list-versions")
/**
 * Which kind of record.
 */
resourceType: string
/**
 * Which record.
 */
resourceId?: string
/**
 * Which version.
 */
version?: number
/**
 * The role that acted (e.g. la-officer).
 */
role: string
/**
 * Why the plan was read (access-purposes code list), for reads of a plan, one of its versions or a view (`purpose` query parameter; `not-stated` when none was given).
 */
purpose?: ("family-reading" | "teaching" | "review-meeting" | "planning" | "transfer" | "oversight" | "not-stated")
/**
 * The acting setting, when one.
 */
settingUrn?: string
/**
 * The acting local authority, when one.
 */
laCode?: string
/**
 * The calling system.
 */
system?: string
}
/**
 * A deterministic sample of a setting's plans for governors: ordered by SHA-256(seed:id), the first `size` taken. The seed is the setting URN and the academic year, so every governor of a setting sees the same sample all year.
 */
export interface PlanSample {
/**
 * The governor's setting.
 */
settingUrn: string
/**
 * Sample seed, e.g. "100000:2026/27".
 */
seed: string
/**
 * How many plans the sample was drawn from.
 */
population: number
/**
 * The redacted plans.
 */
items: RedactedPlan[]
}
/**
 * A plan with every member that carries a name, identifier, date of birth, contact detail or address removed, and the child's id replaced by a pseudonym stable within the sample. It is therefore NOT valid against the plan's schema; the rest of the plan (barriers, provision, outcomes, reviews, voice) is kept because it is what governors review, with every name the plan carries masked as "[name]" in its free text.
 */
export interface RedactedPlan {
/**
 * isp, ehcp or legacy-ehcp.
 */
documentType: string
/**
 * The plan's id.
 */
id: string
[k: string]: unknown | undefined
}
/**
 * Send a child's records: to a setting (by URN or UKPRN), or to an unknown destination (held for the responsible local authority to claim).
 */
export interface TransferRequest {
/**
 * `{urn}`, `{ukprn}` or `{unknownDestination: true}`.
 */
receiver: {
/**
 * The receiving setting's URN (6 or 7 digits).
 */
urn?: string
/**
 * The receiving setting's UKPRN.
 */
ukprn?: string
/**
 * The next setting is not known (the 'lost pupil' case).
 */
unknownDestination?: boolean
}
/**
 * Why the child's records move (transfer-reasons code).
 */
reason: TransferReason
/**
 * Also send each document's earlier versions (oldest first). Default false.
 */
includeVersionHistory?: boolean
/**
 * Encrypt the signed bundle (JWE, ECDH-ES+A256KW / A256GCM) to the receiver's published key. Default false.
 */
encrypt?: boolean
/**
 * The bundle's manifest.expiresAt, in days from now.
 */
expiresInDays?: number
/**
 * The purpose and the sharing labels to include. Safeguarding sections are left out unless included explicitly; every section left out is recorded as a redaction in the bundle.
 */
sharing?: {
/**
 * Why the data is shared, in plain English.
 */
purpose?: string
/**
 * Sharing labels whose sections go (default education, health, social-care).
 */
include?: SharingLabel[]
/**
 * The lawful basis relied on.
 */
lawfulBasis?: string
}
}
/**
 * A transfer as listed, and as a parent or carer sees it: where the records went, the lifecycle with timestamps, and the status in plain words.
 */
export interface TransferSummary {
/**
 * The transfer's id, which is the bundle id.
 */
id: string
/**
 * Sent from, or received by, this server.
 */
direction?: ("outgoing" | "incoming")
/**
 * The child's id on this server (absent for a bundle held for review, or declined).
 */
childId?: string
/**
 * prepared → sent → received → accepted | rejected; then, from the receiver's signed integration acknowledgement, integrated | not-integrated. An unknown-destination bundle ends claimed; a bundle never delivered ends expired. On the receiving side, a bundle held for review is held, then accepted or declined.
 */
status: ("prepared" | "sent" | "received" | "accepted" | "rejected" | "claimed" | "integrated" | "not-integrated" | "expired" | "held" | "declined")
/**
 * For parents and carers.
 */
statusText: string
/**
 * Why the records moved (transfer-reasons code).
 */
reason?: string
/**
 * The sending setting or local authority.
 */
sender?: {
[k: string]: unknown | undefined
}
/**
 * Who the records go to: a setting (URN or UKPRN), or the responsible local authority when the destination is unknown.
 */
receiver?: {
/**
 * The receiving setting's URN.
 */
urn?: string
/**
 * The receiving setting's UKPRN.
 */
ukprn?: string
/**
 * The receiving setting's name.
 */
name?: string
/**
 * The receiving (or responsible) local authority's code.
 */
laCode?: string
/**
 * True when the next setting is not known: the bundle waits in the unclaimed queue.
 */
unknownDestination: boolean
}
/**
 * When each status was reached.
 */
timestamps: {
[k: string]: string | undefined
}
/**
 * Why the receiver rejected the bundle, or why it expired undelivered.
 * 
 * Items: Why a bundle was rejected (or why delivery failed): a stable code, a message, and where.
 */
reasons?: {
/**
 * Stable reason code, e.g. `bundle.bad-signature`, `bundle.digest-mismatch`, `bundle.unknown-key`.
 */
code: string
/**
 * The reason in plain English.
 */
message: string
/**
 * JSON Pointer within the bundle, when the reason concerns one value.
 */
pointer?: string
}[]
/**
 * The second stage of the acknowledgement, from the receiver's signed integration acknowledgement: whether a named member of the receiving setting's staff took the plan into use, when, and why not.
 */
integration?: {
/**
 * integrated or not-integrated.
 */
outcome: IntegrationOutcome
/**
 * Why the plan was not taken into use (not-integrated-reasons code).
 */
reason?: NotIntegratedReason
/**
 * The reason in plain English.
 */
note?: string
/**
 * When the receiving staff recorded the outcome.
 */
recordedAt: string
/**
 * The display name of the member of staff who recorded it.
 */
recordedBy: string
[k: string]: unknown | undefined
}
/**
 * The outcome of the integration acknowledgement, once one came back.
 */
integrationOutcome?: IntegrationOutcome
/**
 * When the receiving staff recorded the plan as integrated.
 */
integratedAt?: string
/**
 * The last date (in England) by which the receiver should record integration: the configured number of school days after receipt.
 */
integrationDueBy?: string
/**
 * True when the transfer was received but not integrated by integrationDueBy: the responsible local authority is told (GET /transfers/escalated).
 */
escalated?: boolean
/**
 * When the transfer was escalated.
 */
escalatedAt?: string
[k: string]: unknown | undefined
}
/**
 * The receiver's answer to a bundle that verified: the signed receipt and whether this was a replay. The same answer whether the bundle was imported at once or held for the receiver's review; where it was filed is not told to the sender.
 */
export interface InboxResult {
/**
 * The bundle id.
 */
bundleId: string
/**
 * Accepted: verified and held by the receiver (a rejection is a 422 problem).
 */
decision: "accepted"
/**
 * The signed receipt (JWS compact).
 */
receipt: SignedTransferReceipt
/**
 * True when the same bundle had been imported already (nothing was written).
 */
replayed?: boolean
}
/**
 * What the receiver does with a held bundle.
 */
export interface TransferReviewDecision {
/**
 * Import as a new child record in the receiver's own records, or decline.
 */
decision: ("import-as-new-child" | "decline")
/**
 * Why, in plain English (kept with the decision).
 */
note?: string
}
/**
 * The receiving setting records whether the plan it received has been taken into use. The member of staff is the caller (the token's `name` claim).
 */
export interface IntegrationRecordRequest {
/**
 * integrated or not-integrated.
 */
outcome: IntegrationOutcome
/**
 * Required when not-integrated; absent when integrated.
 */
reason?: NotIntegratedReason
/**
 * Why, in plain English; sent to the sending setting.
 */
note?: string
}
/**
 * The sender's answer to a verified integration acknowledgement.
 */
export interface AcknowledgementResult {
/**
 * The bundle id.
 */
bundleId: string
/**
 * The transfer's status after the acknowledgement.
 */
status: ("integrated" | "not-integrated")
/**
 * True when the same acknowledgement had been received already (nothing was written).
 */
replayed?: boolean
}
/**
 * Which profile version holds the imported SEN history, how many classifications were added or already there, the crosswalk suggestions (each with its professional-review flag) and warnings.
 */
export interface CtfImportResult {
/**
 * The areas-of-development profile the history was added to.
 */
profileId: string
/**
 * The profile version that holds it.
 */
version: number
/**
 * Classifications added.
 */
added: number
/**
 * Classifications the profile already had (same provision and start date).
 */
skipped: number
/**
 * Census SEN type → area of development crosswalk results; never applied automatically.
 */
suggestions?: {
[k: string]: unknown | undefined
}[]
/**
 * Things the importer noticed but accepted.
 */
warnings?: {
[k: string]: unknown | undefined
}[]
[k: string]: unknown | undefined
}
/**
 * RFC 7517 key set: the public ES256 signing keys and P-256 encryption keys of every setting this server hosts; `x-send-owner` names the setting (`urn:<URN>`) or local authority (`la:<code>`).
 */
export interface JsonWebKeySet {
/**
 * Public JWKs.
 */
keys: {
[k: string]: unknown | undefined
}[]
[k: string]: unknown | undefined
}
/**
 * A trust list (schemas/trust-list.schema.json) signed by the trust anchor as a compact JWS (ES256, typ `send-trust-list+json`).
 */
export interface SignedTrustListBody {
/**
 * The compact JWS.
 */
trustList: string
}
/**
 * The trust list this server believes: its issue, its issuer, how many entries and revocations.
 */
export interface TrustListStatus {
/**
 * The compact JWS as the anchor signed it (anyone can verify it again).
 */
trustList: string
/**
 * The list's issue number.
 */
sequence: number
/**
 * When the anchor signed this issue.
 */
issuedAt: string
/**
 * When the anchor's next issue is due.
 */
nextUpdate: string
/**
 * The trust anchor.
 */
issuer: {
/**
 * The anchor's name.
 */
name: string
/**
 * The anchor key's kid.
 */
kid: string
[k: string]: unknown | undefined
}
/**
 * How many settings and authorities it lists.
 */
entryCount: number
/**
 * How many keys it revokes.
 */
revocationCount: number
}
/**
 * What the asking local authority knows of a child who has reappeared in its area: a UPN or NHS number, or given name, family name and date of birth together. Nothing less is searched (a date of birth or a name alone is 422).
 */
export interface HeldTransferQuery {
/**
 * As the asking local authority knows it.
 */
upn?: string
/**
 * As the asking local authority knows it.
 */
nhsNumber?: string
/**
 * As the asking local authority knows it.
 */
givenName?: string
/**
 * As the asking local authority knows it.
 */
familyName?: string
/**
 * YYYY-MM-DD.
 */
dateOfBirth?: string
}
/**
 * A bundle held by another local authority that matches the query. Nothing about the child is returned: only a reference to request it by, the confidence, who holds it and since when.
 */
export interface HeldTransferMatch {
/**
 * Opaque; only the local authority that asked can request with it.
 */
matchRef: string
/**
 * high: the UPN (current or former) or NHS number is the same; medium: legal given name, family name and date of birth are the same; low: the date of birth is the same and the names are the same once accents, hyphens, apostrophes and spaces are set aside, one or two typing slips apart, or given and family name swapped.
 */
confidence: ("high" | "medium" | "low")
/**
 * The local authority whose unclaimed queue holds the bundle.
 */
holdingLaCode: string
/**
 * The day the bundle entered the queue.
 */
heldSince: string
}
/**
 * The query as sent, and the matches, best first (at most 20).
 */
export interface HeldTransferQueryResult {
query: HeldTransferQuery
/**
 * Best first.
 */
matches: HeldTransferMatch[]
/**
 * Local authorities on other servers (by the trust list) whose server did not answer in time: their queues were not searched, so ask again later.
 * 
 * Items: Its code.
 */
unanswered?: string[]
}
/**
 * The requesting local authority's server, told of the holding authority's decision: `refused` recorded, or the released bundle `accepted` (verified and imported, or held for review) or `rejected` (with reason codes), as its inbox would answer.
 */
export interface LaDecisionAnswer {
/**
 * What came of it.
 */
decision: ("accepted" | "rejected" | "refused")
/**
 * Why a released bundle was rejected (stable codes).
 * 
 * Items: A reason code and message.
 */
reasons?: {
/**
 * Stable reason code.
 */
code: string
/**
 * For people.
 */
message: string
[k: string]: unknown | undefined
}[]
/**
 * The receipt signed by the requesting authority's key (compact JWS).
 */
receipt?: string
/**
 * Where the released bundle went on the requesting side.
 */
delivery?: ("imported" | "held-for-review")
}
/**
 * Ask the holding local authority to release a matched bundle, saying why.
 */
export interface LaTransferRequestBody {
/**
 * From the query result.
 */
matchRef: string
/**
 * Why the asking local authority needs the records (kept with the request).
 */
reason: string
}
/**
 * A request for a held bundle, as the requesting or the holding local authority sees it. Only the holding side sees `transferId`; only the requesting side sees `childId` (its own record, after import).
 */
export interface LaTransferRequest {
/**
 * The request's id (its match reference).
 */
id: string
/**
 * Where the request is.
 */
status: ("pending" | "approved" | "refused")
/**
 * high: the UPN (current or former) or NHS number is the same; medium: legal given name, family name and date of birth are the same; low: the date of birth is the same and the names are the same once accents, hyphens, apostrophes and spaces are set aside, one or two typing slips apart, or given and family name swapped.
 */
confidence: ("high" | "medium" | "low")
/**
 * Decides the request.
 */
holdingLaCode: string
/**
 * Asked for the bundle.
 */
requestingLaCode: string
/**
 * The officer who asked.
 */
requestedBy: {
/**
 * Token subject.
 */
subject: string
}
/**
 * When.
 */
requestedAt: string
/**
 * Why the records are needed.
 */
reason: string
/**
 * The holding side's transfer (holding side only).
 */
transferId?: string
/**
 * The holding LA's officer.
 */
decidedBy?: {
/**
 * Token subject.
 */
subject: string
/**
 * Their LA.
 */
laCode: string
}
/**
 * When.
 */
decidedAt?: string
/**
 * Why (required for a refusal).
 */
decisionReason?: string
/**
 * After approval: imported into the requesting LA's records, or held for its review because the child matched a record it cannot see.
 */
delivery?: ("imported" | "held-for-review")
/**
 * The requesting LA's child record after import (requesting side only).
 */
childId?: string
}
/**
 * Requests the caller's local authority holds (to decide) and made (to follow), newest first.
 */
export interface LaTransferRequestList {
/**
 * Requests.
 */
items: LaTransferRequest[]
}
/**
 * The holding local authority approves (the bundle is released to the requester) or refuses, with a reason.
 */
export interface LaTransferDecision {
/**
 * Approve or refuse.
 */
decision: ("approve" | "refuse")
/**
 * Why; required when refusing.
 */
reason?: string
}
/**
 * Counts and durations over the transfers of the children the caller's local authority is responsible for, prepared within the period. No child ids, names or identifiers.
 */
export interface TransferMetrics {
/**
 * The caller's local authority.
 */
laCode: string
/**
 * When the figures were computed.
 */
generatedAt: string
/**
 * The period asked for (by the day each transfer was prepared).
 */
period: {
/**
 * Start, inclusive.
 */
from?: string
/**
 * End, inclusive (a date includes its whole day).
 */
to?: string
}
/**
 * All transfers
 */
total: {
/**
 * How many transfers.
 */
count: number
/**
 * How many transfers are in each status (prepared, sent, received, accepted, rejected, claimed, …).
 */
byStatus: {
[k: string]: number | undefined
}
/**
 * From sending (or preparing) to the receiver's receipt.
 */
timeToReceipt: {
/**
 * How many transfers the figures are over.
 */
count: number
/**
 * Median in whole seconds (nearest rank); null when there is nothing to measure.
 */
medianSeconds: (number | null)
/**
 * 90th percentile in whole seconds (nearest rank); null when there is nothing to measure.
 */
p90Seconds: (number | null)
}
/**
 * From sending to the receiving setting recording the plan as taken into use (the two-stage acknowledgement).
 */
timeToIntegration: {
/**
 * How many transfers the figures are over.
 */
count: number
/**
 * Median in whole seconds (nearest rank); null when there is nothing to measure.
 */
medianSeconds: (number | null)
/**
 * 90th percentile in whole seconds (nearest rank); null when there is nothing to measure.
 */
p90Seconds: (number | null)
}
}
/**
 * Per sending setting (URN), in URN order.
 * 
 * Items: One setting's transfers
 */
bySetting: {
/**
 * The sending setting.
 */
settingUrn: string
/**
 * How many transfers.
 */
count: number
/**
 * How many transfers are in each status (prepared, sent, received, accepted, rejected, claimed, …).
 */
byStatus: {
[k: string]: number | undefined
}
/**
 * From sending (or preparing) to the receiver's receipt.
 */
timeToReceipt: {
/**
 * How many transfers the figures are over.
 */
count: number
/**
 * Median in whole seconds (nearest rank); null when there is nothing to measure.
 */
medianSeconds: (number | null)
/**
 * 90th percentile in whole seconds (nearest rank); null when there is nothing to measure.
 */
p90Seconds: (number | null)
}
/**
 * From sending to the receiving setting recording the plan as taken into use (the two-stage acknowledgement).
 */
timeToIntegration: {
/**
 * How many transfers the figures are over.
 */
count: number
/**
 * Median in whole seconds (nearest rank); null when there is nothing to measure.
 */
medianSeconds: (number | null)
/**
 * 90th percentile in whole seconds (nearest rank); null when there is nothing to measure.
 */
p90Seconds: (number | null)
}
}[]
/**
 * Per responsible local authority, in code order.
 * 
 * Items: One local authority's transfers
 */
byLocalAuthority: {
/**
 * The responsible LA.
 */
laCode: string
/**
 * How many transfers.
 */
count: number
/**
 * How many transfers are in each status (prepared, sent, received, accepted, rejected, claimed, …).
 */
byStatus: {
[k: string]: number | undefined
}
/**
 * From sending (or preparing) to the receiver's receipt.
 */
timeToReceipt: {
/**
 * How many transfers the figures are over.
 */
count: number
/**
 * Median in whole seconds (nearest rank); null when there is nothing to measure.
 */
medianSeconds: (number | null)
/**
 * 90th percentile in whole seconds (nearest rank); null when there is nothing to measure.
 */
p90Seconds: (number | null)
}
/**
 * From sending to the receiving setting recording the plan as taken into use (the two-stage acknowledgement).
 */
timeToIntegration: {
/**
 * How many transfers the figures are over.
 */
count: number
/**
 * Median in whole seconds (nearest rank); null when there is nothing to measure.
 */
medianSeconds: (number | null)
/**
 * 90th percentile in whole seconds (nearest rank); null when there is nothing to measure.
 */
p90Seconds: (number | null)
}
}[]
}
/**
 * One page of a list; `nextCursor` is present when there is another page.
 */
export interface Page<T> {
/**
 * The items on this page.
 */
items: T[]
/**
 * Pass as `cursor` to get the next page.
 */
nextCursor?: string
}

/**
 * Schema name (as components/schemas and the route table name bodies) → TypeScript type. The operation table
 * (operations.ts) refers to request and response bodies by these names.
 */
export interface SchemaTypes {
  AccessLogEntry: AccessLogEntry;
  AccessLogPage: AccessLogPage;
  AcknowledgementResult: AcknowledgementResult;
  Actor: Actor;
  AgreementContribution: AgreementContribution;
  AnyDocument: AnyDocument;
  AuditEvent: AuditEvent;
  AuditPage: AuditPage;
  ChildPage: ChildPage;
  ChildRecord: ChildRecord;
  CompactTransferBundle: CompactTransferBundle;
  CtfImportResult: CtfImportResult;
  CtfXml: CtfXml;
  DevelopmentProfile: DevelopmentProfile;
  DevelopmentProfilePage: DevelopmentProfilePage;
  Discovery: Discovery;
  Ehcp: Ehcp;
  EhcpPage: EhcpPage;
  Finding: Finding;
  HealthStatus: HealthStatus;
  HeldTransferMatch: HeldTransferMatch;
  HeldTransferQuery: HeldTransferQuery;
  HeldTransferQueryResult: HeldTransferQueryResult;
  HtmlPage: HtmlPage;
  InboxResult: InboxResult;
  IndividualSupportPlan: IndividualSupportPlan;
  IntegrationRecordRequest: IntegrationRecordRequest;
  IspPage: IspPage;
  JsonTransferBundle: JsonTransferBundle;
  JsonWebKeySet: JsonWebKeySet;
  JweCompact: JweCompact;
  JwsCompact: JwsCompact;
  LaDecisionAnswer: LaDecisionAnswer;
  LaTransferDecision: LaTransferDecision;
  LaTransferRequest: LaTransferRequest;
  LaTransferRequestBody: LaTransferRequestBody;
  LaTransferRequestList: LaTransferRequestList;
  LegacyEhcp: LegacyEhcp;
  LegacyEhcpPage: LegacyEhcpPage;
  OpenApiDocument: OpenApiDocument;
  PdfDocument: PdfDocument;
  PlanSample: PlanSample;
  Problem: Problem;
  ProblemError: ProblemError;
  RedactedPlan: RedactedPlan;
  SettingEntry: SettingEntry;
  SettingPage: SettingPage;
  SignedIntegrationAcknowledgement: SignedIntegrationAcknowledgement;
  SignedTrustListBody: SignedTrustListBody;
  SpecialistProvisionPackage: SpecialistProvisionPackage;
  SppPage: SppPage;
  TransferMetrics: TransferMetrics;
  TransferPage: TransferPage;
  TransferRequest: TransferRequest;
  TransferReviewDecision: TransferReviewDecision;
  TransferReviewPage: TransferReviewPage;
  TransferSummary: TransferSummary;
  TransferView: TransferView;
  TrustListStatus: TrustListStatus;
  ValidationInput: ValidationInput;
  ValidationReport: ValidationReport;
  VersionPage: VersionPage;
  VersionSummary: VersionSummary;
  VoiceContribution: VoiceContribution;
}

export type SchemaName = keyof SchemaTypes;
