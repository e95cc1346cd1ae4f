// The storage contract of the reference server: one small interface, two drivers (PGlite embedded, PostgreSQL via pg).
// Routes talk only to this interface. Every change writes a new immutable version; nothing is ever deleted.
// The audit log is append-only (the drivers enforce it in SQL, not only here).

/** Resource kinds the server stores. Documents use their documentType; `child` and `setting` are directory records. */
export type ResourceKind = "child" | "setting" | "isp" | "ehcp" | "legacy-ehcp" | "development-profile" | "spp";

/** Who did something, as recorded with every version and audit record. */
export interface Actor {
  subject: string; // token `sub`
  role: string; // e.g. "setting-staff"
  system?: string; // calling system (token `azp`/client id)
  tenant: TenantScope;
}

/** The tenancy facts a record is filed under; access control compares these with the caller's token. */
export interface TenantScope {
  settingUrn?: string; // owning/holding setting
  laCode?: string; // responsible local authority
}

export interface VersionProvenance {
  actor: Actor;
  at: string; // ISO instant, set by the store
  reason?: string; // why the change was made
  correlationId: string;
}

/** One stored, immutable version of a resource. `version` starts at 1 and has no gaps. */
export interface StoredVersion<T = unknown> {
  kind: ResourceKind;
  id: string; // resource id (uuid, or catalogue id for spp)
  version: number;
  etag: string; // strong validator, e.g. `"<id>.<version>"` hashed
  body: T;
  tenant: TenantScope;
  status?: string; // document status (active, closed, published, ...), indexed for search
  provenance: VersionProvenance;
}

/** Index facts extracted from a body for search; drivers store them in columns. One definition, in the SDK, shared
 *  with the msw mock so both filter and decide tenancy on the same facts. */
import type { SearchFacts } from "../../../sdk/src/documents/search-facts.ts";
import type { FilterValues } from "../../../sdk/src/documents/search-filters.ts";
export type { SearchFacts };

/** A search: the filters of the filter table (spec/search-filters.ts) by name, with the values asked for, ANDed. */
export interface SearchQuery extends FilterValues {
  kind: ResourceKind;
  /** Tenancy restriction applied by the caller's role; drivers AND it with the filters. */
  visibleTo?: { settingUrns?: string[]; laCodes?: string[]; childIds?: string[]; all?: boolean };
  limit: number; // page size
  cursor?: string; // opaque, from a previous page
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface AuditRecord {
  seq?: number; // assigned by the store, strictly increasing
  at?: string; // assigned by the store
  actor: Actor;
  action: "create" | "read" | "update" | "search" | "export" | "import" | "validate" | "list-versions";
  kind: ResourceKind | "transfer" | "audit";
  resourceId?: string;
  version?: number;
  childId?: string; // lets a parent ask "who has read my child's plan"
  correlationId: string; // the server's own id for the request
  callerCorrelationId?: string; // the caller's X-Correlation-Id, when it sent a well-formed one
  purpose?: string; // why a plan view was read (access-purposes code list)
  outcome: "allowed" | "denied";
}

export interface AuditQuery {
  childId?: string;
  resourceId?: string;
  actorSubject?: string;
  since?: string;
  limit: number;
  cursor?: string;
}

export class ConflictError extends Error {
  constructor(
    public readonly currentVersion: number,
    public readonly currentEtag: string,
  ) {
    super("version conflict");
  }
}

/** create() of a (kind, id) that already exists. A ConflictError too, so a plain 409 mapping covers it. */
export class AlreadyExistsError extends ConflictError {
  constructor(currentVersion: number, currentEtag: string) {
    super(currentVersion, currentEtag);
    this.message = "resource already exists";
  }
}

/** update() of a (kind, id) that has never been created. */
export class NotFoundError extends Error {
  constructor(
    public readonly kind: ResourceKind,
    public readonly id: string,
  ) {
    super(`${kind} ${id} not found`);
  }
}

/** A cursor the store did not issue (tampered or from another query kind): a client error, not a server one. */
export class InvalidCursorError extends Error {
  constructor() {
    super("invalid cursor");
  }
}

export interface Store {
  // create and update keep `body` itself as the stored version's body, and freeze it once committed (versions are
  // immutable and shared): callers hand it over and must not change it afterwards.
  /** Creates version 1. Throws AlreadyExistsError (a ConflictError) if (kind, id) exists. `audit`, when given, is
   *  appended in the same statement (its version set to 1) if and only if the version is written. */
  create<T>(
    kind: ResourceKind,
    id: string,
    body: T,
    facts: SearchFacts,
    tenant: TenantScope,
    prov: Omit<VersionProvenance, "at">,
    audit?: AuditRecord,
  ): Promise<StoredVersion<T>>;
  /** Writes version N+1 only if the current version is `expectedVersion`; otherwise throws ConflictError
   *  (NotFoundError if the resource does not exist). Atomic. `audit`, when given, is appended in the same statement
   *  (its version set to N+1) if and only if the version is written. */
  update<T>(
    kind: ResourceKind,
    id: string,
    expectedVersion: number,
    body: T,
    facts: SearchFacts,
    tenant: TenantScope,
    prov: Omit<VersionProvenance, "at">,
    audit?: AuditRecord,
  ): Promise<StoredVersion<T>>;
  get<T>(kind: ResourceKind, id: string, version?: number): Promise<StoredVersion<T> | undefined>;
  /** The newest version of (kind, id) this store instance holds in memory, if any; it may no longer be current. */
  peekCurrent(kind: ResourceKind, id: string): StoredVersion | undefined;
  /**
   * Reads the current version and, in the same statement, appends `audit` if and only if the current version is
   * `expectedVersion` (the caller judged access and built the record from that version). `audited` says whether it
   * was appended; when it was not, the caller audits (or refuses) as for a plain get().
   */
  getAudited<T>(
    kind: ResourceKind,
    id: string,
    expectedVersion: number,
    audit: AuditRecord,
  ): Promise<{ version?: StoredVersion<T>; audited: boolean }>;
  listVersions(kind: ResourceKind, id: string): Promise<StoredVersion[]>;
  search<T>(q: SearchQuery): Promise<Page<StoredVersion<T>>>;
  appendAudit(rec: AuditRecord): Promise<AuditRecord>;
  /** Appends several records in one statement, in order, returning nothing (the request path needs no seq back). */
  appendAudits(recs: readonly AuditRecord[]): Promise<void>;
  queryAudit(q: AuditQuery): Promise<Page<AuditRecord>>;
  /** Runs fn in one transaction (all or nothing); used by imports. */
  transaction<R>(fn: (tx: Store) => Promise<R>): Promise<R>;
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}
