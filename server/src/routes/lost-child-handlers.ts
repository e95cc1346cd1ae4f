// Handlers of the cross-LA operations (children who move between local authorities): query the held bundles of other
// LAs, request one, list requests, and the holding LA's decision. Thin: the work is in transfers/lost-children.ts.
import type { AppDeps } from "../deps.ts";
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
  const lost = new LostChildren(store, deps.transfers, deps.clock);
  const ts = transferStore(store);

  const queryHeldTransfers: Handler = async (c) => {
    const p = c.get("principal");
    const { query, problems } = parseLostChildQuery(c.get("body"));
    if (!query) {
      await audit(store, c, { action: "search", kind: "transfer", outcome: "denied" });
      throw invalid("The query does not name a child well enough; nothing was searched.", problems, "api.la-query");
    }
    const matches = await lost.query(p, query, c.get("correlationId"));
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
    ]);
    return c.json({ query, matches: matches.map(matchView) }, 200);
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
    const { request, outcome } = await lost.decide(
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
    if (outcome?.kind === "rejected")
      throw new HttpProblem("validation-failed", "The held bundle no longer verifies; it was not released.", {
        errors: outcome.reasons.map((r) => ({ pointer: r.pointer ?? "", ruleId: r.code, message: r.message })),
      });
    return c.json(requestView(request, "holding"), 200);
  };

  return { queryHeldTransfers, requestHeldTransfer, listLaRequests, getLaRequest, decideLaRequest };
}
