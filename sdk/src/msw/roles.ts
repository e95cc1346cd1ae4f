// The roles the mock API knows, with the scopes and tenancy rule of each: the generated table of spec/roles.ts.
import { ROLES, type RoleId, type Tenancy } from "../../generated/roles.ts";

export type MockTenancy = Tenancy;

export interface MockRole {
  tenancy: MockTenancy;
  scopes: readonly string[];
}

export const MOCK_ROLES: Readonly<Record<RoleId, MockRole>> = Object.fromEntries(
  ROLES.map((r) => [r.id, { tenancy: r.tenancy, scopes: r.scopes }]),
) as Record<RoleId, MockRole>;

export type MockRoleId = RoleId;

/** Who a bearer token stands for in the mock: the claims the reference server reads from a JWT. */
export interface MockPrincipal {
  role: MockRoleId;
  /** Token subject (default: the token string's role). */
  sub?: string;
  settingUrn?: string;
  laCode?: string;
  childIds?: readonly string[];
  /** Narrows the role's scopes, as a token's `scope` claim does. */
  scopes?: readonly string[];
  /** Calling system (token client_id). */
  system?: string;
}

export function mayUse(p: MockPrincipal, scope: string): boolean {
  const roleScopes: readonly string[] = MOCK_ROLES[p.role].scopes;
  return roleScopes.includes(scope) && (p.scopes === undefined || p.scopes.includes(scope));
}

export interface RecordScope {
  settingUrn?: string;
  laCode?: string;
  childId?: string;
}

/** The reference server's tenancy rule: a record outside the caller's tenancy is invisible (404, never 403). */
export function canSee(p: MockPrincipal, r: RecordScope): boolean {
  switch (MOCK_ROLES[p.role].tenancy) {
    case "all":
      return true;
    case "own-setting":
      return p.settingUrn !== undefined && r.settingUrn === p.settingUrn;
    case "own-la":
      return p.laCode !== undefined && r.laCode === p.laCode;
    case "own-children":
      return r.childId !== undefined && (p.childIds ?? []).includes(r.childId);
    case "tenant":
      return (
        (p.settingUrn !== undefined && r.settingUrn === p.settingUrn) ||
        (p.laCode !== undefined && r.laCode === p.laCode)
      );
    case "sample":
      return false;
  }
}
