// The trust list this server believes: the newest issue signed by the configured trust anchor, from three places —
// what was published to it (POST /trust-list), what a source (TRUST_LIST_SOURCE: an https URL or a file) holds,
// refreshed every refreshMs, and what it stored before a restart. Every issue is verified against the anchor's key
// before it is used, and a lower or equal sequence never replaces a held one (no replay of revoked keys). Each issue
// is a new version of one stored record, so the history of what was believed, and who published it, is kept.
import { readFile } from "node:fs/promises";
import { verifyTrustList, type TrustList, type TrustedKey, type VerifyReason } from "../../../sdk/src/bundle/index.ts";
import type { ResourceKind, Store } from "../storage/store.ts";
import { boundedFetch } from "./outbound.ts";

export const TRUST_LIST_KIND = "trust-list" as ResourceKind;
const RECORD_ID = "current";
const MAX_LIST_BYTES = 8 * 1024 * 1024;

export interface TrustAnchorConfig {
  /** The anchor's public signing key(s); a list is believed only when one of them signed it. */
  keys: TrustedKey[];
  /** Where to fetch issues from: an http(s) URL, or a file path. */
  source?: string;
  /** How often the source is read again (default 15 minutes). */
  refreshMs?: number;
}

interface Held {
  jws: string;
  list: TrustList;
  version: number;
}

export type PublishOutcome =
  | { ok: true; jws: string; list: TrustList }
  | { ok: false; kind: "invalid" | "stale"; reasons: VerifyReason[] };

export class AnchoredTrustList {
  private held: Held | undefined;
  /** The stored record's version, whether or not its issue verified. */
  private storedVersion: number | undefined;
  private loaded: Promise<void> | undefined;
  private lastRefresh = 0;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly anchor: TrustAnchorConfig,
    private readonly clock: () => Date,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly verify: typeof verifyTrustList = verifyTrustList,
  ) {}

  /** The list believed now (after load()); undefined while none is held. */
  list(): TrustList | undefined {
    return this.held?.list;
  }

  jws(): string | undefined {
    return this.held?.jws;
  }

  /** Loads the stored issue once (verified again: the anchor may have changed since it was stored). */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      const stored = await this.store.get<{ jws: string }>(TRUST_LIST_KIND, RECORD_ID);
      if (!stored) return;
      // A stored issue that no longer verifies (the anchor's key was rotated) is not believed, but the next issue is
      // still written as a new version of the same record.
      this.storedVersion = stored.version;
      const v = await this.verify(stored.body.jws, { trustedKeys: this.anchor.keys, now: this.clock() });
      if (v.ok) this.held = { jws: stored.body.jws, list: v.list, version: stored.version };
    })();
    return this.loaded;
  }

  /** Loads, and reads the source again when refreshMs has passed; never throws (a bad source keeps the held list). */
  async current(): Promise<TrustList | undefined> {
    await this.load();
    const due = this.anchor.source && Date.now() - this.lastRefresh >= (this.anchor.refreshMs ?? 15 * 60_000);
    if (due) {
      this.refreshing ??= this.refresh().finally(() => {
        this.refreshing = undefined;
      });
      await this.refreshing;
    }
    return this.list();
  }

  private async refresh(): Promise<void> {
    this.lastRefresh = Date.now();
    const source = this.anchor.source!;
    try {
      const text = /^https?:\/\//.test(source)
        ? await boundedFetch(this.fetchImpl, source, {}, { maxBytes: MAX_LIST_BYTES, timeoutMs: 10_000 }).then((r) =>
            r.ok ? r.text : undefined,
          )
        : await readFile(source, "utf8");
      if (text !== undefined)
        await this.publish(
          text.trim().startsWith("{") ? (JSON.parse(text) as { trustList: string }).trustList : text.trim(),
          {
            subject: `trust-list-source:${source}`,
          },
        );
    } catch {
      // An unreachable or unreadable source leaves the held list in force; the next refresh tries again.
    }
  }

  /** Verifies an issue against the anchor and, when newer than the held one, believes and stores it. */
  async publish(jws: string, by: { subject: string; role?: string; correlationId?: string }): Promise<PublishOutcome> {
    await this.load();
    const held = this.held;
    const v = await this.verify(jws, {
      trustedKeys: this.anchor.keys,
      now: this.clock(),
      ...(held ? { minSequence: held.list.sequence } : {}),
    });
    if (!v.ok) {
      const stale = v.reasons.some((r) => r.code === "trust-list.too-old");
      return { ok: false, kind: stale ? "stale" : "invalid", reasons: v.reasons };
    }
    const prov = {
      actor: { subject: by.subject, role: by.role ?? "dfe-publisher", tenant: {} },
      reason: `trust list issue ${v.list.sequence} from ${v.list.issuer.name}`,
      correlationId: by.correlationId ?? "trust-list-refresh",
    };
    const version = held?.version ?? this.storedVersion;
    const stored =
      version !== undefined
        ? await this.store.update(TRUST_LIST_KIND, RECORD_ID, version, { jws }, {}, {}, prov)
        : await this.store.create(TRUST_LIST_KIND, RECORD_ID, { jws }, {}, {}, prov);
    this.held = { jws, list: v.list, version: stored.version };
    this.storedVersion = stored.version;
    return { ok: true, jws, list: v.list };
  }
}
