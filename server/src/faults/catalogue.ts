// The catalogue of deliberate faults: realistic vendor bugs the reference server can be built with, ONLY by tests
// (createApp's `faults` option), so the conformance suite can prove that it catches them (issue 5 §3). Each id is
// stable; `caughtBy` names the conformance test ids (conformance/ids.lock) expected to fail when the fault is on.

export interface FaultSpec {
  /** Stable, kebab-case. */
  id: string;
  /** One line: what the faulty server does wrong. */
  description: string;
  /** Conformance test ids that must catch it (at least one of them fails as MUST). */
  caughtBy: readonly string[];
}

export const FAULT_CATALOGUE = [
  // Preconditions, validators, versions
  {
    id: "update-without-if-match-accepted",
    description: "PUT without If-Match is applied instead of 428.",
    caughtBy: ["send.api-core.isp.update-without-if-match-refused"],
  },
  {
    id: "stale-if-match-accepted",
    description: "A stale If-Match is ignored: the update overwrites the newer version instead of 412.",
    caughtBy: ["send.api-core.isp.update-stale-if-match-refused"],
  },
  {
    id: "etag-unchanged-after-update",
    description: "A successful update answers with the ETag the client sent, not the new version's.",
    caughtBy: ["send.api-core.isp.update-writes-new-version", "send.api-core.isp.versions-contiguous-immutable"],
  },
  {
    id: "weak-etag-on-read",
    description: "Reads carry a weak ETag (W/…), so If-Match cannot use it.",
    caughtBy: ["send.api-core.isp.read-returns-stored-document"],
  },
  {
    id: "if-none-match-ignored",
    description: "A conditional read never answers 304.",
    caughtBy: ["send.api-core.isp.if-none-match-not-modified"],
  },
  {
    id: "change-reason-optional",
    description: "Updates without a Change-Reason header are accepted.",
    caughtBy: ["send.api-core.isp.update-without-change-reason-refused"],
  },
  {
    id: "versions-newest-first",
    description: "Version listings come newest first.",
    caughtBy: ["send.api-core.isp.versions-contiguous-immutable"],
  },
  {
    id: "version-read-returns-current",
    description: "GET …/versions/{n} answers the current version whatever n is.",
    caughtBy: ["send.api-core.isp.versions-contiguous-immutable"],
  },
  {
    id: "version-provenance-without-reason",
    description: "Version listings drop who made a version and why.",
    caughtBy: ["send.api-core.isp.versions-record-provenance"],
  },
  {
    id: "duplicate-create-overwrites",
    description: "POST with an id in use replaces that record (another tenant's too) instead of a fresh record or 409.",
    caughtBy: [
      "send.security.create-foreign-id-not-revealed",
      "send.api-core.isp.create-assigns-fresh-id",
      "send.api-core.spp.create-duplicate-id-conflict",
    ],
  },
  {
    id: "location-header-wrong",
    description: "201 Created names the collection in Location, not the new record.",
    caughtBy: ["send.api-core.isp.create-returns-location-etag"],
  },
  {
    id: "extensions-dropped-on-read",
    description: "Reads silently drop the `extensions` the server does not understand.",
    caughtBy: ["send.api-core.isp.read-returns-stored-document", "send.api-core.isp.update-writes-new-version"],
  },
  // Validation and errors
  {
    id: "invalid-document-accepted",
    description: "A schema-invalid document is stored with 201 instead of 422.",
    caughtBy: ["send.api-core.isp.invalid-document-refused"],
  },
  {
    id: "validation-errors-without-pointers",
    description: "422 problems carry no errors[] with JSON pointers.",
    caughtBy: ["send.api-core.isp.invalid-document-refused"],
  },
  {
    id: "validate-stores-document",
    description: "POST /$validate also stores a valid document.",
    caughtBy: ["send.api-core.validate-reports-without-storing"],
  },
  {
    id: "errors-as-plain-text",
    description: "Error responses are text/plain instead of application/problem+json.",
    caughtBy: [
      "send.api-core.isp.update-without-if-match-refused",
      "send.api-core.malformed-json-refused",
      "send.security.no-token-unauthorised",
    ],
  },
  {
    id: "malformed-json-crashes",
    description: "A body that is not JSON gives 500 instead of 400.",
    caughtBy: ["send.api-core.malformed-json-refused"],
  },
  {
    id: "any-media-type-accepted",
    description: "A JSON body sent as text/plain is accepted instead of 415.",
    caughtBy: ["send.api-core.unsupported-media-type-refused"],
  },
  {
    id: "body-limit-below-1mib",
    description: "Bodies over 256 KiB are refused with 413, below the 1 MiB every server must accept.",
    caughtBy: ["send.api-core.one-mib-body-accepted"],
  },
  {
    id: "no-body-limit",
    description: "Bodies of any size are read and processed.",
    caughtBy: ["send.api-core.oversized-body-refused"],
  },
  {
    id: "readiness-never-ready",
    description: "GET /readyz answers 503 although the server serves requests.",
    caughtBy: ["send.api-core.health-and-readiness"],
  },
  {
    id: "docs-load-from-cdn",
    description: "The /docs page loads its script from another origin.",
    caughtBy: ["send.api-core.openapi-and-docs-published"],
  },
  {
    id: "correlation-id-not-echoed",
    description: "Responses carry no X-Correlation-Id header.",
    caughtBy: ["send.api-core.correlation-id-echoed"],
  },
  // Searches
  {
    id: "pagination-skips-items",
    description: "Each page with more after it loses its last item (the cursor points past it).",
    caughtBy: ["send.api-core.isp.search-pages-once-each"],
  },
  {
    id: "pagination-without-next-link",
    description: "Search pages carry neither Link rel=next nor nextCursor.",
    caughtBy: ["send.api-core.isp.search-pages-once-each"],
  },
  {
    id: "upn-filter-ignored",
    description: "The upn search filter is silently ignored.",
    caughtBy: ["send.api-core.isp.search-filters-subset-complete"],
  },
  // Authentication
  {
    id: "bad-signature-accepted",
    description: "Bearer tokens are decoded without checking the signature.",
    caughtBy: ["send.security.bad-signature-unauthorised"],
  },
  {
    id: "unsigned-token-accepted",
    description: "Tokens with alg none are accepted.",
    caughtBy: ["send.security.unsigned-token-unauthorised"],
  },
  {
    id: "missing-token-gives-403",
    description: "A request without a token gets 403 without a WWW-Authenticate challenge.",
    caughtBy: ["send.security.no-token-unauthorised"],
  },
  // Roles and tenancy
  {
    id: "foreign-tenant-read-allowed",
    description: "Reads return another tenant's record.",
    caughtBy: ["send.security.foreign-tenant-read-not-found", "send.security.parent-sees-only-own-children"],
  },
  {
    id: "foreign-tenant-answers-403",
    description: "Another tenant's record answers 403, so its existence leaks.",
    caughtBy: ["send.security.foreign-tenant-read-not-found", "send.security.foreign-tenant-update-not-found"],
  },
  {
    id: "foreign-tenant-update-allowed",
    description: "Another tenant's record can be updated.",
    caughtBy: ["send.security.foreign-tenant-update-not-found"],
  },
  {
    id: "foreign-tenant-in-search",
    description: "Searches ignore tenancy and return other tenants' records.",
    caughtBy: ["send.security.foreign-tenant-search-hidden"],
  },
  {
    id: "create-reveals-foreign-id",
    description: "POST keeps the client's id: one in use by another tenant answers 409, an unused one 201.",
    caughtBy: ["send.security.create-foreign-id-not-revealed"],
  },
  {
    id: "plan-child-reference-unchecked",
    description: "A plan may name any child id: another tenant's child (plan injection) or none that exists.",
    caughtBy: ["send.security.plan-for-foreign-child-refused"],
  },
  {
    id: "voice-author-role-unchecked",
    description: "A parent-carer may add a voice statement attributed to a professional.",
    caughtBy: ["send.security.parent-voice-as-professional-refused"],
  },
  {
    id: "parent-can-edit-provision",
    description: "A parent-carer may update their child's plan (provision), not only add views.",
    caughtBy: ["send.security.parent-cannot-edit-provision"],
  },
  {
    id: "audit-readable-by-any-role",
    description: "Every role may read the audit log.",
    caughtBy: ["send.security.role-matrix-enforced"],
  },
  {
    id: "governor-sees-identifiers",
    description: "The governor's plan sample is not redacted (names, UPNs, dates of birth).",
    caughtBy: ["send.security.governor-sample-redacted"],
  },
  {
    id: "health-commissioner-sees-all-sections",
    description: "A health commissioner receives whole EHCPs, not only the health sections.",
    caughtBy: ["send.security.health-commissioner-health-only"],
  },
  // Audit
  {
    id: "reads-not-audited",
    description: "Reads of plans are not written to the audit log.",
    caughtBy: ["send.security.plan-reads-audited", "send.security.parent-access-log-shows-reads"],
  },
  {
    id: "writes-not-audited",
    description: "Creates and updates are not written to the audit log.",
    caughtBy: ["send.security.writes-audited"],
  },
  // Transfers: the receiving side
  {
    id: "inbox-accepts-unsigned-bundle",
    description: "The inbox imports a bundle with alg none (no signature).",
    caughtBy: ["send.transfer-receiver.unsigned-bundle-rejected"],
  },
  {
    id: "inbox-accepts-tampered-bundle",
    description: "The inbox skips the digest check: a document changed after its digest was taken is imported.",
    caughtBy: ["send.transfer-receiver.tampered-bundle-rejected"],
  },
  {
    id: "inbox-accepts-unknown-key",
    description: "The inbox imports a bundle signed by a key no trusted JWKS lists.",
    caughtBy: ["send.transfer-receiver.unknown-key-rejected"],
  },
  {
    id: "inbox-ignores-encryption",
    description: "The inbox never decrypts: a bundle encrypted to the receiving setting's published key is refused.",
    caughtBy: ["send.transfer-receiver.encrypted-bundle-accepted"],
  },
  {
    id: "inbox-replay-duplicates",
    description: "A replayed bundle is imported again: a new version of every document and a new receipt.",
    caughtBy: ["send.transfer-receiver.replay-idempotent"],
  },
  {
    id: "inbox-409-missing",
    description: "A different bundle under an already imported bundle id is imported instead of 409.",
    caughtBy: ["send.transfer-receiver.same-id-different-content-conflict"],
  },
  {
    id: "no-receipt",
    description: "The inbox answers 200 without a receipt.",
    caughtBy: ["send.transfer-receiver.valid-bundle-accepted", "send.transfer-sender.round-trip-fidelity"],
  },
  {
    id: "import-re-tenants-matched-child",
    description:
      "The inbox matches the bundle's child by UPN across every tenant and re-files the match under the receiver.",
    caughtBy: ["send.transfer-receiver.foreign-child-not-re-tenanted"],
  },
  {
    id: "receipt-unsigned",
    description: "Receipts are sent unsigned (alg none).",
    caughtBy: ["send.transfer-receiver.valid-bundle-accepted", "send.transfer-receiver.replay-idempotent"],
  },
  // Transfers: the sending side
  {
    id: "export-drops-field",
    description: "The exporter forgets a field: an ISP's key people are not sent.",
    caughtBy: ["send.transfer-sender.documents-sent-unchanged", "send.transfer-sender.round-trip-fidelity"],
  },
  {
    id: "export-includes-safeguarding",
    description: "Safeguarding-labelled sections are sent by default.",
    caughtBy: ["send.transfer-sender.safeguarding-withheld-and-recorded"],
  },
  {
    id: "redaction-not-recorded",
    description: "Sections left out by sharing labels are not recorded as redactions.",
    caughtBy: ["send.transfer-sender.safeguarding-withheld-and-recorded"],
  },
  {
    id: "self-addressed-transfer-allowed",
    description: "A setting may send a child's records to itself.",
    caughtBy: ["send.transfer-sender.self-addressed-refused"],
  },
  {
    id: "sender-ignores-receipt",
    description: "The sender marks a transfer accepted without keeping the receiver's receipt.",
    caughtBy: ["send.transfer-sender.receipt-recorded"],
  },
] as const satisfies readonly FaultSpec[];

export type FaultId = (typeof FAULT_CATALOGUE)[number]["id"];

/** The faults a server is built with; empty in every normal start. */
export type Faults = ReadonlySet<FaultId>;

export const FAULT_IDS: readonly FaultId[] = FAULT_CATALOGUE.map((f) => f.id);
