// Operation-level authorisation from spec/roles.ts (the single source): the caller's role must hold the operation's
// scope, and when the token carries a `scope` claim it must include it too (a token can narrow a role, never widen
// it). A refusal is 403 and is audited. Record-level tenancy is decided later, per record, as 404.
import type { MiddlewareHandler } from "hono";
import { roleHasScope, type Scope } from "../../../../spec/roles.ts";
import type { Principal } from "../../auth/principal.ts";
import type { AppEnv } from "../../env.ts";
import type { Store } from "../../storage/store.ts";
import type { RouteSpec } from "../../../../spec/routes.ts";
import { audit } from "../../audit/audit-event.ts";
import { HttpProblem } from "../../http/problems.ts";

export const authorise = (opts: {
  scope: Scope;
  route: RouteSpec;
  store: Store;
  /** Whether the caller holds the scope; roleAndTokenPermit by default. */
  permits?: (p: Principal, scope: Scope) => boolean;
}): MiddlewareHandler<AppEnv> => {
  const permits = opts.permits ?? roleAndTokenPermit;
  return async function authorise(c, next) {
    const p = c.get("principal");
    const allowed = permits(p, opts.scope);
    if (!allowed) {
      const kind = opts.route.resource ?? "audit";
      const params = c.get("params") ?? {}; // checked by the parameters middleware, which runs first
      const resourceId = params.id ?? params.childId ?? params.urn;
      await audit(opts.store, c, { action: opts.route.auditAction ?? "read", kind, resourceId, outcome: "denied" });
      throw new HttpProblem("forbidden", `The ${p.role} role may not do this (it needs the ${opts.scope} scope).`);
    }
    await next();
  };
};

/** The role holds the scope and, when the token names scopes, the token does too. */
export function roleAndTokenPermit(p: Principal, scope: Scope): boolean {
  return roleHasScope(p.role, scope) && (p.tokenScopes === undefined || p.tokenScopes.includes(scope));
}
