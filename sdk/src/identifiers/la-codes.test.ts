import { describe, expect, it } from "vitest";
import { createLaCodeIndex, isKnownLaCode, laCodeLabel } from "./la-codes.ts";

describe("isKnownLaCode (schemas/vocab/la-codes.json)", () => {
  it.each([
    { description: "Camden", code: "202", expected: true },
    { description: "Bristol", code: "801", expected: true },
    { description: "retired Dorset county code stays known (old UPNs keep it)", code: "835", expected: true },
    { description: "Dorset/BCP reorganisation codes", code: "839", expected: true },
    { description: "not an LA code", code: "999", expected: false },
    { description: "not 3 digits", code: "E09000007", expected: false },
  ])("$description: $code → $expected", ({ code, expected }) => {
    expect(isKnownLaCode(code)).toBe(expected);
  });

  it("names known authorities", () => {
    expect(laCodeLabel("202")).toMatch(/Camden/);
    expect(laCodeLabel("999")).toBeUndefined();
  });
});

describe("createLaCodeIndex", () => {
  it("indexes any list of the code-list shape", () => {
    const index = createLaCodeIndex({ id: "la-codes", codes: [{ code: "123", label: "Testshire" }] });
    expect(index.has("123")).toBe(true);
    expect(index.label("123")).toBe("Testshire");
    expect(index.has("202")).toBe(false);
  });
});
