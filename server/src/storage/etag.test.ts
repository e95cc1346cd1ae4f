import { describe, expect, it } from "vitest";
import { computeEtag } from "./etag.ts";

describe("computeEtag", () => {
  it("is a strong validator: quoted, version plus 16 hex of the body digest", () => {
    expect(computeEtag(3, { a: 1 })).toMatch(/^"v3-[0-9a-f]{16}"$/);
  });

  it("does not depend on key order (the database may reorder jsonb keys)", () => {
    expect(computeEtag(1, { a: 1, b: { c: [1, 2], d: "x" } })).toBe(computeEtag(1, { b: { d: "x", c: [1, 2] }, a: 1 }));
  });

  it.each([
    { name: "the version", a: [1, { a: 1 }], b: [2, { a: 1 }] },
    { name: "a value in the body", a: [1, { a: 1 }], b: [1, { a: 2 }] },
    { name: "array order", a: [1, { l: [1, 2] }], b: [1, { l: [2, 1] }] },
  ] as { name: string; a: [number, unknown]; b: [number, unknown] }[])("changes with $name", ({ a, b }) => {
    expect(computeEtag(...a)).not.toBe(computeEtag(...b));
  });
});
