// Handlers of the cross-LA operations (children who move between local authorities): query the held bundles of other
// LAs, request one, list requests, and the holding LA's decision. Thin: the work is in transfers/lost-children.ts.
import type { AppDeps } from "../deps.ts";
import type { Principal } from "../auth/principal.ts";
import { requestText } from "../http/request-body.ts";
import type { AuditRecord } from "../storage/store.ts";
import { laBaseUrl, LaMessenger, type LaMessage } from "../transfers/la-messages.ts";
import { CrossServerLa, remotePrincipal } from "../transfers/lost-children-remote.ts";
import { audit, auditAll } from "../audit/audit-event.ts";
import { HttpProblem, notFound } from "../http/problems.ts";
import { parseLostChildQuery } from "../transfers/lost-child-match.ts";
import { LostChildren, matchView, requestView } from "../transfers/lost-children.ts";
import { transferStore } from "../storage/transfer-store.ts";
import type { TransferRecord } from "../transfers/transfer-record.ts";
import type { Handler } from "./resource-handlers.ts";

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(detail: string, errors: { pointer: string; message: string }[], ruleId: string): HttpProblem {
  return new HttpProblem("validation-failed", detail, { errors: errors.map((e) => ({ ...e, ruleId })) });
}

/** `{ <allowed members> }` with text of 1..1000 characters; `required` must be present. */
function textMembers(body: unknown, allowed: readonly string[], required: readonly string[], ruleId: string) {
  const errors: { pointer: string; message: string }[] = [];
  if (!isObj(body)) throw invalid("Send a JSON object.", [{ pointer: "", message: "Not an object." }], ruleId);
  for (const k of Object.keys(body))
    if (!allowed.includes(k)) errors.push({ pointer: `/${k}`, message: `Unknown member ${k}.` });
  for (const k of allowed) {
    const v = body[k];
    if (v === undefined) {
      if (required.includes(k)) errors.push({ pointer: `/${k}`, message: `${k} is required.` });
    } else if (typeof v !== "string" || v.trim().length === 0 || v.length > 1000)
      errors.push({ pointer: `/${k}`, message: `${k} is text of 1 to 1000 characters.` });
  }
  if (errors.length) throw invalid("The request is not valid; nothing was changed.", errors, ruleId);
  return body as Record<string, string>;
}

export function lostChildHandlers(deps: AppDeps): Record<string, Handler> {
  const { store } = deps;
  const messenger = new LaMessenger(store, deps.transfers.keyring, deps.transfers.trust, deps.clock);
  const remote = new CrossServerLa(store, deps.transfers, messenger, deps.clock);
  const lost = new LostChildren(store, deps.transfers, deps.clock, undefined, remote);
  const ts = transferStore(store);

  /** Audit records for a signed message from another LA's server (there is no token: the signature named them). */
  const auditAs = async (
    p: Principal | undefined,
    correlationId: string,
    facts: Omit<AuditRecord, "actor" | "correlationId" | "outcome">[],
    outcome: AuditRecord["outcome"] = "allowed",
  ) =>
    store.appendAudits(
      facts.map((f) => ({
        ...f,
        actor: p
          ? { subject: p.subject, role: p.role, tenant: { laCode: p.laCode! } }
          : { subject: "la-message:unverified", role: "system-integration", tenant: {} },
        correlationId,
        outcome,
      })),
    );

  /** Reads and verifies a signed message from another LA's server; refused messages are audited and answered 4xx. */
  async function signedMessage<K extends LaMessage["kind"]>(
    c: Parameters<Handler>[0],
    kind: K,
  ): Promise<Extract<LaMessage, { kind: K }>> {
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/jose")
      throw new HttpProblem("unsupported-media-type", "Send the signed message as application/jose (compact JWS).", {
        headers: { "accept-post": "application/jose" },
      });
    const v = await messenger.verify((await requestText(c)).trim(), kind);
    if (!v.ok) {
      await auditAs(undefined, c.get("correlationId"), [{ action: "search", kind: "transfer" }], "denied");
      throw new HttpProblem(v.status === 401 ? "unauthorized" : v.status === 403 ? "forbidden" : "conflict", v.detail);
    }
    return v.message as Extract<LaMessage, { kind: K }>;
  }

  const queryHeldTransfers: Handler = async (c) => {
    const p = c.get("principal");
    const { query, problems } = parseLostChildQuery(c.get("body"));
    if (!query) {
      await audit(store, c, { action: "search", kind: "transfer", outcome: "denied" });
      throw invalid("The query does not name a child well enough; nothing was searched.", problems, "api.la-query");
    }
    const local = await lost.query(p, query, c.get("correlationId"));
    const far = await remote.fanOut(p, query, c.get("correlationId"));
    const matches = [...local, ...far.matches];
    // The asking side's record is the match itself (resourceId = match reference); the holding side's is the audit
    // record under the transfer and its child, so the holding LA (and the family) can see who looked.
    await auditAll(store, c, [
      { action: "search", kind: "transfer" },
      ...(await Promise.all(
        matches.map(async (m) => {
          const t = await ts.getTransfer<TransferRecord>(m.transferId);
          return {
            action: "search" as const,
            kind: "transfer" as const,
            resourceId: m.transferId,
            childId: t?.body.childId,
          };
        }),
      )),
      // Matches held on other servers: audited here under the match reference, there under the transfer.
      ...far.matches.map((m) => ({ action: "search" as const, kind: "transfer" as const, resourceId: m.matchRef })),
    ]);
    const rank = { high: 0, medium: 1, low: 2 } as const;
    matches.sort((x, y) => rank[x.confidence] - rank[y.confidence]);
    return c.json(
      {
        query,
        matches: matches.slice(0, 20).map(matchView),
        ...(far.unanswered.length ? { unanswered: far.unanswered } : {}),
      },
      200,
    );
  };

  const requestHeldTransfer: Handler = async (c) => {
    const p = c.get("principal");
    const body = textMembers(c.get("body"), ["matchRef", "reason"], ["matchRef", "reason"], "api.la-request");
    const ref = body.matchRef!.toLowerCase();
    const m = UUID.test(ref) ? await lost.match(p, ref) : undefined;
    if (!m) {
      await audit(store, c, { action: "create", kind: "transfer", resourceId: ref.slice(0, 64), outcome: "denied" });
      throw invalid(
        "No match with this reference was found for your local authority.",
        [{ pointer: "/matchRef", message: "Unknown match reference." }],
        "api.la-request",
      );
    }
    if (m.remoteBaseUrl) {
      const copy = await remote.request(lost, p, m, body.reason!, c.get("correlationId"));
      await audit(store, c, { action: "create", kind: "transfer", resourceId: copy.id, version: copy.version });
      c.header("location", `/cross-la/requests/${copy.id}`);
      c.header("etag", copy.etag);
      return c.json(requestView(copy.body, "requesting"), 201);
    }
    const stored = await lost.request(p, m, body.reason!, c.get("correlationId"));
    const t = await ts.getTransfer<TransferRecord>(m.transferId);
    await auditAll(store, c, [
      { action: "create", kind: "transfer", resourceId: stored.id, version: stored.version },
      { action: "create", kind: "transfer", resourceId: m.transferId, childId: t?.body.childId },
    ]);
    c.header("location", `/cross-la/requests/${stored.id}`);
    c.header("etag", stored.etag);
    return c.json(requestView(stored.body, "requesting"), 201);
  };

  const listLaRequests: Handler = async (c) => {
    const p = c.get("principal");
    const items = await lost.list(p);
    await audit(store, c, { action: "search", kind: "transfer" });
    return c.json({ items: items.map((x) => requestView(x.request, x.side)) }, 200);
  };

  const getLaRequest: Handler = async (c) => {
    const p = c.get("principal");
    const id = c.req.param("id")!;
    const v = await lost.get(id);
    const side =
      !v || !p.laCode
        ? undefined
        : v.body.holdingLaCode === p.laCode
          ? "holding"
          : v.body.requestingLaCode === p.laCode
            ? "requesting"
            : undefined;
    if (!v || !side) {
      await audit(store, c, { action: "read", kind: "transfer", resourceId: id, outcome: "denied" });
      throw notFound();
    }
    await audit(store, c, { action: "read", kind: "transfer", resourceId: id, version: v.version });
    c.header("etag", v.etag);
    return c.json(requestView(v.body, side), 200);
  };

  const decideLaRequest: Handler = async (c) => {
    const p = c.get("principal");
    const id = c.req.param("id")!;
    const v = await lost.get(id);
    if (!v || !p.laCode || v.body.holdingLaCode !== p.laCode) {
      await audit(store, c, { action: "update", kind: "transfer", resourceId: id, outcome: "denied" });
      throw notFound();
    }
    const body = textMembers(c.get("body"), ["decision", "reason"], ["decision"], "api.la-decision");
    if (body.decision !== "approve" && body.decision !== "refuse")
      throw invalid(
        "The decision is not valid; nothing was changed.",
        [{ pointer: "/decision", message: 'decision is "approve" or "refuse".' }],
        "api.la-decision",
      );
    if (body.decision === "refuse" && !body.reason)
      throw invalid(
        "A refusal needs a reason; nothing was changed.",
        [{ pointer: "/reason", message: "reason is required when refusing." }],
        "api.la-decision",
      );
    const { request, rejected } = await lost.decide(
      p,
      v,
      { decision: body.decision, ...(body.reason ? { reason: body.reason } : {}) },
      c.get("correlationId"),
    );
    const t = await ts.getTransfer<TransferRecord>(request.transferId);
    await auditAll(store, c, [
      { action: "update", kind: "transfer", resourceId: request.id, version: v.version + 1 },
      {
        action: request.status === "approved" ? "export" : "update",
        kind: "transfer",
        resourceId: request.transferId,
        childId: t?.body.childId,
      },
    ]);
    if (rejected)
      throw new HttpProblem("validation-failed", "The held bundle no longer verifies; it was not released.", {
        errors: rejected.map((r) => ({ pointer: r.pointer ?? "", ruleId: r.code, message: r.message })),
      });
    return c.json(requestView(request, "holding"), 200);
  };

  // Another LA's server asks, signed with that LA's key: the same query, request rules and audit as an officer here.
  const answerLaQuery: Handler = async (c) => {
    const m = await signedMessage(c, "query");
    const p = remotePrincipal(m);
    const { query, problems } = parseLostChildQuery(m.query);
    if (!query)
      throw invalid("The query does not name a child well enough; nothing was searched.", problems, "api.la-query");
    const matches = await lost.query(p, query, c.get("correlationId"));
    await auditAs(p, c.get("correlationId"), [
      { action: "search", kind: "transfer" },
      ...(await Promise.all(
        matches.map(async (x) => {
          const t = await ts.getTransfer<TransferRecord>(x.transferId);
          return {
            action: "search" as const,
            kind: "transfer" as const,
            resourceId: x.transferId,
            ...(t?.body.childId ? { childId: t.body.childId } : {}),
          };
        }),
      )),
    ]);
    return c.json({ query, matches: matches.map(matchView) }, 200);
  };

  const answerLaRequest: Handler = async (c) => {
    const msg = await signedMessage(c, "request");
    const p = remotePrincipal(msg);
    const body = textMembers(
      { matchRef: msg.matchRef, reason: msg.reason },
      ["matchRef", "reason"],
      ["matchRef", "reason"],
      "api.la-request",
    );
    const ref = body.matchRef!.toLowerCase();
    const m = UUID.test(ref) ? await lost.match(p, ref) : undefined;
    if (!m || m.remoteBaseUrl) {
      await auditAs(
        p,
        c.get("correlationId"),
        [{ action: "create", kind: "transfer", resourceId: ref.slice(0, 64) }],
        "denied",
      );
      throw invalid(
        "No match with this reference was found for your local authority.",
        [{ pointer: "/matchRef", message: "Unknown match reference." }],
        "api.la-request",
      );
    }
    // Where the decision goes: the requesting LA's own server by the signed list, never an address the message names.
    const back = laBaseUrl(await deps.transfers.trust.ready().catch(() => undefined), msg.iss);
    if (!back) throw new HttpProblem("forbidden", `The trust list names no server for local authority ${msg.iss}.`);
    const stored = await lost.request(p, m, body.reason!, c.get("correlationId"), { requesterBaseUrl: back });
    const t = await ts.getTransfer<TransferRecord>(m.transferId);
    await auditAs(p, c.get("correlationId"), [
      { action: "create", kind: "transfer", resourceId: stored.id, version: stored.version },
      {
        action: "create",
        kind: "transfer",
        resourceId: m.transferId,
        ...(t?.body.childId ? { childId: t.body.childId } : {}),
      },
    ]);
    // The holding server's own address of the request; the requester follows it through its copy.
    c.header("location", `/cross-la/requests/${stored.id}`);
    c.header("etag", stored.etag);
    return c.json(requestView(stored.body, "requesting"), 201);
  };

  const answerLaDecision: Handler = async (c) => {
    const msg = await signedMessage(c, "decision");
    const p = remotePrincipal(msg);
    const { childId, request, ...answer } = await remote.receiveDecision(msg, c.get("correlationId"));
    await auditAs(p, c.get("correlationId"), [
      { action: "update", kind: "transfer", resourceId: msg.requestId },
      ...(msg.decision === "approve"
        ? [
            {
              action: "import" as const,
              kind: "transfer" as const,
              resourceId: msg.requestId,
              ...(typeof childId === "string" ? { childId } : {}),
            },
          ]
        : []),
    ]);
    void request;
    return c.json(answer, 200);
  };

  return {
    queryHeldTransfers,
    requestHeldTransfer,
    listLaRequests,
    getLaRequest,
    decideLaRequest,
    answerLaQuery,
    answerLaRequest,
    answerLaDecision,
  };
}
