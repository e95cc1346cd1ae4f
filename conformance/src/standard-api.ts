// What the standard's own OpenAPI description (spec/generated/openapi.json, shipped with the suite) says, read once:
// the query filters of each search operation and the published problem-type catalogue. Tests check implementations
// against these, so a filter or problem type added to the standard reaches the suite without a second list by hand.
import { readFileSync } from "node:fs";

type Json = Record<string, unknown>;

const OPENAPI_URL = new URL("../../spec/generated/openapi.json", import.meta.url);
const PAGING = new Set(["limit", "cursor"]);

let cached: Json | undefined;
const openapi = (): Json => (cached ??= JSON.parse(readFileSync(OPENAPI_URL, "utf8")) as Json);

/** Names of the query filters of GET `path` (paging parameters left out); empty when there is no such operation. */
export function searchFilters(path: string): string[] {
  const doc = openapi();
  const op = (doc.paths as Record<string, Record<string, Json>>)[path]?.get;
  if (!op) return [];
  const shared = ((doc.components as Json).parameters ?? {}) as Record<string, Json>;
  return ((op.parameters ?? []) as Json[])
    .map((p) => (typeof p.$ref === "string" ? (shared[p.$ref.split("/").pop() ?? ""] ?? {}) : p))
    .filter((p) => p.in === "query" && !PAGING.has(String(p.name)))
    .map((p) => String(p.name));
}

export interface ProblemType {
  kind: string;
  type: string;
  status: number;
}

/** The published problem types (the description's `problem-<kind>` examples): kind, type URI and HTTP status. */
export function problemTypes(): ProblemType[] {
  const examples = ((openapi().components as Json).examples ?? {}) as Record<string, { value?: Json }>;
  return Object.entries(examples)
    .filter(([name, ex]) => name.startsWith("problem-") && typeof ex.value?.type === "string")
    .map(([name, ex]) => ({ kind: name.slice(8), type: String(ex.value!.type), status: Number(ex.value!.status) }));
}

/** The codes of a code-list schema of the description (e.g. `IspStatus`); empty when it names no such list. */
export function codesOf(schemaName: string): string[] {
  const schemas = ((openapi().components as Json).schemas ?? {}) as Record<string, Json>;
  const codes = schemas[schemaName]?.enum;
  return Array.isArray(codes) ? codes.map(String) : [];
}

export interface RoleOperation {
  method: string;
  path: string;
  /** The roles x-roles names (never "public"). */
  roles: string[];
}

/** Every operation the description restricts to roles (x-roles), with those roles. */
export function roleOperations(): RoleOperation[] {
  const paths = (openapi().paths ?? {}) as Record<string, Record<string, Json>>;
  return Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => Array.isArray(op["x-roles"]) && !(op["x-roles"] as unknown[]).includes("public"))
      .map(([method, op]) => ({ method, path, roles: (op["x-roles"] as unknown[]).map(String) })),
  );
}
