// The pipeline against validators generated from the mini fixture standard, so these tests do not depend on the
// real schemas' contents.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { rmSync } from "node:fs";
import { generate } from "../../scripts/generate.ts";
import { makeFixtureRoot } from "../../scripts/generate/fixture-root.ts";
import { createValidator, type PrecompiledValidator, type Validator } from "./validator.ts";
import type { Finding, RuleFamily } from "../rules/index.ts";
import { sharingPass } from "../rules/shared-pass.ts";

const good = {
  documentType: "isp",
  schemaVersion: "1.0",
  id: "0b9c2f52-3f5c-4a51-9d7a-6a4f6c7c1e11",
  provenance: { createdAt: "2026-01-01T00:00:00Z" },
  child: { name: "Sam", dateOfBirth: "2015-02-03" },
  layerOfSupport: "targeted",
};

const warnIfNoBarriers: RuleFamily = {
  id: "isp.test",
  appliesTo: ["isp"],
  run: (doc) =>
    (doc as { barriers?: unknown[] }).barriers
      ? []
      : [{ ruleId: "isp.test.no-barriers", severity: "warning", pointer: "/barriers", message: "no barriers" }],
};
const errorIfNamedBad: RuleFamily = {
  id: "any.test",
  appliesTo: ["any"],
  run: (doc) =>
    (doc as { child?: { name?: string } }).child?.name === "Bad"
      ? [{ ruleId: "any.test.bad", severity: "error", pointer: "/child/name", message: "bad" }]
      : [],
};
const throwing: RuleFamily = {
  id: "spp.boom",
  appliesTo: ["spp"],
  run: () => {
    throw new Error("boom");
  },
};

let root: string;
let v: Validator;
let fixtureValidators: Record<string, PrecompiledValidator>;
beforeAll(async () => {
  root = makeFixtureRoot();
  await generate(root, false);
  const generated = (await import(pathToFileURL(join(root, "sdk/generated/validators.js")).href)) as {
    validators: Record<string, PrecompiledValidator>;
  };
  const validators = generated.validators;
  fixtureValidators = validators;
  v = createValidator({
    validators,
    supportedSchemaVersions: ["1.0"],
    rules: [warnIfNoBarriers, errorIfNamedBad, throwing],
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Case {
  name: string;
  doc: unknown;
  expected: Array<{ ruleId: string; pointer: string }>;
}

const schemaCases: Case[] = [
  { name: "not an object", doc: [1, 2], expected: [{ ruleId: "schema.document-type", pointer: "" }] },
  {
    name: "no documentType",
    doc: { schemaVersion: "1.0" },
    expected: [{ ruleId: "schema.document-type", pointer: "" }],
  },
  {
    name: "unknown documentType",
    doc: { ...good, documentType: "pupil" },
    expected: [{ ruleId: "schema.document-type", pointer: "" }],
  },
  {
    name: "inherited property name is not a type",
    doc: { ...good, documentType: "constructor" },
    expected: [{ ruleId: "schema.document-type", pointer: "" }],
  },
  {
    name: "unsupported schemaVersion",
    doc: { ...good, schemaVersion: "9.9" },
    expected: [{ ruleId: "schema.schema-version", pointer: "/schemaVersion" }],
  },
  {
    name: "missing schemaVersion",
    doc: { documentType: "isp" },
    expected: [{ ruleId: "schema.schema-version", pointer: "/schemaVersion" }],
  },
  {
    name: "missing required property points at the property",
    doc: { ...good, child: { name: "Sam" } },
    expected: [{ ruleId: "schema.required", pointer: "/child/dateOfBirth" }],
  },
  {
    name: "extra property points at the property",
    doc: { ...good, colour: "red" },
    expected: [{ ruleId: "schema.additionalProperties", pointer: "/colour" }],
  },
  {
    name: "code not in the list",
    doc: { ...good, layerOfSupport: "mega" },
    expected: [{ ruleId: "schema.enum", pointer: "/layerOfSupport" }],
  },
  {
    name: "bad date format",
    doc: { ...good, child: { name: "Sam", dateOfBirth: "03/02/2015" } },
    expected: [{ ruleId: "schema.format", pointer: "/child/dateOfBirth" }],
  },
  {
    name: "SEND identifier format (UPN check letter)",
    doc: { ...good, child: { ...good.child, upn: "A801200212001" } },
    expected: [{ ruleId: "schema.format", pointer: "/child/upn" }],
  },
  {
    name: "oneOf: a fault inside the fitting branch gives one precise error",
    doc: { ...good, contacts: [{ email: "not-an-email" }] },
    expected: [{ ruleId: "schema.format", pointer: "/contacts/0/email" }],
  },
  {
    name: "oneOf: no branch fits gives one summary error",
    doc: { ...good, contacts: [{}] },
    expected: [{ ruleId: "schema.oneOf", pointer: "/contacts/0" }],
  },
];

describe("validate(): type, version and schema errors", () => {
  it.each(schemaCases)("$name", ({ doc, expected }) => {
    const result = v.validate(doc);
    expect(result.valid).toBe(false);
    expect(result.findings).toEqual([]);
    expect(result.errors.map((e) => ({ ruleId: e.ruleId, pointer: e.pointer }))).toEqual(expected);
    for (const e of result.errors) {
      expect(e.severity).toBe("error");
      expect(e.message.length).toBeGreaterThan(5);
    }
  });

  it("names the known types when the type is unknown", () => {
    expect(v.validate({ documentType: "pupil" }).errors[0]?.message).toContain("isp, spp");
  });

  it("reports the documentType and schemaVersion it read", () => {
    const r = v.validate({ ...good, schemaVersion: "2.0" });
    expect([r.documentType, r.schemaVersion]).toEqual(["isp", "2.0"]);
  });
});

describe("validate(): quality rules", () => {
  it("runs rules only on schema-valid documents, and a warning leaves the document valid", () => {
    const r = v.validate(good);
    expect(r.errors).toEqual([]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(["isp.test.no-barriers"]);
    expect(r.valid).toBe(true);
  });

  it("an error finding makes the document invalid", () => {
    const r = v.validate({ ...good, child: { ...good.child, name: "Bad" }, barriers: [] });
    expect(r.findings.map((f) => f.ruleId)).toEqual(["any.test.bad"]);
    expect(r.valid).toBe(false);
  });

  it("does not run rules when the schema fails", () => {
    expect(v.validate({ ...good, child: { name: "Bad" } }).findings).toEqual([]);
  });

  it("schemaOnly skips the rules", () => {
    expect(v.validate(good, { schemaOnly: true }).findings).toEqual([]);
  });

  it("a rule family that throws becomes a warning, not a crash", () => {
    const spp = {
      documentType: "spp",
      schemaVersion: "1.0",
      id: good.id,
      provenance: good.provenance,
      name: "Speech therapy",
    };
    const r = v.validate(spp);
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([["spp.boom.internal-error", "warning"]]);
  });
});

describe("validate(): families sharing a pass", () => {
  const hit = (ruleId: string): Finding => ({ ruleId, severity: "warning", pointer: "", message: ruleId });
  /** Two families whose findings one pass yields; `calls` counts the passes, `throws` makes the pass fail. */
  function sharedPair(throws: boolean) {
    const counter = { calls: 0 };
    const pass = (): Finding[][] => {
      counter.calls++;
      if (throws) throw new Error("pass failed");
      return [[hit("any.first.from-pass")], [hit("any.second.from-pass")]];
    };
    const first = sharingPass<RuleFamily>(
      { id: "any.first", appliesTo: ["any"], run: () => [hit("any.first.alone")] },
      pass,
      0,
    );
    const second = sharingPass<RuleFamily>(
      { id: "any.second", appliesTo: ["any"], run: () => [hit("any.second.alone")] },
      pass,
      1,
    );
    return { counter, first, second };
  }

  it("runs the pass once and reports each member's slot at its place in registry order", () => {
    const { counter, first, second } = sharedPair(false);
    const shared = createValidator({
      validators: fixtureValidators,
      supportedSchemaVersions: ["1.0"],
      rules: [first, warnIfNoBarriers, second],
    });
    expect(shared.validate(good).findings.map((f) => f.ruleId)).toEqual([
      "any.first.from-pass",
      "isp.test.no-barriers",
      "any.second.from-pass",
    ]);
    expect(counter.calls).toBe(1);
  });

  it("a pass that throws falls back to each member's own run", () => {
    const { counter, first, second } = sharedPair(true);
    const shared = createValidator({
      validators: fixtureValidators,
      supportedSchemaVersions: ["1.0"],
      rules: [first, warnIfNoBarriers, second],
    });
    expect(shared.validate(good).findings.map((f) => f.ruleId)).toEqual([
      "any.first.alone",
      "isp.test.no-barriers",
      "any.second.alone",
    ]);
    expect(counter.calls).toBe(1);
  });
});

describe("validateJson()", () => {
  it.each([
    { text: '{"a":\n 1,,}', where: "line 2, column 4" },
    { text: '{"a":', where: "line 1, column 6" },
    { text: "", where: "line 1, column 1" },
  ])("malformed JSON $text → json.parse at $where", ({ text, where }) => {
    const r = v.validateJson(text);
    expect(r.valid).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ ruleId: "json.parse", pointer: "" });
    expect(r.errors[0]?.message).toContain(where);
  });

  it("valid JSON goes through validate()", () => {
    expect(v.validateJson(JSON.stringify({ ...good, barriers: [] }))).toMatchObject({
      valid: true,
      errors: [],
      findings: [],
    });
  });
});
