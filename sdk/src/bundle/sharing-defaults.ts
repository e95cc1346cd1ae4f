// The schema's default sharing labels (the `x-send-sharing` annotation), collected once from the schemas into
// pointer patterns per document type ("*" = any array index). Static JSON imports keep this bundler-friendly.
import common from "../../../schemas/common.schema.json" with { type: "json" };
import developmentProfile from "../../../schemas/development-profile.schema.json" with { type: "json" };
import ehcp from "../../../schemas/ehcp.schema.json" with { type: "json" };
import isp from "../../../schemas/isp.schema.json" with { type: "json" };
import legacyEhcp from "../../../schemas/legacy-ehcp.schema.json" with { type: "json" };

export interface SharingDefault {
  /** Path tokens from the document root; "*" matches any array index. */
  pattern: string[];
  labels: string[];
}

type SchemaNode = Record<string, unknown>;

const FILES: Record<string, SchemaNode> = {
  "common.schema.json": common as SchemaNode,
  "isp.schema.json": isp as SchemaNode,
  "ehcp.schema.json": ehcp as SchemaNode,
  "legacy-ehcp.schema.json": legacyEhcp as SchemaNode,
  "development-profile.schema.json": developmentProfile as SchemaNode,
};

const ROOTS: Record<string, string> = {
  isp: "isp.schema.json",
  ehcp: "ehcp.schema.json",
  "legacy-ehcp": "legacy-ehcp.schema.json",
  "development-profile": "development-profile.schema.json",
};

function isNode(value: unknown): value is SchemaNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Resolves a relative $ref ("common.schema.json#/$defs/X" or "#/$defs/X") against the file it appears in. */
function resolveRef(ref: string, file: string): { node: SchemaNode; file: string } | undefined {
  const [target, fragment = ""] = ref.split("#");
  const targetFile = target === "" || target === undefined ? file : target;
  let node: unknown = FILES[targetFile];
  for (const token of fragment.split("/").filter((t) => t !== "")) node = isNode(node) ? node[token] : undefined;
  return isNode(node) ? { node, file: targetFile } : undefined;
}

function collect(node: SchemaNode, file: string, path: string[], out: SharingDefault[], stack: Set<string>): void {
  const labels = node["x-send-sharing"];
  if (Array.isArray(labels))
    out.push({ pattern: path, labels: labels.filter((l): l is string => typeof l === "string") });
  const ref = node["$ref"];
  if (typeof ref === "string") {
    const key = `${file}|${ref}`;
    // Recursive definitions would loop forever; one visit per path through the schema graph is enough.
    if (!stack.has(key) && !ref.startsWith("generated/")) {
      const resolved = resolveRef(ref, file);
      if (resolved) {
        stack.add(key);
        collect(resolved.node, resolved.file, path, out, stack);
        stack.delete(key);
      }
    }
  }
  const properties = node["properties"];
  if (isNode(properties)) {
    for (const [name, child] of Object.entries(properties))
      if (isNode(child)) collect(child, file, [...path, name], out, stack);
  }
  const items = node["items"];
  if (isNode(items)) collect(items, file, [...path, "*"], out, stack);
  for (const keyword of ["allOf", "anyOf", "oneOf"]) {
    const list = node[keyword];
    if (Array.isArray(list)) for (const child of list) if (isNode(child)) collect(child, file, path, out, stack);
  }
  for (const keyword of ["then", "else"]) {
    const child = node[keyword];
    if (isNode(child)) collect(child, file, path, out, stack);
  }
}

const DEFAULTS = new Map<string, SharingDefault[]>(
  Object.entries(ROOTS).map(([documentType, file]) => {
    const out: SharingDefault[] = [];
    collect(FILES[file] as SchemaNode, file, [], out, new Set());
    return [documentType, out] as const;
  }),
);

/** The schema default patterns for one document type (empty for types without annotations). */
export function sharingDefaults(documentType: string): readonly SharingDefault[] {
  return DEFAULTS.get(documentType) ?? [];
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

// applySharing asks for every node of a document: the patterns grouped by length, in their original order, so each
// lookup only compares patterns of the node's depth. Built once per defaults list.
const byLength = new WeakMap<readonly SharingDefault[], ReadonlyMap<number, readonly SharingDefault[]>>();

function patternsOfLength(defaults: readonly SharingDefault[], length: number): readonly SharingDefault[] | undefined {
  let index = byLength.get(defaults);
  if (index === undefined) {
    const groups = new Map<number, SharingDefault[]>();
    for (const entry of defaults) {
      const group = groups.get(entry.pattern.length);
      if (group === undefined) groups.set(entry.pattern.length, [entry]);
      else group.push(entry);
    }
    index = groups;
    byLength.set(defaults, index);
  }
  return index.get(length);
}

/** Labels of the first default pattern equal to `tokens` (exact position match, not prefix). */
export function defaultLabelsAt(defaults: readonly SharingDefault[], tokens: readonly string[]): string[] | undefined {
  const candidates = patternsOfLength(defaults, tokens.length);
  if (candidates === undefined) return undefined;
  for (const entry of candidates) {
    if (entry.pattern.every((p, i) => (p === "*" ? ARRAY_INDEX.test(tokens[i] ?? "") : p === tokens[i])))
      return entry.labels;
  }
  return undefined;
}
