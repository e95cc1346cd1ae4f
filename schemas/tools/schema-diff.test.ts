import { describe, expect, it } from "vitest";
import { diffCodeList, diffSchema, diffSchemaSets, type Impact } from "./schema-diff.ts";
import { baselineFor, gate, type Release } from "./releases.ts";
import type { CodeListData, SchemaSet } from "./schema-set.ts";

interface Case {
  name: string;
  before: unknown;
  after: unknown;
  expected: Array<[Impact, string, string]>; // impact, rule, pointer
}

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "object",
  properties,
  additionalProperties: false,
  ...extra,
});
const str = { type: "string" };

const CASES: Case[] = [
  { name: "identical", before: obj({ a: str }), after: obj({ a: str }), expected: [] },
  {
    name: "optional property added",
    before: obj({ a: str }),
    after: obj({ a: str, b: str }),
    expected: [["additive", "property-added", "/properties/b"]],
  },
  {
    name: "required property added",
    before: obj({ a: str }),
    after: obj({ a: str, b: str }, { required: ["b"] }),
    expected: [["breaking", "required-added", "/properties/b"]],
  },
  {
    name: "existing property made required",
    before: obj({ a: str }),
    after: obj({ a: str }, { required: ["a"] }),
    expected: [["breaking", "required-added", "/properties/a"]],
  },
  {
    name: "property made optional",
    before: obj({ a: str }, { required: ["a"] }),
    after: obj({ a: str }),
    expected: [["additive", "required-removed", "/properties/a"]],
  },
  {
    name: "new property of a closed object requires another (dependentRequired): no earlier document carries it",
    before: obj({ a: str }),
    after: obj({ a: str, b: str, c: str }, { dependentRequired: { b: ["c"] } }),
    expected: [
      ["additive", "property-added", "/properties/b"],
      ["additive", "property-added", "/properties/c"],
      ["additive", "dependency-added", "/dependentRequired/b"],
    ],
  },
  {
    name: "existing property now requires another (dependentRequired)",
    before: obj({ a: str, c: str }),
    after: obj({ a: str, c: str }, { dependentRequired: { a: ["c"] } }),
    expected: [["breaking", "dependency-added", "/dependentRequired/a"]],
  },
  {
    name: "dependency dropped (dependentRequired)",
    before: obj({ a: str, c: str }, { dependentRequired: { a: ["c"] } }),
    after: obj({ a: str, c: str }),
    expected: [["additive", "dependency-removed", "/dependentRequired/a"]],
  },
  {
    name: "property removed",
    before: obj({ a: str, b: str }),
    after: obj({ a: str }),
    expected: [["breaking", "property-removed", "/properties/b"]],
  },
  {
    name: "property renamed (removed + added)",
    before: obj({ a: str }),
    after: obj({ b: str }),
    expected: [
      ["breaking", "property-removed", "/properties/a"],
      ["additive", "property-added", "/properties/b"],
    ],
  },
  {
    name: "type narrowed",
    before: { type: ["string", "null"] },
    after: { type: "string" },
    expected: [["breaking", "type-narrowed", "/type"]],
  },
  {
    name: "number to integer narrows",
    before: { type: "number" },
    after: { type: "integer" },
    expected: [["breaking", "type-narrowed", "/type"]],
  },
  {
    name: "integer to number widens",
    before: { type: "integer" },
    after: { type: "number" },
    expected: [["additive", "type-widened", "/type"]],
  },
  {
    name: "string split into an object",
    before: obj({ a: str }),
    after: obj({ a: obj({ x: str }) }),
    expected: [
      ["breaking", "closed", "/properties/a/additionalProperties"],
      ["breaking", "type-narrowed", "/properties/a/type"],
      ["additive", "type-widened", "/properties/a/type"],
      ["additive", "property-added", "/properties/a/properties/x"],
    ],
  },
  {
    name: "enum value removed",
    before: { enum: ["a", "b"] },
    after: { enum: ["a"] },
    expected: [["breaking", "enum-value-removed", "/enum"]],
  },
  {
    name: "enum value added",
    before: { enum: ["a"] },
    after: { enum: ["a", "b"] },
    expected: [["additive", "enum-value-added", "/enum"]],
  },
  {
    name: "const changed (a schemaVersion moving to a new major)",
    before: { const: "1.0" },
    after: { const: "2.0" },
    expected: [
      ["breaking", "enum-value-removed", "/enum"],
      ["additive", "enum-value-added", "/enum"],
    ],
  },
  {
    name: "const widened to an enum (a minor release accepting its predecessor's schemaVersion)",
    before: { const: "1.0" },
    after: { enum: ["1.0", "1.1"] },
    expected: [["additive", "enum-value-added", "/enum"]],
  },
  { name: "const added", before: str, after: { ...str, const: "x" }, expected: [["breaking", "enum-added", "/enum"]] },
  {
    name: "pattern added",
    before: str,
    after: { ...str, pattern: "^a" },
    expected: [["breaking", "pattern-added", "/pattern"]],
  },
  {
    name: "pattern changed",
    before: { ...str, pattern: "^a" },
    after: { ...str, pattern: "^ab" },
    expected: [["breaking", "pattern-changed", "/pattern"]],
  },
  {
    name: "pattern removed",
    before: { ...str, pattern: "^a" },
    after: str,
    expected: [["additive", "pattern-removed", "/pattern"]],
  },
  {
    name: "format added",
    before: str,
    after: { ...str, format: "date" },
    expected: [["breaking", "format-added", "/format"]],
  },
  {
    name: "maxLength lowered",
    before: { ...str, maxLength: 10 },
    after: { ...str, maxLength: 5 },
    expected: [["breaking", "bound-tightened", "/maxLength"]],
  },
  {
    name: "maxLength raised",
    before: { ...str, maxLength: 5 },
    after: { ...str, maxLength: 10 },
    expected: [["additive", "bound-loosened", "/maxLength"]],
  },
  {
    name: "minimum added",
    before: { type: "integer" },
    after: { type: "integer", minimum: 1 },
    expected: [["breaking", "bound-tightened", "/minimum"]],
  },
  {
    name: "minItems lowered",
    before: { type: "array", minItems: 2 },
    after: { type: "array", minItems: 1 },
    expected: [["additive", "bound-loosened", "/minItems"]],
  },
  {
    name: "additionalProperties closed",
    before: { type: "object", properties: { a: str } },
    after: obj({ a: str }),
    expected: [["breaking", "closed", "/additionalProperties"]],
  },
  {
    name: "additionalProperties opened",
    before: obj({ a: str }),
    after: { type: "object", properties: { a: str } },
    expected: [["additive", "opened", "/additionalProperties"]],
  },
  {
    name: "$id changed",
    before: { $id: "https://x/1/a.json", type: "string" },
    after: { $id: "https://x/2/a.json", type: "string" },
    expected: [["breaking", "id-changed", "/$id"]],
  },
  {
    name: "$ref retargeted",
    before: { $ref: "common.schema.json#/$defs/A" },
    after: { $ref: "common.schema.json#/$defs/B" },
    expected: [["breaking", "ref-changed", "/$ref"]],
  },
  {
    name: "definition removed",
    before: { $defs: { A: str, B: str } },
    after: { $defs: { A: str } },
    expected: [["breaking", "definition-removed", "/$defs/B"]],
  },
  {
    name: "definition added",
    before: { $defs: {} },
    after: { $defs: { B: str } },
    expected: [["additive", "definition-added", "/$defs/B"]],
  },
  {
    name: "nested change inside a definition",
    before: { $defs: { A: obj({ x: str }) } },
    after: { $defs: { A: obj({ x: { ...str, minLength: 1 } }) } },
    expected: [["breaking", "bound-tightened", "/$defs/A/properties/x/minLength"]],
  },
  {
    name: "array items narrowed",
    before: { type: "array", items: { type: ["string", "integer"] } },
    after: { type: "array", items: str },
    expected: [["breaking", "type-narrowed", "/items/type"]],
  },
  {
    name: "anyOf branch added",
    before: { anyOf: [str] },
    after: { anyOf: [str, { type: "integer" }] },
    expected: [["additive", "anyOf-branch-added", "/anyOf/1"]],
  },
  {
    name: "oneOf branch removed",
    before: { oneOf: [str, { type: "integer" }] },
    after: { oneOf: [str] },
    expected: [["breaking", "oneOf-branch-removed", "/oneOf/1"]],
  },
  {
    name: "allOf member added",
    before: { allOf: [str] },
    after: { allOf: [str, { minLength: 1 }] },
    expected: [["breaking", "allOf-branch-added", "/allOf/1"]],
  },
  {
    name: "titles, descriptions and x-send annotations only",
    before: { title: "A", description: "a", "x-send-sharing": ["education"], type: "string" },
    after: { title: "B", description: "b", "x-send-sharing": ["health"], type: "string" },
    expected: [["annotation", "annotation-changed", ""]],
  },
  {
    name: "unknown keyword change counts as breaking",
    before: { dependentSchemas: { a: { required: ["b"] } } },
    after: { dependentSchemas: { a: { required: ["b", "c"] } } },
    expected: [["breaking", "keyword-changed", "/dependentSchemas"]],
  },
  { name: "false schema opened to true", before: false, after: true, expected: [["additive", "schema-loosened", ""]] },
];

describe("diffSchema classifies each kind of change", () => {
  it.each(CASES)("$name", ({ before, after, expected }) => {
    const got = diffSchema("t.schema.json", before, after).map((c) => [
      c.impact,
      c.rule,
      c.where.slice("t.schema.json#".length),
    ]);
    expect(got.sort()).toEqual([...expected].sort());
  });
});

const list = (codes: Array<Record<string, unknown>>, defName = "Thing"): CodeListData =>
  ({ id: "things", defName, codes }) as CodeListData;

describe("diffCodeList", () => {
  it.each([
    {
      name: "code removed",
      before: list([{ code: "a" }, { code: "b" }]),
      after: list([{ code: "a" }]),
      rule: "code-removed",
      impact: "breaking",
    },
    {
      name: "code added",
      before: list([{ code: "a" }]),
      after: list([{ code: "a" }, { code: "b" }]),
      rule: "code-added",
      impact: "additive",
    },
    {
      name: "code retired (validTo set)",
      before: list([{ code: "a", validTo: null }]),
      after: list([{ code: "a", validTo: "2030-08-31" }]),
      rule: "code-retired",
      impact: "annotation",
    },
    {
      name: "defName changed",
      before: list([{ code: "a" }]),
      after: list([{ code: "a" }], "Other"),
      rule: "definition-removed",
      impact: "breaking",
    },
  ])("$name", ({ before, after, rule, impact }) => {
    expect(diffCodeList(before, after).map((c) => [c.impact, c.rule])).toEqual([[impact, rule]]);
  });
});

function set(schemas: Record<string, unknown>, lists: CodeListData[] = [], supported = ["1.0"]): SchemaSet {
  return {
    manifest: { standardVersion: "1.0.0", baseUri: "https://x/1/", schemaVersions: { current: "1.0", supported } },
    schemas: new Map(Object.entries(schemas) as Array<[string, Record<string, unknown>]>),
    codeLists: new Map(lists.map((l) => [l.id, l])),
  };
}

describe("diffSchemaSets", () => {
  it("reports removed and added files and lists, and a dropped schemaVersion; skips the generated codes schema", () => {
    const before = set(
      { "a.schema.json": {}, "generated/codes.schema.json": { $defs: { X: str } } },
      [list([])],
      ["1.0", "1.1"],
    );
    const after = set({ "b.schema.json": {}, "generated/codes.schema.json": {} }, [], ["1.1", "2.0"]);
    expect(diffSchemaSets(before, after).map((c) => [c.impact, c.rule, c.where])).toEqual([
      ["breaking", "schema-removed", "a.schema.json"],
      ["breaking", "schema-version-dropped", "manifest.json#/schemaVersions/supported"],
      ["breaking", "code-list-removed", "vocab/things.json"],
      ["additive", "schema-added", "b.schema.json"],
      ["additive", "schema-version-added", "manifest.json#/schemaVersions/supported"],
    ]);
  });
});

describe("gate", () => {
  const breaking = diffSchema("a.schema.json", obj({ a: str }), obj({}));
  const additive = diffSchema("a.schema.json", obj({}), obj({ a: str }));
  it("fails a breaking change within a major version and names it", () => {
    const r = gate(breaking, "1.0.0", "1.1.0");
    expect(r.ok).toBe(false);
    expect(r.message).toContain("property-removed  a.schema.json#/properties/a");
    expect(r.message).toContain("2.0.0");
  });
  it("passes a breaking change when the major version is raised", () => {
    expect(gate(breaking, "1.0.0", "2.0.0").ok).toBe(true);
  });
  it("passes additive changes and lists them", () => {
    const r = gate(additive, "1.0.0", "1.0.0");
    expect(r.ok).toBe(true);
    expect(r.additive.map((c) => c.rule)).toEqual(["property-added"]);
  });
  it("compares a working copy with the highest release not above its version", () => {
    const releases: Release[] = [
      { version: "1.0.0", status: "normative", date: "2026-12-05" },
      { version: "2.0.0", status: "trial-use", date: "2026-12-05" },
      { version: "1.1.0", status: "normative", date: "2027-09-01" },
    ];
    expect(baselineFor(releases, "1.2.0")?.version).toBe("1.1.0");
    expect(baselineFor(releases, "1.0.0")?.version).toBe("1.0.0");
    expect(baselineFor(releases, "2.1.0")?.version).toBe("2.0.0");
    expect(baselineFor(releases, "0.9.0")).toBeUndefined();
  });
});
