// The ajv formats: through createAjv (runtime compilation), through formats-runtime.cjs loaded by require, and
// through ajv standalone code that requires the module, as the precompiled validators do.
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import standaloneModule from "ajv/dist/standalone/index.js";
import { createAjv } from "../validate/create-ajv.ts";
import {
  relativeFormatsRequirePath,
  SEND_FORMAT_NAMES,
  SEND_FORMATS_MODULE_PATH,
  setStandaloneFormatsRequire,
} from "./formats.ts";

// ajv's standalone entry is CommonJS with `exports.default`; under NodeNext the default import is the whole
// module object, so the function sits at `.default` (TypeScript types it as that module object).
type StandaloneCode = (ajv: unknown, validate: unknown) => string;
const standaloneWrapped = standaloneModule as unknown as { default?: StandaloneCode };
const standaloneCode: StandaloneCode = standaloneWrapped.default ?? (standaloneModule as unknown as StandaloneCode);

const cases: Array<{ format: string; valid: string[]; invalid: string[] }> = [
  { format: "upn", valid: ["B801200005001", "P207000016049", "V80120002501A"], invalid: ["Q207000016049", "A801200005001", "p207000016049"] },
  { format: "uln", valid: ["9276308686"], invalid: ["9999999999", "9434765919"] },
  { format: "nhs-number", valid: ["9434765919", "6716689966"], invalid: ["9991234560", "943 476 5919"] },
  { format: "urn", valid: ["100005", "EY123456"], invalid: ["20001", "ey123456"] },
  { format: "ukprn", valid: ["10012345"], invalid: ["20012345", "1001234"] },
  { format: "la-code", valid: ["202", "801"], invalid: ["E09000007", "80"] },
  { format: "laestab", valid: ["2021048"], invalid: ["XXXXXXX", "202/1048"] },
];

const schemaFor = (format: string) => ({ type: "object", properties: { value: { type: "string", format } } });

describe("createAjv() formats", () => {
  const ajv = createAjv();

  it("registers every SEND format", () => {
    expect(cases.map((c) => c.format).sort()).toEqual([...SEND_FORMAT_NAMES].sort());
  });

  describe.each(cases)("$format", ({ format, valid, invalid }) => {
    const validate = ajv.compile(schemaFor(format));
    it.each(valid)("accepts %s", (value) => expect(validate({ value })).toBe(true));
    it.each(invalid)("rejects %s", (value) => {
      expect(validate({ value })).toBe(false);
      expect(validate.errors?.[0]).toMatchObject({ keyword: "format", params: { format } });
    });
  });
});

describe("formats-runtime.cjs through require", () => {
  const require = createRequire(import.meta.url);
  const runtime = require(SEND_FORMATS_MODULE_PATH) as Record<string, unknown>;

  it.each(cases)("exports $format as a function that agrees with the cases", ({ format, valid, invalid }) => {
    const fn = runtime[format];
    expect(typeof fn).toBe("function");
    const check = fn as (s: string) => boolean;
    for (const v of valid) expect(check(v)).toBe(true);
    for (const v of invalid) expect(check(v)).toBe(false);
  });

  it("also exports ajv-formats' formats, because ajv standalone reaches every format through one module", () => {
    expect(runtime["date"]).toBeDefined();
    expect(runtime["uuid"]).toBeDefined();
  });
});

describe("ajv standalone code", () => {
  /** Evaluates generated CJS as if it were a file in `dir`. */
  function loadStandalone(code: string, dir: string): (data: unknown) => boolean {
    const mod = { exports: {} as Record<string, unknown> };
    const requireFromDir = createRequire(path.join(dir, "validators.cjs"));
    new Function("module", "exports", "require", code)(mod, mod.exports, requireFromDir);
    return mod.exports["default"] as (data: unknown) => boolean;
  }

  const schema = {
    type: "object",
    properties: { upn: { type: "string", format: "upn" }, nhs: { type: "string", format: "nhs-number" }, born: { type: "string", format: "date" } },
  };

  it("requires formats-runtime.cjs by absolute path by default, and validates with it", () => {
    const ajv = createAjv({ standaloneCode: true });
    const code = standaloneCode(ajv, ajv.compile(schema));
    expect(code).toContain(`require(${JSON.stringify(SEND_FORMATS_MODULE_PATH)})`);
    const validate = loadStandalone(code, path.dirname(SEND_FORMATS_MODULE_PATH));
    expect(validate({ upn: "P207000016049", nhs: "9434765919", born: "2019-02-28" })).toBe(true);
    expect(validate({ upn: "Q207000016049" })).toBe(false);
    expect(validate({ nhs: "9991234560" })).toBe(false);
    expect(validate({ born: "2019-02-30" })).toBe(false);
  });

  it("uses a relative require path when told to, so committed generated files work in any checkout", () => {
    const outDir = path.resolve(path.dirname(SEND_FORMATS_MODULE_PATH), "../../generated/validators");
    const rel = relativeFormatsRequirePath(outDir);
    expect(rel).toBe("../../src/identifiers/formats-runtime.cjs");
    const ajv = createAjv({ standaloneCode: true });
    setStandaloneFormatsRequire(ajv, rel);
    const code = standaloneCode(ajv, ajv.compile(schema));
    expect(code).not.toContain(SEND_FORMATS_MODULE_PATH);
    const validate = loadStandalone(code, outDir);
    expect(validate({ upn: "V80120002501A" })).toBe(true);
    expect(validate({ upn: "A801200005001" })).toBe(false);
  });
});
