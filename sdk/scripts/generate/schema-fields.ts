// Flattens a document schema into rows (one per JSON pointer) for the reference docs, following relative $refs
// across files. Arrays use "*" for "any index". Recursion through $ref is cut at the first repeat.
import { posix } from "node:path";
import type { JsonSchema } from "./standard.ts";

export interface FieldRow {
  pointer: string;
  type: string;
  required: boolean;
  title: string;
  description: string;
  codeList?: string;
}

interface Located {
  file: string;
  schema: JsonSchema;
  name: string;
}

const CODES_FILE = "generated/codes.schema.json";

function isSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export class FieldWalker {
  constructor(private readonly schemas: Map<string, JsonSchema>) {}

  resolve(fromFile: string, ref: string): Located | undefined {
    const [filePart = "", fragment = ""] = ref.split("#");
    const file = filePart === "" ? fromFile : posix.normalize(posix.join(posix.dirname(fromFile), filePart));
    let node: unknown = this.schemas.get(file);
    const segments = fragment.split("/").filter((s) => s !== "");
    for (const seg of segments) {
      if (!isSchema(node)) return undefined;
      node = node[seg.replace(/~1/gu, "/").replace(/~0/gu, "~")];
    }
    if (!isSchema(node)) return undefined;
    return { file, schema: node, name: segments[segments.length - 1] ?? file };
  }

  /** A short human type: "string (date)", "Child", "array of Barrier", "code", "one of A | B". */
  typeOf(schema: JsonSchema, file: string): string {
    const ref = str(schema["$ref"]);
    if (ref) {
      const target = this.resolve(file, ref);
      if (!target) return ref;
      if (target.file === CODES_FILE) return "code";
      const t = target.schema["type"];
      // Named objects keep their $defs name; named scalars read better as their scalar type.
      if (t === "object" || isSchema(target.schema["properties"]) || target.schema["oneOf"] || target.schema["anyOf"])
        return target.name;
      return this.typeOf(target.schema, target.file);
    }
    if ("const" in schema) return `const ${JSON.stringify(schema["const"])}`;
    if (Array.isArray(schema["enum"]))
      return `enum (${(schema["enum"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")})`;
    for (const key of ["oneOf", "anyOf"] as const) {
      const branches = schema[key];
      if (Array.isArray(branches)) {
        return `${key === "oneOf" ? "one of" : "any of"} ${branches.map((b) => (isSchema(b) ? this.typeOf(b, file) : "?")).join(" | ")}`;
      }
    }
    const type = schema["type"];
    const format = str(schema["format"]);
    if (type === "array") {
      const items = schema["items"];
      return `array of ${isSchema(items) ? this.typeOf(items, file) : "any"}`;
    }
    const base = Array.isArray(type)
      ? type.join(" | ")
      : (str(type) ?? (isSchema(schema["properties"]) ? "object" : "any"));
    return format ? `${base} (${format})` : base;
  }

  /** The code list of an array whose items are codes, so the array row links to it. */
  private itemsCodeList(node: JsonSchema, file: string): string | undefined {
    const items = node["items"];
    const ref = isSchema(items) ? str(items["$ref"]) : undefined;
    const target = ref ? this.resolve(file, ref) : undefined;
    return target && target.file === CODES_FILE ? (str(target.schema["x-send-codeList"]) ?? target.name) : undefined;
  }

  /** Every field of a document, depth first, in the order the schema declares them. */
  rows(file: string): FieldRow[] {
    const root = this.schemas.get(file);
    if (!root) return [];
    const rows = new Map<string, FieldRow>();
    this.visit(root, file, "", true, undefined, undefined, [], rows);
    return [...rows.values()];
  }

  private visit(
    node: JsonSchema,
    file: string,
    pointer: string,
    required: boolean,
    title: string | undefined,
    description: string | undefined,
    stack: string[],
    rows: Map<string, FieldRow>,
  ): void {
    const ownTitle = title ?? str(node["title"]) ?? "";
    const ownDescription = description ?? str(node["description"]) ?? "";
    const add = (type: string, codeList?: string): void => {
      if (pointer === "" || rows.has(pointer)) return;
      rows.set(pointer, {
        pointer,
        type,
        required,
        title: ownTitle,
        description: ownDescription,
        ...(codeList ? { codeList } : {}),
      });
    };

    const ref = str(node["$ref"]);
    if (ref) {
      const target = this.resolve(file, ref);
      if (!target) {
        add(ref);
        return;
      }
      if (target.file === CODES_FILE) {
        add(this.typeOf(node, file), str(target.schema["x-send-codeList"]) ?? target.name);
        return;
      }
      const key = `${target.file}#${ref.split("#")[1] ?? ""}`;
      if (stack.includes(key)) {
        add(`${target.name} (recursive)`);
        return;
      }
      this.visit(
        target.schema,
        target.file,
        pointer,
        required,
        ownTitle || undefined,
        ownDescription || undefined,
        [...stack, key],
        rows,
      );
    }

    const codeList = str(node["x-send-codeList"]) ?? this.itemsCodeList(node, file);
    add(this.typeOf(node, file), codeList);

    const properties = node["properties"];
    if (isSchema(properties)) {
      const requiredNames = Array.isArray(node["required"]) ? (node["required"] as unknown[]) : [];
      for (const [name, sub] of Object.entries(properties)) {
        if (isSchema(sub))
          this.visit(sub, file, `${pointer}/${name}`, requiredNames.includes(name), undefined, undefined, stack, rows);
      }
    }
    const items = node["items"];
    if (isSchema(items) && !this.itemsCodeList(node, file))
      this.visit(items, file, `${pointer}/*`, true, undefined, undefined, stack, rows);
    for (const key of ["allOf", "oneOf", "anyOf"] as const) {
      const branches = node[key];
      if (!Array.isArray(branches)) continue;
      for (const branch of branches) {
        if (!isSchema(branch)) continue;
        // A branch's own fields: descend into its properties without re-adding the node itself.
        const resolved = str(branch["$ref"])
          ? this.resolve(file, str(branch["$ref"]) as string)
          : { file, schema: branch, name: "" };
        if (!resolved || resolved.file === CODES_FILE) continue;
        const props = resolved.schema["properties"];
        if (!isSchema(props)) continue;
        const req = Array.isArray(resolved.schema["required"]) ? (resolved.schema["required"] as unknown[]) : [];
        for (const [name, sub] of Object.entries(props)) {
          // Only required when every branch is taken (allOf); in oneOf/anyOf it depends on the branch.
          if (isSchema(sub))
            this.visit(
              sub,
              resolved.file,
              `${pointer}/${name}`,
              key === "allOf" && req.includes(name),
              undefined,
              undefined,
              stack,
              rows,
            );
        }
      }
    }
  }
}
