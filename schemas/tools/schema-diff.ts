// Compares two versions of the standard (schemas and code lists) and classifies every difference as breaking (a
// document valid under the old version may be invalid under the new one, or a reference into it no longer
// resolves), additive (everything valid before stays valid) or annotation (titles, descriptions, labels).
// Hand-rolled: the maintained npm diff tools either judge draft-07 schemas only (json-schema-diff dereferences with
// the deprecated json-schema-ref-parser and knows neither $defs nor unevaluatedProperties) or compare JSON text
// (json-schema-diff-validator). Anything this walk does not know how to judge counts as breaking, so the gate never
// lets through a change it cannot classify.
import type { CodeListData, SchemaSet } from "./schema-set.ts";

export type Impact = "breaking" | "additive" | "annotation";

export interface Change {
  impact: Impact;
  /** Stable kebab-case id of the kind of change (e.g. `property-removed`), for tests and tooling. */
  rule: string;
  /** File and JSON pointer (`isp.schema.json#/properties/owner`) or list and code (`vocab/weekdays.json#monday`). */
  where: string;
  message: string;
}

type Json = unknown;
type Node = Record<string, Json>;

const ANNOTATIONS = new Set([
  "title",
  "description",
  "$comment",
  "examples",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
]);
const LOWER_BOUNDS = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains"];
const UPPER_BOUNDS = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains"];
const CLOSERS = ["additionalProperties", "unevaluatedProperties", "additionalItems", "unevaluatedItems"];
const SUBSCHEMA = ["items", "contains", "propertyNames"];
const NAMED_SUBSCHEMAS = ["properties", "patternProperties", "$defs", "definitions", "required"];
const EXCLUDED_FROM_WALK = new Set(["generated/codes.schema.json"]);

function isObject(value: Json): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function same(a: Json, b: Json): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "undefined";
}

function pointerToken(token: string): string {
  return token.replace(/~/gu, "~0").replace(/\//gu, "~1");
}

function typesOf(value: Json): Set<string> {
  return new Set(Array.isArray(value) ? (value as string[]) : [value as string]);
}

class Walk {
  readonly changes: Change[] = [];
  constructor(private readonly file: string) {}

  /** Records a change and returns it, so a branch can `return this.add(…)`. */
  private add(impact: Impact, rule: string, pointer: string, message: string): Change {
    const change: Change = { impact, rule, where: `${this.file}#${pointer}`, message };
    this.changes.push(change);
    return change;
  }

  node(before: Json, after: Json, at: string): Change | undefined {
    if (same(before, after)) return;
    if (typeof before === "boolean" || typeof after === "boolean") {
      // `true` accepts everything, `false` nothing: moving towards `true` loosens, anything else constrains.
      if (after === true || before === false) this.add("additive", "schema-loosened", at, "now accepts any value");
      else this.add("breaking", "schema-constrained", at, "now constrains values it accepted before");
      return;
    }
    if (!isObject(before) || !isObject(after)) {
      this.add("breaking", "keyword-changed", at, "is no longer a schema of the same shape");
      return;
    }
    const was = constAsEnum(before);
    const now = constAsEnum(after);
    const annotations: string[] = [];
    for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
      const b = was[key];
      const a = now[key];
      if (same(b, a)) continue;
      if (ANNOTATIONS.has(key) || key.startsWith("x-send-")) annotations.push(key);
      else this.keyword(key, b, a, was, now, at);
    }
    if (annotations.length > 0)
      this.add("annotation", "annotation-changed", at, `annotations changed: ${annotations.sort().join(", ")}`);
  }

  private keyword(key: string, b: Json, a: Json, before: Node, after: Node, at: string): Change | undefined {
    const here = `${at}/${pointerToken(key)}`;
    if (NAMED_SUBSCHEMAS.includes(key)) return this.named(key, before, after, at);
    if (key === "$id") return this.add("breaking", "id-changed", here, `$id changed from ${fmt(b)} to ${fmt(a)}`);
    if (key === "$ref") return this.add("breaking", "ref-changed", here, `$ref changed from ${fmt(b)} to ${fmt(a)}`);
    if (key === "type") return this.type(b, a, here);
    if (key === "enum") return this.enumeration(b, a, here);
    if (key === "pattern" || key === "format" || key === "multipleOf") {
      if (a === undefined) return this.add("additive", `${key}-removed`, here, `${key} ${fmt(b)} removed`);
      if (b === undefined) return this.add("breaking", `${key}-added`, here, `${key} ${fmt(a)} added`);
      // Whether one regular expression accepts everything another does is not decidable here: any change counts.
      return this.add("breaking", `${key}-changed`, here, `${key} changed from ${fmt(b)} to ${fmt(a)}`);
    }
    if (LOWER_BOUNDS.includes(key) || UPPER_BOUNDS.includes(key)) return this.bound(key, b, a, here);
    if (key === "uniqueItems") {
      if (a === true) return this.add("breaking", "bound-tightened", here, "items must now be unique");
      return this.add("additive", "bound-loosened", here, "items no longer need to be unique");
    }
    if (CLOSERS.includes(key)) return this.closer(key, b, a, here);
    if (SUBSCHEMA.includes(key)) {
      if (b === undefined) return this.add("breaking", "constraint-added", here, `${key} added`);
      if (a === undefined) return this.add("additive", "constraint-removed", here, `${key} removed`);
      return this.node(b, a, here);
    }
    if (key === "anyOf" || key === "oneOf" || key === "allOf") return this.composition(key, b, a, here);
    if (key === "dependentRequired") return this.dependencies(b, a, before, here);
    if (b === undefined && (key === "$schema" || key === "$anchor"))
      return this.add("annotation", "annotation-changed", here, `${key} added`);
    this.add("breaking", "keyword-changed", here, `${key} changed from ${fmt(b)} to ${fmt(a)}`);
  }

  /**
   * `dependentRequired`: a new dependency constrains documents that carry its trigger, unless no earlier document
   * could carry it (the trigger is a property new in a closed object). Dropped dependencies loosen.
   */
  private dependencies(b: Json, a: Json, before: Node, here: string): Change | undefined {
    const was = isObject(b) ? b : {};
    const now = isObject(a) ? a : {};
    const oldProps = isObject(before["properties"]) ? before["properties"] : {};
    const closed = CLOSERS.slice(0, 2).some((k) => before[k] === false);
    for (const trigger of new Set([...Object.keys(was), ...Object.keys(now)])) {
      const w = new Set((was[trigger] as string[] | undefined) ?? []);
      const n = (now[trigger] as string[] | undefined) ?? [];
      const added = n.filter((name) => !w.has(name));
      const where = `${here}/${pointerToken(trigger)}`;
      if (added.length > 0 && closed && !Object.hasOwn(oldProps, trigger))
        this.add("additive", "dependency-added", where, `new property ${trigger} requires ${added.join(", ")}`);
      else if (added.length > 0)
        this.add("breaking", "dependency-added", where, `${trigger} now requires ${added.join(", ")}`);
      if ([...w].some((name) => !n.includes(name)))
        this.add("additive", "dependency-removed", where, `${trigger} no longer requires all of ${[...w].join(", ")}`);
    }
    return undefined;
  }

  private named(key: string, before: Node, after: Node, at: string): Change | undefined {
    if (key === "required") {
      const was = new Set((before["required"] as string[] | undefined) ?? []);
      const now = new Set((after["required"] as string[] | undefined) ?? []);
      const oldProps = isObject(before["properties"]) ? before["properties"] : {};
      for (const name of now) {
        // A property that is new AND required is reported once, under properties.
        if (!was.has(name) && Object.hasOwn(oldProps, name))
          this.add("breaking", "required-added", `${at}/properties/${pointerToken(name)}`, `${name} is now required`);
      }
      for (const name of was)
        if (!now.has(name))
          this.add("additive", "required-removed", `${at}/properties/${pointerToken(name)}`, `${name} is now optional`);
      return;
    }
    const b = isObject(before[key]) ? before[key] : {};
    const a = isObject(after[key]) ? after[key] : {};
    const required = new Set((after["required"] as string[] | undefined) ?? []);
    const removed = Object.keys(b).filter((k) => !Object.hasOwn(a, k));
    const added = Object.keys(a).filter((k) => !Object.hasOwn(b, k));
    const what = key === "$defs" || key === "definitions" ? "definition" : "property";
    for (const name of removed) {
      const hint = what === "property" && added.length > 0 ? ` (renamed to ${added.join(" or ")}?)` : "";
      const rule = what === "definition" ? "definition-removed" : "property-removed";
      this.add("breaking", rule, `${at}/${key}/${pointerToken(name)}`, `${what} ${name} removed${hint}`);
    }
    for (const name of added) {
      const where = `${at}/${key}/${pointerToken(name)}`;
      if (what === "definition") this.add("additive", "definition-added", where, `definition ${name} added`);
      else if (key === "properties" && required.has(name))
        this.add("breaking", "required-added", where, `required property ${name} added`);
      else this.add("additive", "property-added", where, `optional property ${name} added`);
    }
    for (const name of Object.keys(b))
      if (Object.hasOwn(a, name)) this.node(b[name], a[name], `${at}/${key}/${pointerToken(name)}`);
  }

  private type(b: Json, a: Json, here: string): Change | undefined {
    if (b === undefined) return this.add("breaking", "type-narrowed", here, `type ${fmt(a)} added`);
    if (a === undefined) return this.add("additive", "type-widened", here, `type ${fmt(b)} removed`);
    const was = typesOf(b);
    const now = typesOf(a);
    // "number" already admits integers; narrowing integer → number is a widening.
    const admitted = (t: string, set: Set<string>) => set.has(t) || (t === "integer" && set.has("number"));
    const lost = [...was].filter((t) => !admitted(t, now));
    const gained = [...now].filter((t) => !admitted(t, was));
    if (lost.length > 0)
      this.add(
        "breaking",
        "type-narrowed",
        here,
        `type narrowed from ${fmt(b)} to ${fmt(a)} (no longer ${lost.join(", ")})`,
      );
    if (gained.length > 0) this.add("additive", "type-widened", here, `type widened from ${fmt(b)} to ${fmt(a)}`);
  }

  private enumeration(b: Json, a: Json, here: string): Change | undefined {
    if (b === undefined) return this.add("breaking", "enum-added", here, `values now limited to ${fmt(a)}`);
    if (a === undefined) return this.add("additive", "enum-removed", here, "values no longer limited to a list");
    const was = (b as Json[]).map(canonical);
    const now = (a as Json[]).map(canonical);
    for (const v of was) if (!now.includes(v)) this.add("breaking", "enum-value-removed", here, `value ${v} removed`);
    for (const v of now) if (!was.includes(v)) this.add("additive", "enum-value-added", here, `value ${v} added`);
  }

  private bound(key: string, b: Json, a: Json, here: string): Change | undefined {
    if (b === undefined) return this.add("breaking", "bound-tightened", here, `${key} ${fmt(a)} added`);
    if (a === undefined) return this.add("additive", "bound-loosened", here, `${key} ${fmt(b)} removed`);
    const lower = LOWER_BOUNDS.includes(key);
    const tighter = lower ? (a as number) > (b as number) : (a as number) < (b as number);
    this.add(
      tighter ? "breaking" : "additive",
      tighter ? "bound-tightened" : "bound-loosened",
      here,
      `${key} changed from ${fmt(b)} to ${fmt(a)}`,
    );
  }

  private closer(key: string, b: Json, a: Json, here: string): Change | undefined {
    const open = (v: Json) => v === undefined || v === true;
    if (open(b) && open(a)) return;
    if (a === false) return this.add("breaking", "closed", here, `${key} closed: members not named are now rejected`);
    if (b === false) return this.add("additive", "opened", here, `${key} opened: members not named are now accepted`);
    if (open(a)) return this.add("additive", "opened", here, `${key} no longer constrains other members`);
    if (open(b)) return this.add("breaking", "constraint-added", here, `${key} now constrains other members`);
    this.node(b, a, here);
  }

  /** Branches are paired first by equality, then by position; what is left over was added or removed. */
  private composition(key: string, b: Json, a: Json, here: string): Change | undefined {
    const was = Array.isArray(b) ? [...b] : [];
    const now = Array.isArray(a) ? [...a] : [];
    const oldLeft = was.map((s, i) => ({ s, i })).filter(({ s }) => !now.some((n) => same(n, s)));
    const newLeft = now.map((s, i) => ({ s, i })).filter(({ s }) => !was.some((o) => same(o, s)));
    const pairs = Math.min(oldLeft.length, newLeft.length);
    for (let k = 0; k < pairs; k++) this.node(oldLeft[k]?.s, newLeft[k]?.s, `${here}/${newLeft[k]?.i}`);
    // More anyOf/oneOf branches accept more; more allOf members demand more.
    const more = key === "allOf" ? "breaking" : "additive";
    const fewer = key === "allOf" ? "additive" : "breaking";
    for (const { i } of oldLeft.slice(pairs))
      this.add(fewer, `${key}-branch-removed`, `${here}/${i}`, `${key} branch removed`);
    for (const { i } of newLeft.slice(pairs))
      this.add(more, `${key}-branch-added`, `${here}/${i}`, `${key} branch added`);
    return undefined;
  }
}

/** `const: x` is `enum: [x]`; comparing them as one keyword lets "1.0" → ["1.0", "1.1"] read as a value added. */
function constAsEnum(node: Node): Node {
  if (!Object.hasOwn(node, "const") || Object.hasOwn(node, "enum")) return node;
  const { const: value, ...rest } = node;
  return { ...rest, enum: [value] };
}

function fmt(value: Json): string {
  return value === undefined ? "(none)" : JSON.stringify(value);
}

/** Differences between two schema files (same path in both sets). */
export function diffSchema(file: string, before: Json, after: Json): Change[] {
  const walk = new Walk(file);
  walk.node(before, after, "");
  return walk.changes;
}

/** Differences between two code lists with the same id. */
export function diffCodeList(before: CodeListData, after: CodeListData): Change[] {
  const where = (code?: string) => `vocab/${after.id}.json${code === undefined ? "" : `#${code}`}`;
  const changes: Change[] = [];
  if (before.defName !== after.defName)
    changes.push({
      impact: "breaking",
      rule: "definition-removed",
      where: where(),
      message: `defName changed from ${before.defName} to ${after.defName}: references to the old name break`,
    });
  const was = new Map(before.codes.map((c) => [c.code, c]));
  const now = new Map(after.codes.map((c) => [c.code, c]));
  for (const [code] of was)
    if (!now.has(code))
      changes.push({ impact: "breaking", rule: "code-removed", where: where(code), message: `code ${code} removed` });
  for (const [code, entry] of now) {
    const old = was.get(code);
    if (old === undefined) {
      changes.push({ impact: "additive", rule: "code-added", where: where(code), message: `code ${code} added` });
    } else if (!same(old, entry)) {
      // Validity dates are checked by quality rules at a record's date; the enum keeps every code ever issued.
      const retired = (old.validTo ?? null) === null && (entry.validTo ?? null) !== null;
      changes.push({
        impact: "annotation",
        rule: retired ? "code-retired" : "code-annotation-changed",
        where: where(code),
        message: retired
          ? `code ${code} valid until ${String(entry.validTo)}`
          : `code ${code}: labels or dates changed`,
      });
    }
  }
  return changes;
}

/** Every difference between two versions of the standard, breaking first, then additive, then annotations. */
export function diffSchemaSets(before: SchemaSet, after: SchemaSet): Change[] {
  const changes: Change[] = [];
  for (const [file, schema] of before.schemas) {
    if (EXCLUDED_FROM_WALK.has(file)) continue; // built from the code lists, compared as lists below
    const next = after.schemas.get(file);
    if (next === undefined)
      changes.push({ impact: "breaking", rule: "schema-removed", where: file, message: `${file} removed` });
    else changes.push(...diffSchema(file, schema, next));
  }
  for (const file of after.schemas.keys())
    if (!before.schemas.has(file) && !EXCLUDED_FROM_WALK.has(file))
      changes.push({ impact: "additive", rule: "schema-added", where: file, message: `${file} added` });
  for (const [id, list] of before.codeLists) {
    const next = after.codeLists.get(id);
    if (next === undefined)
      changes.push({
        impact: "breaking",
        rule: "code-list-removed",
        where: `vocab/${id}.json`,
        message: `code list ${id} removed`,
      });
    else changes.push(...diffCodeList(list, next));
  }
  for (const id of after.codeLists.keys())
    if (!before.codeLists.has(id))
      changes.push({
        impact: "additive",
        rule: "code-list-added",
        where: `vocab/${id}.json`,
        message: `code list ${id} added`,
      });
  for (const v of before.manifest.schemaVersions.supported)
    if (!after.manifest.schemaVersions.supported.includes(v))
      changes.push({
        impact: "breaking",
        rule: "schema-version-dropped",
        where: "manifest.json#/schemaVersions/supported",
        message: `schemaVersion ${v} no longer supported`,
      });
  for (const v of after.manifest.schemaVersions.supported)
    if (!before.manifest.schemaVersions.supported.includes(v))
      changes.push({
        impact: "additive",
        rule: "schema-version-added",
        where: "manifest.json#/schemaVersions/supported",
        message: `schemaVersion ${v} now supported`,
      });
  const order: Record<Impact, number> = { breaking: 0, additive: 1, annotation: 2 };
  return changes.sort((x, y) => order[x.impact] - order[y.impact] || x.where.localeCompare(y.where));
}
