import { describe, expect, it } from "vitest";
import { escapePointerToken, pointerJoin } from "./finding.ts";

describe("pointerJoin (RFC 6901)", () => {
  it.each([
    { description: "whole document", segments: [], expected: "" },
    { description: "property and index", segments: ["barriers", 2], expected: "/barriers/2" },
    { description: "slash is escaped as ~1", segments: ["a/b"], expected: "/a~1b" },
    { description: "tilde is escaped as ~0", segments: ["m~n"], expected: "/m~0n" },
    { description: "tilde before slash: ~1 in a key must not become /", segments: ["~1"], expected: "/~01" },
    { description: "empty key is a real token", segments: ["", "x"], expected: "//x" },
  ])("$description", ({ segments, expected }) => {
    expect(pointerJoin(...segments)).toBe(expected);
  });

  it("escapes numbers as their decimal text", () => {
    expect(escapePointerToken(10)).toBe("10");
  });
});
