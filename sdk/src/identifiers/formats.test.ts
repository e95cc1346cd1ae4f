// The ajv formats: through createAjv (runtime compilation), through formats-runtime.js imported as an ES module, and
// through ajv standalone code rewritten into an ES module, as the precompiled validators are.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import standaloneModule from "ajv/dist/standalone/index.js";
import { createAjv } from "../validate/create-ajv.ts";
import { rewriteRequires } from "../../scripts/generate/validators.ts";
import { SEND_FORMAT_NAMES } from "./formats.ts";
import { relativeFormatsModulePath, SEND_FORMATS_MODULE_PATH } from "./formats-module.ts";
import * as formatsRuntime from "./formats-runtime.js";

// ajv's standalone entry is CommonJS with `exports.default`; under NodeNext the default import is the whole
// module object, so the function sits at `.default` (TypeScript types it as that module object).
type StandaloneCode = (ajv: unknown, validate: unknown) => string;
const standaloneWrapped = standaloneModule as unknown as { default?: StandaloneCode };
const standaloneCode: StandaloneCode = standaloneWrapped.default ?? (standaloneModule as unknown as StandaloneCode);

const cases: Array<{ format: string; valid: string[]; invalid: string[] }> = [
  {
    format: "upn",
    valid: ["B801200005001", "P207000016049", "V80120002501A"],
    invalid: ["Q207000016049", "A801200005001", "p207000016049"],
  },
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

describe("formats-runtime.js", () => {
  const formats = formatsRuntime.formats as Record<string, unknown>;

  it.each(cases)("exports $format as a function that agrees with the cases", ({ format, valid, invalid }) => {
    const fn = formats[format];
    expect(typeof fn).toBe("function");
    const check = fn as (s: string) => boolean;
    for (const v of valid) expect(check(v)).toBe(true);
    for (const v of invalid) expect(check(v)).toBe(false);
  });

  it("also holds ajv-formats' formats, because ajv standalone reaches every format through one module", () => {
    expect(formats["date"]).toBeDefined();
    expect(formats["uuid"]).toBeDefined();
    expect(formats["uri"]).toBeDefined();
  });
});

describe("ajv standalone code rewritten as an ES module", () => {
  const schema = {
    type: "object",
    properties: {
      upn: { type: "string", format: "upn" },
      nhs: { type: "string", format: "nhs-number" },
      born: { type: "string", format: "date" },
    },
  };

  /** Writes the rewritten module into `dir` (so its relative import resolves) and imports it. */
  async function loadRewritten(code: string, formatsModule: string, dir: string): Promise<(data: unknown) => boolean> {
    const { imports, code: body } = rewriteRequires(code.replace(/^"use strict";/u, ""), formatsModule);
    const file = path.join(dir, `standalone-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`);
    writeFileSync(
      file,
      `${imports.join("\n")}\nconst exports = {};\nconst module = { exports };\n${body}\nexport default module.exports.default ?? exports.default;\n`,
    );
    try {
      const mod = (await import(pathToFileURL(file).href)) as { default: (data: unknown) => boolean };
      return mod.default;
    } finally {
      rmSync(file, { force: true });
    }
  }

  it("reaches formats-runtime.js by absolute path by default, and validates with it", async () => {
    const ajv = createAjv({ standaloneCode: true });
    const code = standaloneCode(ajv, ajv.compile(schema));
    expect(code).toContain(`require(${JSON.stringify(SEND_FORMATS_MODULE_PATH)}).formats`);
    const dir = mkdtempSync(path.join(tmpdir(), "standalone-"));
    try {
      const validate = await loadRewritten(code, SEND_FORMATS_MODULE_PATH, dir);
      expect(validate({ upn: "P207000016049", nhs: "9434765919", born: "2019-02-28" })).toBe(true);
      expect(validate({ upn: "Q207000016049" })).toBe(false);
      expect(validate({ nhs: "9991234560" })).toBe(false);
      expect(validate({ born: "2019-02-30" })).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("uses a relative specifier when told to, so committed generated files work in any checkout", async () => {
    const outDir = path.resolve(path.dirname(SEND_FORMATS_MODULE_PATH), "../../generated");
    expect(relativeFormatsModulePath(outDir)).toBe("../src/identifiers/formats-runtime.js");
    // Load from a scratch folder beside this file (not in sdk/generated, which check:generated watches).
    const dir = mkdtempSync(path.join(path.dirname(SEND_FORMATS_MODULE_PATH), ".standalone-"));
    try {
      const rel = relativeFormatsModulePath(dir);
      expect(rel).toBe("../formats-runtime.js");
      const ajv = createAjv({ standaloneCode: true, formatsModule: rel });
      const code = standaloneCode(ajv, ajv.compile(schema));
      expect(code).not.toContain(SEND_FORMATS_MODULE_PATH);
      const validate = await loadRewritten(code, rel, dir);
      expect(validate({ upn: "V80120002501A" })).toBe(true);
      expect(validate({ upn: "A801200005001" })).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a require() it does not know how to import", () => {
    expect(() => rewriteRequires('const x = require("fs").readFileSync;', "./f.js")).toThrow(
      /does not know how to import/u,
    );
  });
});
