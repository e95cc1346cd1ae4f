// Types of the API's own envelopes (pages, version summaries, discovery, validation reports, directory records,
// audit events), mirroring spec/api-schemas.ts. Document bodies are NOT declared here: they come from the generated
// schema types (sdk/generated/types.ts), so a schema change flows into the client without editing this file.
import type {
  DevelopmentProfile,
  Ehcp,
  IndividualSupportPlan,
  LegacyEhcp,
  Child,
  Setting,
  SpecialistProvisionPackage,
  SharingLabel,
  SignedTransferBundle,
  SignedTransferReceipt,
  TransferReason,
  VoiceStatement,
  Uuid,
} from "../../generated/types.ts";

/** One page of a list; `nextCursor` (and a `Link: rel="next"` header) when there is another page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface Actor {
  subject: string;
  role: string;
  system?: string;
}

export interface VersionSummary {
  version: number;
  etag: string;
  recordedAt: string;
  recordedBy: Actor;
  reason?: string;
  status?: string;
  correlationId: string;
}

export interface Discovery {
  standard: string;
  standardVersion: string;
  schemaVersions: { current: string; supported: string[] };
  documentTypes: Array<{ documentType: string; title: string; schema: string; path?: string }>;
  openapi: string;
  docs: string;
  problemTypes?: string;
}

export interface HealthStatus {
  status: "ok" | "ready";
}

export interface ReportFinding {
  ruleId: string;
  severity: "error" | "warning" | "info";
  pointer: string;
  message: string;
}

export interface ValidationReport {
  valid: boolean;
  documentType: string | null;
  errors: ReportFinding[];
  findings: ReportFinding[];
}

/** A child directory record; at least one of settingUrn and laCode decides who may see the child. */
export type ChildRecord = {
  id: Uuid;
  child: Child;
  extensions?: Record<string, Record<string, unknown>>;
} & ({ settingUrn: string; laCode?: string } | { settingUrn?: string; laCode: string });

/** A settings-directory entry: a Setting that carries its URN (the key) and LA code. */
export type SettingEntry = Setting & { urn: string; laCode: string };

/** A voice statement to append to a plan's views (sent as is, or wrapped as `{ statement }`). */
export type VoiceContribution = VoiceStatement;

export interface AuditEvent {
  seq: number;
  at: string;
  actor: Actor;
  action: "create" | "read" | "update" | "search" | "export" | "import" | "validate" | "list-versions";
  resourceType: string;
  resourceId?: string;
  version?: number;
  childId?: string;
  /** The server's own id for the request. */
  correlationId: string;
  /** The caller's X-Correlation-Id, when it sent a well-formed one. */
  callerCorrelationId?: string;
  outcome: "allowed" | "denied";
}

export interface AccessLogEntry {
  at: string;
  action: "create" | "read" | "update" | "search" | "export" | "import" | "list-versions";
  resourceType: string;
  resourceId?: string;
  version?: number;
  role: string;
  settingUrn?: string;
  laCode?: string;
  system?: string;
}

/** A plan reduced for governors: not schema-valid by design (names, identifiers and free text removed). */
export interface RedactedPlan {
  documentType: string;
  id: string;
  [member: string]: unknown;
}

export interface PlanSample {
  settingUrn: string;
  seed: string;
  population: number;
  items: RedactedPlan[];
}

export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  [member: string]: unknown;
}

/** Send a child's records: to a setting (URN or UKPRN) or to an unknown destination (the unclaimed queue). */
export interface TransferRequest {
  receiver: { urn: string } | { ukprn: string } | { unknownDestination: true };
  reason: TransferReason;
  includeVersionHistory?: boolean;
  encrypt?: boolean;
  expiresInDays?: number;
  sharing?: { purpose?: string; include?: SharingLabel[]; lawfulBasis?: string };
}

export interface TransferReasonItem {
  code: string;
  message: string;
  pointer?: string;
}

export interface TransferSummary {
  id: string;
  direction?: "outgoing" | "incoming";
  /** The child's id on this server; absent for a bundle held for review, or declined. */
  childId?: string;
  status: "prepared" | "sent" | "received" | "accepted" | "rejected" | "claimed" | "held" | "declined";
  /** The status in plain words, for parents and carers. */
  statusText: string;
  reason?: string;
  sender?: Record<string, unknown>;
  receiver?: { urn?: string; ukprn?: string; name?: string; laCode?: string; unknownDestination: boolean };
  timestamps: Record<string, string>;
  reasons?: TransferReasonItem[];
}

export interface TransferView extends TransferSummary {
  bundleDigest?: string;
  documents?: Record<string, unknown>[];
  redactionCount?: number;
  sharing?: Record<string, unknown>;
  encrypted?: boolean;
  delivery?: Record<string, unknown>;
  receipt?: SignedTransferReceipt;
}

/** The inbox's answer to a verified bundle: the same whether it was imported or held for review (the sender is not
 *  told where, or whether, it was filed). */
export interface InboxResult {
  bundleId: string;
  decision: "accepted";
  receipt: SignedTransferReceipt;
  replayed?: boolean;
}

/** What the receiving setting's staff decide about a bundle held for review. */
export interface TransferReviewDecision {
  decision: "import-as-new-child" | "decline";
  note?: string;
}

/** The answer to a CTF SEN import (spec/transfer-api-schemas.ts CtfImportResult). */
export interface CtfImportResult {
  profileId: string;
  version: number;
  added: number;
  skipped: number;
  suggestions?: Record<string, unknown>[];
  warnings?: Record<string, unknown>[];
}

export interface JsonWebKeySet {
  keys: Array<Record<string, unknown> & { kty: string; kid?: string }>;
}

/** A trust list signed by the trust anchor, as published (POST /trust-list). */
export interface SignedTrustListBody {
  trustList: string;
}

/** The trust list a server believes, with a summary (GET /trust-list). */
export interface TrustListStatus {
  trustList: string;
  sequence: number;
  issuedAt: string;
  nextUpdate: string;
  issuer: { name: string; kid: string };
  entryCount: number;
  revocationCount: number;
}

/**
 * Schema name (as the route table names bodies) → TypeScript type. Document names resolve to generated types.
 * The operation table (operations.ts) refers to bodies by these names; a test checks them against spec/routes.ts.
 */
export interface SchemaTypes {
  IndividualSupportPlan: IndividualSupportPlan;
  Ehcp: Ehcp;
  LegacyEhcp: LegacyEhcp;
  DevelopmentProfile: DevelopmentProfile;
  SpecialistProvisionPackage: SpecialistProvisionPackage;
  AnyDocument:
    | IndividualSupportPlan
    | Ehcp
    | LegacyEhcp
    | DevelopmentProfile
    | SpecialistProvisionPackage
    | { documentType: string; [member: string]: unknown };
  IspPage: Page<IndividualSupportPlan>;
  EhcpPage: Page<Ehcp>;
  LegacyEhcpPage: Page<LegacyEhcp>;
  DevelopmentProfilePage: Page<DevelopmentProfile>;
  SppPage: Page<SpecialistProvisionPackage>;
  SettingPage: Page<SettingEntry>;
  ChildPage: Page<ChildRecord>;
  VersionPage: Page<VersionSummary>;
  AuditPage: Page<AuditEvent>;
  AccessLogPage: Page<AccessLogEntry>;
  ChildRecord: ChildRecord;
  SettingEntry: SettingEntry;
  VoiceContribution: VoiceContribution;
  Discovery: Discovery;
  HealthStatus: HealthStatus;
  OpenApiDocument: OpenApiDocument;
  HtmlPage: string;
  ValidationReport: ValidationReport;
  PlanSample: PlanSample;
  TransferRequest: TransferRequest;
  TransferView: TransferView;
  TransferPage: Page<TransferSummary>;
  TransferSummary: TransferSummary;
  TransferReviewPage: Page<TransferSummary>;
  TransferReviewDecision: TransferReviewDecision;
  InboxResult: InboxResult;
  JsonWebKeySet: JsonWebKeySet;
  SignedTrustListBody: SignedTrustListBody;
  TrustListStatus: TrustListStatus;
  SignedTransferBundle: SignedTransferBundle;
  /** A compact JWS, or a compact JWE of it (application/jose). */
  CompactTransferBundle: string;
  /** `$validate` takes any JSON value and reports on it. */
  ValidationInput: unknown;
  /** CTF XML (a whole file or a bare <SENhistory> block). */
  CtfXml: string;
  CtfImportResult: CtfImportResult;
}

export type SchemaName = keyof SchemaTypes;
