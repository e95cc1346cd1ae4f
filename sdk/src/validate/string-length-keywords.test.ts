// The faster maxLength/minLength must report exactly what ajv's built-in keywords report: same valid/invalid
// answer (lengths in code points, so a surrogate pair counts once), same error objects, same order beside
// `pattern` and `format`.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import Ajv2020Module from "ajv/dist/2020.js";
import type Ajv2020Class from "ajv/dist/2020.js";
import { createAjv } from "./create-ajv.ts";

type Ajv2020Ctor = typeof Ajv2020Class.default;
const Ajv2020: Ajv2020Ctor =
  (Ajv2020Module as unknown as { default?: Ajv2020Ctor }).default ?? (Ajv2020Module as unknown as Ajv2020Ctor);

const limits = [0, 1, 2, 3, 5];
const schema = {
  type: "object",
  properties: Object.fromEntries(
    limits.flatMap((n) => [
      [`max${n}`, { type: "string", maxLength: n, pattern: "^[a-z]*$" }],
      [`min${n}`, { type: "string", minLength: n, format: "date" }],
      [`both${n}`, { type: "string", minLength: n, maxLength: n + 1 }],
    ]),
  ),
};

const fast = createAjv().compile(schema);
const builtIn = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(schema);

// Strings of ASCII letters, astral characters (surrogate pairs) and lone surrogates, 0-12 UTF-16 units long.
const text = fc.string({ unit: fc.constantFrom("a", "B", "\ud83d\ude00", "\ud800", "\udc00", "é"), maxLength: 8 });
const instance = fc.dictionary(fc.constantFrom(...Object.keys(schema.properties)), text);

/** Errors without format ones (the reference instance does not check formats). */
function errorsOf(validate: typeof fast, data: unknown): unknown[] {
  validate(data);
  return (validate.errors ?? []).filter((e) => e.keyword !== "format");
}

describe("maxLength / minLength", () => {
  it("give ajv's built-in errors for any strings", () => {
    fc.assert(
      fc.property(instance, (data) => {
        expect(errorsOf(fast, data)).toEqual(errorsOf(builtIn, data));
      }),
      { numRuns: 3000 },
    );
  });

  it("count a surrogate pair as one character", () => {
    expect(fast({ both1: "\ud83d\ude00\ud83d\ude00" })).toBe(true); // 4 UTF-16 units, 2 characters
    expect(fast({ both2: "\ud83d\ude00" })).toBe(false); // 2 units, 1 character
    expect(fast.errors?.map((e) => [e.keyword, e.params])).toContainEqual(["minLength", { limit: 2 }]);
  });

  it("keep their place before pattern and format in the error order", () => {
    fast({ max1: "ab1", min3: "x" });
    expect(fast.errors?.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual([
      "/max1 maxLength",
      "/max1 pattern",
      "/min3 minLength",
      "/min3 format",
    ]);
  });
});
