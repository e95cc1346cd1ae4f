import { describe, expect, it } from "vitest";
import { findForbiddenKey, jsonDepthExceeds } from "./json-depth.ts";

describe("jsonDepthExceeds", () => {
  it.each([
    ["[]", 1, false],
    ["[[]]", 1, true],
    ['{"a":{"b":[1]}}', 3, false],
    ['{"a":{"b":[1]}}', 2, true],
    ['"[[[[[[["', 1, false], // brackets inside strings do not count
    ['["\\"[[["]', 1, false], // nor after an escaped quote
    ["[".repeat(1_000_000), 64, true], // hostile nesting: one linear pass, no recursion
  ] as const)("%s with limit %i → %s", (text, limit, expected) => {
    expect(jsonDepthExceeds(text, limit)).toBe(expected);
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
