// The API's envelope types (pages, version summaries, discovery, validation reports, audit events, transfer and
// trust-list records, …) compiled from the component schemas spec/api-schemas.ts defines, so the client's types and
// the OpenAPI cannot drift apart. Document and record bodies are not re-declared: a reference to a schema hoisted
// from schemas/ becomes a reference to its type in sdk/generated/types.ts.
import { compile } from "json-schema-to-typescript";
import type { SchemaObject } from "openapi3-ts/oas31";
import { apiSchemas } from "../../../spec/api-schemas.ts";
import { page } from "../../../spec/page-schema.ts";
import { ROUTES } from "../../../spec/routes.ts";
import { tsHeader, withTrailingNewline } from "./header.ts";
import type { Standard } from "./standard.ts";
import { prepareForTypes } from "./types.ts";

type Json = unknown;
const REF = /^#\/components\/schemas\/(\w+)$/u;

/** A page() schema (spec/page-schema.ts): its item's schema name, so the page is typed as the generic Page<Item>. */
function pageItem(schema: SchemaObject): string | undefined {
  const props = schema.properties as Record<string, SchemaObject> | undefined;
  if (schema.type !== "object" || !props || Object.keys(props).sort().join() !== "items,nextCursor") return undefined;
  const ref = (props.items?.items as SchemaObject | undefined)?.$ref;
  return typeof ref === "string" ? REF.exec(ref)?.[1] : undefined;
}

/** A schema that constrains nothing (ValidationInput: "any JSON value") is `unknown`, not an object. */
const SHAPE_KEYWORDS = ["type", "$ref", "allOf", "oneOf", "anyOf", "enum", "const", "properties", "tsType"];
const isAnyValue = (schema: Record<string, Json>): boolean => !SHAPE_KEYWORDS.some((k) => k in schema);

/** Binary bodies (a PDF) reach the client as the bytes the server sent, not as a string. */
const isBinary = (schema: Record<string, Json>): boolean =>
  schema.type === "string" &&
  typeof schema.contentMediaType === "string" &&
  !/^text\/|json|xml/u.test(schema.contentMediaType);

/**
 * Rewrites component refs for json2ts: an API schema becomes a $defs ref of the one compiled root; any other name
 * (a document, record or shared $def hoisted from schemas/) becomes a tsType naming the type types.ts exports.
 */
function rewrite(node: Json, api: ReadonlySet<string>, external: Set<string>): Json {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, api, external));
  if (node === null || typeof node !== "object") return node;
  const obj = node as Record<string, Json>;
  if (typeof obj.$ref === "string") {
    const name = REF.exec(obj.$ref)?.[1];
    if (!name) throw new Error(`api-types: unexpected $ref ${obj.$ref}`);
    if (api.has(name)) return { $ref: `#/$defs/${name}` };
    external.add(name);
    const { $ref: _ref, title: _title, ...rest } = obj;
    return { ...rest, tsType: name };
  }
  if (isBinary(obj)) return { description: obj.description, tsType: "Uint8Array" };
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(obj)) out[key] = rewrite(value, api, external);
  return out;
}

/** Every body name the route table uses, request and 2xx response, with its alternatives. */
function routeSchemaNames(): string[] {
  const names = new Set<string>();
  for (const r of ROUTES) {
    if (r.requestBody) {
      names.add(r.requestBody.schema);
      for (const a of r.requestBody.alternatives ?? []) names.add(a.schema);
    }
    for (const x of r.responses) {
      if (!x.body) continue;
      names.add(x.body.schema);
      for (const a of x.body.alternatives ?? []) names.add(a.schema);
    }
  }
  return [...names].sort();
}

export async function generateApiTypes(standard: Standard): Promise<string> {
  const { manifest } = standard;
  const schemas = apiSchemas(manifest.documentTypes.map((d) => d.defName));
  const api = new Set(Object.keys(schemas));
  const external = new Set<string>();
  const defs: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const item = pageItem(schema);
    if (item && !api.has(item)) external.add(item);
    defs[name] = item
      ? { title: schema.title, description: schema.description, tsType: `Page<${item}>` }
      : isAnyValue(schema as Record<string, Json>)
        ? { title: schema.title, description: schema.description, tsType: "unknown" }
        : rewrite(schema, api, external);
  }
  // Page<T>: the one page shape (spec/page-schema.ts), compiled with a type parameter for its items.
  const pageSchema = page("T", "items", "One page of a list; `nextCursor` is present when there is another page.");
  const pageProps = pageSchema.properties as Record<string, SchemaObject>;
  defs.Page = { ...pageSchema, properties: { ...pageProps, items: { ...pageProps.items, items: { tsType: "T" } } } };

  // prepareForTypes names each $defs entry after its key and drops every other title (as for types.ts).
  const root = prepareForTypes(
    { title: "SendApiTypes", type: "object", additionalProperties: false, $defs: defs },
    true,
  );
  const compiled = await compile(root as never, "SendApiTypes", {
    bannerComment: "",
    format: false,
    unreachableDefinitions: true,
    declareExternallyReferenced: true,
    unknownAny: true,
    strictIndexSignatures: true,
    ignoreMinAndMaxItems: true,
    $refOptions: { resolve: { http: false, file: false } } as never,
  });
  const body = compiled
    .replace(/export interface SendApiTypes \{\s*\}\n?/u, "")
    .replace(/export interface Page \{/u, "export interface Page<T> {")
    // json2ts's provenance note names the synthetic root, which means nothing to a reader of the SDK's API.
    .replace(
      /\n \* \n \* This interface was referenced by `SendApiTypes`'s JSON-Schema\n \* via the `definition` "\w+"\./gu,
      "",
    );

  const routeNames = routeSchemaNames();
  const known = new Set([...api, ...external, ...manifest.documentTypes.map((d) => d.defName)]);
  for (const n of routeNames) if (!api.has(n)) external.add(n);
  const unknown = routeNames.filter((n) => !known.has(n) && !external.has(n));
  if (unknown.length) throw new Error(`api-types: route schemas without a type: ${unknown.join(", ")}`);
  const schemaNames = [...new Set([...api, ...routeNames])].sort();
  const imports = [...external].sort();

  return withTrailingNewline(`${tsHeader}
// The API's envelope types, compiled from the component schemas of spec/api-schemas.ts (with its transfer and
// trust-list schemas). Document and record bodies are the standard's own types (./types.ts).
import type {
${imports.map((n) => `  ${n},`).join("\n")}
} from "./types.ts";
${body}
/**
 * Schema name (as components/schemas and the route table name bodies) → TypeScript type. The operation table
 * (operations.ts) refers to request and response bodies by these names.
 */
export interface SchemaTypes {
${schemaNames.map((n) => `  ${n}: ${n};`).join("\n")}
}

export type SchemaName = keyof SchemaTypes;
`);
}
