// Several live versions in the SDK: each schemaVersion is validated by its own schemas, and older documents upcast
// to the newest by pure functions (fixtures in examples/upcast/: old document in, expected new document out).
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { validate } from "../validate/validate.ts";
import { createValidator } from "../validate/validator.ts";
import { NEWEST_SCHEMA_VERSION, SIGNED_DOCUMENT_TYPES, upcast } from "./upcast.ts";
import { SUPPORTED_SCHEMA_VERSIONS } from "../../generated/document-types.ts";

const UPCAST_DIR = fileURLToPath(new URL("../../../examples/upcast/1.0-to-2.0/", import.meta.url));
const WORKED_DIR = fileURLToPath(new URL("../../../examples/worked/", import.meta.url));
const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
const CASES = readdirSync(UPCAST_DIR)
  .filter((f) => f.endsWith(".1.0.json"))
  .map((f) => f.slice(0, -".1.0.json".length));
const WORKED = readdirSync(WORKED_DIR).filter((f) => f.endsWith(".json"));
const SIGNED = new Set(SIGNED_DOCUMENT_TYPES);

describe("live versions", () => {
  it("supports 1.0 and 2.0, newest 2.0", () => {
    expect(SUPPORTED_SCHEMA_VERSIONS).toEqual(["1.0", "2.0"]);
    expect(NEWEST_SCHEMA_VERSION).toBe("2.0");
  });
});

describe.each(CASES)("upcast fixture %s", (name) => {
  const input = read(`${UPCAST_DIR}${name}.1.0.json`);
  const expected = read(`${UPCAST_DIR}${name}.2.0.json`);
  it("is valid under 1.0 going in and 2.0 coming out, and upcasts to the expected document", () => {
    expect(validate(input).errors).toEqual([]);
    const snapshot = JSON.stringify(input);
    const result = upcast(input);
    expect(result.ok && result.document).toEqual(expected);
    expect(JSON.stringify(input), "the input was changed").toBe(snapshot);
    expect(validate(expected).errors).toEqual([]);
  });
  it("is the shape each version demands: 1.0 rejects the 2.0 form and 2.0 the 1.0 form", () => {
    expect(validate({ ...expected, schemaVersion: "1.0" }).errors.map((e) => e.pointer)).toContain("/supersedes");
    expect(validate({ ...input, schemaVersion: "2.0" }).errors.map((e) => e.pointer)).toContain("/changeSummary");
  });
});

describe.each(WORKED)("worked example %s (1.0)", (file) => {
  const doc = read(`${WORKED_DIR}${file}`);
  it(
    SIGNED.has(String(doc["documentType"])) ? "is signed, so it is not upcast" : "upcasts to a valid 2.0 document",
    () => {
      const result = upcast(doc);
      if (SIGNED.has(String(doc["documentType"]))) {
        expect(result.ok).toBe(false);
        return;
      }
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.document["schemaVersion"]).toBe("2.0");
      expect(validate(result.document, { schemaOnly: true }).errors).toEqual([]);
    },
  );
});

describe("upcast refuses what it cannot do", () => {
  const spp = read(`${UPCAST_DIR}spp-superseding.1.0.json`);
  it.each([
    { name: "not an object", doc: [1], to: undefined, reason: /JSON object/u },
    { name: "no schemaVersion", doc: { documentType: "isp" }, to: undefined, reason: /no schemaVersion/u },
    { name: "unsupported target", doc: spp, to: "3.0", reason: /3\.0 is not supported/u },
    { name: "downcast", doc: { ...spp, schemaVersion: "2.0" }, to: "1.0", reason: /never downcast/u },
    {
      name: "unknown source version",
      doc: { ...spp, schemaVersion: "0.9" },
      to: undefined,
      reason: /no upcast from schemaVersion 0\.9/u,
    },
  ])("$name", ({ doc, to, reason }) => {
    const result = upcast(doc, to);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
  it("returns a document already at the target unchanged", () => {
    const result = upcast(spp, "1.0");
    expect(result).toEqual({ ok: true, document: spp, from: "1.0", to: "1.0", steps: [] });
  });
});

describe("validate picks the schemas of the document's schemaVersion", () => {
  const spp2 = read(`${UPCAST_DIR}spp-superseding.2.0.json`);
  it("accepts the 2.0 additive field under 2.0 only", () => {
    const withUrl = { ...spp2, catalogueUrl: "https://catalogue.example.gov.uk/spp/ci-1" };
    expect(validate(withUrl).errors).toEqual([]);
    const under1 = validate({ ...read(`${UPCAST_DIR}spp-superseding.1.0.json`), catalogueUrl: withUrl.catalogueUrl });
    expect(under1.errors.map((e) => e.ruleId)).toContain("schema.additionalProperties");
  });
  it("rejects a schemaVersion no release carries", () => {
    expect(validate({ ...spp2, schemaVersion: "3.0" }).errors.map((e) => e.ruleId)).toEqual(["schema.schema-version"]);
  });
});

describe("createValidator with validators by version", () => {
  const accept = Object.assign(() => true, { errors: null });
  const refuse = Object.assign(() => false, {
    errors: [{ instancePath: "/x", keyword: "type", message: "must be string", params: {}, schemaPath: "#/type" }],
  });
  const v = createValidator({
    validators: { isp: accept },
    validatorsByVersion: { "1.0": { isp: accept }, "2.0": { isp: refuse } },
    supportedSchemaVersions: ["1.0", "2.0", "3.0"],
    rules: [],
  });
  it("checks each version with its own validator", () => {
    expect(v.validate({ documentType: "isp", schemaVersion: "1.0" }).errors).toEqual([]);
    expect(v.validate({ documentType: "isp", schemaVersion: "2.0" }).errors.map((e) => e.pointer)).toEqual(["/x"]);
  });
  it("reports a supported version that has no validators instead of using another version's", () => {
    expect(v.validate({ documentType: "isp", schemaVersion: "3.0" }).errors).toEqual([
      {
        ruleId: "schema.schema-version",
        severity: "error",
        pointer: "/schemaVersion",
        message: "schemaVersion 3.0 has no isp schema",
      },
    ]);
  });
});
