// Children who move between LAs whose servers differ (TR-LC "Across servers"): the asking server sends the query to
// the other LA servers the trust list names, each as a message signed with the asking LA's key (la-messages.ts);
// a request for a remote match goes to the server that holds it; the holding LA's decision (with the original
// signed bundle, on approval) comes back signed with its key and is imported here exactly as a local release is.
import type { Principal } from "../auth/principal.ts";
import { HttpProblem } from "../http/problems.ts";
import { ConflictError, type Store, type StoredVersion } from "../storage/store.ts";
import { answerFromOutcome } from "./delivery.ts";
import { laPeers, type LaMessage, type LaMessenger } from "./la-messages.ts";
import type { LostChildQuery, MatchConfidence } from "./lost-child-match.ts";
import {
  LA_MATCH_KIND,
  LA_REQUEST_KIND,
  type LaMatch,
  type LaRelay,
  type LaRequest,
  type LostChildren,
  type Released,
} from "./lost-children.ts";
import type { TransferService } from "./service.ts";

type Json = Record<string, unknown>;
const CONFIDENCES: readonly string[] = ["high", "medium", "low"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The officer of another LA, as its signed message names them: audited and rate-limited under this name. */
export const remotePrincipal = (m: LaMessage): Principal => ({
  subject: `la:${m.iss}:${m.sub}`,
  role: "la-officer",
  laCode: m.iss,
  childIds: [],
});

const unreachable = (what: string, err?: unknown) =>
  new HttpProblem(
    "service-unavailable",
    `${what}${err instanceof Error ? `: ${err.message}` : ""}. Nothing was changed; try again later.`,
    { headers: { "retry-after": "60" } },
  );

export class CrossServerLa implements LaRelay {
  constructor(
    private readonly store: Store,
    private readonly transfers: TransferService,
    private readonly messenger: LaMessenger,
    private readonly clock: () => Date,
  ) {}

  /** Asks every other LA server in the trust list; a server that does not answer is named, not fatal. */
  async fanOut(
    p: Principal,
    q: LostChildQuery,
    correlationId: string,
  ): Promise<{ matches: LaMatch[]; unanswered: string[] }> {
    const list = await this.transfers.trust.ready().catch(() => undefined);
    const peers = laPeers(list, p.laCode!);
    const askedAt = this.clock().toISOString();
    const matches: LaMatch[] = [];
    const unanswered: string[] = [];
    await Promise.all(
      peers.map(async (peer) => {
        try {
          const jws = await this.messenger.sign(p.laCode!, p.subject, { kind: "query", query: q });
          const res = await this.messenger.send(peer.baseUrl, "/cross-la/remote/queries", jws);
          const found = (res.body as { matches?: unknown } | undefined)?.matches;
          if (res.status !== 200 || !Array.isArray(found)) throw new Error(`answered ${res.status}`);
          for (const m of found.slice(0, 20) as Json[]) {
            // Only what a match may say, checked: another server's answer is input like any other.
            if (
              typeof m.matchRef !== "string" ||
              !UUID.test(m.matchRef) ||
              !CONFIDENCES.includes(String(m.confidence)) ||
              typeof m.holdingLaCode !== "string" ||
              !peer.laCodes.includes(m.holdingLaCode) ||
              typeof m.heldSince !== "string" ||
              !/^\d{4}-\d{2}-\d{2}$/.test(m.heldSince)
            )
              continue;
            matches.push({
              matchRef: m.matchRef,
              transferId: "",
              confidence: m.confidence as MatchConfidence,
              holdingLaCode: m.holdingLaCode,
              heldSince: m.heldSince,
              askedBy: { laCode: p.laCode!, subject: p.subject },
              askedAt,
              remoteBaseUrl: peer.baseUrl,
            });
          }
        } catch {
          unanswered.push(...peer.laCodes);
        }
      }),
    );
    const prov = {
      actor: { subject: p.subject, role: p.role, tenant: { laCode: p.laCode! } },
      reason: "Cross-LA query matched a bundle held on another server",
      correlationId,
    };
    const stored: LaMatch[] = [];
    for (const m of matches) {
      try {
        await this.store.create(LA_MATCH_KIND, m.matchRef, m, {}, { laCode: p.laCode! }, prov);
        stored.push(m);
      } catch {
        // A reference already held here (two servers cannot both mint it): dropped rather than overwritten.
      }
    }
    return { matches: stored, unanswered: unanswered.sort() };
  }

  /** Files a request for a remote match on the holding server, then keeps the requester's copy here. */
  async request(
    lost: LostChildren,
    p: Principal,
    m: LaMatch,
    reason: string,
    correlationId: string,
  ): Promise<StoredVersion<LaRequest>> {
    const jws = await this.messenger.sign(p.laCode!, p.subject, { kind: "request", matchRef: m.matchRef, reason });
    let res: { status: number; body: unknown };
    try {
      res = await this.messenger.send(m.remoteBaseUrl!, "/cross-la/remote/requests", jws);
    } catch (err) {
      throw unreachable(`The server of local authority ${m.holdingLaCode} could not be reached`, err);
    }
    if (res.status === 409)
      throw new HttpProblem("conflict", "This match has already been requested; see GET /cross-la/requests.");
    if (res.status !== 201)
      throw unreachable(`The server of local authority ${m.holdingLaCode} did not take the request (${res.status})`);
    return lost.request(p, m, reason, correlationId, { holderBaseUrl: m.remoteBaseUrl! });
  }

  /** LaRelay: the holding LA's decision, sent to the requester's server; the bundle is imported there. */
  async decide(
    r: LaRequest,
    p: Principal,
    d: { decision: "approve" | "refuse"; reason?: string },
    bundle?: string,
  ): Promise<Released> {
    const jws = await this.messenger.sign(r.holdingLaCode, p.subject, {
      kind: "decision",
      requestId: r.id,
      decision: d.decision,
      ...(d.reason ? { reason: d.reason } : {}),
      ...(bundle ? { bundle } : {}),
    });
    let res: { status: number; body: unknown };
    try {
      res = await this.messenger.send(r.requesterBaseUrl!, "/cross-la/remote/decisions", jws);
    } catch (err) {
      throw unreachable(`The server of local authority ${r.requestingLaCode} could not be reached`, err);
    }
    const b = (res.body ?? {}) as Json;
    if (res.status !== 200 || (b.decision !== "accepted" && b.decision !== "rejected" && b.decision !== "refused"))
      throw unreachable(
        `The server of local authority ${r.requestingLaCode} did not take the decision (${res.status})`,
      );
    const reasons = Array.isArray(b.reasons)
      ? (b.reasons as Json[]).map((x) => ({
          code: String(x.code ?? "bundle.rejected"),
          message: String(x.message ?? ""),
        }))
      : [];
    return {
      decision: b.decision === "rejected" ? "rejected" : "accepted",
      reasons,
      ...(typeof b.receipt === "string" ? { receipt: b.receipt } : {}),
      ...(b.delivery === "imported" || b.delivery === "held-for-review" ? { delivery: b.delivery } : {}),
    };
  }

  /** The requesting side: a decision signed by the holding LA on the request this server filed with it. */
  async receiveDecision(m: Extract<LaMessage, { kind: "decision" }>, correlationId: string): Promise<Json> {
    const v = UUID.test(m.requestId) ? await this.store.get<LaRequest>(LA_REQUEST_KIND, m.requestId) : undefined;
    const r = v?.body;
    if (!v || !r?.holderBaseUrl || r.holdingLaCode !== m.iss)
      throw new HttpProblem("not-found", "No request of this server is held by that local authority.");
    if (r.status !== "pending") throw new HttpProblem("conflict", `This request was already ${r.status}.`);
    const at = this.clock().toISOString();
    const decidedBy = { subject: m.sub, laCode: m.iss };
    let next: LaRequest;
    let answer: Json;
    if (m.decision === "refuse") {
      if (!m.reason) throw new HttpProblem("validation-failed", "A refusal carries a reason.");
      next = { ...r, status: "refused", decidedBy, decidedAt: at, decisionReason: m.reason };
      answer = { decision: "refused" };
    } else {
      if (typeof m.bundle !== "string") throw new HttpProblem("validation-failed", "An approval carries the bundle.");
      const outcome = await this.transfers.inbox.receive(m.bundle, {
        correlationId,
        claimFor: { laCode: r.requestingLaCode, name: `Local authority ${r.requestingLaCode}` },
      });
      const a = answerFromOutcome(outcome, at);
      if (!a.final) throw new Error("import produced no final answer");
      const accepted = outcome.kind === "accepted" ? outcome.record : undefined;
      const delivery = accepted ? (accepted.childId ? "imported" : "held-for-review") : undefined;
      next = {
        ...r,
        status: "approved",
        decidedBy,
        decidedAt: at,
        ...(m.reason ? { decisionReason: m.reason } : {}),
        ...(delivery ? { delivery } : {}),
        ...(accepted?.childId ? { childId: accepted.childId } : {}),
      };
      answer = {
        decision: a.decision,
        reasons: a.reasons,
        ...(a.receipt ? { receipt: a.receipt } : {}),
        ...(delivery ? { delivery } : {}),
      };
    }
    try {
      await this.store.update(
        LA_REQUEST_KIND,
        r.id,
        v.version,
        next,
        { status: "la-request", laCode: r.requestingLaCode },
        { laCode: r.holdingLaCode },
        {
          actor: { subject: `la:${m.iss}:${m.sub}`, role: "la-officer", tenant: { laCode: m.iss } },
          reason: `Decision of local authority ${m.iss}: ${m.decision}`,
          correlationId,
        },
      );
    } catch (err) {
      if (err instanceof ConflictError) throw new HttpProblem("conflict", "This request was decided meanwhile.");
      throw err;
    }
    return { ...answer, childId: next.childId, request: next };
  }
}
