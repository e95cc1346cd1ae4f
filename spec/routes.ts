// The route table of the SEND Interchange API, as typed data. spec/build-openapi.ts renders it to OpenAPI 3.1;
// the reference server registers its handlers by `operationId` from this table and authorises with `scope`
// (spec/roles.ts). Change an operationId and both break loudly — that is the point.
//
// Conventions every route follows (documented once in the OpenAPI description):
// - create: POST → 201, `Location` (URL of the resource), `ETag`. Personal records (children, plans, profiles) get a
//   fresh id from the server whatever `id` the body carries; SPPs and settings keep their public keys (409 when in
//   use). A document's child.personId must name a child record the caller can see (422 otherwise).
//   See spec/decisions/q-dig-11-record-ids.md.
// - read: `ETag`; `If-None-Match` with the current ETag → 304.
// - update: PUT with `If-Match` (missing → 428, stale → 412) and a `Change-Reason` header; writes version N+1.
//   Versions are immutable. Closing or ceasing a plan is a status change by PUT; there are no DELETE operations.
// - lists: cursor pagination (`limit`, `cursor`), RFC 8288 `Link: <…>; rel="next"` and `nextCursor` in the body.
// - every error: application/problem+json (RFC 9457) with a `type` from spec/problems.ts.

import type { ProblemKind } from "./problems.ts";
import type { Scope } from "./roles.ts";
import { filterParams, type FilterParamName } from "./search-filters.ts";
import { VIEW_ROUTES } from "./view-routes.ts";
import { EHCP_AGREEMENT_ROUTE, ISP_AGREEMENT_ROUTE } from "./agreement-routes.ts";

export type HttpMethod = "get" | "post" | "put";

/** Names of reusable parameters; build-openapi.ts defines each once in components.parameters. The search filters'
 *  names come from their table (spec/search-filters.ts). */
export type ParamName =
  | FilterParamName
  | "childId"
  | "id"
  | "version"
  | "urn"
  | "limit"
  | "cursor"
  | "since"
  | "periodFrom"
  | "periodTo"
  | "asOf"
  | "resourceId"
  | "actor"
  | "sampleSize"
  | "ifMatch"
  | "ifNoneMatch"
  | "changeReason"
  | "changeReasonOptional"
  | "format"
  | "purpose";

/** Names of reusable response headers; defined once in components.headers. */
export type HeaderName =
  | "ETag"
  | "Location"
  | "Link"
  | "Content-Location"
  | "X-Correlation-Id"
  | "X-Send-Projection"
  | "RateLimit-Limit"
  | "RateLimit-Remaining"
  | "RateLimit-Reset"
  | "Retry-After"
  | "Accept-Post";

/** Where a body schema comes from: a document type's schema (schemas/manifest.json defName) or an API schema. */
export type SchemaName = string;

export interface BodySpec {
  schema: SchemaName;
  contentType?: string; // default application/json
  description: string;
  /** Example files in examples/worked/ (file names only). */
  examples?: readonly string[];
  /** The server assigns the record's `id` on create: the request schema is the document's with `id` optional. */
  idAssigned?: boolean;
  /** The same body in other media types (e.g. a JOSE object as `application/json`). */
  alternatives?: readonly { contentType: string; schema: SchemaName }[];
}

export interface ResponseSpec {
  status: number;
  description: string;
  body?: BodySpec;
  headers?: readonly HeaderName[];
}

export interface RouteSpec {
  method: HttpMethod;
  path: string; // OpenAPI path template
  operationId: string;
  summary: string;
  description: string;
  tag: TagName;
  /** The one scope the operation requires; absent = public (no token needed). */
  scope?: Scope;
  /** Which stored kind the operation touches; the server's tenancy filter and audit use it. */
  resource?:
    | "child"
    | "setting"
    | "isp"
    | "ehcp"
    | "legacy-ehcp"
    | "development-profile"
    | "spp"
    | "audit"
    | "transfer";
  /** What the server records in the audit log for this operation (absent = not audited, e.g. health checks). */
  auditAction?: "create" | "read" | "update" | "search" | "list-versions" | "validate" | "export" | "import";
  parameters: readonly ParamName[];
  requestBody?: BodySpec;
  responses: readonly ResponseSpec[];
  /** Error kinds the operation may return; each becomes an application/problem+json response. */
  errors: readonly ProblemKind[];
}

export type TagName =
  | "Discovery"
  | "Children"
  | "Individual Support Plans"
  | "EHCPs"
  | "Legacy EHCPs"
  | "Development profiles"
  | "Specialist Provision Packages"
  | "Settings"
  | "Validation"
  | "Governance"
  | "Audit"
  | "Transfers";

const AUTH_ERRORS: readonly ProblemKind[] = ["unauthorized", "forbidden", "rate-limited", "internal"];
const READ_ERRORS: readonly ProblemKind[] = [...AUTH_ERRORS, "not-found"];
const LIST_ERRORS: readonly ProblemKind[] = [...AUTH_ERRORS, "invalid-parameter"];
const BODY_ERRORS: readonly ProblemKind[] = [
  "malformed-json",
  "invalid-encoding",
  "too-deep",
  "payload-too-large",
  "unsupported-media-type",
  "validation-failed",
];
const CREATE_ERRORS: readonly ProblemKind[] = [...AUTH_ERRORS, ...BODY_ERRORS, "invalid-parameter", "conflict"];
/** A create under a server-assigned id cannot meet an id in use, so it has no 409 (SI-API-057). */
const ASSIGNED_ID_CREATE_ERRORS: readonly ProblemKind[] = CREATE_ERRORS.filter((k) => k !== "conflict");
const UPDATE_ERRORS: readonly ProblemKind[] = [
  ...READ_ERRORS,
  ...BODY_ERRORS,
  "invalid-parameter",
  "conflict",
  "precondition-required",
  "precondition-failed",
];

/** Said on every document update (PUT): the two provenance members the server maintains. */
const SERVER_MAINTAINED_PROVENANCE =
  "The server maintains the stored document's own `provenance.updatedAt` (the server's time of the write, or the record's `createdAt` or previous `updatedAt` where that is later: provenance never goes backwards) and `provenance.changeReason` (the `Change-Reason` header, decoded): whatever the body says there is replaced, in the response and in every later read, and the document is validated as stored.";

/** One document resource (ISP, EHCP, …): the same seven operations, differing only in names and filters. */
interface DocumentResource {
  path: string; // e.g. "/isps"
  kind: "isp" | "ehcp" | "legacy-ehcp" | "development-profile";
  schema: SchemaName; // manifest defName
  pageSchema: SchemaName;
  singular: string; // "Individual Support Plan"
  plural: string;
  opNoun: string; // "Isp" → createIsp, getIsp, …
  opNounPlural: string; // "Isps" → listIsps
  tag: TagName;
  examples: readonly string[];
  closeNote: string; // how the plan ends: a status change
}

/** "an Individual Support Plan", "an EHCP", "an areas-of-development profile". */
function a(noun: string): string {
  return /^[aeiouAEIOU]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function documentRoutes(r: DocumentResource): RouteSpec[] {
  const read = `${r.kind}:read` as Scope;
  const write = `${r.kind}:write` as Scope;
  const voice = `${r.kind}:voice` as Scope;
  const item = `${r.path}/{id}`;
  return [
    {
      method: "get",
      path: r.path,
      operationId: `list${r.opNounPlural}`,
      summary: `Search ${r.plural}`,
      description: `Lists the current version of each ${r.singular} the caller may see, filtered by the query parameters (all filters combine with AND), newest change first. Pages with \`limit\` and \`cursor\`; the next page's URL is in the \`Link\` header (rel="next") and its cursor in \`nextCursor\`.`,
      tag: r.tag,
      scope: read,
      resource: r.kind,
      auditAction: "search",
      parameters: [...filterParams(r.kind), "limit", "cursor"],
      responses: [
        {
          status: 200,
          description: `A page of ${r.plural}.`,
          headers: ["Link"],
          body: { schema: r.pageSchema, description: `A page of ${r.plural}.` },
        },
      ],
      errors: LIST_ERRORS,
    },
    {
      method: "post",
      path: r.path,
      operationId: `create${r.opNoun}`,
      summary: `Create ${a(r.singular)}`,
      description: `Validates the document (schema and error-severity quality rules) and stores it as version 1 under a fresh id (UUID) the server assigns, whatever \`id\` the body carries: the response's body, \`Location\` (\`${r.path}/{id}\`) and \`ETag\` name the assigned id, and a create answers the same whether or not any record has the proposed id. \`child.personId\` must name a child record (\`POST /children\`) the caller can see; otherwise 422 with an error at \`/child/personId\`, the same for a child that does not exist and one outside the caller's tenancy. A \`Change-Reason\` header is optional here (default: "created").`,
      tag: r.tag,
      scope: write,
      resource: r.kind,
      auditAction: "create",
      parameters: ["changeReasonOptional"],
      requestBody: {
        schema: r.schema,
        description: `The ${r.singular}; \`id\` may be left out (the server assigns it).`,
        examples: r.examples,
        idAssigned: true,
      },
      responses: [
        {
          status: 201,
          description: `Created: version 1 of the ${r.singular}.`,
          headers: ["Location", "ETag"],
          body: { schema: r.schema, description: `The stored ${r.singular}.`, examples: r.examples },
        },
      ],
      errors: ASSIGNED_ID_CREATE_ERRORS,
    },
    {
      method: "get",
      path: item,
      operationId: `get${r.opNoun}`,
      summary: `Read ${a(r.singular)}`,
      description: `Returns the current version. Send \`If-None-Match\` with a cached ETag to get 304 when it has not changed. Every read is recorded in the audit log and in the child's access log, with why it was read (\`purpose\`, as for the plan's views), so the family can see why their child's plan was looked at.`,
      tag: r.tag,
      scope: read,
      resource: r.kind,
      auditAction: "read",
      parameters: ["id", "ifNoneMatch", "purpose"],
      responses: [
        {
          status: 200,
          description: `The current version of the ${r.singular}.`,
          headers: ["ETag"],
          body: { schema: r.schema, description: `The ${r.singular}.`, examples: r.examples },
        },
        { status: 304, description: "Not modified: the ETag in `If-None-Match` is current.", headers: ["ETag"] },
      ],
      errors: [...READ_ERRORS, "invalid-parameter"],
    },
    {
      method: "put",
      path: item,
      operationId: `update${r.opNoun}`,
      summary: `Update ${a(r.singular)}`,
      description: `Replaces the document, writing a new immutable version with provenance (who, role, system, when, and why from \`Change-Reason\`). Requires \`If-Match\` with the current ETag (428 without it, 412 when stale). ${r.closeNote} The body's \`id\` must equal the path's, and its \`child.personId\` must name a child record the caller can see (422 at \`/child/personId\` otherwise). ${SERVER_MAINTAINED_PROVENANCE}`,
      tag: r.tag,
      scope: write,
      resource: r.kind,
      auditAction: "update",
      parameters: ["id", "ifMatch", "changeReason"],
      requestBody: {
        schema: r.schema,
        description: `The whole new version of the ${r.singular}.`,
        examples: r.examples,
      },
      responses: [
        {
          status: 200,
          description: "Updated: the new current version.",
          headers: ["ETag", "Content-Location"],
          body: { schema: r.schema, description: `The stored ${r.singular}.`, examples: r.examples },
        },
      ],
      errors: UPDATE_ERRORS,
    },
    {
      method: "get",
      path: `${item}/versions`,
      operationId: `list${r.opNoun}Versions`,
      summary: `List the versions of ${a(r.singular)}`,
      description: `Every version ever written, oldest first, each with its provenance (who, role, system, when, why). Versions are immutable and never removed.`,
      tag: r.tag,
      scope: read,
      resource: r.kind,
      auditAction: "list-versions",
      parameters: ["id", "limit", "cursor"],
      responses: [
        {
          status: 200,
          description: "A page of version summaries.",
          headers: ["Link"],
          body: { schema: "VersionPage", description: "A page of version summaries." },
        },
      ],
      errors: [...READ_ERRORS, "invalid-parameter"],
    },
    {
      method: "get",
      path: `${item}/versions/{version}`,
      operationId: `get${r.opNoun}Version`,
      summary: `Read one version of ${a(r.singular)}`,
      description: `Returns the document exactly as it was at that version. Versions never change, so the response may be cached indefinitely. Audited as a read, with its \`purpose\`.`,
      tag: r.tag,
      scope: read,
      resource: r.kind,
      auditAction: "read",
      parameters: ["id", "version", "ifNoneMatch", "purpose"],
      responses: [
        {
          status: 200,
          description: "That version of the document.",
          headers: ["ETag"],
          body: { schema: r.schema, description: `The ${r.singular} at that version.`, examples: r.examples },
        },
        { status: 304, description: "Not modified.", headers: ["ETag"] },
      ],
      errors: [...READ_ERRORS, "invalid-parameter"],
    },
    {
      method: "post",
      path: `${item}/voice`,
      operationId: `add${r.opNoun}Voice`,
      summary: `Add views to ${a(r.singular)}`,
      description: `Appends one voice statement (the views of the child, young person, parent or carer) to the document, writing a new version. This is how a parent or carer contributes without being able to edit provision. Who may speak as whom follows the caller's role: a parent or carer adds statements authored as \`parent-carer\`, \`child\` or \`young-person\` (any other \`authorRole\` is 422 at the statement's \`authorRole\`); professionals record the views they captured, of anyone. Appending cannot conflict, so \`If-Match\` is optional; when sent and stale the server answers 412. \`Change-Reason\` is required; as on PUT, the new version's \`provenance.updatedAt\` and \`provenance.changeReason\` are the server's time of the write and that header.`,
      tag: r.tag,
      scope: voice,
      resource: r.kind,
      auditAction: "update",
      parameters: ["id", "ifMatch", "changeReason"],
      requestBody: { schema: "VoiceContribution", description: "The views to add." },
      responses: [
        {
          status: 201,
          description: "Added: the new version of the document, which includes the statement.",
          headers: ["Location", "ETag"],
          body: { schema: r.schema, description: `The ${r.singular} with the views added.`, examples: r.examples },
        },
      ],
      errors: [...READ_ERRORS, ...BODY_ERRORS, "invalid-parameter", "precondition-failed"],
    },
  ];
}

/** Every operation that takes a parameter may answer 400 invalid-parameter: ids, versions, cursors, filters and headers
 *  are checked against their definitions (spec/api-parameters.ts) before anything else reads them. */
function withParameterErrors(routes: readonly RouteSpec[]): readonly RouteSpec[] {
  return routes.map((r) =>
    r.parameters.length > 0 && !r.errors.includes("invalid-parameter")
      ? { ...r, errors: [...r.errors, "invalid-parameter"] }
      : r,
  );
}

export const ROUTES: readonly RouteSpec[] = withParameterErrors([
  // ── Discovery and operations ────────────────────────────────────────────────
  {
    method: "get",
    path: "/",
    operationId: "getDiscovery",
    summary: "Discover the server",
    description:
      "The standard version the server implements, the document types and schema versions it supports, and where its OpenAPI description and documentation are. Public.",
    tag: "Discovery",
    parameters: [],
    responses: [
      {
        status: 200,
        description: "Server capabilities.",
        body: {
          schema: "Discovery",
          description:
            "Server capabilities. In the reference server's demo mode only, a browser asking for `text/html` before `application/json` gets a front page for trying the plan views instead.",
          alternatives: [{ contentType: "text/html", schema: "HtmlPage" }],
        },
      },
    ],
    errors: ["rate-limited", "internal"],
  },
  {
    method: "get",
    path: "/healthz",
    operationId: "getHealth",
    summary: "Liveness check",
    description: "200 while the process is running. Public; never touches the database.",
    tag: "Discovery",
    parameters: [],
    responses: [{ status: 200, description: "Alive.", body: { schema: "HealthStatus", description: "Alive." } }],
    errors: ["internal"],
  },
  {
    method: "get",
    path: "/readyz",
    operationId: "getReadiness",
    summary: "Readiness check",
    description:
      "200 when the server can serve requests (database reachable, migrations applied); 503 otherwise. Public.",
    tag: "Discovery",
    parameters: [],
    responses: [{ status: 200, description: "Ready.", body: { schema: "HealthStatus", description: "Ready." } }],
    errors: ["internal", "service-unavailable"],
  },
  {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApi",
    summary: "This OpenAPI description",
    description: "The OpenAPI 3.1 description of this API, as JSON. Public.",
    tag: "Discovery",
    parameters: [],
    responses: [
      {
        status: 200,
        description: "The OpenAPI document.",
        body: { schema: "OpenApiDocument", description: "OpenAPI 3.1 document." },
      },
    ],
    errors: ["rate-limited", "internal"],
  },
  {
    method: "get",
    path: "/docs",
    operationId: "getDocs",
    summary: "API documentation",
    description: "Self-contained HTML documentation of this API (no external scripts or fonts). Public.",
    tag: "Discovery",
    parameters: [],
    responses: [
      {
        status: 200,
        description: "HTML documentation.",
        body: { schema: "HtmlPage", contentType: "text/html", description: "HTML page." },
      },
    ],
    errors: ["rate-limited", "internal"],
  },
  {
    method: "post",
    path: "/$validate",
    operationId: "validateDocument",
    summary: "Validate a document without storing it",
    description:
      "Validates any document type (detected from `documentType`) against its JSON Schema and runs the quality rules. Returns 200 with the report whether or not the document is valid: `valid` is false when there is a schema error or an error-severity finding. Nothing is stored. A body that is not JSON is still a 400.",
    tag: "Validation",
    scope: "documents:validate",
    auditAction: "validate",
    parameters: [],
    requestBody: {
      schema: "ValidationInput",
      description: "Any JSON value: the report says whether it is a valid document of a supported type.",
      examples: ["isp-year8-specialist-base.json", "transfer-bundle-y6-y7.json"],
    },
    responses: [
      {
        status: 200,
        description: "The validation report.",
        body: { schema: "ValidationReport", description: "Schema errors and quality-rule findings." },
      },
    ],
    errors: [...AUTH_ERRORS, "malformed-json", "too-deep", "payload-too-large", "unsupported-media-type"],
  },

  // ── Children ────────────────────────────────────────────────────────────────
  {
    method: "get",
    path: "/children",
    operationId: "listChildren",
    summary: "Search children",
    description:
      "Finds child records the caller may see by identifier (`upn`, `uln`, `nhsNumber`: exact match after normalisation) or setting. Pages with `limit` and `cursor`.",
    tag: "Children",
    scope: "children:read",
    resource: "child",
    auditAction: "search",
    parameters: [...filterParams("child"), "limit", "cursor"],
    responses: [
      {
        status: 200,
        description: "A page of children.",
        headers: ["Link"],
        body: { schema: "ChildPage", description: "A page of children." },
      },
    ],
    errors: LIST_ERRORS,
  },
  {
    method: "post",
    path: "/children",
    operationId: "createChild",
    summary: "Register a child",
    description:
      "Creates a child directory record: the child's identity and identifiers, the setting they attend and the responsible local authority. The server assigns the record a fresh `id` (UUID), whatever `id` the body carries, and writes it into `child.personId` too; plans refer to the child by it, and may only name a child the caller can see.",
    tag: "Children",
    scope: "children:write",
    resource: "child",
    auditAction: "create",
    parameters: ["changeReasonOptional"],
    requestBody: {
      schema: "ChildRecord",
      description: "The child record; `id` may be left out (the server assigns it).",
      idAssigned: true,
    },
    responses: [
      {
        status: 201,
        description: "Created.",
        headers: ["Location", "ETag"],
        body: { schema: "ChildRecord", description: "The stored child record." },
      },
    ],
    errors: ASSIGNED_ID_CREATE_ERRORS,
  },
  {
    method: "get",
    path: "/children/{childId}",
    operationId: "getChild",
    summary: "Read a child record",
    description: "Returns the child record. `If-None-Match` → 304 when unchanged.",
    tag: "Children",
    scope: "children:read",
    resource: "child",
    auditAction: "read",
    parameters: ["childId", "ifNoneMatch"],
    responses: [
      {
        status: 200,
        description: "The child record.",
        headers: ["ETag"],
        body: { schema: "ChildRecord", description: "The child record." },
      },
      { status: 304, description: "Not modified.", headers: ["ETag"] },
    ],
    errors: READ_ERRORS,
  },
  {
    method: "put",
    path: "/children/{childId}",
    operationId: "updateChild",
    summary: "Update a child record",
    description: "Replaces the child record (new version). Requires `If-Match` and `Change-Reason`.",
    tag: "Children",
    scope: "children:write",
    resource: "child",
    auditAction: "update",
    parameters: ["childId", "ifMatch", "changeReason"],
    requestBody: { schema: "ChildRecord", description: "The whole new child record." },
    responses: [
      {
        status: 200,
        description: "Updated.",
        headers: ["ETag", "Content-Location"],
        body: { schema: "ChildRecord", description: "The stored child record." },
      },
    ],
    errors: UPDATE_ERRORS,
  },
  {
    method: "get",
    path: "/children/{childId}/access-log",
    operationId: "getChildAccessLog",
    summary: "Who has read this child's records",
    description:
      "For a parent or carer (and the data protection officer): every read and change of the child's records — who (name of role and organisation, not a personal account id), when, what and why. Newest first, paged.",
    tag: "Audit",
    scope: "access-log:read",
    resource: "child",
    auditAction: "read",
    parameters: ["childId", "since", "limit", "cursor"],
    responses: [
      {
        status: 200,
        description: "A page of access-log entries.",
        headers: ["Link"],
        body: { schema: "AccessLogPage", description: "A page of access-log entries." },
      },
    ],
    errors: [...READ_ERRORS, "invalid-parameter"],
  },

  // ── Plans and profiles ──────────────────────────────────────────────────────
  ...documentRoutes({
    path: "/isps",
    kind: "isp",
    schema: "IndividualSupportPlan",
    pageSchema: "IspPage",
    singular: "Individual Support Plan",
    plural: "Individual Support Plans",
    opNoun: "Isp",
    opNounPlural: "Isps",
    tag: "Individual Support Plans",
    examples: ["isp-year4-targeted.json", "isp-year10-targeted-plus-support-base.json"],
    closeNote: "To close a plan, PUT it with `status` `closed` and a closure reason.",
  }),
  ISP_AGREEMENT_ROUTE,
  ...VIEW_ROUTES,
  ...documentRoutes({
    path: "/ehcps",
    kind: "ehcp",
    schema: "Ehcp",
    pageSchema: "EhcpPage",
    singular: "EHCP",
    plural: "EHCPs",
    opNoun: "Ehcp",
    opNounPlural: "Ehcps",
    tag: "EHCPs",
    examples: ["ehcp-specialist-base.json", "ehcp-under5-fast-track.json"],
    closeNote: "To cease a plan, PUT it with `status` `ceased` and a cessation reason.",
  }),
  EHCP_AGREEMENT_ROUTE,
  ...documentRoutes({
    path: "/legacy-ehcps",
    kind: "legacy-ehcp",
    schema: "LegacyEhcp",
    pageSchema: "LegacyEhcpPage",
    singular: "EHCP made under the 2014 regulations",
    plural: "EHCPs made under the 2014 regulations",
    opNoun: "LegacyEhcp",
    opNounPlural: "LegacyEhcps",
    tag: "Legacy EHCPs",
    examples: ["legacy-ehcp-year6-transition-2029.json"],
    closeNote: "To cease a plan or record its migration, PUT it with the new `status` or migration state.",
  }),
  ...documentRoutes({
    path: "/development-profiles",
    kind: "development-profile",
    schema: "DevelopmentProfile",
    pageSchema: "DevelopmentProfilePage",
    singular: "areas-of-development profile",
    plural: "areas-of-development profiles",
    opNoun: "DevelopmentProfile",
    opNounPlural: "DevelopmentProfiles",
    tag: "Development profiles",
    examples: ["development-profile-year6-legacy-classification.json"],
    closeNote: "A profile is superseded by writing a new version; it is never deleted.",
  }),

  // ── SPP catalogue ──────────────────────────────────────────────────────────
  {
    method: "get",
    path: "/spps",
    operationId: "listSpps",
    summary: "Browse the Specialist Provision Package catalogue",
    description:
      "Lists the current version of each package in the national catalogue, filtered by `status`. Readable by every role.",
    tag: "Specialist Provision Packages",
    scope: "spp:read",
    resource: "spp",
    parameters: [...filterParams("spp"), "limit", "cursor"],
    responses: [
      {
        status: 200,
        description: "A page of packages.",
        headers: ["Link"],
        body: { schema: "SppPage", description: "A page of packages." },
      },
    ],
    errors: LIST_ERRORS,
  },
  {
    method: "post",
    path: "/spps",
    operationId: "createSpp",
    summary: "Publish a Specialist Provision Package",
    description:
      "Adds a package to the national catalogue (DfE only, D:762). The response's `Location` is `/spps/{id}`.",
    tag: "Specialist Provision Packages",
    scope: "spp:publish",
    resource: "spp",
    auditAction: "create",
    parameters: ["changeReasonOptional"],
    requestBody: {
      schema: "SpecialistProvisionPackage",
      description: "The package.",
      examples: ["spp-illustrative-communication-interaction.json"],
    },
    responses: [
      {
        status: 201,
        description: "Published.",
        headers: ["Location", "ETag"],
        body: {
          schema: "SpecialistProvisionPackage",
          description: "The stored package.",
          examples: ["spp-illustrative-communication-interaction.json"],
        },
      },
    ],
    errors: CREATE_ERRORS,
  },
  {
    method: "get",
    path: "/spps/{id}",
    operationId: "getSpp",
    summary: "Read a Specialist Provision Package",
    description: "Returns the current version of the package. `If-None-Match` → 304 when unchanged.",
    tag: "Specialist Provision Packages",
    scope: "spp:read",
    resource: "spp",
    parameters: ["id", "ifNoneMatch"],
    responses: [
      {
        status: 200,
        description: "The package.",
        headers: ["ETag"],
        body: {
          schema: "SpecialistProvisionPackage",
          description: "The package.",
          examples: ["spp-illustrative-communication-interaction.json"],
        },
      },
      { status: 304, description: "Not modified.", headers: ["ETag"] },
    ],
    errors: READ_ERRORS,
  },
  {
    method: "put",
    path: "/spps/{id}",
    operationId: "updateSpp",
    summary: "Publish a new version of a Specialist Provision Package",
    description: `Writes a new version of the package (after a panel review, D:761). Requires \`If-Match\` and \`Change-Reason\`. Withdrawing a package is a status change; EHCPs keep referring to the version they cite. ${SERVER_MAINTAINED_PROVENANCE}`,
    tag: "Specialist Provision Packages",
    scope: "spp:publish",
    resource: "spp",
    auditAction: "update",
    parameters: ["id", "ifMatch", "changeReason"],
    requestBody: {
      schema: "SpecialistProvisionPackage",
      description: "The whole new version.",
      examples: ["spp-illustrative-communication-interaction.json"],
    },
    responses: [
      {
        status: 200,
        description: "Published.",
        headers: ["ETag", "Content-Location"],
        body: {
          schema: "SpecialistProvisionPackage",
          description: "The stored package.",
          examples: ["spp-illustrative-communication-interaction.json"],
        },
      },
    ],
    errors: UPDATE_ERRORS,
  },
  {
    method: "get",
    path: "/spps/{id}/versions",
    operationId: "listSppVersions",
    summary: "List the versions of a Specialist Provision Package",
    description: "Every published version, oldest first, with provenance.",
    tag: "Specialist Provision Packages",
    scope: "spp:read",
    resource: "spp",
    parameters: ["id", "limit", "cursor"],
    responses: [
      {
        status: 200,
        description: "A page of version summaries.",
        headers: ["Link"],
        body: { schema: "VersionPage", description: "A page of version summaries." },
      },
    ],
    errors: [...READ_ERRORS, "invalid-parameter"],
  },
  {
    method: "get",
    path: "/spps/{id}/versions/{version}",
    operationId: "getSppVersion",
    summary: "Read one version of a Specialist Provision Package",
    description:
      "The package exactly as published at that server version (1, 2, …). The package's own catalogue version (semantic version) is inside the document.",
    tag: "Specialist Provision Packages",
    scope: "spp:read",
    resource: "spp",
    parameters: ["id", "version", "ifNoneMatch"],
    responses: [
      {
        status: 200,
        description: "That version.",
        headers: ["ETag"],
        body: {
          schema: "SpecialistProvisionPackage",
          description: "The package at that version.",
          examples: ["spp-illustrative-communication-interaction.json"],
        },
      },
      { status: 304, description: "Not modified.", headers: ["ETag"] },
    ],
    errors: READ_ERRORS,
  },

  // ── Settings directory ─────────────────────────────────────────────────────
  {
    method: "get",
    path: "/settings",
    operationId: "listSettings",
    summary: "Search the settings directory",
    description:
      "Schools, colleges and early years settings, filtered by local authority. Readable by every role except the auditor.",
    tag: "Settings",
    scope: "settings:read",
    resource: "setting",
    parameters: [...filterParams("setting"), "limit", "cursor"],
    responses: [
      {
        status: 200,
        description: "A page of settings.",
        headers: ["Link"],
        body: { schema: "SettingPage", description: "A page of settings." },
      },
    ],
    errors: LIST_ERRORS,
  },
  {
    method: "post",
    path: "/settings",
    operationId: "createSetting",
    summary: "Add a setting to the directory",
    description: "Adds a setting, keyed by its URN. The response's `Location` is `/settings/{urn}`.",
    tag: "Settings",
    scope: "settings:write",
    resource: "setting",
    auditAction: "create",
    parameters: ["changeReasonOptional"],
    requestBody: { schema: "SettingEntry", description: "The setting." },
    responses: [
      {
        status: 201,
        description: "Created.",
        headers: ["Location", "ETag"],
        body: { schema: "SettingEntry", description: "The stored setting." },
      },
    ],
    errors: CREATE_ERRORS,
  },
  {
    method: "get",
    path: "/settings/{urn}",
    operationId: "getSetting",
    summary: "Read a setting",
    description: "Returns the setting. `If-None-Match` → 304 when unchanged.",
    tag: "Settings",
    scope: "settings:read",
    resource: "setting",
    parameters: ["urn", "ifNoneMatch"],
    responses: [
      {
        status: 200,
        description: "The setting.",
        headers: ["ETag"],
        body: { schema: "SettingEntry", description: "The setting." },
      },
      { status: 304, description: "Not modified.", headers: ["ETag"] },
    ],
    errors: READ_ERRORS,
  },
  {
    method: "put",
    path: "/settings/{urn}",
    operationId: "updateSetting",
    summary: "Update a setting",
    description: "Replaces the setting (new version). Requires `If-Match` and `Change-Reason`.",
    tag: "Settings",
    scope: "settings:write",
    resource: "setting",
    auditAction: "update",
    parameters: ["urn", "ifMatch", "changeReason"],
    requestBody: { schema: "SettingEntry", description: "The whole new setting entry." },
    responses: [
      {
        status: 200,
        description: "Updated.",
        headers: ["ETag", "Content-Location"],
        body: { schema: "SettingEntry", description: "The stored setting." },
      },
    ],
    errors: UPDATE_ERRORS,
  },

  // ── Governance and audit ───────────────────────────────────────────────────
  {
    method: "get",
    path: "/governance/plan-sample",
    operationId: "getPlanSample",
    summary: "Draw a redacted sample of a setting's plans",
    description:
      "For governors (D:689): a deterministic sample of the active ISPs and EHCPs at the caller's setting (the same sample for every governor all academic year), each returned as a redacted plan: names, dates of birth, identifiers and contact details removed, the child's id replaced by a pseudonym, and every name the plan carries masked as \"[name]\" in free text, which is kept because it is what governors review.",
    tag: "Governance",
    scope: "governance:sample",
    resource: "isp",
    auditAction: "search",
    parameters: ["sampleSize"],
    responses: [
      { status: 200, description: "The sample.", body: { schema: "PlanSample", description: "The redacted sample." } },
    ],
    errors: LIST_ERRORS,
  },
  {
    method: "get",
    path: "/audit",
    operationId: "listAuditEvents",
    summary: "Read the audit log",
    description:
      "For the data protection officer: every read, search, create, update and validation the server has handled, with actor, role, system, outcome and correlation id. Append-only; filter by child, resource, actor and time. Reading the audit log is itself audited.",
    tag: "Audit",
    scope: "audit:read",
    resource: "audit",
    auditAction: "search",
    parameters: ["filterChildId", "resourceId", "actor", "since", "limit", "cursor"],
    responses: [
      {
        status: 200,
        description: "A page of audit events.",
        headers: ["Link"],
        body: { schema: "AuditPage", description: "A page of audit events." },
      },
    ],
    errors: LIST_ERRORS,
  },

  // ── Transfers ──────────────────────────────────────────────────────────────
  {
    method: "get",
    path: "/.well-known/jwks.json",
    operationId: "getTransferKeys",
    summary: "This server's public transfer keys",
    description:
      "RFC 7517 JWKS: the public ES256 key each hosted setting signs bundles and receipts with (kid = RFC 7638 thumbprint), and the P-256 key bundles may be encrypted to. Other systems put this URL in their trust list. Public.",
    tag: "Transfers",
    parameters: [],
    responses: [
      { status: 200, description: "The key set.", body: { schema: "JsonWebKeySet", description: "Public keys." } },
    ],
    errors: ["rate-limited", "internal"],
  },
  {
    method: "get",
    path: "/trust-list",
    operationId: "getTrustList",
    summary: "The trust list this server believes",
    description:
      "The trust list (schemas/trust-list.schema.json) signed by the trust anchor this server is configured with, as the anchor signed it, with a summary. Bundles are believed only when the list (or the operator's own settings directory) vouches for their signing key, and never when the list revokes the key, the key is outside its validity, or its setting has closed. 404 while the server holds no list. Public, like the JWKS.",
    tag: "Transfers",
    parameters: [],
    responses: [
      {
        status: 200,
        description: "The list held.",
        body: { schema: "TrustListStatus", description: "The signed list and its summary." },
      },
    ],
    errors: ["not-found", "rate-limited", "internal"],
  },
  {
    method: "post",
    path: "/trust-list",
    operationId: "publishTrustList",
    summary: "Publish a new issue of the trust list",
    description:
      "Replaces the list this server believes with a newer issue. The JWS must verify against the configured trust anchor's key (in demo mode the server's own small anchor, whose key is in DATA_DIR; in production only the anchor key the operator configured, whose private half the server never holds), follow the trust-list schema, and carry a higher `sequence` than the list held (an older list is refused with 409, so revoked keys cannot be brought back by replay). Onboarding a new system is publishing an issue that lists it.",
    tag: "Transfers",
    scope: "trust-list:publish",
    parameters: [],
    requestBody: { schema: "SignedTrustListBody", description: "The signed list." },
    responses: [
      {
        status: 200,
        description: "The list is now held.",
        body: { schema: "TrustListStatus", description: "The signed list and its summary." },
      },
    ],
    errors: [...AUTH_ERRORS, ...BODY_ERRORS, "conflict"],
  },
  {
    method: "post",
    path: "/children/{childId}/transfers",
    operationId: "createTransfer",
    summary: "Send a child's records to their next setting",
    description:
      "Builds the transfer bundle (current ISP, and optionally its version history; profiles; EHCP or EHCP under the 2014 regulations; SPP references by id and version; reviews and key people within them), applies sharing labels (safeguarding left out unless included; every redaction recorded in the bundle), digests each document over RFC 8785 canonical JSON with SHA-256, signs the bundle as a JWS (ES256) with the sending setting's key, optionally encrypts it to the receiver, and stores the transfer as `prepared`. Delivery to the receiver's inbox (found through the settings directory) follows in the background with bounded retries and exponential backoff; the receipt moves the transfer to `received` and then `accepted` or `rejected`. With `unknownDestination` the bundle waits in the unclaimed queue for the child's responsible local authority. Every document sent is audited as an export.",
    tag: "Transfers",
    scope: "children:write",
    resource: "child",
    auditAction: "export",
    parameters: ["childId"],
    requestBody: { schema: "TransferRequest", description: "Receiver, reason and options." },
    responses: [
      {
        status: 201,
        description: "Prepared; delivery has started.",
        headers: ["Location", "ETag"],
        body: { schema: "TransferView", description: "The transfer." },
      },
    ],
    errors: [...READ_ERRORS, ...BODY_ERRORS],
  },
  {
    method: "get",
    path: "/children/{childId}/transfers",
    operationId: "listChildTransfers",
    summary: "A child's transfers, in plain words",
    description:
      "Every transfer of the child's records this server sent or received, newest lifecycle first, each with its status in plain words for parents and carers (`statusText`) and the time of each step.",
    tag: "Transfers",
    scope: "children:read",
    resource: "child",
    auditAction: "read",
    parameters: ["childId", "limit", "cursor"],
    responses: [
      {
        status: 200,
        description: "The child's transfers.",
        headers: ["Link"],
        body: { schema: "TransferPage", description: "Transfers." },
      },
    ],
    errors: [...READ_ERRORS, "invalid-parameter"],
  },
  {
    method: "get",
    path: "/transfers/unclaimed",
    operationId: "listUnclaimedTransfers",
    summary: "Search the unclaimed queue",
    description:
      "For the local authority officer of the child's responsible local authority: bundles sent to an unknown destination (the 'lost pupil' case) that wait to be claimed, searchable by the child's UPN, ULN or NHS number. Nothing is deleted from the queue.",
    tag: "Transfers",
    scope: "children:read",
    resource: "transfer",
    auditAction: "search",
    parameters: [...filterParams("transfer"), "limit", "cursor"],
    responses: [
      {
        status: 200,
        description: "A page of unclaimed transfers.",
        headers: ["Link"],
        body: { schema: "TransferPage", description: "Unclaimed transfers." },
      },
    ],
    errors: LIST_ERRORS,
  },
  {
    method: "get",
    path: "/transfers/metrics",
    operationId: "getTransferMetrics",
    summary: "Transfer metrics for oversight",
    description:
      "For a local authority officer: over the transfers of the children the authority is responsible for, prepared within the optional period (`from`, `to`), the count in each status and the time to receipt and to integration (median and 90th percentile, in whole seconds), in total, per sending setting and per local authority. No child ids, names or identifiers. Decision: spec/decisions/transfers-metrics.md.",
    tag: "Transfers",
    scope: "transfers:metrics",
    resource: "transfer",
    auditAction: "read",
    parameters: ["periodFrom", "periodTo"],
    responses: [
      {
        status: 200,
        description: "The figures.",
        body: { schema: "TransferMetrics", description: "Counts and durations." },
      },
    ],
    errors: LIST_ERRORS,
  },
  {
    method: "post",
    path: "/cross-la/queries",
    operationId: "queryHeldTransfers",
    summary: "Ask other local authorities' queues for a child",
    description:
      "For a local authority officer whose authority has met a child whose records may wait elsewhere: searches the unclaimed queues of the other local authorities this server hosts, and asks the servers of the other local authorities in the trust list (`POST /cross-la/remote/queries`, signed with the asking authority's key; any that do not answer are listed in `unanswered`), by UPN or NHS number, or by given name, family name and date of birth together (anything less is 422). Each match has a confidence (high, medium, low), the holding local authority, the day held and an opaque match reference only the asking authority can request with; nothing else about the child is returned. Each officer may ask 30 times an hour (429 after); every query is audited, on the holding side under the matched transfer and child. Decision: spec/decisions/transfers-lost-children-across-las.md.",
    tag: "Transfers",
    scope: "transfers:cross-la",
    resource: "transfer",
    auditAction: "search",
    parameters: [],
    requestBody: { schema: "HeldTransferQuery", description: "What the asking authority knows of the child." },
    responses: [
      {
        status: 200,
        description: "The matches (possibly none).",
        body: { schema: "HeldTransferQueryResult", description: "Matches, best first." },
      },
    ],
    errors: [...AUTH_ERRORS, ...BODY_ERRORS],
  },
  {
    method: "post",
    path: "/cross-la/requests",
    operationId: "requestHeldTransfer",
    summary: "Request a held bundle from the local authority that holds it",
    description:
      "Files a request, with a reason, for a bundle a query matched; the holding local authority decides it. A match reference is usable only by the authority that asked, once (409 when already requested). Audited on both sides.",
    tag: "Transfers",
    scope: "transfers:cross-la",
    resource: "transfer",
    auditAction: "create",
    parameters: [],
    requestBody: { schema: "LaTransferRequestBody", description: "The match reference and why." },
    responses: [
      {
        status: 201,
        description: "Requested; pending the holding authority's decision.",
        headers: ["Location", "ETag"],
        body: { schema: "LaTransferRequest", description: "The request." },
      },
    ],
    errors: [...AUTH_ERRORS, ...BODY_ERRORS, "conflict", "service-unavailable"],
  },
  {
    method: "get",
    path: "/cross-la/requests",
    operationId: "listLaRequests",
    summary: "Requests between local authorities",
    description:
      "The requests the caller's local authority holds (to decide) and made (to follow), newest first. The holding side sees which of its transfers a request is about; the requesting side sees its own child record once the bundle was imported.",
    tag: "Transfers",
    scope: "transfers:cross-la",
    resource: "transfer",
    auditAction: "search",
    parameters: [],
    responses: [
      {
        status: 200,
        description: "The requests.",
        body: { schema: "LaTransferRequestList", description: "Requests." },
      },
    ],
    errors: AUTH_ERRORS,
  },
  {
    method: "get",
    path: "/cross-la/requests/{id}",
    operationId: "getLaRequest",
    summary: "Read a request between local authorities",
    description:
      "One request, as the holding or the requesting local authority sees it (the holding side also sees which transfer; the requesting side its own child record once imported). Anyone else: 404.",
    tag: "Transfers",
    scope: "transfers:cross-la",
    resource: "transfer",
    auditAction: "read",
    parameters: ["id"],
    responses: [
      { status: 200, description: "The request.", body: { schema: "LaTransferRequest", description: "The request." } },
    ],
    errors: READ_ERRORS,
  },
  {
    method: "post",
    path: "/cross-la/requests/{id}/decision",
    operationId: "decideLaRequest",
    summary: "Approve or refuse another local authority's request",
    description:
      "For the holding local authority only (anyone else: 404). `refuse` needs a reason. `approve` releases the original signed bundle to the requesting authority: it is verified and imported into that authority's records exactly as a claim is (or held for its review when the child matches a record it cannot see), and the transfer ends `claimed` by that authority. A request already decided, or a bundle no longer in the queue, is 409. When the requesting authority is on another server the decision (and, on approval, the bundle) is sent to it signed with the holding authority's key (`POST /cross-la/remote/decisions`) before it is recorded here; when that server cannot be reached, 503 and nothing changes.",
    tag: "Transfers",
    scope: "transfers:cross-la",
    resource: "transfer",
    auditAction: "update",
    parameters: ["id"],
    requestBody: { schema: "LaTransferDecision", description: "Approve or refuse, and why." },
    responses: [
      { status: 200, description: "Decided.", body: { schema: "LaTransferRequest", description: "The request." } },
    ],
    errors: [...READ_ERRORS, ...BODY_ERRORS, "conflict", "service-unavailable"],
  },
  {
    method: "post",
    path: "/cross-la/remote/queries",
    operationId: "answerLaQuery",
    summary: "Answer another server's local authority asking for a child",
    description:
      "The server-to-server form of `POST /cross-la/queries`: signed `{iss, sub, iat, jti, kind: \"query\", query}`. Searches the unclaimed queues of the local authorities this server hosts (not the asker's) by the same rules, with the same 30-an-hour limit per asking officer, and answers the same result: match references and confidence only. Audited here under each matched transfer and child, with the asking authority and officer as actor. Public: the caller is another local authority's server, and the body is a compact JWS (typ `send-la-message+json`) signed with that authority's transfer key, which the anchor-signed trust list must list under an open local-authority entry for the `iss` it names (a school's key is 403; an unknown key, a bad signature or a message more than five minutes old is 401; a message id seen before is 409). Decision: spec/decisions/transfers-lost-children-across-las.md.",
    tag: "Transfers",
    resource: "transfer",
    auditAction: "search",
    parameters: [],
    requestBody: { schema: "JwsCompact", contentType: "application/jose", description: "The signed query." },
    responses: [
      {
        status: 200,
        description: "The matches.",
        body: { schema: "HeldTransferQueryResult", description: "Matches." },
      },
    ],
    errors: [...AUTH_ERRORS, ...BODY_ERRORS, "conflict"],
  },
  {
    method: "post",
    path: "/cross-la/remote/requests",
    operationId: "answerLaRequest",
    summary: "Take another server's local authority's request for a held bundle",
    description:
      "The server-to-server form of `POST /cross-la/requests`: signed `{iss, sub, iat, jti, kind: \"request\", matchRef, reason}`, for a match reference this server gave that authority. Recorded for the holding authority's officers to decide; the decision goes back to the requesting authority's server as the trust list names it. Public: the caller is another local authority's server, and the body is a compact JWS (typ `send-la-message+json`) signed with that authority's transfer key, which the anchor-signed trust list must list under an open local-authority entry for the `iss` it names (a school's key is 403; an unknown key, a bad signature or a message more than five minutes old is 401; a message id seen before is 409). Decision: spec/decisions/transfers-lost-children-across-las.md.",
    tag: "Transfers",
    resource: "transfer",
    auditAction: "create",
    parameters: [],
    requestBody: { schema: "JwsCompact", contentType: "application/jose", description: "The signed request." },
    responses: [
      {
        status: 201,
        description: "Requested.",
        headers: ["Location", "ETag"],
        body: { schema: "LaTransferRequest", description: "The request." },
      },
    ],
    errors: [...AUTH_ERRORS, ...BODY_ERRORS, "conflict"],
  },
  {
    method: "post",
    path: "/cross-la/remote/decisions",
    operationId: "answerLaDecision",
    summary: "Take the holding local authority's decision on a request this server sent",
    description:
      "Signed by the holding authority: `{iss, sub, iat, jti, kind: \"decision\", requestId, decision, reason?, bundle?}`. A refusal is recorded on the requester's copy of the request; an approval carries the original signed bundle, which is verified and imported into the requesting authority's records exactly as a claim is (or held for its review). Only the authority the request was sent to may decide it (anyone else: 404). Public: the caller is another local authority's server, and the body is a compact JWS (typ `send-la-message+json`) signed with that authority's transfer key, which the anchor-signed trust list must list under an open local-authority entry for the `iss` it names (a school's key is 403; an unknown key, a bad signature or a message more than five minutes old is 401; a message id seen before is 409). Decision: spec/decisions/transfers-lost-children-across-las.md.",
    tag: "Transfers",
    resource: "transfer",
    auditAction: "import",
    parameters: [],
    requestBody: { schema: "JwsCompact", contentType: "application/jose", description: "The signed decision." },
    responses: [
      { status: 200, description: "Recorded.", body: { schema: "LaDecisionAnswer", description: "What came of it." } },
    ],
    errors: [...READ_ERRORS, ...BODY_ERRORS, "conflict"],
  },
  {
    method: "get",
    path: "/transfers/reviews",
    operationId: "listTransferReviews",
    summary: "Bundles held for review",
    description:
      "For the receiving setting's staff (or a system acting for the setting), or the local authority officer for bundles the LA received: bundles that verified but were held, not imported, because the child's UPN, ULN or NHS number matches a child record outside the receiver's records. Each shows the child as the bundle describes it, which identifier kinds matched and the documents; never whose record matched. Nothing was written to any child or document record. Everyone else's queue is empty.",
    tag: "Transfers",
    scope: "children:read",
    resource: "transfer",
    auditAction: "search",
    parameters: ["limit", "cursor"],
    responses: [
      {
        status: 200,
        description: "A page of held bundles.",
        headers: ["Link"],
        body: { schema: "TransferReviewPage", description: "Held bundles." },
      },
    ],
    errors: LIST_ERRORS,
  },
  {
    method: "post",
    path: "/transfers/{id}/review",
    operationId: "decideTransferReview",
    summary: "Decide a held bundle",
    description:
      "The receiver's decision on a held bundle: `import-as-new-child` imports it as a new child record in the receiver's own records (never merged into the record that matched, which is left exactly as it was; a document whose id is taken outside the receiver's records gets a new id here), or `decline` keeps nothing but the decision. The decision (who, when, why) is a new version of the import record and is audited. A bundle already decided is 409; a bundle the caller may not review is 404.",
    tag: "Transfers",
    scope: "children:write",
    resource: "transfer",
    auditAction: "import",
    parameters: ["id"],
    requestBody: { schema: "TransferReviewDecision", description: "The decision and an optional note." },
    responses: [
      {
        status: 200,
        description: "Decided.",
        body: { schema: "TransferSummary", description: "The incoming transfer after the decision." },
      },
    ],
    errors: [...READ_ERRORS, ...BODY_ERRORS, "conflict"],
  },
  {
    method: "post",
    path: "/transfers/{id}/integration",
    operationId: "recordTransferIntegration",
    summary: "Record whether a received plan was taken into use",
    description:
      "The second stage of the acknowledgement (GP2GP's integration), for the receiving setting's staff (or the local authority's officer for a bundle the LA received): `integrated` says a named member of staff has taken the plan into use (it is the live plan here); `not-integrated` says it was not, with a reason code (not-integrated-reasons). The member of staff is the caller: the token's `name` claim is their display name (a token without one is refused). The server signs an integration acknowledgement (transfer-integration, typ `send-transfer-integration+json`) with the same receiver key as its receipt and delivers it in the background to the sender's `POST /transfers/acknowledgements`, with the same bounded retries and backoff as bundle delivery. `integrated` needs a bundle that was imported (not one held for review or declined). Recorded once: a second record is 409. A bundle the caller did not receive is 404.",
    tag: "Transfers",
    scope: "children:write",
    resource: "transfer",
    auditAction: "update",
    parameters: ["id"],
    requestBody: {
      schema: "IntegrationRecordRequest",
      description: "The outcome, and the reason when not integrated.",
    },
    responses: [
      {
        status: 202,
        description: "Recorded; the signed acknowledgement is on its way to the sender.",
        body: { schema: "TransferSummary", description: "The incoming transfer with its integration." },
      },
    ],
    errors: [...READ_ERRORS, ...BODY_ERRORS, "conflict"],
  },
  {
    method: "post",
    path: "/transfers/acknowledgements",
    operationId: "receiveIntegrationAcknowledgement",
    summary: "Receive an integration acknowledgement",
    description:
      "The sending side of the second stage. The receiver posts its signed integration acknowledgement as `application/jose` (JWS compact). The server verifies the signature against its trust list, checks that the acknowledgement names a transfer this server sent with the same bundle digest, and that it is signed by the transfer's receiver (the key that signed its receipt, or a key the trust list gives to the receiving setting), then moves the transfer from `accepted` to `integrated` or `not-integrated` with the outcome, the staff display name, the reason and the timestamps; the sender and the responsible local authority see them on `GET /transfers/{id}`. The same acknowledgement again is answered the same and writes nothing; a different outcome for a transfer already acknowledged is 409, as is one for a transfer that has no accepting receipt. An acknowledgement that does not verify is 422 with reason codes (`integration.*`); one for a bundle this server did not send is 404. Public: the signature is the authentication.",
    tag: "Transfers",
    resource: "transfer",
    auditAction: "import",
    parameters: [],
    requestBody: {
      schema: "SignedIntegrationAcknowledgement",
      contentType: "application/jose",
      description: "The signed acknowledgement: a compact JWS.",
    },
    responses: [
      {
        status: 200,
        description: "Verified and recorded (or recorded already: `replayed`).",
        body: { schema: "AcknowledgementResult", description: "The transfer's new status." },
      },
    ],
    errors: [
      "malformed-json",
      "invalid-encoding",
      "payload-too-large",
      "unsupported-media-type",
      "validation-failed",
      "not-found",
      "conflict",
      "rate-limited",
      "internal",
    ],
  },
  {
    method: "get",
    path: "/transfers/escalated",
    operationId: "listEscalatedTransfers",
    summary: "Transfers received but not integrated in time",
    description:
      "For the local authority officer: transfers of children the LA is responsible for that the receiver accepted but has not recorded as integrated within the configured number of school days (default 8; weekdays less the deployment's non-school dates, counted from the day after receipt). Each shows `integrationDueBy`, and `escalated`/`escalatedAt` once the server's periodic sweep has escalated it (which also writes an audit event). `asOf` judges lateness at another instant, to see what will be overdue by then. Only a token with `la_code` may ask.",
    tag: "Transfers",
    scope: "transfers:escalations",
    resource: "transfer",
    auditAction: "search",
    parameters: ["asOf", "limit", "cursor"],
    responses: [
      {
        status: 200,
        description: "A page of overdue transfers.",
        headers: ["Link"],
        body: { schema: "TransferPage", description: "Overdue transfers." },
      },
    ],
    errors: LIST_ERRORS,
  },
  {
    method: "post",
    path: "/transfers/inbox",
    operationId: "receiveTransfer",
    summary: "Receive a transfer bundle",
    description:
      "The receiving side. Send the signed bundle as `application/jose` (JWS compact, or a compact JWE of it) or as `application/json` (the JWS in flattened form, or a JSON string of the compact form). The server verifies the signature against the sender's key in its trust list, every digest, the schemas and the quality rules, and decrypts a JWE addressed to one of its keys. Import is idempotent by bundle id (the same bundle again returns the same receipt and writes nothing; the same id with different content is 409) and transactional (all or nothing). Everything stays inside the receiver's records: the child is matched by UPN, ULN or NHS number among the receiving setting's (or LA's) own children, and a document by id among its own documents; an existing document gets a new version with provenance (`importedFromBundleId`, `importedAt`), never an overwrite, and keeps its tenancy; a document id taken outside the receiver's records is stored under a new id. A child whose identifiers match a record outside the receiver's records holds the bundle for review (`GET /transfers/reviews`): nothing is written to any child or document record. A bundle whose sender is its receiver is refused (`bundle.self-addressed`). The answer carries a receipt signed with the receiving setting's key; its decision `accepted` means the bundle verified and is held by the receiver, whether it was imported at once or awaits review, so the answer never reveals a match. A rejection is a 422 whose `errors` give the stable reason codes; it carries a signed rejection receipt only when the bundle's signature verified. Public: the bundle's signature is the authentication.",
    tag: "Transfers",
    resource: "transfer",
    auditAction: "import",
    parameters: [],
    requestBody: {
      schema: "CompactTransferBundle",
      contentType: "application/jose",
      description: "The signed bundle: a compact JWS, or a compact JWE of it.",
      alternatives: [{ contentType: "application/json", schema: "JsonTransferBundle" }],
    },
    responses: [
      {
        status: 200,
        description: "Imported (or already imported: `replayed`).",
        body: { schema: "InboxResult", description: "Receipt and where it was filed." },
      },
    ],
    errors: [
      "malformed-json",
      "invalid-encoding",
      "payload-too-large",
      "unsupported-media-type",
      "validation-failed",
      "conflict",
      "rate-limited",
      "internal",
    ],
  },
  {
    method: "get",
    path: "/transfers/{id}",
    operationId: "getTransfer",
    summary: "Read a transfer",
    description:
      "The sending setting's view of a transfer it sent (lifecycle, timestamps, digest, redactions, delivery attempts, the receiver's signed receipt), or the receiving side's view of a bundle it imported. Parents and carers see the summary.",
    tag: "Transfers",
    scope: "children:read",
    resource: "transfer",
    auditAction: "read",
    parameters: ["id"],
    responses: [
      { status: 200, description: "The transfer.", body: { schema: "TransferView", description: "The transfer." } },
    ],
    errors: READ_ERRORS,
  },
  {
    method: "get",
    path: "/transfers/{id}/bundle",
    operationId: "getTransferBundle",
    summary: "Download the signed bundle",
    description:
      "The bundle exactly as sent (JWS compact, or JWE when encrypted), for systems without an API: the same file works with `send-interchange bundle verify|unpack|receipt`.",
    tag: "Transfers",
    scope: "children:write",
    resource: "transfer",
    auditAction: "export",
    parameters: ["id"],
    responses: [
      {
        status: 200,
        description: "The signed bundle.",
        body: { schema: "CompactTransferBundle", contentType: "application/jose", description: "JWS or JWE, compact." },
      },
    ],
    errors: READ_ERRORS,
  },
  {
    method: "post",
    path: "/transfers/{id}/claim",
    operationId: "claimTransfer",
    summary: "Claim an unclaimed transfer",
    description:
      "The child's responsible local authority collects a bundle sent to an unknown destination: it is verified and imported here under the local authority, the transfer moves to `received`, `accepted` and `claimed`, and the sender can see who claimed it and when. A transfer that is not waiting to be claimed is 409.",
    tag: "Transfers",
    scope: "children:write",
    resource: "transfer",
    auditAction: "import",
    parameters: ["id"],
    responses: [
      { status: 200, description: "Claimed.", body: { schema: "TransferView", description: "The transfer." } },
    ],
    errors: [...READ_ERRORS, "conflict", "validation-failed"],
  },
  {
    method: "post",
    path: "/children/{childId}/ctf-import",
    operationId: "importCtf",
    summary: "Import the SEN part of a Common Transfer File",
    description:
      "Reads the SEN history (provision codes and dates) and SEN needs (type codes with rank) of one pupil from a Common Transfer File (CTF 17+ element names) and adds them, as legacy classifications, to the child's current areas-of-development profile (a new version). Historic codes S, A and P are accepted as history only. The answer lists the crosswalk suggestions to areas of development with their professional-review flags; nothing is applied to the profile's areas automatically.",
    tag: "Transfers",
    scope: "development-profile:write",
    resource: "child",
    auditAction: "import",
    parameters: ["childId"],
    requestBody: {
      schema: "CtfXml",
      contentType: "application/xml",
      description: "A CTF file, or a bare <SENhistory> block.",
    },
    responses: [
      {
        status: 200,
        description: "Imported.",
        body: { schema: "CtfImportResult", description: "What was added and the crosswalk suggestions." },
      },
    ],
    errors: [
      ...READ_ERRORS,
      "invalid-encoding",
      "payload-too-large",
      "unsupported-media-type",
      "validation-failed",
      "conflict",
    ],
  },
  {
    method: "get",
    path: "/children/{childId}/ctf-sen",
    operationId: "exportCtf",
    summary: "The child's current SEN status as a CTF SEN block",
    description:
      "Writes the legacy classification in force today (from the child's areas-of-development profiles and EHCPs under the 2014 regulations) as a CTF `<SENhistory>` block: one `<SEN>` episode and its ranked `<SENneeds>`. Historic codes S, A and P are never written as current status; no classification in force is 409.",
    tag: "Transfers",
    scope: "development-profile:read",
    resource: "child",
    auditAction: "export",
    parameters: ["childId"],
    responses: [
      {
        status: 200,
        description: "The CTF SEN block.",
        body: { schema: "CtfXml", contentType: "application/xml", description: "<SENhistory> XML." },
      },
    ],
    errors: [...READ_ERRORS, "conflict"],
  },
]);

export function route(operationId: string): RouteSpec {
  const r = ROUTES.find((x) => x.operationId === operationId);
  if (!r) throw new Error(`unknown operationId ${operationId}`);
  return r;
}
