// canonicalJson must give exactly the `canonicalize` package's answer (text, or throwing) for any value.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import canonicalize from "canonicalize";
import { canonicalJson } from "./canonical-json.ts";

function outcome(f: () => string | undefined): { text: string | undefined } | { throws: true } {
  try {
    return { text: f() };
  } catch {
    return { throws: true };
  }
}

// Strings drawn from all UTF-16 code units, so lone and paired surrogates both occur.
const anyString = fc.string({ unit: "binary" });
const tricky = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    1e21,
    1e-7,
    0.1 + 0.2,
    "\ud800",
    "a\udc00b",
    "\ud83d\ude00",
    "\u2028",
  ),
  anyString,
);

describe("canonicalJson", () => {
  it("agrees with canonicalize on JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => canonicalize(value)));
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with canonicalize on values with odd numbers, surrogates, undefined and key order", () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        tricky,
        fc.constant(undefined),
        fc.constant(null),
        fc.boolean(),
        tie("array"),
        tie("object"),
      ),
      array: fc.array(tie("node"), { maxLength: 5 }),
      object: fc.dictionary(anyString, tie("node"), { maxKeys: 5 }),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(outcome(() => canonicalJson(v))).toEqual(outcome(() => canonicalize(v)));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    { name: "a lone-surrogate key whose member is undefined", value: { "\ud800": undefined, a: 1 } },
    // biome-ignore lint/suspicious/noSparseArray: a sparse array is the case under test.
    { name: "a sparse array", value: [1, , 3] },
    { name: "a function member", value: { f: () => 1, a: [() => 2] } },
    { name: "integer-like keys", value: { "10": 1, "2": 2, b: 3, "01": 4 } },
    { name: "a __proto__ key", value: JSON.parse('{"__proto__": {"x": 1}, "a": 1}') as unknown },
    { name: "toJSON", value: { when: new Date(0), nested: { toJSON: () => ({ z: 1, a: 2 }) } } },
  ])("agrees with canonicalize on $name", ({ value }) => {
    expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => canonicalize(value)));
  });

  it("agrees with canonicalize on data already in canonical key order (written by one JSON.stringify)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const sorted = JSON.parse(canonicalize(value) as string) as unknown;
        expect(outcome(() => canonicalJson(sorted))).toEqual(outcome(() => canonicalize(sorted)));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    {
      name: "boxed primitives (JSON.stringify unwraps them, the package writes {})",
      value: { a: new Number(1), b: new String("x"), c: new Boolean(false) },
    },
    { name: "a null-prototype object", value: Object.assign(Object.create(null) as object, { a: 1, b: [2] }) },
    {
      name: "a class instance with sorted fields",
      value: new (class Plain {
        a = 1;
        b = "x";
      })(),
    },
    {
      name: "a sorted cycle",
      value: (() => {
        const c: Record<string, unknown> = { a: 1 };
        c["b"] = c;
        return c;
      })(),
    },
  ])("agrees with canonicalize on $name, in sorted key order", ({ value }) => {
    expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => canonicalize(value)));
  });

  it("throws on a cycle, as canonicalize does", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic["self"] = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow();
    expect(() => canonicalize(cyclic)).toThrow();
  });

  it("agrees on the worked transfer bundle's documents", async () => {
    const { readFileSync } = await import("node:fs");
    const bundle = JSON.parse(
      readFileSync(new URL("../../../examples/worked/transfer-bundle-y6-y7.json", import.meta.url), "utf8"),
    ) as { documents: unknown[] };
    expect(bundle.documents.length).toBeGreaterThan(0);
    for (const d of bundle.documents) expect(canonicalJson(d)).toBe(canonicalize(d));
  });
});

// JSON texts as a sender might write them: any key order, raw number spellings (1e999 parses to Infinity, -0, 1E2),
// escaped lone surrogates in strings and keys, integer-like and __proto__ keys, duplicates.
const rawNumber = fc.oneof(
  fc.constantFrom("1e999", "-1e999", "-0", "1.0", "1E2", "0.1e-7", "123456789012345678901234", "5e-324"),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
);
const rawString = fc.oneof(
  anyString.map((s) => JSON.stringify(s)),
  fc.constantFrom('"\\ud800"', '"a\\udc00"', '"\\ud83d\\ude00"', '"\\u0041"', '"\\/"'),
);
const rawKey = fc.oneof(
  rawString,
  fc.constantFrom('"10"', '"2"', '"01"', '"__proto__"', '"toJSON"', '"a"', '"b"', '"\\u00e9"', '"é"'),
);
const jsonText: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    rawNumber,
    rawString,
    fc.constantFrom("null", "true", "false"),
    tie("array"),
    tie("object"),
  ),
  array: fc.array(tie("node"), { maxLength: 5 }).map((items) => `[${items.join(",")}]`),
  object: fc
    .array(fc.tuple(rawKey, tie("node")), { maxLength: 5 })
    .map((members) => `{${members.map(([k, v]) => `${k}:${v}`).join(",")}}`),
})).node as fc.Arbitrary<string>;

describe("canonicalJson of parsed JSON text", () => {
  it("agrees with canonicalize on parsed JSON values, in any key order or already canonical", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const text of [JSON.stringify(value), canonicalize(value) as string]) {
          const parsed: unknown = JSON.parse(text);
          expect(outcome(() => canonicalJson(parsed))).toEqual(outcome(() => canonicalize(parsed)));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with canonicalize on parsed texts with odd numbers, escaped surrogates and odd keys", () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        const parsed: unknown = JSON.parse(text);
        expect(outcome(() => canonicalJson(parsed))).toEqual(outcome(() => canonicalize(parsed)));
        // And on the canonical re-parse, where keys arrive sorted (the fast path), when there is one.
        const canonical = outcome(() => canonicalize(parsed));
        if ("text" in canonical && canonical.text !== undefined) {
          const again: unknown = JSON.parse(canonical.text);
          expect(canonicalJson(again)).toBe(canonical.text);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("agrees on the worked transfer bundle, parsed from its canonical text", async () => {
    const { readFileSync } = await import("node:fs");
    const bundle: unknown = JSON.parse(
      readFileSync(new URL("../../../examples/worked/transfer-bundle-y6-y7.json", import.meta.url), "utf8"),
    );
    const canonical = canonicalize(bundle) as string;
    expect(canonicalJson(JSON.parse(canonical))).toBe(canonical);
    expect(canonicalJson(bundle)).toBe(canonical);
  });
});
