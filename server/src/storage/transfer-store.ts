// Storage for transfers, as ADDITIONS over the Store contract (the Store interface itself is unchanged).
// Transfer records, import records and the settings' transfer keys are versioned resources of three extra kinds in
// the same resource_versions table (migration 003-transfers.sql adds their indexes). Written through Store, they
// share store.transaction(): an import writes the child, the documents and its import record all or nothing.
import type { Page, SearchFacts, SearchQuery, Store, StoredVersion, TenantScope, VersionProvenance } from "./store.ts";
import type { ResourceKind } from "./store.ts";

// The Store's kind union names the API's resource kinds; these three are internal to transfers and never routed
// as resources, so they are cast here, in one place.
export const TRANSFER_KIND = "transfer" as ResourceKind;
export const IMPORT_KIND = "transfer-import" as ResourceKind;
export const KEY_KIND = "transfer-key" as ResourceKind;

export type Provenance = Omit<VersionProvenance, "at">;

export interface TransferStore {
  getTransfer<T>(id: string): Promise<StoredVersion<T> | undefined>;
  createTransfer<T>(
    id: string,
    body: T,
    facts: SearchFacts,
    tenant: TenantScope,
    prov: Provenance,
  ): Promise<StoredVersion<T>>;
  /** Writes the next lifecycle version; ConflictError when someone else moved it on first. */
  updateTransfer<T>(
    id: string,
    expectedVersion: number,
    body: T,
    facts: SearchFacts,
    tenant: TenantScope,
    prov: Provenance,
  ): Promise<StoredVersion<T>>;
  transferHistory<T>(id: string): Promise<StoredVersion<T>[]>;
  searchTransfers<T>(q: Omit<SearchQuery, "kind">): Promise<Page<StoredVersion<T>>>;
  getImport<T>(bundleId: string): Promise<StoredVersion<T> | undefined>;
  /** AlreadyExistsError when the bundle id was imported concurrently. */
  createImport<T>(
    bundleId: string,
    body: T,
    facts: SearchFacts,
    tenant: TenantScope,
    prov: Provenance,
  ): Promise<StoredVersion<T>>;
  /** The next version of an import record (a review decision); ConflictError when someone decided first. */
  updateImport<T>(
    bundleId: string,
    expectedVersion: number,
    body: T,
    facts: SearchFacts,
    tenant: TenantScope,
    prov: Provenance,
  ): Promise<StoredVersion<T>>;
  searchImports<T>(q: Omit<SearchQuery, "kind">): Promise<Page<StoredVersion<T>>>;
  getKey<T>(owner: string): Promise<StoredVersion<T> | undefined>;
  createKey<T>(owner: string, body: T, prov: Provenance): Promise<StoredVersion<T>>;
}

/** The transfer storage over any Store (or the Store of an open transaction). */
export function transferStore(store: Store): TransferStore {
  return {
    getTransfer: (id) => store.get(TRANSFER_KIND, id),
    createTransfer: (id, body, facts, tenant, prov) => store.create(TRANSFER_KIND, id, body, facts, tenant, prov),
    updateTransfer: (id, expected, body, facts, tenant, prov) =>
      store.update(TRANSFER_KIND, id, expected, body, facts, tenant, prov),
    transferHistory: async <T>(id: string) => (await store.listVersions(TRANSFER_KIND, id)) as StoredVersion<T>[],
    searchTransfers: (q) => store.search({ ...q, kind: TRANSFER_KIND }),
    getImport: (bundleId) => store.get(IMPORT_KIND, bundleId),
    createImport: (bundleId, body, facts, tenant, prov) =>
      store.create(IMPORT_KIND, bundleId, body, facts, tenant, prov),
    updateImport: (bundleId, expected, body, facts, tenant, prov) =>
      store.update(IMPORT_KIND, bundleId, expected, body, facts, tenant, prov),
    searchImports: (q) => store.search({ ...q, kind: IMPORT_KIND }),
    getKey: (owner) => store.get(KEY_KIND, owner),
    createKey: (owner, body, prov) => store.create(KEY_KIND, owner, body, {}, {}, prov),
  };
}
