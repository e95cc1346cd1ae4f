// The mock's in-memory store: every version of every record, immutable once written, with strong ETags computed as
// the reference server computes them ("v<version>-<first 16 hex of SHA-256 of the RFC 8785 canonical body>").
import canonicalize from "canonicalize";
import { extractSearchFacts, type SearchFacts } from "../documents/search-facts.ts";

export type MockKind = "isp" | "ehcp" | "legacy-ehcp" | "development-profile" | "spp";

export interface MockActor {
  subject: string;
  role: string;
  system?: string;
}

export interface MockVersion {
  kind: MockKind;
  id: string;
  version: number;
  body: unknown;
  etag: string;
  facts: SearchFacts;
  recordedAt: string;
  recordedBy: MockActor;
  reason: string;
  correlationId: string;
}

export async function computeEtag(version: number, body: unknown): Promise<string> {
  const canonical = canonicalize(body) ?? "null";
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonical));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `"v${version}-${hex.slice(0, 16)}"`;
}

export class MemoryStore {
  readonly #records = new Map<string, MockVersion[]>();

  #key(kind: MockKind, id: string): string {
    return `${kind}\u0000${id}`;
  }

  /** The current version, or a given one. */
  get(kind: MockKind, id: string, version?: number): MockVersion | undefined {
    const versions = this.#records.get(this.#key(kind, id));
    if (!versions) return undefined;
    return version === undefined ? versions.at(-1) : versions[version - 1];
  }

  versions(kind: MockKind, id: string): readonly MockVersion[] {
    return this.#records.get(this.#key(kind, id)) ?? [];
  }

  /** Writes version 1 (create) or current+1 (update); the caller checked preconditions. */
  async write(
    kind: MockKind,
    id: string,
    body: unknown,
    meta: { at: string; by: MockActor; reason: string; correlationId: string; facts?: SearchFacts },
  ): Promise<MockVersion> {
    const key = this.#key(kind, id);
    const versions = this.#records.get(key) ?? [];
    const version = versions.length + 1;
    const stored: MockVersion = {
      kind,
      id,
      version,
      body: structuredClone(body),
      etag: await computeEtag(version, body),
      facts: meta.facts ?? extractSearchFacts(body),
      recordedAt: meta.at,
      recordedBy: meta.by,
      reason: meta.reason,
      correlationId: meta.correlationId,
    };
    this.#records.set(key, [...versions, stored]);
    return stored;
  }

  /** Current versions of one kind, ordered by id (code-unit order, as the server's COLLATE "C"). */
  current(kind: MockKind): MockVersion[] {
    const out: MockVersion[] = [];
    for (const versions of this.#records.values()) {
      const last = versions.at(-1);
      if (last && last.kind === kind) out.push(last);
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  clear(): void {
    this.#records.clear();
  }
}
