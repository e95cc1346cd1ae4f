// The API's operations as the client sees them: one entry per operationId of spec/routes.ts, with the method, path
// template, query parameters (wire names), request and response schema names. Kept here because the SDK depends
// only on schemas/ (CONTRIBUTING §1); operations.test.ts checks every entry against the spec's route table, both ways.
import type { SchemaName } from "./api-types.ts";

export type HttpMethod = "get" | "post" | "put";

export interface OperationSpec {
  method: HttpMethod;
  path: string;
  query?: readonly string[];
  request?: SchemaName;
  /** Schema of the 2xx body; absent for operations whose success has no JSON body. */
  response: SchemaName;
  /** Header parameters the operation takes. */
  headers?: readonly ("If-Match" | "If-None-Match" | "Change-Reason")[];
}

const PLAN_FILTERS = ["childId", "upn", "uln", "nhsNumber", "settingUrn", "status", "reviewDueBefore"] as const;
const PAGE = ["limit", "cursor"] as const;
const READ = ["If-None-Match"] as const;
const WRITE = ["If-Match", "Change-Reason"] as const;
const CREATE = ["Change-Reason"] as const;

export const OPERATIONS = {
  // Discovery and operations
  getDiscovery: { method: "get", path: "/", response: "Discovery" },
  getHealth: { method: "get", path: "/healthz", response: "HealthStatus" },
  getReadiness: { method: "get", path: "/readyz", response: "HealthStatus" },
  getOpenApi: { method: "get", path: "/openapi.json", response: "OpenApiDocument" },
  getDocs: { method: "get", path: "/docs", response: "HtmlPage" },
  validateDocument: { method: "post", path: "/$validate", request: "ValidationInput", response: "ValidationReport" },

  // Children
  listChildren: {
    method: "get",
    path: "/children",
    query: ["upn", "uln", "nhsNumber", "settingUrn", "laCode", ...PAGE],
    response: "ChildPage",
  },
  createChild: { method: "post", path: "/children", request: "ChildRecord", response: "ChildRecord", headers: CREATE },
  getChild: { method: "get", path: "/children/{childId}", response: "ChildRecord", headers: READ },
  updateChild: {
    method: "put",
    path: "/children/{childId}",
    request: "ChildRecord",
    response: "ChildRecord",
    headers: WRITE,
  },
  getChildAccessLog: {
    method: "get",
    path: "/children/{childId}/access-log",
    query: ["since", ...PAGE],
    response: "AccessLogPage",
  },

  // Individual Support Plans
  listIsps: { method: "get", path: "/isps", query: [...PLAN_FILTERS, "layer", ...PAGE], response: "IspPage" },
  createIsp: {
    method: "post",
    path: "/isps",
    request: "IndividualSupportPlan",
    response: "IndividualSupportPlan",
    headers: CREATE,
  },
  getIsp: { method: "get", path: "/isps/{id}", response: "IndividualSupportPlan", headers: READ },
  updateIsp: {
    method: "put",
    path: "/isps/{id}",
    request: "IndividualSupportPlan",
    response: "IndividualSupportPlan",
    headers: WRITE,
  },
  listIspVersions: { method: "get", path: "/isps/{id}/versions", query: PAGE, response: "VersionPage" },
  getIspVersion: {
    method: "get",
    path: "/isps/{id}/versions/{version}",
    response: "IndividualSupportPlan",
    headers: READ,
  },
  addIspVoice: {
    method: "post",
    path: "/isps/{id}/voice",
    request: "VoiceContribution",
    response: "IndividualSupportPlan",
    headers: WRITE,
  },

  // EHCPs
  listEhcps: { method: "get", path: "/ehcps", query: [...PLAN_FILTERS, "laCode", ...PAGE], response: "EhcpPage" },
  createEhcp: { method: "post", path: "/ehcps", request: "Ehcp", response: "Ehcp", headers: CREATE },
  getEhcp: { method: "get", path: "/ehcps/{id}", response: "Ehcp", headers: READ },
  updateEhcp: { method: "put", path: "/ehcps/{id}", request: "Ehcp", response: "Ehcp", headers: WRITE },
  listEhcpVersions: { method: "get", path: "/ehcps/{id}/versions", query: PAGE, response: "VersionPage" },
  getEhcpVersion: { method: "get", path: "/ehcps/{id}/versions/{version}", response: "Ehcp", headers: READ },
  addEhcpVoice: {
    method: "post",
    path: "/ehcps/{id}/voice",
    request: "VoiceContribution",
    response: "Ehcp",
    headers: WRITE,
  },

  // EHCPs made under the 2014 regulations
  listLegacyEhcps: {
    method: "get",
    path: "/legacy-ehcps",
    query: [...PLAN_FILTERS, "laCode", ...PAGE],
    response: "LegacyEhcpPage",
  },
  createLegacyEhcp: {
    method: "post",
    path: "/legacy-ehcps",
    request: "LegacyEhcp",
    response: "LegacyEhcp",
    headers: CREATE,
  },
  getLegacyEhcp: { method: "get", path: "/legacy-ehcps/{id}", response: "LegacyEhcp", headers: READ },
  updateLegacyEhcp: {
    method: "put",
    path: "/legacy-ehcps/{id}",
    request: "LegacyEhcp",
    response: "LegacyEhcp",
    headers: WRITE,
  },
  listLegacyEhcpVersions: { method: "get", path: "/legacy-ehcps/{id}/versions", query: PAGE, response: "VersionPage" },
  getLegacyEhcpVersion: {
    method: "get",
    path: "/legacy-ehcps/{id}/versions/{version}",
    response: "LegacyEhcp",
    headers: READ,
  },
  addLegacyEhcpVoice: {
    method: "post",
    path: "/legacy-ehcps/{id}/voice",
    request: "VoiceContribution",
    response: "LegacyEhcp",
    headers: WRITE,
  },

  // Areas-of-development profiles
  listDevelopmentProfiles: {
    method: "get",
    path: "/development-profiles",
    query: [...PLAN_FILTERS, ...PAGE],
    response: "DevelopmentProfilePage",
  },
  createDevelopmentProfile: {
    method: "post",
    path: "/development-profiles",
    request: "DevelopmentProfile",
    response: "DevelopmentProfile",
    headers: CREATE,
  },
  getDevelopmentProfile: {
    method: "get",
    path: "/development-profiles/{id}",
    response: "DevelopmentProfile",
    headers: READ,
  },
  updateDevelopmentProfile: {
    method: "put",
    path: "/development-profiles/{id}",
    request: "DevelopmentProfile",
    response: "DevelopmentProfile",
    headers: WRITE,
  },
  listDevelopmentProfileVersions: {
    method: "get",
    path: "/development-profiles/{id}/versions",
    query: PAGE,
    response: "VersionPage",
  },
  getDevelopmentProfileVersion: {
    method: "get",
    path: "/development-profiles/{id}/versions/{version}",
    response: "DevelopmentProfile",
    headers: READ,
  },
  addDevelopmentProfileVoice: {
    method: "post",
    path: "/development-profiles/{id}/voice",
    request: "VoiceContribution",
    response: "DevelopmentProfile",
    headers: WRITE,
  },

  // Specialist Provision Package catalogue
  listSpps: { method: "get", path: "/spps", query: ["status", ...PAGE], response: "SppPage" },
  createSpp: {
    method: "post",
    path: "/spps",
    request: "SpecialistProvisionPackage",
    response: "SpecialistProvisionPackage",
    headers: CREATE,
  },
  getSpp: { method: "get", path: "/spps/{id}", response: "SpecialistProvisionPackage", headers: READ },
  updateSpp: {
    method: "put",
    path: "/spps/{id}",
    request: "SpecialistProvisionPackage",
    response: "SpecialistProvisionPackage",
    headers: WRITE,
  },
  listSppVersions: { method: "get", path: "/spps/{id}/versions", query: PAGE, response: "VersionPage" },
  getSppVersion: {
    method: "get",
    path: "/spps/{id}/versions/{version}",
    response: "SpecialistProvisionPackage",
    headers: READ,
  },

  // Settings directory
  listSettings: { method: "get", path: "/settings", query: ["laCode", ...PAGE], response: "SettingPage" },
  createSetting: {
    method: "post",
    path: "/settings",
    request: "SettingEntry",
    response: "SettingEntry",
    headers: CREATE,
  },
  getSetting: { method: "get", path: "/settings/{urn}", response: "SettingEntry", headers: READ },
  updateSetting: {
    method: "put",
    path: "/settings/{urn}",
    request: "SettingEntry",
    response: "SettingEntry",
    headers: WRITE,
  },

  // Governance and audit
  getPlanSample: { method: "get", path: "/governance/plan-sample", query: ["size"], response: "PlanSample" },
  listAuditEvents: {
    method: "get",
    path: "/audit",
    query: ["childId", "resourceId", "actor", "since", ...PAGE],
    response: "AuditPage",
  },

  // Transfers
  getTransferKeys: { method: "get", path: "/.well-known/jwks.json", response: "JsonWebKeySet" },
  createTransfer: {
    method: "post",
    path: "/children/{childId}/transfers",
    request: "TransferRequest",
    response: "TransferView",
  },
  listChildTransfers: { method: "get", path: "/children/{childId}/transfers", query: PAGE, response: "TransferPage" },
  listUnclaimedTransfers: {
    method: "get",
    path: "/transfers/unclaimed",
    query: ["upn", "uln", "nhsNumber", ...PAGE],
    response: "TransferPage",
  },
  receiveTransfer: {
    method: "post",
    path: "/transfers/inbox",
    request: "CompactTransferBundle",
    response: "InboxResult",
  },
  getTransfer: { method: "get", path: "/transfers/{id}", response: "TransferView" },
  getTransferBundle: { method: "get", path: "/transfers/{id}/bundle", response: "CompactTransferBundle" },
  claimTransfer: { method: "post", path: "/transfers/{id}/claim", response: "TransferView" },
  listTransferReviews: { method: "get", path: "/transfers/reviews", query: PAGE, response: "TransferReviewPage" },
  decideTransferReview: {
    method: "post",
    path: "/transfers/{id}/review",
    request: "TransferReviewDecision",
    response: "TransferSummary",
  },
  importCtf: { method: "post", path: "/children/{childId}/ctf-import", request: "CtfXml", response: "CtfImportResult" },
  exportCtf: { method: "get", path: "/children/{childId}/ctf-sen", response: "CtfXml" },

  // Plan views (HTML, or PDF with format=pdf)
  getIspFamilyView: { method: "get", path: "/isps/{id}/views/family", query: ["format"], response: "HtmlPage" },
  getIspYoungPersonView: {
    method: "get",
    path: "/isps/{id}/views/young-person",
    query: ["format"],
    response: "HtmlPage",
  },
  getIspClassroomView: { method: "get", path: "/isps/{id}/views/classroom", query: ["format"], response: "HtmlPage" },
  getEhcpFamilyView: { method: "get", path: "/ehcps/{id}/views/family", query: ["format"], response: "HtmlPage" },
  getLegacyEhcpFamilyView: {
    method: "get",
    path: "/legacy-ehcps/{id}/views/family",
    query: ["format"],
    response: "HtmlPage",
  },
} as const satisfies Record<string, OperationSpec>;

export type Operations = typeof OPERATIONS;
export type OperationId = keyof Operations;

/** "/isps/{id}/versions/{version}" → "id" | "version". */
export type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

export type PathParams<O extends OperationId> = { [K in PathParamNames<Operations[O]["path"]>]: string | number };

export type QueryNames<O extends OperationId> = Operations[O] extends { query: readonly (infer Q extends string)[] }
  ? Q
  : never;

export type QueryParams<O extends OperationId> = Partial<Record<QueryNames<O>, string | number | undefined>>;

/** Fills a path template; every value is percent-encoded as one path segment. */
export function fillPath(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined || v === "") throw new TypeError(`missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(v));
  });
}
