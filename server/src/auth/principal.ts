// The caller as the server understands it, built from verified JWT claims (claim names from spec/roles.ts, renamed
// per issuer by claim-names.ts). Pure.
import { ROLES, type RoleId } from "../../../spec/roles.ts";
import { DEFAULT_CLAIM_NAMES, type ClaimNames } from "./claim-names.ts";

export interface Principal {
  subject: string;
  role: RoleId;
  /** Calling system (`client_id`), recorded in provenance. */
  system?: string;
  settingUrn?: string;
  laCode?: string;
  /** For parents/carers: the children they are responsible for. */
  childIds: string[];
  /** The person's display name (`name` claim), when the identity provider gives one: who recorded a decision. */
  displayName?: string;
  /** Scopes the token carries; undefined when the token has no `scope` claim (then the role's scopes apply). */
  tokenScopes?: string[];
}

export function isRole(value: unknown): value is RoleId {
  return typeof value === "string" && ROLES.some((r) => r.id === value);
}

const optionalString = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

/** Turns a verified claim set into a Principal, or explains why it cannot. `names` says where each claim is. */
export function principalFromClaims(
  claims: Record<string, unknown>,
  names: ClaimNames = DEFAULT_CLAIM_NAMES,
): { principal?: Principal; reason?: string } {
  const sub = optionalString(claims[names.sub]);
  const role = claims[names.send_role];
  if (!sub) return { reason: "token has no subject" };
  if (!isRole(role)) return { reason: `token has no recognised ${names.send_role}` };
  const rawChildIds = claims[names.child_ids];
  const childIds = Array.isArray(rawChildIds) ? rawChildIds.filter((x): x is string => typeof x === "string") : [];
  const principal: Principal = { subject: sub, role, childIds };
  const scope = claims[names.scope];
  if (typeof scope === "string") principal.tokenScopes = scope.split(" ").filter(Boolean);
  const system = optionalString(claims[names.client_id]);
  if (system) principal.system = system;
  const settingUrn = optionalString(claims[names.setting_urn]);
  if (settingUrn) principal.settingUrn = settingUrn;
  const displayName = optionalString(claims[names.name]);
  if (displayName) principal.displayName = displayName.slice(0, 200);
  const laCode = optionalString(claims[names.la_code]);
  if (laCode) principal.laCode = laCode;
  const tenancy = ROLES.find((r) => r.id === role)!.tenancy;
  // A token that lacks the claim its role's tenancy filters by would see nothing (or, worse, be mis-scoped).
  if ((tenancy === "own-setting" || tenancy === "sample") && !settingUrn)
    return { reason: `${role} token has no ${names.setting_urn}` };
  if (tenancy === "own-la" && !laCode) return { reason: `${role} token has no ${names.la_code}` };
  if (tenancy === "tenant" && !settingUrn && !laCode)
    return { reason: `${role} token has neither ${names.setting_urn} nor ${names.la_code}` };
  return { principal };
}
