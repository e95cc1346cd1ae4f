// isCompactJwe: five base64url parts (the second, the encrypted key, may be empty), surrounding whitespace ignored.
import { describe, expect, it } from "vitest";
import { isCompactJwe } from "./encrypt.ts";

describe("isCompactJwe", () => {
  it.each([
    { input: "aa.bb.cc.dd.ee", expected: true },
    { input: "  aa..cc.dd.ee\n", expected: true },
    { input: "aa.bb.cc", expected: false },
    { input: "aa.bb.cc.dd", expected: false },
    { input: "aa.bb.cc.dd.ee.ff", expected: false },
    { input: "aa.bb.c+c.dd.ee", expected: false },
    { input: ".bb.cc.dd.ee", expected: false },
    { input: "aa.bb.cc.dd.", expected: false },
    { input: "a a.bb.cc.dd.ee", expected: false },
    { input: "....", expected: false },
    { input: "", expected: false },
    { input: 42, expected: false },
  ])("$input → $expected", ({ input, expected }) => {
    expect(isCompactJwe(input)).toBe(expected);
  });
});
