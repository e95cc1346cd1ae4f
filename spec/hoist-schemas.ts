// Turns the standard's JSON Schema files into OpenAPI components.schemas, so the OpenAPI document embeds the
// schemas rather than copying them by hand (one source of truth: schemas/).
//
// Every $defs entry becomes a component; every document schema becomes a component named by its manifest defName.
// Relative refs ("common.schema.json#/$defs/Child", "#/$defs/Barrier", "isp.schema.json") are rewritten to
// "#/components/schemas/<Name>". $id/$schema/$defs are dropped: Redocly ignores $id and resolves refs against the
// OpenAPI document, and an $id left in place would make 2020-12-aware tools resolve the rewritten refs wrongly.
import { readFileSync } from "node:fs";
import { join, posix } from "node:path";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

export interface SchemaFile {
  path: string; // relative to schemas/, posix separators
  schema: JsonObject;
  /** Component name for the whole document (document schemas only). */
  rootName?: string;
}

export interface HoistResult {
  components: Record<string, JsonObject>;
  /** (file, $def name) → component name, for callers that want to point at a hoisted def. */
  names: Map<string, string>;
}

const key = (file: string, def: string) => `${file}#${def}`;

function pascal(stem: string): string {
  return stem
    .replace(/\.schema\.json$/, "")
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join("");
}

/** Picks component names: a $def keeps its own name unless two files define different schemas under it. */
function assignNames(files: readonly SchemaFile[]): Map<string, string> {
  const byName = new Map<string, { file: string; json: string }[]>();
  for (const f of files) {
    const defs = (f.schema.$defs ?? {}) as JsonObject;
    for (const [def, body] of Object.entries(defs)) {
      const list = byName.get(def) ?? [];
      list.push({ file: f.path, json: JSON.stringify(body) });
      byName.set(def, list);
    }
  }
  const roots = new Set(files.flatMap((f) => (f.rootName ? [f.rootName] : [])));
  const names = new Map<string, string>();
  for (const [def, owners] of byName) {
    const distinct = new Set(owners.map((o) => o.json)).size;
    for (const o of owners) {
      const clash = distinct > 1 || roots.has(def);
      names.set(key(o.file, def), clash ? pascal(posix.basename(o.file)) + def : def);
    }
  }
  return names;
}

function rewriteRef(ref: string, from: string, files: readonly SchemaFile[], names: Map<string, string>): string {
  const [filePart, fragment = ""] = ref.split("#") as [string, string?];
  const target = filePart === "" ? from : posix.normalize(posix.join(posix.dirname(from), filePart));
  const targetFile = files.find((f) => f.path === target);
  if (!targetFile) throw new Error(`${from}: $ref ${ref} points at ${target}, which is not a known schema file`);
  if (fragment === "" || fragment === "/") {
    if (!targetFile.rootName)
      throw new Error(`${from}: $ref ${ref} points at a whole file that is not a document schema`);
    return `#/components/schemas/${targetFile.rootName}`;
  }
  const m = /^\/\$defs\/([^/]+)(\/.*)?$/.exec(fragment);
  if (!m) throw new Error(`${from}: $ref ${ref} is neither a file nor a $defs pointer`);
  const name = names.get(key(target, m[1]!));
  if (!name) throw new Error(`${from}: $ref ${ref}: no $defs/${m[1]} in ${target}`);
  return `#/components/schemas/${name}${m[2] ?? ""}`;
}

function rewrite(node: Json, from: string, files: readonly SchemaFile[], names: Map<string, string>): Json {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, from, files, names));
  if (node === null || typeof node !== "object") return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "$id" || k === "$schema" || k === "$defs") continue;
    if (k === "$ref" && typeof v === "string") out[k] = rewriteRef(v, from, files, names);
    else if (k === "properties" || k === "patternProperties" || k === "dependentSchemas") {
      // Keys here are property names, not keywords: a property called "$ref" or "$id" must survive.
      const props: JsonObject = {};
      for (const [pk, pv] of Object.entries(v as JsonObject)) props[pk] = rewrite(pv, from, files, names);
      out[k] = props;
    } else out[k] = rewrite(v, from, files, names);
  }
  return out;
}

export function hoistSchemas(files: readonly SchemaFile[]): HoistResult {
  const names = assignNames(files);
  const components: Record<string, JsonObject> = {};
  const put = (name: string, body: JsonObject) => {
    const existing = components[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(body)) throw new Error(`component name clash: ${name}`);
    components[name] = body;
  };
  for (const f of files) {
    for (const [def, body] of Object.entries((f.schema.$defs ?? {}) as JsonObject)) {
      put(names.get(key(f.path, def))!, rewrite(body, f.path, files, names) as JsonObject);
    }
    if (f.rootName) put(f.rootName, rewrite(f.schema, f.path, files, names) as JsonObject);
  }
  return { components, names };
}

export interface Manifest {
  baseUri: string;
  standard: string;
  standardVersion: string;
  schemaVersions: { current: string; supported: string[] };
  documentTypes: { documentType: string; title: string; schema: string; defName: string }[];
  sharedSchemas: string[];
  /** Records the API stores that are not documents (child and settings-directory records). */
  recordTypes?: { schema: string; title: string; defName: string }[];
}

export function readManifest(schemasDir: string): Manifest {
  return JSON.parse(readFileSync(join(schemasDir, "manifest.json"), "utf8")) as Manifest;
}

/** Reads the manifest's shared and document schemas from disk. Throws if one is missing. */
/** `overrides` (path → schema) lets the generator supply files it has just computed in memory (the codes schema),
 *  so one `npm run generate` run never builds the OpenAPI from a stale file on disk. */
export function readSchemaFiles(
  schemasDir: string,
  manifest: Manifest,
  overrides: Readonly<Record<string, JsonObject>> = {},
): SchemaFile[] {
  const read = (p: string) => overrides[p] ?? (JSON.parse(readFileSync(join(schemasDir, p), "utf8")) as JsonObject);
  return [
    ...manifest.sharedSchemas.map((p) => ({ path: p, schema: read(p) })),
    ...manifest.documentTypes.map((d) => ({ path: d.schema, schema: read(d.schema), rootName: d.defName })),
    ...(manifest.recordTypes ?? []).map((r) => ({ path: r.schema, schema: read(r.schema), rootName: r.defName })),
  ];
}
