// GET /trust-list and POST /trust-list: the signed trust list this server believes, and publishing a new issue of it
// (onboarding a system is publishing an issue that lists it). The handlers stay thin: verification against the
// configured anchor, the no-replay sequence rule and storage are anchored-trust-list.ts's.
import type { TrustList } from "../../../sdk/src/bundle/index.ts";
import { audit } from "../audit/audit-event.ts";
import type { AppDeps } from "../deps.ts";
import { HttpProblem, notFound } from "../http/problems.ts";
import type { Handler } from "./resource-handlers.ts";

function status(jws: string, list: TrustList) {
  return {
    trustList: jws,
    sequence: list.sequence,
    issuedAt: list.issuedAt,
    nextUpdate: list.nextUpdate,
    issuer: list.issuer,
    entryCount: list.entries.length,
    revocationCount: list.revocations.length,
  };
}

export function trustListHandlers(deps: AppDeps): Record<"getTrustList" | "publishTrustList", Handler> {
  const anchored = deps.transfers.trust.anchored;

  const getTrustList: Handler = async (c) => {
    const list = await anchored?.current();
    const jws = anchored?.jws();
    if (!list || !jws) throw notFound();
    c.header("cache-control", "public, max-age=60");
    return c.json(status(jws, list), 200);
  };

  const publishTrustList: Handler = async (c) => {
    const body = c.get("body") as { trustList?: unknown } | undefined;
    const jws = body && typeof body === "object" ? body.trustList : undefined;
    if (typeof jws !== "string")
      throw new HttpProblem("validation-failed", 'The body must be { "trustList": "<compact JWS>" }.', {
        errors: [
          { pointer: "/trustList", ruleId: "schema.required", message: "trustList (a compact JWS) is required." },
        ],
      });
    if (!anchored)
      throw new HttpProblem(
        "validation-failed",
        "This server has no trust anchor configured, so it believes no trust list.",
        {
          errors: [{ pointer: "/trustList", ruleId: "trust-list.no-anchor", message: "Configure TRUST_ANCHOR_JWKS." }],
        },
      );
    const p = c.get("principal");
    const outcome = await anchored.publish(jws, {
      subject: p.subject,
      role: p.role,
      correlationId: c.get("correlationId"),
    });
    const errors = outcome.ok
      ? []
      : outcome.reasons.map((r) => ({
          pointer: `/trustList${r.pointer ?? ""}`,
          ruleId: r.ruleId ?? r.code,
          message: r.message,
        }));
    await audit(deps.store, c, {
      action: "update",
      kind: "setting",
      resourceId: "trust-list",
      outcome: outcome.ok ? "allowed" : "denied",
    });
    if (!outcome.ok && outcome.kind === "stale")
      throw new HttpProblem(
        "conflict",
        "A trust list with the same or a higher sequence is already held; nothing changed.",
        { errors },
      );
    if (!outcome.ok)
      throw new HttpProblem(
        "validation-failed",
        "The trust list is not signed by this server's trust anchor, or is not valid; nothing changed.",
        { errors },
      );
    return c.json(status(outcome.jws, outcome.list), 200);
  };

  return { getTrustList, publishTrustList };
}
