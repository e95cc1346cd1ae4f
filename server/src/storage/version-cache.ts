// A bounded in-process cache of stored versions. A version (kind, id, version) is immutable once committed (the
// table refuses UPDATE and DELETE), so a cached copy can never be stale: the database is still asked which version is
// current on every read, and only the body and provenance (the bulk of a row) are not shipped and parsed again when
// the current version is the one already held. Only committed rows are put in (never rows read or written inside a
// transaction, which could still roll back). Cached values are deep-frozen: callers share them and must copy to change.
import type { ResourceKind, StoredVersion } from "./store.ts";

const DEFAULT_MAX_ENTRIES = 512;

export class VersionCache {
  private readonly entries = new Map<string, StoredVersion>();

  constructor(private readonly maxEntries = DEFAULT_MAX_ENTRIES) {}

  private static key(kind: ResourceKind, id: string): string {
    return `${kind}\u0000${id}`;
  }

  /** The newest version seen of (kind, id), if held. */
  latest(kind: ResourceKind, id: string): StoredVersion | undefined {
    return this.entries.get(VersionCache.key(kind, id));
  }

  /** The held version of (kind, id) if it is exactly `version`. */
  exact(kind: ResourceKind, id: string, version: number): StoredVersion | undefined {
    const held = this.latest(kind, id);
    return held?.version === version ? held : undefined;
  }

  /** Remembers a committed version (keeps the newer one if an older read arrives late); returns the frozen value. */
  put<T>(v: StoredVersion<T>): StoredVersion<T> {
    const key = VersionCache.key(v.kind, v.id);
    const held = this.entries.get(key);
    if (held && held.version > v.version) return deepFreeze(v);
    if (held?.version === v.version) return held as StoredVersion<T>;
    this.entries.delete(key); // re-insert at the end: Map order is the eviction order (least recently stored first)
    this.entries.set(key, deepFreeze(v));
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return v;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const k in value) deepFreeze((value as Record<string, unknown>)[k]);
  }
  return value;
}
