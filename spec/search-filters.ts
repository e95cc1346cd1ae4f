// The search filters of the API, declared once as data. Everything else is derived from this table:
// - the OpenAPI query parameters (spec/api-parameters.ts) and each list operation's filters (spec/routes.ts);
// - sdk/generated/search-filters.ts (npm run generate): the same table for the SDK, with code lists resolved, and the
//   client's filter types;
// - the facts the server stores with every version and searches on (columns of resource_versions/resource_heads),
//   how they are read from a document, the server's query parsing and SQL conditions, the msw mock's predicates and
//   the storage tests' oracle (sdk/src/documents/search-filters.ts).
// A new filter: add its fact (if new) and its filter here, add the fact's column in one migration, add one test case.
// See CONTRIBUTING.md "Adding a search filter".
import type { SchemaObject } from "openapi3-ts/oas31";

/** A JSON path into a document, as property names. */
export type FactPath = readonly string[];

/** Facts that need more than "first string at one of these paths"; each is a named function in the SDK. */
export type FactDerivation = "child-identifiers" | "current-layer" | "next-review-due";

export interface FactSpec {
  /** Column in resource_versions and resource_heads (a migration adds it). */
  column: string;
  /** SQL type of the column; `text[]` facts are sets of normalised values. */
  type: "text" | "date" | "text[]";
  /** Where the fact comes from: the first non-empty string at one of `paths`, or a named derivation. */
  from: { paths: readonly FactPath[] } | { derive: FactDerivation };
  description: string;
}

/** The stored kinds a filter can apply to. */
export type FilterKind =
  | "isp"
  | "ehcp"
  | "legacy-ehcp"
  | "development-profile"
  | "spp"
  | "child"
  | "setting"
  | "transfer";

/**
 * - equals: the fact equals the value;
 * - before: the fact (a date) is before the value (exclusive);
 * - contains: the fact (a set) contains `prefix:` + the value without spaces, in upper case.
 */
export type FilterOperator = "equals" | "before" | "contains";

export interface FilterSpec {
  /** Query parameter name on the wire. */
  name: string;
  /** Name of its definition in components.parameters (differs from `name` only where a path parameter has it). */
  param: string;
  fact: keyof typeof SEARCH_FACTS;
  operator: FilterOperator;
  /** For `contains` over identifiers: the identifier kind the value is stored under. */
  prefix?: string;
  /** Filters of one group cannot be combined (400: "Search by one identifier at a time."). */
  group?: string;
  kinds: readonly FilterKind[];
  description: string;
  /** The value's schema (OpenAPI). */
  schema: SchemaObject;
  /** The value must be a code: of this code list (a $def of schemas/generated/codes.schema.json), or of the code list
   *  of this property of each kind's document schema (so `?status=activ` is a 400 naming the codes). */
  codes?: { list: string } | { property: string };
}

export const SEARCH_FACTS = {
  childId: {
    column: "child_id",
    type: "text",
    from: { paths: [["child", "personId"], ["childId"]] },
    description: "The child record the document is about.",
  },
  identifiers: {
    column: "identifiers",
    type: "text[]",
    from: { derive: "child-identifiers" },
    description: "The child's UPN, ULN and NHS number, normalised (`upn:…`, `uln:…`, `nhs:…`).",
  },
  settingUrn: {
    column: "setting_urn",
    type: "text",
    from: { paths: [["owner", "urn"], ["namedPlacement", "setting", "urn"], ["settingUrn"], ["urn"]] },
    description: "The setting that holds the record.",
  },
  laCode: {
    column: "la_code",
    type: "text",
    from: {
      paths: [["owner", "laCode"], ["laCode"], ["namedPlacement", "setting", "laCode"]],
    },
    description: "The responsible local authority.",
  },
  status: { column: "status", type: "text", from: { paths: [["status"]] }, description: "The record's status code." },
  layer: {
    column: "layer",
    type: "text",
    from: { derive: "current-layer" },
    description: "The plan's current layer of support (the open period, else the latest-starting one).",
  },
  reviewDue: {
    column: "review_due",
    type: "date",
    from: { derive: "next-review-due" },
    description: "When the next review is due: the EHCP's review schedule, else the latest review's next-review date.",
  },
} as const satisfies Record<string, FactSpec>;

export type FactName = keyof typeof SEARCH_FACTS;

const PLANS = ["isp", "ehcp", "legacy-ehcp", "development-profile"] as const satisfies readonly FilterKind[];
const UUID = { type: "string", format: "uuid" } as const;

export const SEARCH_FILTERS = [
  {
    name: "childId",
    param: "filterChildId",
    fact: "childId",
    operator: "equals",
    kinds: PLANS,
    description: "Only records of this child.",
    schema: UUID,
  },
  {
    name: "upn",
    param: "upn",
    fact: "identifiers",
    operator: "contains",
    prefix: "upn",
    group: "identifier",
    kinds: [...PLANS, "child", "transfer"],
    description: "Unique Pupil Number (13 characters; check letter verified). Exact match.",
    schema: { type: "string", pattern: "^[A-Za-z][0-9]{11}[0-9A-Za-z]$" },
  },
  {
    name: "uln",
    param: "uln",
    fact: "identifiers",
    operator: "contains",
    prefix: "uln",
    group: "identifier",
    kinds: [...PLANS, "child", "transfer"],
    description: "Unique Learner Number (10 digits; check digit verified). Exact match.",
    schema: { type: "string", pattern: "^[0-9]{10}$" },
  },
  {
    name: "nhsNumber",
    param: "nhsNumber",
    fact: "identifiers",
    operator: "contains",
    prefix: "nhs",
    group: "identifier",
    kinds: [...PLANS, "child", "transfer"],
    description: "NHS number (10 digits, spaces allowed; modulus 11 check). Exact match after removing spaces.",
    schema: { type: "string", pattern: "^[0-9]{3} ?[0-9]{3} ?[0-9]{4}$" },
  },
  {
    name: "settingUrn",
    param: "settingUrn",
    fact: "settingUrn",
    operator: "equals",
    kinds: [...PLANS, "child"],
    description: "Only records held by this setting (URN).",
    schema: { type: "string", pattern: "^[0-9]{6}$" },
  },
  {
    name: "laCode",
    param: "laCode",
    fact: "laCode",
    operator: "equals",
    kinds: ["ehcp", "legacy-ehcp", "child", "setting"],
    description: "Only records of this local authority (three-digit LA code).",
    schema: { type: "string", pattern: "^[0-9]{3}$" },
  },
  {
    name: "status",
    param: "status",
    fact: "status",
    operator: "equals",
    kinds: [...PLANS, "spp"],
    description: "Only records with this status code (the document type's status code list).",
    schema: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
    codes: { property: "status" },
  },
  {
    name: "layer",
    param: "layer",
    fact: "layer",
    operator: "equals",
    kinds: ["isp"],
    description: "Only plans at this layer of support.",
    schema: { $ref: "#/components/schemas/LayerOfSupport" },
    codes: { list: "LayerOfSupport" },
  },
  {
    name: "reviewDueBefore",
    param: "reviewDueBefore",
    fact: "reviewDue",
    operator: "before",
    kinds: PLANS,
    description: "Only plans whose next review is due before this date (exclusive).",
    schema: { type: "string", format: "date" },
  },
] as const satisfies readonly FilterSpec[];

export type FilterParamName = (typeof SEARCH_FILTERS)[number]["param"];

/** The parameter names (components.parameters keys) of the filters a kind offers, in table order. */
export function filterParams(kind: FilterKind): FilterParamName[] {
  return SEARCH_FILTERS.filter((f) => (f.kinds as readonly string[]).includes(kind)).map((f) => f.param);
}
