// Per-client memory of the last ETag (and representation) seen for each resource URL path, so updates carry
// If-Match without the caller threading ETags around, and conditional reads can answer 304 from memory.

export interface CachedRepresentation {
  etag: string;
  body?: unknown;
}

export class EtagCache {
  readonly #entries = new Map<string, CachedRepresentation>();
  readonly #max: number;

  constructor(maxEntries = 500) {
    this.#max = maxEntries;
  }

  get(path: string): CachedRepresentation | undefined {
    return this.#entries.get(path);
  }

  etag(path: string): string | undefined {
    return this.#entries.get(path)?.etag;
  }

  set(path: string, etag: string, body?: unknown): void {
    // Re-insert so Map order is recency order; evict the oldest beyond the bound.
    this.#entries.delete(path);
    this.#entries.set(path, body === undefined ? { etag } : { etag, body });
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  delete(path: string): void {
    this.#entries.delete(path);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
