// The API contract for the SDK, generated from its one hand-written description in spec/ (routes, parameters,
// search filters, roles and scopes, problem kinds). The SDK ships without spec/ and never imports it at run time:
// these generated modules are the bridge (CONTRIBUTING §1), so a route, filter, role or problem kind added in spec/
// reaches the client, the msw mock and the server's filter code through `npm run generate`, with no copy to edit.
import { join } from "node:path";
import { readFileSync } from "node:fs";
import type { ParameterObject } from "openapi3-ts/oas31";
import { ROUTES } from "../../../spec/routes.ts";
import { PARAMETERS } from "../../../spec/api-parameters.ts";
import { PROBLEM_BASE, PROBLEM_TYPES } from "../../../spec/problems.ts";
import { ROLES, SCOPES, SHARED_VIEW_FRAME, TOKEN_CLAIMS } from "../../../spec/roles.ts";
import { SEARCH_FACTS, SEARCH_FILTERS, type FilterKind } from "../../../spec/search-filters.ts";
import { tsHeader, withTrailingNewline } from "./header.ts";
import type { JsonSchema } from "./standard.ts";

/** One entry of a top-level object or array per line, each entry compact: readable, and short diffs. */
function json(value: unknown): string {
  if (Array.isArray(value)) return `[\n${value.map((v) => `  ${JSON.stringify(v)},`).join("\n")}\n]`;
  if (value !== null && typeof value === "object")
    return `{\n${Object.entries(value)
      .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`)
      .join("\n")}\n}`;
  return JSON.stringify(value);
}
const literalUnion = (values: readonly string[]): string =>
  values.length === 0 ? "never" : values.map((v) => JSON.stringify(v)).join(" | ");
const pascal = (kind: string): string => kind.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());

function operationsModule(): string {
  const ops: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const params = r.parameters.map((p) => PARAMETERS[p] as ParameterObject);
    const query = params.filter((p) => p.in === "query").map((p) => p.name);
    const headers = params.filter((p) => p.in === "header").map((p) => p.name);
    const success = r.responses.find((x) => x.status >= 200 && x.status < 300);
    ops[r.operationId] = {
      method: r.method,
      path: r.path,
      ...(r.scope ? { scope: r.scope } : {}),
      ...(query.length ? { query } : {}),
      ...(r.requestBody ? { request: r.requestBody.schema } : {}),
      ...(success?.body ? { response: success.body.schema } : {}),
      ...(headers.length ? { headers } : {}),
    };
  }
  return withTrailingNewline(`${tsHeader}
// The API's operations (spec/routes.ts): method, path template, scope, query and header parameters (wire names),
// request and 2xx response schema names (as components/schemas names them).

export interface OperationSpec {
  method: "get" | "post" | "put";
  path: string;
  /** The scope the operation requires; absent = public. */
  scope?: string;
  query?: readonly string[];
  request?: string;
  /** Schema of the 2xx body; absent for operations whose success has no body. */
  response?: string;
  headers?: readonly string[];
}

export const OPERATIONS = ${json(ops)} as const satisfies Record<string, OperationSpec>;

export type Operations = typeof OPERATIONS;
export type OperationId = keyof Operations;
`);
}

function problemsModule(): string {
  const types = PROBLEM_TYPES.map(({ kind, status, title }) => ({ kind, status, title }));
  return withTrailingNewline(`${tsHeader}
// The problem kinds the API answers with (spec/problems.ts): RFC 9457 \`type\` = PROBLEM_BASE + kind, with the fixed
// status and title of each.

export const PROBLEM_BASE = ${JSON.stringify(PROBLEM_BASE)};

export const PROBLEM_TYPES = ${json(types)} as const;

export type ProblemKind = (typeof PROBLEM_TYPES)[number]["kind"];

export const PROBLEM_KINDS: readonly ProblemKind[] = PROBLEM_TYPES.map((p) => p.kind);
`);
}

function rolesModule(): string {
  return withTrailingNewline(`${tsHeader}
// Roles, OAuth scopes, tenancy rules and token claims of the API (spec/roles.ts).

export const SCOPES = ${json(SCOPES)} as const;
export type Scope = keyof typeof SCOPES;

export const SHARED_VIEW_FRAME = ${json(SHARED_VIEW_FRAME)} as const;

export const TOKEN_CLAIMS = ${json(TOKEN_CLAIMS)} as const;

/** How a role's records are limited (spec/roles.ts documents each rule). */
export type Tenancy = ${literalUnion([...new Set(ROLES.map((r) => r.tenancy))])};

export type RoleId = ${literalUnion(ROLES.map((r) => r.id))};

export interface RoleSpec {
  id: RoleId;
  title: string;
  description: string;
  tenancy: Tenancy;
  /** Sharing labels of sections the role receives; sections with none of these labels are left out of responses. */
  sharingLabels?: readonly string[];
  scopes: readonly Scope[];
}

export const ROLES: readonly RoleSpec[] = ${json(ROLES)};
`);
}

/** The codes a filter value must be one of, per kind it applies to (resolved here, so nothing reads schemas at run time). */
function filterCodes(
  filter: (typeof SEARCH_FILTERS)[number],
  codes: JsonSchema,
  documentSchema: (kind: FilterKind) => JsonSchema | undefined,
): Record<string, string[]> | undefined {
  if (!("codes" in filter)) return undefined;
  const defs = (codes.$defs ?? {}) as Record<string, { enum?: string[] }>;
  const out: Record<string, string[]> = {};
  for (const kind of filter.kinds) {
    if ("list" in filter.codes) out[kind] = defs[filter.codes.list]?.enum ?? [];
    else {
      const prop = (
        documentSchema(kind)?.properties as Record<string, { $ref?: string; enum?: string[] }> | undefined
      )?.[filter.codes.property];
      const defName = prop?.$ref?.match(/^generated\/codes\.schema\.json#\/\$defs\/(\w+)$/)?.[1];
      out[kind] = prop?.enum ?? (defName ? (defs[defName]?.enum ?? []) : []);
    }
  }
  return out;
}

function searchFiltersModule(root: string, codes: JsonSchema): string {
  const manifest = JSON.parse(readFileSync(join(root, "schemas", "manifest.json"), "utf8")) as {
    documentTypes: { documentType: string; schema: string }[];
  };
  const documentSchema = (kind: FilterKind): JsonSchema | undefined => {
    const entry = manifest.documentTypes.find((d) => d.documentType === kind);
    return entry ? (JSON.parse(readFileSync(join(root, "schemas", entry.schema), "utf8")) as JsonSchema) : undefined;
  };
  const filters = SEARCH_FILTERS.map((f) => {
    const { schema: _schema, description: _description, codes: _codes, ...rest } = f as typeof f & { codes?: unknown };
    const byKind = filterCodes(f, codes, documentSchema);
    return { ...rest, ...(byKind ? { codes: byKind } : {}) };
  });
  const kinds = [...new Set(SEARCH_FILTERS.flatMap((f) => f.kinds))];
  const valueType = (f: (typeof filters)[number], kind: string): string =>
    f.codes ? literalUnion((f.codes as Record<string, string[]>)[kind] ?? []) : "string";
  const interfaces = kinds.map((kind) => {
    const members = filters
      .filter((f) => (f.kinds as readonly string[]).includes(kind))
      .map((f) => {
        const spec = SEARCH_FILTERS.find((s) => s.name === f.name)!;
        return `  /** ${spec.description} */\n  ${f.name}?: ${valueType(f, kind)};`;
      });
    return `/** The search filters of ${kind} records (all combine with AND). */\nexport interface ${pascal(kind)}SearchFilters {\n${members.join("\n")}\n}`;
  });
  return withTrailingNewline(`${tsHeader}
// The search filters (spec/search-filters.ts): the facts stored with every version and how each is read from a
// document, and the filters over them with their operator, the kinds they apply to and, where the value is a code,
// the codes per kind (resolved from schemas/).

export const SEARCH_FACTS = ${json(SEARCH_FACTS)} as const;

export type FactName = keyof typeof SEARCH_FACTS;

export const SEARCH_FILTERS = ${json(filters)} as const;

export type FilterName = (typeof SEARCH_FILTERS)[number]["name"];
export type FilterKind = (typeof SEARCH_FILTERS)[number]["kinds"][number];

${interfaces.join("\n\n")}
`);
}

/** sdk/generated/ path → text. */
export function generateApiContract(root: string, codes: JsonSchema): Map<string, string> {
  return new Map([
    ["sdk/generated/operations.ts", operationsModule()],
    ["sdk/generated/problems.ts", problemsModule()],
    ["sdk/generated/roles.ts", rolesModule()],
    ["sdk/generated/search-filters.ts", searchFiltersModule(root, codes)],
  ]);
}
