// Which keys may sign bundles and receipts this server accepts. Four sources: this server's own keys; keys
// configured statically; keys in the JWKS of each system in the operator's settings directory, fetched ONLY from the
// configured jwksUrl, cached for jwksCacheMs, carrying the entry's notAfter; and the trust list signed by the
// configured trust anchor (anchored-trust-list.ts): keys it lists, or keys in the JWKS its entries name, each
// carrying the list's validity and its setting's closure. Whatever source offers a key, a revocation in the signed
// list applies to it (verifyBundle then refuses with bundle.key-revoked).
import {
  keyFromEntryJwks,
  listedKey,
  revocationOf,
  type JWK,
  type TrustedKey,
  type TrustList as SignedTrustList,
  type TrustListEntry,
} from "../../../sdk/src/bundle/index.ts";
import { addresseeOf } from "./addressee.ts";
import type { AnchoredTrustList } from "./anchored-trust-list.ts";
import type { DirectoryEntry, TransferConfig } from "./config.ts";
import type { KeyRing } from "./keyring.ts";
import { boundedFetch } from "./outbound.ts";

/** The most of a JWKS read (a key set for hundreds of settings is well under this). */
export const MAX_JWKS_BYTES = 512 * 1024;

interface CachedJwks {
  fetchedAt: number;
  keys: JWK[];
}

/** A refetch of an unknown kid is allowed at most this often per URL, so junk kids cannot make us hammer a peer. */
const MIN_REFETCH_MS = 500;

export const OWNER_MEMBER = "x-send-owner";

/**
 * Where bundles for a setting go: another system's inbox (`remote`), this server's own inbox (`local`: a setting it
 * hosts, or one no list or directory names), or nowhere (`closed`). `successorOf` names the closed or converted
 * setting the bundle was addressed to when its successor receives instead.
 */
export type Route =
  | { kind: "remote"; urn: string; entry: DirectoryEntry; successorOf?: string }
  | { kind: "local"; urn: string; successorOf?: string }
  | { kind: "closed"; urn: string; closedOn?: string };

export class TrustList {
  private readonly cache = new Map<string, CachedJwks>();
  private readonly inflight = new Map<string, Promise<CachedJwks | undefined>>();

  constructor(
    private readonly config: TransferConfig,
    private readonly keyring: KeyRing,
    private readonly fetchImpl: typeof fetch = fetch,
    /** The anchor-signed list, when a trust anchor is configured. */
    readonly anchored?: AnchoredTrustList,
    private readonly addressee: typeof addresseeOf = addresseeOf,
  ) {}

  /** Loads (and refreshes when due) the signed list, so that entryFor() sees it. */
  async ready(): Promise<SignedTrustList | undefined> {
    return this.anchored?.current();
  }

  /** The directory entry of the system that receives for a setting (by URN or UKPRN), if another system does. */
  entryFor(id: string): DirectoryEntry | undefined {
    const r = this.route(id);
    return r.kind === "remote" ? r.entry : undefined;
  }

  /** Where bundles addressed to `id` go now (after ready()): the operator's directory first, then the signed list. */
  route(id: string): Route {
    const configured = this.config.directory.find((e) => e.urn === id);
    if (configured) return { kind: "remote", urn: id, entry: configured };
    const a = this.addressee(this.anchored?.list(), id);
    switch (a.kind) {
      case "unlisted":
        return { kind: "local", urn: id };
      case "open":
        return { kind: "remote", urn: id, entry: asDirectoryEntry(a.entry) };
      case "closed":
        return { kind: "closed", urn: id, ...(a.entry.closedOn ? { closedOn: a.entry.closedOn } : {}) };
      case "successor": {
        const entry = this.config.directory.find((e) => e.urn === a.urn) ?? (a.entry && asDirectoryEntry(a.entry));
        return entry
          ? { kind: "remote", urn: a.urn, entry, successorOf: id }
          : { kind: "local", urn: a.urn, successorOf: id };
      }
    }
  }

  /** Resolves a kid to a trusted public key, with any revocation the signed list makes; never throws. */
  resolve = async (kid: string): Promise<TrustedKey | undefined> => {
    const list = await this.ready().catch(() => undefined);
    const key = await this.resolveFrom(kid, list);
    const revoked = list ? revocationOf(list, kid) : undefined;
    return key && revoked ? { ...key, revokedAt: revoked.revokedAt } : key;
  };

  private async resolveFrom(kid: string, list: SignedTrustList | undefined): Promise<TrustedKey | undefined> {
    // Cheapest first: static keys, cached JWKS, our own keys (a database read on a miss), then a refetch.
    const stat = this.config.trustedKeys.find((k) => k.kid === kid);
    if (stat) return { ...stat };
    const cached = await this.fromDirectory(kid, false);
    if (cached) return cached;
    const own = await this.keyring.byKid(kid);
    if (own?.use === "sig") return { kid, jwk: own.pair.publicJwk, owner: own.owner };
    if (list) {
      const listed = listedKey(list, kid) ?? (await this.fromSignedList(list, kid, false));
      if (listed) return listed;
    }
    return (await this.fromDirectory(kid, true)) ?? (list ? this.fromSignedList(list, kid, true) : undefined);
  }

  /** A key in the JWKS an entry of the signed list names, with the list's validity and the entry's closure. */
  private async fromSignedList(list: SignedTrustList, kid: string, fresh: boolean): Promise<TrustedKey | undefined> {
    for (const entry of list.entries) {
      if (!entry.endpoints.jwks) continue;
      const jwks = await this.jwksOf(asDirectoryEntry(entry), fresh);
      const jwk = jwks?.keys.find((k) => k.kid === kid && (k.use === undefined || k.use === "sig"));
      if (jwk) return keyFromEntryJwks(list, entry, jwk as JWK & { kid: string });
    }
    return undefined;
  }

  private async fromDirectory(kid: string, fresh: boolean): Promise<TrustedKey | undefined> {
    for (const entry of this.uniqueEntries()) {
      const jwks = await this.jwksOf(entry, fresh);
      const jwk = jwks?.keys.find((k) => k.kid === kid && (k.use === undefined || k.use === "sig"));
      if (jwk) return { kid, jwk, owner: entry.urn, ...(entry.notAfter ? { notAfter: entry.notAfter } : {}) };
    }
    return undefined;
  }

  /** The receiver's public encryption key from its JWKS (the key whose x-send-owner names it), if it publishes one. */
  async encryptionKeyFor(entry: DirectoryEntry, owner: string): Promise<JWK | undefined> {
    for (const fresh of [false, true]) {
      const jwks = await this.jwksOf(entry, fresh);
      const key = jwks?.keys.find((k) => k.use === "enc" && (k as Record<string, unknown>)[OWNER_MEMBER] === owner);
      if (key) return key;
    }
    return undefined;
  }

  private uniqueEntries(): DirectoryEntry[] {
    const seen = new Set<string>();
    return this.config.directory.filter((e) => {
      if (seen.has(e.jwksUrl)) return false;
      seen.add(e.jwksUrl);
      return true;
    });
  }

  private async jwksOf(entry: DirectoryEntry, fresh: boolean): Promise<CachedJwks | undefined> {
    const cached = this.cache.get(entry.jwksUrl);
    const now = Date.now();
    if (cached && !fresh && now - cached.fetchedAt < this.config.jwksCacheMs) return cached;
    if (cached && fresh && now - cached.fetchedAt < MIN_REFETCH_MS) return cached;
    let p = this.inflight.get(entry.jwksUrl);
    if (!p) {
      p = this.fetchJwks(entry.jwksUrl).finally(() => this.inflight.delete(entry.jwksUrl));
      this.inflight.set(entry.jwksUrl, p);
    }
    return (await p) ?? cached;
  }

  private async fetchJwks(url: string): Promise<CachedJwks | undefined> {
    try {
      const res = await boundedFetch(
        this.fetchImpl,
        url,
        { headers: { accept: "application/json" } },
        { maxBytes: MAX_JWKS_BYTES, timeoutMs: 5_000 },
      );
      if (!res.ok) return undefined;
      const body = JSON.parse(res.text) as { keys?: unknown };
      if (!Array.isArray(body.keys)) return undefined;
      const keys = body.keys.filter(
        (k): k is JWK => typeof k === "object" && k !== null && typeof (k as JWK).kid === "string",
      );
      const entry = { fetchedAt: Date.now(), keys };
      this.cache.set(url, entry);
      return entry;
    } catch {
      return undefined;
    }
  }
}

/** A signed list's entry as a directory entry (its inbox URL as given; the base URL is the inbox's origin path). */
function asDirectoryEntry(e: TrustListEntry): DirectoryEntry {
  const inbox = e.endpoints.inbox;
  return {
    urn: e.urn ?? e.ukprn ?? `la:${e.laCode ?? ""}`,
    name: e.name,
    baseUrl: inbox.replace(/\/transfers\/inbox\/?$/, ""),
    inboxUrl: inbox,
    jwksUrl: e.endpoints.jwks ?? "",
  };
}
