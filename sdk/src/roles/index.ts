// Roles, OAuth scopes, tenancy rules and token claims of the API, generated from their one source (spec/roles.ts):
// which scopes a role holds, which records it sees, which claims its token carries.
import { ROLES, type RoleId, type RoleSpec, type Scope } from "../../generated/roles.ts";

export {
  ROLES,
  SCOPES,
  SHARED_VIEW_FRAME,
  TOKEN_CLAIMS,
  type RoleId,
  type RoleSpec,
  type Scope,
  type Tenancy,
} from "../../generated/roles.ts";

export function role(id: RoleId): RoleSpec {
  const r = ROLES.find((x) => x.id === id);
  if (!r) throw new Error(`unknown role ${id}`);
  return r;
}

/** May `roleId` call an operation that requires `scope`? (`undefined` scope = public operation.) */
export function roleHasScope(roleId: RoleId, scope: Scope | undefined): boolean {
  return scope === undefined || (role(roleId).scopes as readonly Scope[]).includes(scope);
}

/** Roles allowed to call an operation requiring `scope`, in table order. */
export function rolesWithScope(scope: Scope | undefined): RoleId[] {
  return ROLES.filter((r) => roleHasScope(r.id, scope)).map((r) => r.id);
}
