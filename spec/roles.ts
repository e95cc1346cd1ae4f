// Roles, OAuth scopes and the role × operation matrix, as data. The server's authorisation imports this file and
// the OpenAPI builder renders it (x-roles per operation, a markdown table in the "Roles" tag), so the two agree.
//
// Model: an operation requires ONE scope (spec/routes.ts); a role holds a set of scopes; a role may call an
// operation iff it holds that scope. WHICH records it then sees is the role's tenancy rule (below), applied by the
// server as a filter: a record outside the caller's tenancy is answered 404, never 403 (no existence leak).

export const SCOPES = {
  "children:read": "Read child directory records.",
  "children:write": "Create and update child directory records.",
  "isp:read": "Read Individual Support Plans and their version history.",
  "isp:write": "Create and update Individual Support Plans (including closing them).",
  "isp:voice":
    "Add a voice statement (views) to an Individual Support Plan, or a family's agreement with one of its items.",
  "ehcp:read": "Read EHCPs and their version history.",
  "ehcp:write": "Create and update EHCPs (including ceasing them).",
  "ehcp:voice": "Add a voice statement (views) to an EHCP, or a family's agreement with one of its items.",
  "legacy-ehcp:read": "Read EHCPs made under the 2014 regulations and their version history.",
  "legacy-ehcp:write": "Create and update EHCPs made under the 2014 regulations (including migration state).",
  "legacy-ehcp:voice": "Add a voice statement (views) to an EHCP made under the 2014 regulations.",
  "development-profile:read": "Read areas-of-development profiles and their version history.",
  "development-profile:write": "Create and update areas-of-development profiles.",
  "development-profile:voice": "Add a voice statement (views) to an areas-of-development profile.",
  "spp:read": "Read the national Specialist Provision Package catalogue.",
  "spp:publish": "Publish Specialist Provision Packages and new versions of them.",
  "settings:read": "Read the settings directory.",
  "settings:write": "Create and update settings directory entries.",
  "trust-list:publish":
    "Publish a new issue of the trust list (it must be signed by the trust anchor the server is configured with).",
  "documents:validate": "Validate a document without storing it.",
  "transfers:cross-la":
    "Query other local authorities' held (unclaimed) bundles by a child's identifiers, request one, and decide requests for your own.",
  "transfers:metrics": "Read transfer counts and durations for oversight (no personal data).",
  "transfers:escalations":
    "List the transfers of the authority's children that were received but not taken into use in time (escalations).",
  "governance:sample": "Draw a redacted sample of a setting's plans (governor oversight).",
  "audit:read": "Read the audit log of every read and write.",
  "access-log:read": "Read the log of who has read a child's records.",
} as const;

export type Scope = keyof typeof SCOPES;

/** The members of a record a role with `sharingLabels` always receives, whatever their labels: whose record it is,
 *  what it is and who owns it. Everything else is kept only where labelled for the role (server/src/access/projection.ts;
 *  the OpenAPI's `<Name>SharedView` schemas keep exactly these members required). */
export const SHARED_VIEW_FRAME = [
  "documentType",
  "schemaVersion",
  "id",
  "provenance",
  "status",
  "child",
  "owner",
  "healthCommissioner",
  "sharing",
] as const;

/**
 * How a role's records are limited, and from which token claim. The server filters with it; the spec documents it.
 * - own-setting: records whose settingUrn equals the token's `setting_urn`.
 * - own-children: records of children whose id is in the token's `child_ids` (a parent's children; a young person's
 *   own id).
 * - own-la: records whose laCode equals the token's `la_code`.
 * - tenant: a system acts for one setting (`setting_urn`) or one LA (`la_code`), whichever its token carries.
 * - sample: only the redacted sample operation; never a whole record.
 * - all: no record filter (national catalogue publisher; auditor).
 */
export type Tenancy = "own-setting" | "own-children" | "own-la" | "tenant" | "sample" | "all";

export type RoleId =
  | "setting-staff"
  | "parent-carer"
  | "young-person"
  | "la-officer"
  | "health-commissioner"
  | "governor"
  | "dfe-publisher"
  | "system-integration"
  | "auditor";

export interface RoleSpec {
  id: RoleId;
  title: string;
  description: string;
  tenancy: Tenancy;
  /** Sharing labels of sections the role receives; sections with none of these labels are left out of responses. */
  sharingLabels?: readonly string[];
  scopes: readonly Scope[];
}

/** Token claims the server reads. Names follow RFC 9068 (`scope`, `sub`, `client_id`) plus SEND-specific ones. */
export const TOKEN_CLAIMS = {
  sub: "Subject: the person or system acting; recorded with every version and audit record.",
  scope: "Space-separated OAuth scopes (RFC 9068 §2.2.3).",
  send_role: "The caller's role: one of the role ids in this table.",
  client_id: "The calling system; recorded as the `system` in provenance.",
  setting_urn: "URN of the caller's setting (setting-staff, governor, system-integration acting for a setting).",
  la_code:
    "Three-digit code of the caller's local authority (la-officer, health-commissioner, system-integration acting for an LA).",
  child_ids:
    "Ids of the children a parent or carer is responsible for (parent-carer), or the young person's own child record id (young-person).",
  name: "The person's display name (OpenID Connect `name`): who recorded a decision such as a plan's integration after a transfer.",
} as const;

export const ROLES: readonly RoleSpec[] = [
  {
    id: "setting-staff",
    title: "Setting staff (SENCO, teacher)",
    description:
      "Staff of a school, college or early years setting. Writes the ISP and the " +
      "areas-of-development profile for children at their setting; reads EHCPs of those children.",
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
  {
    id: "parent-carer",
    title: "Parent or carer",
    description:
      "Reads their own child's plans and adds their views; cannot edit provision. Can see who has read their child's records.",
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
  {
    id: "young-person",
    title: "Child or young person",
    description:
      "A child or young person reading their own plans (from 16 they hold the rights themselves): adds their views and says whether they agree; " +
      "cannot edit provision. The token's `child_ids` holds their own child record id only. Can see who has read their records.",
    tenancy: "own-children",
    scopes: [
      "isp:read",
      "isp:voice",
      "ehcp:read",
      "ehcp:voice",
      "legacy-ehcp:read",
      "legacy-ehcp:voice",
      "access-log:read",
      "spp:read",
      "settings:read",
    ],
  },
  {
    id: "la-officer",
    title: "Local authority SEND officer",
    description:
      "Writes their local authority's EHCPs (new and 2014-regulation) and reads the ISPs and profiles of children the authority is responsible for.",
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
      "transfers:cross-la",
      "transfers:metrics",
      "transfers:escalations",
    ],
  },
  {
    id: "health-commissioner",
    title: "Responsible health commissioner (ICB)",
    description:
      "Reads the health sections of EHCPs for the local authority area they commission for (D:501); sections not labelled `health` are left out.",
    tenancy: "own-la",
    sharingLabels: ["health"],
    scopes: ["children:read", "ehcp:read", "legacy-ehcp:read", "spp:read", "settings:read"],
  },
  {
    id: "governor",
    title: "Governor or trust board member",
    description:
      "Samples their setting's plans (D:689) through a redacted, pseudonymised sample; never reads a whole record.",
    tenancy: "sample",
    scopes: ["governance:sample", "spp:read", "settings:read"],
  },
  {
    id: "dfe-publisher",
    title: "DfE catalogue publisher",
    description:
      "Publishes the national Specialist Provision Package catalogue (D:762), maintains the " +
      "settings directory and publishes the trust list (signed by the trust anchor).",
    tenancy: "all",
    scopes: ["spp:read", "spp:publish", "settings:read", "settings:write", "documents:validate", "trust-list:publish"],
  },
  {
    id: "system-integration",
    title: "System integration (MIS, case-management system)",
    description:
      "A vendor system acting for one setting or one local authority (the token carries " +
      "`setting_urn` or `la_code`); reads and writes records within that tenancy.",
    tenancy: "tenant",
    scopes: [
      "children:read",
      "children:write",
      "isp:read",
      "isp:write",
      "isp:voice",
      "ehcp:read",
      "ehcp:write",
      "ehcp:voice",
      "legacy-ehcp:read",
      "legacy-ehcp:write",
      "legacy-ehcp:voice",
      "development-profile:read",
      "development-profile:write",
      "development-profile:voice",
      "spp:read",
      "settings:read",
      "documents:validate",
    ],
  },
  {
    id: "auditor",
    title: "Auditor (data protection officer)",
    description: "Reads the audit log of every read and write, and any child's access log; reads no records.",
    tenancy: "all",
    scopes: ["audit:read", "access-log:read"],
  },
];

export function role(id: RoleId): RoleSpec {
  const r = ROLES.find((x) => x.id === id);
  if (!r) throw new Error(`unknown role ${id}`);
  return r;
}

/** May `roleId` call an operation that requires `scope`? (`undefined` scope = public operation.) */
export function roleHasScope(roleId: RoleId, scope: Scope | undefined): boolean {
  return scope === undefined || role(roleId).scopes.includes(scope);
}

/** Roles allowed to call an operation requiring `scope`, in table order. */
export function rolesWithScope(scope: Scope | undefined): RoleId[] {
  return ROLES.filter((r) => roleHasScope(r.id, scope)).map((r) => r.id);
}
