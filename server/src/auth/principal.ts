// The caller as the server understands it, built from verified JWT claims (claim names from spec/roles.ts). Pure.
import { ROLES, type RoleId } from "../../../spec/roles.ts";

export interface Principal {
  subject: string;
  role: RoleId;
  /** Calling system (`client_id`), recorded in provenance. */
  system?: string;
  settingUrn?: string;
  laCode?: string;
  /** For parents/carers: the children they are responsible for. */
  childIds: string[];
  /** Scopes the token carries; undefined when the token has no `scope` claim (then the role's scopes apply). */
  tokenScopes?: string[];
}

export function isRole(value: unknown): value is RoleId {
  return typeof value === "string" && ROLES.some((r) => r.id === value);
}

const optionalString = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

/** Turns a verified claim set into a Principal, or explains why it cannot. */
export function principalFromClaims(claims: Record<string, unknown>): { principal?: Principal; reason?: string } {
  const sub = optionalString(claims.sub);
  const role = claims.send_role;
  if (!sub) return { reason: "token has no subject" };
  if (!isRole(role)) return { reason: "token has no recognised send_role" };
  const childIds = Array.isArray(claims.child_ids) ? claims.child_ids.filter((x): x is string => typeof x === "string") : [];
  const principal: Principal = { subject: sub, role, childIds };
  if (typeof claims.scope === "string") principal.tokenScopes = claims.scope.split(" ").filter(Boolean);
  const system = optionalString(claims.client_id);
  if (system) principal.system = system;
  const settingUrn = optionalString(claims.setting_urn);
  if (settingUrn) principal.settingUrn = settingUrn;
  const laCode = optionalString(claims.la_code);
  if (laCode) principal.laCode = laCode;
  const tenancy = ROLES.find((r) => r.id === role)!.tenancy;
  // A token that lacks the claim its role's tenancy filters by would see nothing (or, worse, be mis-scoped).
  if ((tenancy === "own-setting" || tenancy === "sample") && !settingUrn) return { reason: `${role} token has no setting_urn` };
  if (tenancy === "own-la" && !laCode) return { reason: `${role} token has no la_code` };
  if (tenancy === "tenant" && !settingUrn && !laCode) return { reason: `${role} token has neither setting_urn nor la_code` };
  return { principal };
}
