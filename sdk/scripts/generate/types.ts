// Step (b): one TypeScript file for the whole standard. json2ts compiles ONE synthetic root whose $defs point at every
// document schema and every shared $def, so shared types are emitted once under their $defs names.
import { compile } from "json-schema-to-typescript";
import { join, resolve } from "node:path";
import type { JsonSchema, Standard } from "./standard.ts";
import { tsHeader, withTrailingNewline } from "./header.ts";

type Json = unknown;

/**
 * Names types after $defs keys and manifest defNames only: property titles ("Date of birth") would otherwise each
 * become an exported alias, and $id URLs would become names like HttpsSchemas…
 */
export function prepareForTypes(node: Json, isNamed: boolean): Json {
  if (Array.isArray(node)) return node.map((n) => prepareForTypes(n, false));
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, Json> = {};
  // Annotations beside a $ref make ref-parser build a new merged schema, which json2ts then emits as a duplicate
  // type (Uuid1, LayerOfSupport1…); the referenced $def already carries its own description.
  const isRef = "$ref" in (node as Record<string, Json>);
  for (const [key, value] of Object.entries(node as Record<string, Json>)) {
    if (isRef && (key === "description" || key === "examples" || key === "default" || key.startsWith("x-send-")))
      continue;
    if ((key === "title" && !isNamed) || key === "$id" || key === "$schema" || key === "$comment") continue;
    if ((key === "$defs" || key === "definitions") && value && typeof value === "object") {
      const defs: Record<string, Json> = {};
      for (const [name, def] of Object.entries(value as Record<string, Json>)) {
        const prepared = prepareForTypes(def, true);
        defs[name] =
          prepared && typeof prepared === "object" && !Array.isArray(prepared)
            ? { ...prepared, title: name }
            : prepared;
      }
      out[key] = defs;
    } else if (key === "properties" && value && typeof value === "object" && !Array.isArray(value)) {
      // Property names are data, not schema keywords: a property called "title" must survive.
      const props: Record<string, Json> = {};
      for (const [name, sub] of Object.entries(value as Record<string, Json>))
        props[name] = prepareForTypes(sub, false);
      out[key] = props;
    } else {
      out[key] = prepareForTypes(value, false);
    }
  }
  return out;
}

/**
 * A record that extends a shared $def (`$ref` beside its own `properties`, as 2020-12 allows) becomes an allOf:
 * json2ts would otherwise keep only the sibling keywords and lose every member of the referenced $def.
 */
function refBesideKeywordsAsAllOf(schema: JsonSchema): JsonSchema {
  const { $ref, title, description, ...rest } = schema;
  if (typeof $ref !== "string" || !("properties" in rest)) return schema;
  return { title, description, allOf: [{ $ref }, rest] };
}

export async function generateTypes(standard: Standard): Promise<string> {
  const { manifest, schemas, records, schemasDir } = standard;
  const absDir = resolve(schemasDir);
  // Serve every schema from memory (prepared copies), so --check sees the freshly built codes schema.
  const byPath = new Map<string, JsonSchema>();
  for (const [rel, schema] of schemas) {
    const named = manifest.documentTypes.find((d) => d.schema === rel);
    const prepared = prepareForTypes(schema, false) as JsonSchema;
    if (named) prepared.title = named.defName;
    else delete prepared.title;
    byPath.set(join(absDir, rel), prepared);
  }
  // The API's stored records (child, settings-directory entry) are typed here too, next to the documents, so the
  // client's envelope types (sdk/generated/api-types.ts) can name them like any document.
  for (const r of manifest.recordTypes ?? []) {
    const prepared = prepareForTypes(refBesideKeywordsAsAllOf(records.get(r.schema) ?? {}), false) as JsonSchema;
    prepared.title = r.defName;
    byPath.set(join(absDir, r.schema), prepared);
  }

  const defs: Record<string, JsonSchema> = {};
  for (const d of manifest.documentTypes) defs[d.defName] = { $ref: d.schema };
  for (const r of manifest.recordTypes ?? []) defs[r.defName] = { $ref: r.schema };
  for (const rel of manifest.sharedSchemas) {
    const shared = schemas.get(rel);
    const sharedDefs = (shared?.["$defs"] ?? {}) as Record<string, unknown>;
    for (const name of Object.keys(sharedDefs).sort()) {
      if (!(name in defs)) defs[name] = { $ref: `${rel}#/$defs/${name}` };
    }
  }
  const root = { title: "SendInterchangeTypes", type: "object", additionalProperties: false, $defs: defs };

  const ts = await compile(root as never, "SendInterchangeTypes", {
    cwd: absDir,
    bannerComment: tsHeader,
    format: false,
    unreachableDefinitions: true,
    additionalProperties: false,
    declareExternallyReferenced: true,
    unknownAny: true,
    strictIndexSignatures: true,
    ignoreMinAndMaxItems: true,
    $refOptions: {
      resolve: {
        http: false,
        sendSchemas: {
          order: 1,
          canRead: (file: { url: string }) => byPath.has(file.url),
          read: (file: { url: string }) => JSON.stringify(byPath.get(file.url)),
        },
      },
    } as never, // the ref-parser option type does not model custom resolvers keyed by name
  });
  // json2ts emits an empty interface for the synthetic root; it carries nothing, so drop it.
  const cleaned = ts.replace(/export interface SendInterchangeTypes \{\s*\}\n?/u, "");
  return withTrailingNewline(cleaned);
}
