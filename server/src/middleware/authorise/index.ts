// Operation-level authorisation from spec/roles.ts (the single source): the caller's role must hold the operation's
// scope, and when the token carries a `scope` claim it must include it too (a token can narrow a role, never widen
// it). A refusal is 403 and is audited. Record-level tenancy is decided later, per record, as 404.
import type { MiddlewareHandler } from "hono";
import { roleHasScope, type Scope } from "../../../../spec/roles.ts";
import type { AppEnv } from "../../env.ts";
import type { Store } from "../../storage/store.ts";
import type { RouteSpec } from "../../../../spec/routes.ts";
import { audit } from "../../audit/audit-event.ts";
import { HttpProblem } from "../../http/problems.ts";
import { requestHasFault } from "../../faults/index.ts";

/** Faults (conformance self-test only): a parent may edit plans; any role may read the audit log. */
function faultyGrant(c: Parameters<MiddlewareHandler<AppEnv>>[0], role: string, scope: Scope): boolean {
  if (role === "parent-carer" && /^(isp|ehcp|legacy-ehcp|development-profile):write$/.test(scope))
    return requestHasFault(c, "parent-can-edit-provision");
  if (scope === "audit:read") return requestHasFault(c, "audit-readable-by-any-role");
  return false;
}

export const authorise = (opts: { scope: Scope; route: RouteSpec; store: Store }): MiddlewareHandler<AppEnv> =>
  async function authorise(c, next) {
    const p = c.get("principal");
    const allowed =
      (roleHasScope(p.role, opts.scope) && (p.tokenScopes === undefined || p.tokenScopes.includes(opts.scope))) ||
      faultyGrant(c, p.role, opts.scope);
    if (!allowed) {
      const kind = opts.route.resource ?? "audit";
      const params = c.get("params") ?? {}; // checked by the parameters middleware, which runs first
      const resourceId = params.id ?? params.childId ?? params.urn;
      await audit(opts.store, c, { action: opts.route.auditAction ?? "read", kind, resourceId, outcome: "denied" });
      throw new HttpProblem("forbidden", `The ${p.role} role may not do this (it needs the ${opts.scope} scope).`);
    }
    await next();
  };
