// What each requirement's tests assert, clause by clause: the review of the catalogue against the suite. Every clause
// of an active requirement names the tests that check it, or says why none does (`gap`). clauses.test.ts keeps this
// honest: each test named exists and cites the requirement, each test citing a requirement is named under one of its
// clauses, and every active requirement is listed. `{kind}` stands for every resource a per-resource test runs on.
import type { TestDef } from "./model.ts";
import { NOT_TESTED, type Requirement } from "./requirements.ts";

export interface Clause {
  clause: string;
  tests: readonly string[];
  /** Why no test checks the clause (or checks it only in part); printed in the listing as a known gap. */
  gap?: string;
  /** Why no request over HTTP can check the clause, and what proves it instead; printed apart from the gaps. */
  notBlackBox?: string;
}

export const CLAUSES: Readonly<Record<string, readonly Clause[]>> = {
  "SI-API-001": [
    {
      clause: "create answers 201 with Location naming the new resource",
      tests: ["send.api-core.{kind}.create-returns-location-etag", "send.api-core.{kind}.create-assigns-fresh-id"],
    },
    { clause: "create answers with an ETag", tests: ["send.api-core.{kind}.create-returns-location-etag"] },
  ],
  "SI-API-002": [
    { clause: "a read returns a strong ETag", tests: ["send.api-core.{kind}.read-returns-stored-document"] },
    {
      clause: "a version read returns a strong ETag",
      tests: ["send.api-core.{kind}.versions-contiguous-immutable"],
    },
  ],
  "SI-API-003": [
    {
      clause: "If-None-Match with the current ETag gives 304 with no body",
      tests: ["send.api-core.{kind}.if-none-match-not-modified"],
    },
  ],
  "SI-API-004": [
    {
      clause: "PUT without If-Match gives 428 precondition-required",
      tests: ["send.api-core.{kind}.update-without-if-match-refused"],
    },
    { clause: "nothing is stored", tests: ["send.api-core.{kind}.update-without-if-match-refused"] },
  ],
  "SI-API-005": [
    {
      clause: "a stale If-Match gives 412 precondition-failed",
      tests: ["send.api-core.{kind}.update-stale-if-match-refused", "send.api-core.{kind}.concurrent-updates-one-wins"],
    },
    { clause: "nothing is stored", tests: ["send.api-core.{kind}.update-stale-if-match-refused"] },
  ],
  "SI-API-006": [
    {
      clause: "create and each update write versions 1, 2, 3 … without gaps",
      tests: [
        "send.api-core.{kind}.update-writes-new-version",
        "send.api-core.{kind}.versions-contiguous-immutable",
        "send.api-core.{kind}.concurrent-updates-one-wins",
      ],
    },
    { clause: "a stored version never changes", tests: ["send.api-core.{kind}.versions-contiguous-immutable"] },
    {
      clause: "after an update, reads and searches answer the current version",
      tests: ["send.api-core.{kind}.search-returns-current-version"],
    },
  ],
  "SI-API-007": [
    {
      clause: "each version records subject, role, system, time and Change-Reason",
      tests: ["send.api-core.{kind}.versions-record-provenance"],
    },
    {
      clause: "after a PUT the stored document's provenance.updatedAt and changeReason are the server's",
      tests: ["send.api-core.{kind}.update-maintains-provenance"],
    },
  ],
  "SI-API-008": [
    {
      clause: "PUT without Change-Reason gives 400 invalid-parameter at /header/Change-Reason",
      tests: ["send.api-core.{kind}.update-without-change-reason-refused"],
    },
  ],
  "SI-API-009": [
    { clause: "no DELETE on any record (404 or 405)", tests: ["send.api-core.{kind}.delete-not-offered"] },
    {
      clause: "closing an ISP is a status change writing a new version",
      tests: ["send.api-core.closing-writes-new-version"],
    },
    {
      clause: "ceasing an EHCP is a status change writing a new version",
      tests: ["send.api-core.ceasing-writes-new-version"],
    },
  ],
  "SI-API-010": [
    {
      clause: "the version list holds every version, oldest first",
      tests: ["send.api-core.{kind}.versions-contiguous-immutable"],
    },
    {
      clause: "each listed version reads back unchanged",
      tests: ["send.api-core.{kind}.versions-contiguous-immutable"],
    },
  ],
  "SI-API-011": [
    {
      clause: "lists page with limit and cursor, each match once",
      tests: ["send.api-core.{kind}.search-pages-once-each"],
    },
    {
      clause: "nextCursor and Link rel=next while more results exist, and the link returns the next page",
      tests: ["send.api-core.{kind}.search-pages-once-each"],
    },
  ],
  "SI-API-012": [
    {
      clause: "childId, upn, uln, nhsNumber: a matching and a non-matching record each",
      tests: ["send.api-core.{kind}.search-filters-subset-complete"],
    },
    {
      clause: "identifiers exact after normalisation (UPN in lower case, NHS number with spaces)",
      tests: ["send.api-core.{kind}.search-filters-subset-complete"],
    },
    {
      clause: "settingUrn (and laCode where offered): the holder's value and another",
      tests: ["send.api-core.{kind}.search-filters-subset-complete"],
    },
    {
      clause: "status: two records of one child with different statuses",
      tests: ["send.api-core.{kind}.search-filters-subset-complete"],
    },
    {
      clause: "reviewDueBefore: exclusive bound, a record due that day and one due earlier",
      tests: ["send.api-core.{kind}.search-filters-subset-complete"],
    },
    { clause: "filters combine with AND", tests: ["send.api-core.{kind}.search-filters-subset-complete"] },
    { clause: "ISP searches filter by layer", tests: ["send.api-core.isp.search-filters-subset-complete"] },
    {
      clause: "search answers each record's current version, not an older one",
      tests: ["send.api-core.{kind}.search-returns-current-version"],
    },
  ],
  "SI-API-013": [
    {
      clause: "errors are application/problem+json with type, title, status, detail and correlationId",
      tests: [
        "send.api-core.{kind}.update-without-if-match-refused",
        "send.api-core.{kind}.update-stale-if-match-refused",
        "send.api-core.{kind}.update-without-change-reason-refused",
        "send.api-core.{kind}.invalid-document-refused",
        "send.api-core.{kind}.create-duplicate-id-conflict",
        "send.api-core.malformed-json-refused",
        "send.api-core.oversized-body-refused",
        "send.api-core.unsupported-media-type-refused",
        "send.api-core.deep-nesting-limits",
        "send.api-core.correlation-id-echoed",
        "send.api-core.rate-limit-retry-after",
        "send.security.no-token-unauthorised",
      ],
    },
    {
      clause: "type is a URI of the published problem-type catalogue (the one for the status, when only one has it)",
      tests: [
        "send.api-core.{kind}.invalid-document-refused",
        "send.api-core.malformed-json-refused",
        "send.security.no-token-unauthorised",
      ],
    },
  ],
  "SI-API-014": [
    {
      clause: "a schema error gives 422 validation-failed with pointer and ruleId",
      tests: ["send.api-core.{kind}.invalid-document-refused"],
    },
    {
      clause:
        "an error-severity rule finding (golden thread for ISPs) gives 422 validation-failed with pointer and ruleId",
      tests: ["send.api-core.{kind}.invalid-document-refused"],
    },
    { clause: "nothing is stored", tests: ["send.api-core.{kind}.invalid-document-refused"] },
  ],
  "SI-API-015": [
    { clause: "a body that is not JSON gives 400 malformed-json", tests: ["send.api-core.malformed-json-refused"] },
  ],
  "SI-API-016": [
    { clause: "a body over the limit gives 413 payload-too-large", tests: ["send.api-core.oversized-body-refused"] },
    { clause: "bodies of at least 1 MiB are accepted", tests: ["send.api-core.one-mib-body-accepted"] },
  ],
  "SI-API-017": [
    {
      clause: "a non-JSON media type gives 415 unsupported-media-type",
      tests: ["send.api-core.unsupported-media-type-refused"],
    },
  ],
  "SI-API-018": [
    {
      clause: "far deeper nesting gives 400 too-deep; 64 levels are accepted",
      tests: ["send.api-core.deep-nesting-limits"],
    },
  ],
  "SI-API-019": [
    {
      clause: "every declared document type validates, answering 200 {valid, documentType, errors, findings}",
      tests: ["send.api-core.validate-reports-without-storing"],
    },
    {
      clause: "an invalid document is reported with a pointer",
      tests: ["send.api-core.validate-reports-without-storing"],
    },
    { clause: "nothing is stored", tests: ["send.api-core.validate-reports-without-storing"] },
  ],
  "SI-API-020": [
    {
      clause: "GET / names the schema URIs of the declared types, the schema version, the OpenAPI and docs URLs",
      tests: ["send.api-core.discovery-describes-server"],
    },
  ],
  "SI-API-021": [
    { clause: "/healthz and /readyz answer 200 while serving", tests: ["send.api-core.health-and-readiness"] },
    {
      clause: "/readyz answers 503 when the server cannot serve",
      tests: [],
      notBlackBox:
        "the suite cannot take an implementation's storage away from outside; the reference server " +
        "answers 503 with its database closed (server/src/testing/readiness.cases.ts, on PGlite " +
        "and PostgreSQL)",
    },
  ],
  "SI-API-022": [
    {
      clause: "/openapi.json is OpenAPI 3.1; /docs loads nothing from other origins",
      tests: ["send.api-core.openapi-and-docs-published"],
    },
  ],
  "SI-API-023": [
    {
      clause: "X-Correlation-Id echoed on successes and problems, repeated as correlationId",
      tests: ["send.api-core.correlation-id-echoed"],
    },
  ],
  "SI-API-025": [
    {
      clause: "no token: 401 with WWW-Authenticate: Bearer on every protected list operation",
      tests: ["send.security.no-token-unauthorised"],
    },
    {
      clause: "an invalid token (broken signature, alg none): 401",
      tests: ["send.security.bad-signature-unauthorised", "send.security.unsigned-token-unauthorised"],
    },
    {
      clause: "the same for writes and item reads (create, update, item read, version list)",
      tests: ["send.security.no-token-unauthorised"],
    },
  ],
  "SI-API-026": [
    {
      clause: "a role without the scope gets 403",
      tests: [
        "send.security.role-matrix-enforced",
        "send.security.role-matrix-every-operation",
        "send.security.parent-cannot-edit-provision",
      ],
    },
  ],
  "SI-API-027": [
    {
      clause: "another tenant's record reads, lists and updates as a true not-found",
      tests: [
        "send.security.foreign-tenant-read-not-found",
        "send.security.foreign-tenant-search-hidden",
        "send.security.foreign-tenant-update-not-found",
        "send.security.parent-sees-only-own-children",
      ],
    },
  ],
  "SI-API-028": [
    { clause: "a parent sees only their children's records", tests: ["send.security.parent-sees-only-own-children"] },
    { clause: "a parent adds views", tests: ["send.security.parent-adds-views"] },
    { clause: "a parent cannot update a plan", tests: ["send.security.parent-cannot-edit-provision"] },
    { clause: "a parent cannot create a plan", tests: ["send.security.parent-cannot-edit-provision"] },
  ],
  "SI-API-029": [
    {
      clause: "setting staff see only their setting's records",
      tests: [
        "send.security.foreign-tenant-read-not-found",
        "send.security.foreign-tenant-search-hidden",
        "send.security.foreign-tenant-update-not-found",
        "send.security.create-foreign-id-not-revealed",
        "send.security.plan-for-foreign-child-refused",
      ],
    },
    {
      clause: "local authority officers see only their LA's records",
      tests: ["send.security.la-officer-sees-only-own-la"],
    },
  ],
  "SI-API-030": [
    {
      clause: "a health commissioner receives only health sections",
      tests: ["send.security.health-commissioner-health-only"],
    },
  ],
  "SI-API-031": [
    {
      clause: "a governor's sample carries no names or identifiers",
      tests: ["send.security.governor-sample-redacted"],
    },
  ],
  "SI-API-032": [
    { clause: "every role but the auditor reads the SPP catalogue", tests: ["send.security.role-matrix-enforced"] },
    {
      clause: "only dfe-publisher publishes SPPs",
      tests: ["send.security.role-matrix-enforced"],
    },
  ],
  "SI-API-033": [
    {
      clause: "the role × operation matrix of x-roles is enforced",
      tests: ["send.security.role-matrix-enforced", "send.security.role-matrix-every-operation"],
      gap:
        "every operation of the declared resources and their views, directories, audit, validation, sample, trust " +
        "list and (both transfer profiles claimed) transfers and cross-LA requests; not the CTF import and export, " +
        "which no profile or feature claims; on the unclaimed and escalated transfer lists only refusals are " +
        "judged, since their descriptions also require la_code",
    },
  ],
  "SI-API-034": [{ clause: "429 rate-limited with Retry-After", tests: ["send.api-core.rate-limit-retry-after"] }],
  "SI-API-035": [
    {
      clause: "reads, creates and updates of plans are audited with actor",
      tests: ["send.security.plan-reads-audited", "send.security.writes-audited"],
    },
    {
      clause: "searches and denied requests are audited; role, system, outcome and correlation id recorded",
      tests: ["send.security.searches-and-denials-audited"],
    },
  ],
  "SI-API-036": [
    {
      clause: "only the auditor reads /audit",
      tests: ["send.security.role-matrix-enforced", "send.security.plan-reads-audited"],
    },
    { clause: "reading the audit log is itself audited", tests: ["send.security.audit-reads-audited"] },
  ],
  "SI-API-037": [
    {
      clause: "a parent's access log shows who read their child's plan",
      tests: ["send.security.parent-access-log-shows-reads"],
    },
  ],
  "SI-API-038": [
    { clause: "audit records cannot be changed or removed", tests: ["send.security.audit-log-immutable"] },
  ],
  "SI-API-039": [
    {
      clause: "documents produced validate against their schema",
      tests: ["send.documents.schema-valid", "send.api-core.{kind}.read-returns-stored-document"],
    },
    { clause: "schema-invalid documents are not stored", tests: ["send.api-core.{kind}.invalid-document-refused"] },
  ],
  "SI-API-040": [
    { clause: "documents produced have no error finding", tests: ["send.documents.no-error-findings"] },
    {
      clause: "a document with an error finding is not stored",
      tests: ["send.api-core.{kind}.invalid-document-refused"],
    },
  ],
  "SI-API-041": [
    {
      clause: "unknown extensions kept on create, read and update",
      tests: ["send.api-core.{kind}.read-returns-stored-document", "send.api-core.{kind}.update-writes-new-version"],
    },
    {
      clause: "kept through transfers",
      tests: ["send.transfer-sender.documents-sent-unchanged", "send.transfer-sender.round-trip-fidelity"],
    },
  ],
  "SI-API-042": [
    {
      clause: "documentType, schemaVersion, id and provenance at the root",
      tests: ["send.documents.root-identifies-document"],
    },
  ],
  "SI-API-043": [
    { clause: "documents produced carry no warnings", tests: ["send.documents.no-warning-findings"] },
    {
      clause: "$validate reports warnings and warnings do not prevent storage",
      tests: ["send.api-core.warnings-reported-not-refused"],
    },
  ],
  "SI-API-044": [
    {
      clause: "a sent bundle is ES256-signed by a key of the sender's JWKS, named by kid",
      tests: ["send.transfer-sender.bundle-verifies"],
    },
    {
      clause: "a receiver refuses other keys and alg none",
      tests: ["send.transfer-receiver.wrong-key-rejected", "send.transfer-receiver.unsigned-bundle-rejected"],
    },
  ],
  "SI-API-045": [
    {
      clause: "each document's digest is SHA-256 of its RFC 8785 form (checked with canonicalize and node:crypto)",
      tests: ["send.transfer-sender.bundle-verifies"],
    },
    {
      clause: "documents travel unchanged",
      tests: ["send.transfer-sender.documents-sent-unchanged", "send.transfer-sender.round-trip-fidelity"],
    },
  ],
  "SI-API-046": [
    {
      clause: "withheld sections are recorded as redactions",
      tests: ["send.transfer-sender.safeguarding-withheld-and-recorded"],
    },
  ],
  "SI-API-047": [
    {
      clause: "a replay returns the first receipt and changes nothing",
      tests: ["send.transfer-receiver.replay-idempotent"],
    },
  ],
  "SI-API-048": [
    {
      clause: "same bundle id, other content: 409, nothing changed",
      tests: ["send.transfer-receiver.same-id-different-content-conflict"],
    },
  ],
  "SI-API-049": [
    {
      clause: "a valid (or validly encrypted) bundle is imported",
      tests: ["send.transfer-receiver.valid-bundle-accepted", "send.transfer-receiver.encrypted-bundle-accepted"],
    },
    {
      clause: "bad signature, payload, digest, key or addressee: refused whole, nothing stored",
      tests: [
        "send.transfer-receiver.tampered-bundle-rejected",
        "send.transfer-receiver.wrong-key-rejected",
        "send.transfer-receiver.unknown-key-rejected",
        "send.transfer-receiver.unsigned-bundle-rejected",
        "send.transfer-receiver.misaddressed-bundle-rejected",
      ],
    },
  ],
  "SI-API-050": [
    {
      clause: "the receipt is ES256-signed by the receiver's JWKS and names the bundle id, digest and outcome",
      tests: ["send.transfer-receiver.valid-bundle-accepted"],
    },
    { clause: "the sender records the receipt", tests: ["send.transfer-sender.receipt-recorded"] },
  ],
  "SI-API-052": [
    {
      clause: "each document is written as a new version with importedFromBundleId and importedAt, never overwriting",
      tests: [
        "send.transfer-receiver.valid-bundle-accepted",
        "send.transfer-receiver.encrypted-bundle-accepted",
        "send.transfer-receiver.import-adds-version-with-provenance",
      ],
    },
    { clause: "the child is matched by UPN", tests: ["send.transfer-sender.round-trip-fidelity"] },
    {
      clause: "the child is matched by ULN or by NHS number, with no second child record made",
      tests: ["send.transfer-receiver.child-matched-by-uln-or-nhs-number"],
    },
  ],
  "SI-API-053": [
    {
      clause: "an unknown-destination bundle is queued, found by UPN and claimed by the LA",
      tests: ["send.transfer-sender.unknown-destination-claimable"],
    },
    {
      clause: "the queue is searched by ULN and by NHS number, and another child's ULN finds nothing",
      tests: ["send.transfer-sender.unclaimed-found-by-uln-or-nhs-number"],
    },
    {
      clause: "never deleted while unclaimed",
      tests: [],
      notBlackBox:
        "a run cannot wait for a retention period to pass; the suite sees the bundle stay queued for the length of its test",
    },
  ],
  "SI-API-054": [
    {
      clause: "the sender's key is in its /.well-known/jwks.json",
      tests: ["send.transfer-sender.bundle-verifies", "send.transfer-receiver.valid-bundle-accepted"],
    },
    {
      clause: "a receiver trusts only keys of its configured JWKS",
      tests: ["send.transfer-receiver.unknown-key-rejected"],
    },
  ],
  "SI-API-055": [
    { clause: "the transfer moves to accepted on the receipt", tests: ["send.transfer-sender.receipt-recorded"] },
    {
      clause: "the lifecycle with timestamps is shown to the child's parents in plain words",
      tests: ["send.transfer-sender.lifecycle-shown-to-parents"],
    },
    {
      clause: "delivery is retried with bounded exponential backoff",
      tests: [],
      gap:
        "the suite's receiver would have to refuse deliveries and time the retries, and the schedule is the " +
        "implementation's own (minutes apart in production); the reference server's is tested in " +
        "server/src/transfers/delivery.test.ts",
    },
  ],
  "SI-API-056": [
    {
      clause: "a JWE to the published enc key is decrypted and imported with the same receipt",
      tests: ["send.transfer-receiver.encrypted-bundle-accepted"],
    },
  ],
  "SI-API-057": [
    {
      clause: "a create stores a fresh server-assigned id, named in Location and the body",
      tests: ["send.api-core.{kind}.create-assigns-fresh-id"],
    },
    {
      clause: "the answer is the same whether the proposed id is in use, another tenant's included",
      tests: ["send.security.create-foreign-id-not-revealed"],
    },
  ],
  "SI-API-058": [
    {
      clause: "create naming another tenant's or a missing child: the same 422 at /child/personId",
      tests: ["send.security.plan-for-foreign-child-refused"],
    },
    {
      clause: "the same on update",
      tests: ["send.security.update-naming-foreign-child-refused"],
    },
    {
      clause: "the same on voice",
      tests: [],
      notBlackBox:
        "a voice statement carries no child reference: it is appended to the stored plan, whose " +
        "child the caller can already see, so no request can name another child",
    },
    { clause: "child ids compare without letter case", tests: ["send.security.child-reference-ignores-letter-case"] },
  ],
  "SI-API-059": [
    {
      clause: "a parent's views as a professional: 422 at authorRole, nothing stored",
      tests: ["send.security.parent-voice-as-professional-refused"],
    },
  ],
  "SI-API-060": [
    {
      clause: "an SPP whose id is in use: 409 conflict, nothing changed",
      tests: ["send.api-core.spp.create-duplicate-id-conflict"],
    },
    {
      clause: "a setting whose URN is in use: 409 conflict, nothing changed",
      tests: ["send.api-core.setting-urn-in-use-conflict"],
    },
  ],
  "SI-API-065": [
    {
      clause: "a bundle naming another tenant's child never moves, changes or exposes it",
      tests: ["send.transfer-receiver.foreign-child-not-re-tenanted"],
    },
  ],
  "SI-API-066": [
    {
      clause: "the sending API refuses a transfer to the sender's own setting with a 4xx problem",
      tests: ["send.transfer-sender.self-addressed-refused"],
    },
    {
      clause: "the receiving inbox refuses such a bundle with a reason",
      tests: [],
      notBlackBox:
        "only the implementation's own setting can sign such a bundle, and the suite never holds " +
        "its key; the reference server refuses it (server/src/transfers/transfers.cases.ts, on " +
        "PGlite and PostgreSQL)",
    },
  ],
  "SI-API-067": [
    {
      clause: "a bundle matching a child outside the tenancy is held for review, with an accepted receipt",
      tests: ["send.transfer-receiver.foreign-match-held-for-review"],
    },
    {
      clause: "nothing is written to any child or document record while it is held",
      tests: ["send.transfer-receiver.foreign-match-held-for-review"],
    },
    {
      clause: "the receiver's staff import it as a new child or decline it, each match and decision audited",
      tests: ["send.transfer-receiver.held-bundle-review-decided"],
    },
  ],
  "SI-API-068": [
    {
      clause: "an unsigned, wrongly signed, unknown-key or altered bundle is refused with reasons and no receipt",
      tests: [
        "send.transfer-receiver.unsigned-bundle-rejected",
        "send.transfer-receiver.wrong-key-rejected",
        "send.transfer-receiver.unknown-key-rejected",
        "send.transfer-receiver.tampered-bundle-rejected",
      ],
    },
    {
      clause: "a bundle whose key the trust list does not vouch for is refused with no receipt",
      tests: [
        "send.transfer-receiver.trust-unlisted-key-refused",
        "send.transfer-receiver.trust-key-not-yet-valid-refused",
        "send.transfer-receiver.trust-key-expired-refused",
        "send.transfer-receiver.trust-key-revoked-refused",
        "send.transfer-receiver.trust-closed-setting-key-refused",
      ],
    },
  ],
  "SI-API-080": [
    {
      clause: "a key the anchor-signed list lists, in force, is believed",
      tests: ["send.transfer-receiver.trust-listed-key-accepted"],
    },
    {
      clause: "a key the list does not list is refused with unknown-signing-key",
      tests: ["send.transfer-receiver.trust-unlisted-key-refused"],
    },
    {
      clause: "a key listed only from later is refused with signing-key-not-yet-valid",
      tests: ["send.transfer-receiver.trust-key-not-yet-valid-refused"],
    },
    {
      clause: "a key listed only until earlier is refused with signing-key-expired",
      tests: ["send.transfer-receiver.trust-key-expired-refused"],
    },
    {
      clause: "a revoked key is refused with signing-key-revoked",
      tests: ["send.transfer-receiver.trust-key-revoked-refused", "send.transfer-receiver.trust-list-older-refused"],
    },
    {
      clause: "a key of a setting that closed is refused with sender-setting-closed",
      tests: ["send.transfer-receiver.trust-closed-setting-key-refused"],
    },
    {
      clause: "nothing of a refused bundle is stored",
      tests: [
        "send.transfer-receiver.trust-unlisted-key-refused",
        "send.transfer-receiver.trust-key-not-yet-valid-refused",
        "send.transfer-receiver.trust-key-expired-refused",
        "send.transfer-receiver.trust-key-revoked-refused",
        "send.transfer-receiver.trust-closed-setting-key-refused",
      ],
    },
    {
      clause: "keys listed through an entry's JWKS carry the entry's jwksValidity",
      tests: [],
      gap: "the suite lists keys in entries; JWKS-listed keys are checked only through the suite's own onboarding entry (valid-bundle-accepted)",
    },
  ],
  "SI-API-081": [
    {
      clause: "a list signed by another key, with a broken signature or unsigned is refused with 4xx",
      tests: ["send.transfer-receiver.trust-list-forged-refused"],
    },
    {
      clause: "a refused list changes nothing (its entries are not believed)",
      tests: ["send.transfer-receiver.trust-list-forged-refused"],
    },
    {
      clause: "an issue not newer than the held one is refused and the newer list stays",
      tests: ["send.transfer-receiver.trust-list-older-refused"],
    },
  ],
  "SI-API-082": [
    {
      clause: "a bundle for a converted setting is delivered to its successor's inbox",
      tests: ["send.transfer-sender.trust-successor-receives"],
    },
    {
      clause: "the successor's signed receipt is accepted",
      tests: ["send.transfer-sender.trust-successor-receives"],
    },
    {
      clause: "nothing is sent to a setting that closed without a successor",
      tests: ["send.transfer-sender.trust-closed-receiver-not-sent"],
    },
    {
      clause: "successor links are followed through several conversions",
      tests: [],
      gap: "the suite lists one conversion; chains (an academy that later merged) are checked by the reference server's own tests only",
    },
  ],
  "SI-API-083": [
    {
      clause: "a bundle addressed to the predecessor is accepted and filed under the successor",
      tests: ["send.transfer-receiver.trust-successor-receives"],
    },
    {
      clause: "the receipt names the successor",
      tests: ["send.transfer-receiver.trust-successor-receives"],
    },
    {
      clause: "a bundle addressed to a setting that closed without a successor is refused",
      tests: ["send.transfer-receiver.trust-successor-receives"],
    },
  ],
  "SI-API-090": [
    {
      clause: "another LA's officer finds a held bundle by UPN with high confidence, the holding LA and the day held",
      tests: ["send.transfer-sender.cross-la-query-reveals-nothing-new"],
    },
    {
      clause: "a match carries nothing about the child beyond what the asker sent",
      tests: ["send.transfer-sender.cross-la-query-reveals-nothing-new"],
    },
    {
      clause: "NHS number, and name with date of birth at medium and low confidence",
      tests: [],
      gap: "the suite queries by UPN only; the scoring is tested case by case in the reference server (lost-child-match.test.ts)",
    },
  ],
  "SI-API-091": [
    {
      clause: "a query by date of birth alone, or by family name and date of birth, is refused with 4xx",
      tests: ["send.transfer-sender.cross-la-query-needs-named-child"],
    },
    {
      clause: "only local authority officers may query",
      tests: ["send.transfer-sender.cross-la-query-needs-named-child"],
    },
    {
      clause: "queries are limited per officer and audited on the holding side",
      tests: [],
      gap:
        "the limit would lock the suite's officer out for an hour, and the audit log is read only with an auditor's credential; both are tested in " +
        "the reference server (lost-children.cases.ts)",
    },
  ],
  "SI-API-092": [
    {
      clause: "the requesting LA cannot approve its own request, and holds nothing before approval",
      tests: ["send.transfer-sender.cross-la-release-needs-approval"],
    },
    {
      clause: "approval by the holding LA releases the bundle into the requester's records",
      tests: ["send.transfer-sender.cross-la-release-needs-approval"],
    },
    {
      clause: "a refusal carries a reason; a third LA cannot decide; each step is audited on both sides",
      tests: [],
      gap: "the suite has two local authorities only and no auditor step here; tested in the reference server (lost-children.cases.ts)",
    },
  ],
  "SI-API-093": [
    {
      clause: "counts by status and times to receipt and integration (median, p90 seconds), per setting and per LA",
      tests: ["send.transfer-sender.metrics-count-transfers"],
    },
    { clause: "a new transfer moves the count", tests: ["send.transfer-sender.metrics-count-transfers"] },
    { clause: "for local authority officers only", tests: ["send.transfer-sender.metrics-count-transfers"] },
    {
      clause: "no child's name, identifier or record id",
      tests: ["send.transfer-sender.metrics-no-personal-data"],
    },
  ],
  "SI-API-094": [
    {
      clause:
        "staff record integrated, and the sender receives an acknowledgement signed by the receiver's key for the bundle id and digest",
      tests: ["send.transfer-receiver.integration-acknowledgement-signed"],
    },
    {
      clause: "the acknowledgement names the member of staff who recorded it",
      tests: ["send.transfer-receiver.integration-acknowledgement-signed"],
    },
    {
      clause: "not-integrated needs a not-integrated-reasons code, which the acknowledgement carries",
      tests: ["send.transfer-receiver.not-integrated-needs-reason"],
    },
  ],
  "SI-API-095": [
    {
      clause: "a verified acknowledgement shows the outcome, staff name and timestamp on the transfer",
      tests: ["send.transfer-sender.integration-acknowledgement-recorded"],
    },
    {
      clause: "an acknowledgement signed by an unlisted key, or naming another digest, is refused and changes nothing",
      tests: ["send.transfer-sender.integration-acknowledgement-forged-refused"],
    },
  ],
  "SI-API-096": [
    {
      clause:
        "a transfer accepted but not integrated by its due date is listed for the responsible LA with its due date",
      tests: ["send.transfer-sender.escalation-listed-for-la"],
    },
    {
      clause: "it is flagged escalated with the instant, and audited",
      tests: [],
      gap:
        "the flag is set by the implementation's periodic sweep, which cannot be run at a future instant from outside; the reference server proves " +
        "it with an injected instant (server/src/transfers/acknowledgement.cases.ts)",
    },
  ],
  "SI-API-069": [
    {
      clause: "a parent records their own stance on their own child's plan; another family's parent gets 404",
      tests: ["send.security.parent-records-agreement"],
    },
    { clause: "a later stance keeps every earlier one", tests: ["send.security.parent-records-agreement"] },
    {
      clause: "staff record a stance only on a family's behalf, stating how it was given, and it is marked",
      tests: ["send.security.staff-agreement-on-behalf"],
    },
    {
      clause: "a young person records their own stance; another child's young person gets 404",
      tests: ["send.security.young-person-records-agreement"],
    },
    {
      clause: "the same holds for an EHCP's items (POST /ehcps/{id}/agreements)",
      tests: ["send.security.parent-records-ehcp-agreement"],
    },
  ],
};

export interface ClauseRow {
  requirement: Requirement;
  clauses: { clause: string; tests: string[]; gap?: string; notBlackBox?: string }[];
  /** Why the requirement has no test at all (requirements.ts NOT_TESTED). */
  deliberate?: string;
}

/** `{kind}` patterns expanded to the ids of the tests that exist. */
export function expandTestIds(patterns: readonly string[], ids: readonly string[]): string[] {
  return patterns.flatMap((p) => {
    if (!p.includes("{kind}")) return [p];
    const [before, after] = p.split("{kind}") as [string, string];
    return ids.filter(
      (id) =>
        id.startsWith(before) &&
        id.endsWith(after) &&
        !id.slice(before.length, -after.length || undefined).includes("."),
    );
  });
}

/** Per active requirement, its clauses with the tests that assert each. */
export function clauseRows(tests: readonly Pick<TestDef, "id">[], reqs: readonly Requirement[]): ClauseRow[] {
  const ids = tests.map((t) => t.id);
  return reqs
    .filter((r) => r.status !== "retired")
    .map((requirement) => ({
      requirement,
      clauses: (CLAUSES[requirement.id] ?? []).map((c) => ({
        clause: c.clause,
        tests: expandTestIds(c.tests, ids),
        ...(c.gap ? { gap: c.gap } : {}),
        ...(c.notBlackBox ? { notBlackBox: c.notBlackBox } : {}),
      })),
      ...(NOT_TESTED[requirement.id] ? { deliberate: NOT_TESTED[requirement.id] } : {}),
    }));
}

/** Everything wrong with the listing: unknown tests, tests not citing the requirement, citing tests left out. */
export function clauseProblems(
  tests: readonly Pick<TestDef, "id" | "requirements">[],
  reqs: readonly Requirement[],
): string[] {
  const byId = new Map(tests.map((t) => [t.id, t]));
  const problems: string[] = [];
  const active = new Set(reqs.filter((r) => r.status !== "retired").map((r) => r.id));
  for (const id of Object.keys(CLAUSES)) if (!active.has(id)) problems.push(`${id}: not an active requirement`);
  for (const row of clauseRows(tests, reqs)) {
    const id = row.requirement.id;
    if (row.clauses.length === 0 && !row.deliberate) problems.push(`${id}: no clauses listed`);
    const named = new Set<string>();
    for (const c of row.clauses) {
      if (c.tests.length === 0 && !c.gap && !c.notBlackBox)
        problems.push(`${id} "${c.clause}": no test and no gap stated`);
      if (c.notBlackBox && (c.tests.length > 0 || c.gap))
        problems.push(`${id} "${c.clause}": not testable black-box, yet tests or a gap are named`);
      for (const t of c.tests) {
        named.add(t);
        if (!byId.has(t)) problems.push(`${id} "${c.clause}": no test ${t}`);
        else if (!byId.get(t)!.requirements.includes(id))
          problems.push(`${id} "${c.clause}": ${t} does not cite ${id}`);
      }
    }
    for (const t of tests)
      if (t.requirements.includes(id) && !named.has(t.id))
        problems.push(`${id}: ${t.id} cites it but asserts no listed clause`);
  }
  return problems;
}

/** The listing as Markdown: per requirement, each clause with the tests asserting it, then the known gaps. */
export function renderClauseListing(tests: readonly Pick<TestDef, "id">[], reqs: readonly Requirement[]): string {
  const rows = clauseRows(tests, reqs);
  const clauses = rows.flatMap((r) => r.clauses);
  const gaps = rows.flatMap((r) =>
    r.clauses.filter((c) => c.gap).map((c) => ({ id: r.requirement.id, level: r.requirement.level, ...c })),
  );
  const unreachable = rows.flatMap((r) =>
    r.clauses.filter((c) => c.notBlackBox).map((c) => ({ id: r.requirement.id, level: r.requirement.level, ...c })),
  );
  const untested = clauses.filter((c) => c.tests.length === 0 && !c.notBlackBox).length;
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  const out = [
    "# What the conformance suite asserts, requirement by requirement",
    "",
    "<!-- generated from conformance/src/clauses.ts by `npx tsx conformance/scripts/coverage-listing.ts` — do not edit -->",
    "",
    "Each active requirement of `spec/requirements/requirements.json`, split into its clauses, with the conformance tests",
    "that assert each clause. `conformance/src/clauses.test.ts` checks that every test named exists and cites the",
    "requirement, and that every test citing a requirement asserts one of its clauses.",
    "",
    [
      `${rows.length} requirements, ${clauses.length} clauses; ${untested} clauses with no test,`,
      `${gaps.filter((g) => g.tests.length > 0).length} tested only in part,`,
      `${unreachable.length} clauses and ${rows.filter((r) => r.deliberate).length} requirement not testable over HTTP.`,
    ].join(" "),
    "",
    "## Known gaps",
    "",
    "| requirement | level | clause | tested by | gap |",
    "|---|---|---|---|---|",
    ...gaps.map(
      (g) =>
        `| ${g.id} | ${g.level} | ${cell(g.clause)} | ${g.tests.length ? "in part" : "no test"} | ${cell(g.gap!)} |`,
    ),
    ...rows
      .filter((r) => r.deliberate)
      .map((r) => `| ${r.requirement.id} | ${r.requirement.level} | (all) | no test | ${cell(r.deliberate!)} |`),
    "",
    "## Not testable black-box",
    "",
    "Clauses no request over HTTP can check, with what proves them instead.",
    "",
    "| requirement | level | clause | why, and what proves it instead |",
    "|---|---|---|---|",
    ...unreachable.map((u) => `| ${u.id} | ${u.level} | ${cell(u.clause)} | ${cell(u.notBlackBox!)} |`),
    "",
    "## By requirement",
  ];
  for (const r of rows) {
    out.push("", `### ${r.requirement.id} (${r.requirement.level})`, "", r.requirement.text, "");
    if (r.deliberate) out.push(`Not tested over HTTP: ${r.deliberate}`);
    for (const c of r.clauses) {
      const tests = c.tests.length ? c.tests.map((t) => `\`${t}\``).join(", ") : undefined;
      const verdict = tests ?? (c.notBlackBox ? "**not testable black-box**" : "**no test**");
      const why = `${c.gap ? ` (gap: ${c.gap})` : ""}${c.notBlackBox ? ` (${c.notBlackBox})` : ""}`;
      out.push(`- ${c.clause}: ${verdict}${why}`);
    }
  }
  return `${out.join("\n")}\n`;
}
