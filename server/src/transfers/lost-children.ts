// Children who move between local authorities: another LA asks whether a bundle for a child it has met waits in
// this server's unclaimed queues, requests it, and receives it only when the holding LA approves.
// Decision and threat model: spec/decisions/transfers-lost-children-across-las.md. Every step is audited, on the
// asking side under the match reference and on the holding side under the transfer and its child.
import { randomUUID } from "node:crypto";
import { decodeUnverifiedPayload, type VerifyReason } from "../../../sdk/src/bundle/index.ts";
import type { Principal } from "../auth/principal.ts";
import { HttpProblem } from "../http/problems.ts";
import {
  AlreadyExistsError,
  ConflictError,
  type ResourceKind,
  type Store,
  type StoredVersion,
} from "../storage/store.ts";
import { transferStore, type Provenance } from "../storage/transfer-store.ts";
import { answerFromOutcome } from "./delivery.ts";
import { matchConfidence, type HeldChild, type LostChildQuery, type MatchConfidence } from "./lost-child-match.ts";
import type { TransferService } from "./service.ts";
import type { TransferRecord, TransferStatus } from "./transfer-record.ts";

type Json = Record<string, unknown>;

/** One hit of one query: kept so that only the LA that asked can request it, and so the query is on record. */
export const LA_MATCH_KIND = "transfer-la-match" as ResourceKind;
/** A request by another LA for a held bundle, and the holding LA's decision. */
export const LA_REQUEST_KIND = "transfer-la-request" as ResourceKind;

export interface LaMatch {
  matchRef: string;
  transferId: string;
  confidence: MatchConfidence;
  holdingLaCode: string;
  heldSince: string; // YYYY-MM-DD
  askedBy: { laCode: string; subject: string };
  askedAt: string;
  /** Held on another LA's server (transferId is then empty): requests go there, signed (la-messages.ts). */
  remoteBaseUrl?: string;
}

export type LaRequestStatus = "pending" | "approved" | "refused";

export interface LaRequest {
  id: string; // = matchRef: one request per match
  transferId: string;
  confidence: MatchConfidence;
  holdingLaCode: string;
  requestingLaCode: string;
  requestedBy: { subject: string };
  requestedAt: string;
  reason: string;
  status: LaRequestStatus;
  decidedBy?: { subject: string; laCode: string };
  decidedAt?: string;
  /** The holding LA's reason, required when it refuses. */
  decisionReason?: string;
  /** After approval: imported straight into the requesting LA's records, or held for its review (the child matched
   *  a record the requesting LA cannot see). */
  delivery?: "imported" | "held-for-review";
  /** The requesting LA's child record, once imported. */
  childId?: string;
  /** Holding side: the requesting LA is on another server, which the decision (and the bundle) is sent to. */
  requesterBaseUrl?: string;
  /** Requesting side: the holding LA is on another server; this record is the requester's copy. */
  holderBaseUrl?: string;
}

/** What the asker learns of a match: nothing about the child beyond what it sent. */
export interface MatchView {
  matchRef: string;
  confidence: MatchConfidence;
  holdingLaCode: string;
  heldSince: string;
}

export const matchView = (m: LaMatch): MatchView => ({
  matchRef: m.matchRef,
  confidence: m.confidence,
  holdingLaCode: m.holdingLaCode,
  heldSince: m.heldSince,
});

/** A request as either LA sees it. The holding LA also sees which of its transfers it is about. */
export function requestView(r: LaRequest, side: "holding" | "requesting"): Json {
  return {
    id: r.id,
    status: r.status,
    confidence: r.confidence,
    holdingLaCode: r.holdingLaCode,
    requestingLaCode: r.requestingLaCode,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt,
    reason: r.reason,
    ...(side === "holding" ? { transferId: r.transferId } : {}),
    ...(r.decidedBy ? { decidedBy: r.decidedBy, decidedAt: r.decidedAt } : {}),
    ...(r.decisionReason ? { decisionReason: r.decisionReason } : {}),
    ...(r.delivery ? { delivery: r.delivery } : {}),
    ...(side === "requesting" && r.childId ? { childId: r.childId } : {}),
  };
}

/** The child as a held bundle describes it (unknown-destination bundles are signed, never encrypted). */
export function heldChildOf(signedBundle: string): HeldChild | undefined {
  const payload = decodeUnverifiedPayload(signedBundle) as { documents?: { child?: Json }[] } | undefined;
  const child = payload?.documents?.find((d) => d?.child)?.child;
  if (!child) return undefined;
  const name = (child.legalName ?? {}) as Json;
  const ids = (child.identifiers ?? {}) as Json;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  return {
    ...(str(ids.upn) ? { upn: str(ids.upn) } : {}),
    ...(Array.isArray(ids.formerUpns)
      ? { formerUpns: ids.formerUpns.filter((u): u is string => typeof u === "string") }
      : {}),
    ...(str(ids.nhsNumber) ? { nhsNumber: str(ids.nhsNumber) } : {}),
    ...(str(name.given) ? { givenName: str(name.given) } : {}),
    ...(str(name.family) ? { familyName: str(name.family) } : {}),
    ...(str(child.dateOfBirth) ? { dateOfBirth: str(child.dateOfBirth) } : {}),
  };
}

/** Queries per officer per hour: enough for a caseload, too few to sweep a queue by trying names. */
export const QUERIES_PER_HOUR = 30;
const HOUR_MS = 3_600_000;

/** A sliding-window count of one officer's queries (in memory: a restart forgets it, the audit log does not). */
export class QueryLimiter {
  private readonly seen = new Map<string, number[]>();
  constructor(
    private readonly perHour: number,
    private readonly now: () => number,
  ) {}
  /** Seconds until the caller may ask again, or 0 when this query may run (and is counted). */
  take(subject: string): number {
    const t = this.now();
    const recent = (this.seen.get(subject) ?? []).filter((x) => t - x < HOUR_MS);
    if (recent.length >= this.perHour) {
      this.seen.set(subject, recent);
      return Math.max(1, Math.ceil((recent[0]! + HOUR_MS - t) / 1000));
    }
    recent.push(t);
    this.seen.set(subject, recent);
    return 0;
  }
}

const laOnly = (p: Principal): string => {
  if (p.role !== "la-officer" || !p.laCode)
    throw new HttpProblem("forbidden", "Only a local authority officer (a token with la_code) can do this.");
  return p.laCode;
};

/** What came of releasing a bundle to the requesting LA, on this server or another. */
export interface Released {
  decision: "accepted" | "rejected";
  reasons: VerifyReason[];
  receipt?: string;
  delivery?: "imported" | "held-for-review";
  /** Only when imported on this server (another server's record id is its own). */
  childId?: string;
}

/** Sends the holding LA's decision (with the bundle, on approval) to a requesting LA on another server. */
export interface LaRelay {
  decide(
    r: LaRequest,
    p: Principal,
    d: { decision: "approve" | "refuse"; reason?: string },
    bundle?: string,
  ): Promise<Released>;
}

export class LostChildren {
  private readonly limiter: QueryLimiter;

  constructor(
    private readonly store: Store,
    private readonly transfers: TransferService,
    private readonly clock: () => Date,
    perHour = QUERIES_PER_HOUR,
    /** Carries decisions to requesters on other servers (lost-children-remote.ts). */
    private readonly laRelay?: LaRelay,
  ) {
    this.limiter = new QueryLimiter(perHour, () => Date.now());
  }

  private prov(p: Principal, correlationId: string, reason: string): Provenance {
    return this.transfers.prov(p, correlationId, reason);
  }

  /** Every unclaimed bundle held for an LA other than the asker's that matches, best first. */
  async query(p: Principal, q: LostChildQuery, correlationId: string): Promise<LaMatch[]> {
    const asker = laOnly(p);
    const wait = this.limiter.take(p.subject);
    if (wait > 0)
      throw new HttpProblem("rate-limited", `At most ${QUERIES_PER_HOUR} queries an hour; try again later.`, {
        headers: { "retry-after": String(wait) },
      });
    const ts = transferStore(this.store);
    const hits: { v: StoredVersion<TransferRecord>; confidence: MatchConfidence }[] = [];
    let cursor: string | undefined;
    do {
      const page = await ts.searchTransfers<TransferRecord>({
        status: "unclaimed",
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      for (const v of page.items) {
        const holding = v.body.responsibleLaCode;
        if (!holding || holding === asker) continue;
        const held = heldChildOf(v.body.signedBundle);
        const confidence = held && matchConfidence(q, held);
        if (confidence) hits.push({ v, confidence });
      }
      cursor = page.nextCursor;
    } while (cursor);
    const rank = { high: 0, medium: 1, low: 2 } as const;
    hits.sort((x, y) => rank[x.confidence] - rank[y.confidence]);
    const askedAt = this.clock().toISOString();
    const prov = this.prov(p, correlationId, "Cross-LA query matched a held bundle");
    const out: LaMatch[] = [];
    for (const { v, confidence } of hits.slice(0, 20)) {
      const m: LaMatch = {
        matchRef: randomUUID(),
        transferId: v.id,
        confidence,
        holdingLaCode: v.body.responsibleLaCode!,
        heldSince: (v.body.timestamps.sent ?? v.body.timestamps.prepared ?? askedAt).slice(0, 10),
        askedBy: { laCode: asker, subject: p.subject },
        askedAt,
      };
      await this.store.create(LA_MATCH_KIND, m.matchRef, m, {}, { laCode: asker }, prov);
      out.push(m);
    }
    return out;
  }

  /** The asker's own match; anyone else's reference is unknown (404). */
  async match(p: Principal, matchRef: string): Promise<LaMatch | undefined> {
    const v = await this.store.get<LaMatch>(LA_MATCH_KIND, matchRef);
    return v && v.body.askedBy.laCode === p.laCode ? v.body : undefined;
  }

  async request(
    p: Principal,
    m: LaMatch,
    reason: string,
    correlationId: string,
    where: Pick<LaRequest, "requesterBaseUrl" | "holderBaseUrl"> = {},
  ): Promise<StoredVersion<LaRequest>> {
    const requesting = laOnly(p);
    const body: LaRequest = {
      ...where,
      id: m.matchRef,
      transferId: m.transferId,
      confidence: m.confidence,
      holdingLaCode: m.holdingLaCode,
      requestingLaCode: requesting,
      requestedBy: { subject: p.subject },
      requestedAt: this.clock().toISOString(),
      reason,
      status: "pending",
    };
    try {
      return await this.store.create(
        LA_REQUEST_KIND,
        body.id,
        body,
        { status: "la-request", laCode: requesting },
        { laCode: m.holdingLaCode },
        this.prov(p, correlationId, `Requested by local authority ${requesting}`),
      );
    } catch (err) {
      if (err instanceof AlreadyExistsError)
        throw new HttpProblem("conflict", "This match has already been requested; see GET /cross-la/requests.");
      throw err;
    }
  }

  async get(id: string): Promise<StoredVersion<LaRequest> | undefined> {
    return this.store.get<LaRequest>(LA_REQUEST_KIND, id);
  }

  /** Requests the caller's LA holds (to decide) and made (to follow), newest first. */
  async list(p: Principal): Promise<{ request: LaRequest; side: "holding" | "requesting" }[]> {
    const la = laOnly(p);
    const all = async (q: { laCode?: string; visibleTo?: { laCodes: string[] } }) => {
      const out: LaRequest[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.store.search<LaRequest>({
          kind: LA_REQUEST_KIND,
          status: "la-request",
          limit: 100,
          ...q,
          ...(cursor ? { cursor } : {}),
        });
        out.push(...page.items.map((v) => v.body));
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    };
    const holding = (await all({ visibleTo: { laCodes: [la] } })).filter((r) => r.holdingLaCode === la);
    const requesting = (await all({ laCode: la })).filter((r) => r.requestingLaCode === la);
    return [
      ...holding.map((request) => ({ request, side: "holding" as const })),
      ...requesting.map((request) => ({ request, side: "requesting" as const })),
    ].sort((x, y) => y.request.requestedAt.localeCompare(x.request.requestedAt));
  }

  /**
   * The holding LA's decision. Approval releases the original signed bundle to the requesting LA: it is verified and
   * imported there (or held for its review) exactly as a claim is, and the transfer ends `claimed` by that LA.
   */
  async decide(
    p: Principal,
    v: StoredVersion<LaRequest>,
    decision: { decision: "approve" | "refuse"; reason?: string },
    correlationId: string,
  ): Promise<{ request: LaRequest; rejected?: VerifyReason[] }> {
    const r = v.body;
    if (r.status !== "pending") throw new HttpProblem("conflict", `This request was already ${r.status}.`);
    const at = this.clock().toISOString();
    const decidedBy = { subject: p.subject, laCode: p.laCode! };
    const write = async (next: LaRequest, why: string) => {
      try {
        return (
          await this.store.update(
            LA_REQUEST_KIND,
            r.id,
            v.version,
            next,
            { status: "la-request", laCode: r.requestingLaCode },
            { laCode: r.holdingLaCode },
            this.prov(p, correlationId, why),
          )
        ).body;
      } catch (err) {
        if (err instanceof ConflictError) throw new HttpProblem("conflict", "This request was decided meanwhile.");
        throw err;
      }
    };
    if (decision.decision === "refuse") {
      // The requester's server hears of the refusal before it is recorded here, so both sides agree.
      if (r.requesterBaseUrl) await this.relay().decide(r, p, decision);
      const request = await write(
        { ...r, status: "refused", decidedBy, decidedAt: at, decisionReason: decision.reason! },
        `Refused: ${decision.reason}`.slice(0, 500),
      );
      return { request };
    }
    const ts = transferStore(this.store);
    const t = await ts.getTransfer<TransferRecord>(r.transferId);
    if (t?.body.status !== "sent" || !t.body.receiver.unknownDestination)
      throw new HttpProblem(
        "conflict",
        `The bundle is no longer waiting in the queue (it is ${t?.body.status ?? "gone"}); refuse this request instead.`,
      );
    // Claim it first, so that two approvals cannot both release it: the second loses the version race.
    const prov = this.prov(p, correlationId, `Released to local authority ${r.requestingLaCode} on its request`);
    try {
      await ts.updateTransfer(
        t.id,
        t.version,
        { ...t.body, status: "received", timestamps: { ...t.body.timestamps, received: at } },
        { ...this.transfers.facts({ ...t.body, status: "received" }) },
        this.transfers.tenant(t.body),
        prov,
      );
    } catch (err) {
      if (err instanceof ConflictError) throw new HttpProblem("conflict", "The bundle was claimed meanwhile.");
      throw err;
    }
    let released: Released;
    if (r.requesterBaseUrl) {
      try {
        released = await this.relay().decide(r, p, decision, t.body.signedBundle);
      } catch (err) {
        // Not delivered: the bundle goes back to the queue and the request stays pending, to be decided again.
        await this.transfers.advance(
          t.id,
          this.prov(p, correlationId, "Release not delivered; back in the queue"),
          (x) => (x.status === "received" ? { ...t.body } : x),
        );
        throw err;
      }
    } else {
      const outcome = await this.transfers.inbox.receive(t.body.signedBundle, {
        correlationId,
        claimFor: { laCode: r.requestingLaCode, name: `Local authority ${r.requestingLaCode}` },
      });
      const answer = answerFromOutcome(outcome, at);
      if (!answer.final) throw new Error("release produced no final answer");
      const accepted = outcome.kind === "accepted" ? outcome.record : undefined;
      released = {
        decision: answer.decision === "accepted" ? "accepted" : "rejected",
        reasons: answer.reasons,
        ...(answer.receipt ? { receipt: answer.receipt } : {}),
        ...(accepted ? { delivery: accepted.childId ? "imported" : "held-for-review" } : {}),
        ...(accepted?.childId ? { childId: accepted.childId } : {}),
      };
    }
    await this.transfers.advance(t.id, prov, (x) => ({
      ...x,
      status: released.decision,
      reasons: released.reasons,
      ...(released.receipt ? { receipt: released.receipt } : {}),
      timestamps: { ...x.timestamps, [released.decision]: at },
    }));
    if (released.decision === "accepted")
      await this.transfers.advance(t.id, prov, (x) => ({
        ...x,
        status: "claimed" as TransferStatus,
        claimedBy: { laCode: r.requestingLaCode, subject: r.requestedBy.subject },
        timestamps: { ...x.timestamps, claimed: at },
      }));
    const request = await write(
      {
        ...r,
        status: "approved",
        decidedBy,
        decidedAt: at,
        ...(decision.reason ? { decisionReason: decision.reason } : {}),
        ...(released.delivery ? { delivery: released.delivery } : {}),
        ...(released.childId ? { childId: released.childId } : {}),
      },
      `Approved: released to local authority ${r.requestingLaCode}`,
    );
    return { request, ...(released.decision === "rejected" ? { rejected: released.reasons } : {}) };
  }

  private relay(): LaRelay {
    if (!this.laRelay)
      throw new HttpProblem("service-unavailable", "This server cannot reach other local authorities' servers.");
    return this.laRelay;
  }
}
