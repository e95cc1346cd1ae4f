// The roles the mock API knows, with the scopes and tenancy rule of each, as in spec/roles.ts (a test checks they
// agree). Copied rather than imported because the SDK ships without spec/.

export type MockTenancy = "own-setting" | "own-children" | "own-la" | "tenant" | "sample" | "all";

export interface MockRole {
  tenancy: MockTenancy;
  scopes: readonly string[];
}

const PLAN_VOICE = ["isp:voice", "ehcp:voice", "legacy-ehcp:voice", "development-profile:voice"] as const;

export const MOCK_ROLES = {
  "setting-staff": {
    tenancy: "own-setting",
    scopes: [
      "children:read",
      "children:write",
      "isp:read",
      "isp:write",
      "isp:voice",
      "development-profile:read",
      "development-profile:write",
      "development-profile:voice",
      "ehcp:read",
      "legacy-ehcp:read",
      "spp:read",
      "settings:read",
      "documents:validate",
    ],
  },
  "parent-carer": {
    tenancy: "own-children",
    scopes: [
      "children:read",
      "isp:read",
      "isp:voice",
      "ehcp:read",
      "ehcp:voice",
      "legacy-ehcp:read",
      "legacy-ehcp:voice",
      "development-profile:read",
      "development-profile:voice",
      "access-log:read",
      "spp:read",
      "settings:read",
    ],
  },
  "la-officer": {
    tenancy: "own-la",
    scopes: [
      "children:read",
      "children:write",
      "ehcp:read",
      "ehcp:write",
      "ehcp:voice",
      "legacy-ehcp:read",
      "legacy-ehcp:write",
      "legacy-ehcp:voice",
      "isp:read",
      "development-profile:read",
      "spp:read",
      "settings:read",
      "documents:validate",
    ],
  },
  "health-commissioner": {
    tenancy: "own-la",
    scopes: ["children:read", "ehcp:read", "legacy-ehcp:read", "spp:read", "settings:read"],
  },
  governor: { tenancy: "sample", scopes: ["governance:sample", "spp:read", "settings:read"] },
  "dfe-publisher": {
    tenancy: "all",
    scopes: ["spp:read", "spp:publish", "settings:read", "settings:write", "documents:validate", "trust-list:publish"],
  },
  "system-integration": {
    tenancy: "tenant",
    scopes: [
      "children:read",
      "children:write",
      "isp:read",
      "isp:write",
      "ehcp:read",
      "ehcp:write",
      "legacy-ehcp:read",
      "legacy-ehcp:write",
      "development-profile:read",
      "development-profile:write",
      ...PLAN_VOICE,
      "spp:read",
      "settings:read",
      "documents:validate",
    ],
  },
  auditor: { tenancy: "all", scopes: ["audit:read", "access-log:read"] },
} as const satisfies Record<string, MockRole>;

export type MockRoleId = keyof typeof MOCK_ROLES;

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
