import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findForbiddenKey, jsonDepthExceeds } from "./json-depth.ts";

/** The scan written character by character (the earlier implementation): the reference the fast one must agree with. */
function referenceDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
      continue;
    }
    if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > limit) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return false;
}

describe("jsonDepthExceeds", () => {
  it.each([
    ["[]", 1, false],
    ["[[]]", 1, true],
    ['{"a":{"b":[1]}}', 3, false],
    ['{"a":{"b":[1]}}', 2, true],
    ['"[[[[[[["', 1, false], // brackets inside strings do not count
    ['["\\"[[["]', 1, false], // nor after an escaped quote
    ["[".repeat(1_000_000), 64, true], // hostile nesting: one linear pass, no recursion
    ['["\\\\"[[]', 2, true], // an even run of backslashes does not escape the quote after it
    ['["\\\\\\"[[]', 2, false], // an odd run does
    ['["abc', 0, true], // unterminated string: nothing after its quote counts
    ['"abc[[[', 0, false],
  ] as const)("%s with limit %i → %s", (text, limit, expected) => {
    expect(jsonDepthExceeds(text, limit)).toBe(expected);
    expect(referenceDepthExceeds(text, limit)).toBe(expected);
  });

  it("agrees with the character-by-character scan on generated text (quotes, backslashes, brackets) and JSON", () => {
    const piece = fc.constantFrom('"', "\\", "[", "]", "{", "}", "a", ",", ":", " ");
    const text = fc.oneof(
      fc.array(piece, { maxLength: 60 }).map((parts) => parts.join("")),
      fc.json({ maxDepth: 6 }),
    );
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 0, max: 8 }),
        (t, limit) => jsonDepthExceeds(t, limit) === referenceDepthExceeds(t, limit),
      ),
      { numRuns: 5000 },
    );
  });
});

describe("findForbiddenKey", () => {
  it.each([
    ['{"__proto__":{"x":1}}', "/__proto__"],
    ['{"a":[{"constructor":{}}]}', "/a/0/constructor"],
    ['{"a":{"prototype":1}}', "/a/prototype"],
    ['{"a/b":{"__proto__":1}}', "/a~1b/__proto__"],
    ['{"proto":1,"constructorName":"x"}', undefined],
  ])("%s → %s", (text, pointer) => {
    expect(findForbiddenKey(JSON.parse(text))).toBe(pointer);
  });
});
