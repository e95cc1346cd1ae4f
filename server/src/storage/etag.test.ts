import { describe, expect, it } from "vitest";
import { computeEtag } from "./etag.ts";

describe("computeEtag", () => {
  it("is a strong validator: quoted, version plus 16 hex of the stored text's digest", () => {
    expect(computeEtag(3, '{"a":1}')).toMatch(/^"v3-[0-9a-f]{16}"$/);
  });

  it("is the same for the same version of the same stored text", () => {
    expect(computeEtag(4, '{"a":1,"b":[1,2]}')).toBe(computeEtag(4, '{"a":1,"b":[1,2]}'));
  });

  it.each([
    { name: "the version", a: [1, '{"a":1}'], b: [2, '{"a":1}'] },
    { name: "a value in the body", a: [1, '{"a":1}'], b: [1, '{"a":2}'] },
    { name: "array order", a: [1, '{"l":[1,2]}'], b: [1, '{"l":[2,1]}'] },
    // The representation served is the stored text, so a different key order is a different representation.
    { name: "key order", a: [1, '{"a":1,"b":2}'], b: [1, '{"b":2,"a":1}'] },
  ] as { name: string; a: [number, string]; b: [number, string] }[])("changes with $name", ({ a, b }) => {
    expect(computeEtag(...a)).not.toBe(computeEtag(...b));
  });
});
