import { describe, expect, it } from "vitest";
import {
  explainNhsNumber,
  formatNhsNumber,
  isNhsTestNumber,
  isValidNhsNumber,
  nhsNumberCheckDigit,
  normaliseNhsNumber,
} from "./nhs-number.ts";

describe("isValidNhsNumber", () => {
  it.each([
    { description: "GIG-Cymru README example 943 476 5919 (299 mod 11 = 2 → 9)", input: "9434765919", expected: true },
    { description: "nhs-validation README example 671 668 9966", input: "6716689966", expected: true },
    {
      description: "GUARD: 999 123 4560 is published as a format example but its check is 10 (never issued)",
      input: "9991234560",
      expected: false,
    },
    { description: "check 11 becomes 0 (all zeros: S = 0)", input: "0000000000", expected: true },
    { description: "wrong check digit", input: "9434765918", expected: false },
    { description: "display form is not canonical", input: "943 476 5919", expected: false },
    { description: "11 digits", input: "94347659190", expected: false },
    { description: "the HESA ULN example is never an NHS number", input: "9276308686", expected: false },
  ])("$description: $input → $expected", ({ input, expected }) => {
    expect(isValidNhsNumber(input)).toBe(expected);
  });
});

describe("nhsNumberCheckDigit", () => {
  it.each([
    { first9: "943476591", expected: 9 },
    { first9: "671668996", expected: 6 },
    { first9: "999123456", expected: undefined }, // S = 320, r = 1, check 10: invalid
    { first9: "000000000", expected: 0 }, // check 11 → 0
    { first9: "94347659", expected: undefined }, // malformed
  ])("$first9 → $expected", ({ first9, expected }) => {
    expect(nhsNumberCheckDigit(first9)).toBe(expected);
  });
});

describe("explainNhsNumber", () => {
  it.each([
    { input: "9434765919", expected: undefined },
    { input: "9991234560", expected: "check of 10" },
    { input: "9434765918", expected: "expected 9, got 8" },
    { input: "943476591", expected: "10 digits; got 9" },
    { input: "943 476 5919", expected: "digits only" },
  ])("$input", ({ input, expected }) => {
    const reason = explainNhsNumber(input);
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toContain(expected);
  });
});

describe("normalise / format / test range", () => {
  it.each([
    { input: "943 476 5919", normalised: "9434765919", display: "943 476 5919" },
    { input: " 943-476-5919 ", normalised: "9434765919", display: "943 476 5919" },
    { input: "6716689966", normalised: "6716689966", display: "671 668 9966" },
    { input: "12345", normalised: "12345", display: "12345" },
  ])("$input → $normalised / $display", ({ input, normalised, display }) => {
    expect(normaliseNhsNumber(input)).toBe(normalised);
    expect(formatNhsNumber(input)).toBe(display);
  });

  it("flags valid numbers in the 999 test range, and only valid ones", () => {
    // 999 000 000x: S = 9×10 + 9×9 + 9×8 = 243, r = 1, check 10 → never valid; 999 000 001x: 245 mod 11 = 3 → 8.
    expect(nhsNumberCheckDigit("999000001")).toBe(8);
    expect(isNhsTestNumber("9990000018")).toBe(true);
    expect(isNhsTestNumber("9434765919")).toBe(false);
    expect(isNhsTestNumber("9991234560")).toBe(false);
  });
});
