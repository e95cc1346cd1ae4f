import { describe, expect, it } from "vitest";
import { explainUln, formatUln, ILR_TEMPORARY_ULN, isValidUln, normaliseUln, ulnCheckDigit } from "./uln.ts";

describe("isValidUln", () => {
  it.each([
    { description: "HESA worked example (sum 296, mod 11 = 10)", input: "9276308686", expected: true },
    { description: "ILR temporary ULN fails the checksum", input: ILR_TEMPORARY_ULN, expected: false },
    { description: "HESA example with last digit changed", input: "9276308687", expected: false },
    { description: "check digit 0 (1×10 = 10 ≡ 10)", input: "1000000000", expected: true },
    { description: "leading zero", input: "0276308686", expected: false },
    { description: "9 digits", input: "927630868", expected: false },
    { description: "spaces are not canonical", input: "927 630 8686", expected: false },
    { description: "a valid NHS number is never a ULN", input: "9434765919", expected: false },
  ])("$description: $input → $expected", ({ input, expected }) => {
    expect(isValidUln(input)).toBe(expected);
  });
});

describe("ulnCheckDigit (ESFA generator form)", () => {
  it.each([
    { description: "HESA example: 290 mod 11 = 4 → 10 − 4", first9: "927630868", expected: 6 },
    { description: "10 + 1×2 = 12, r = 1 → 9", first9: "100000001", expected: 9 },
    { description: "10 + 4×3 = 22, r = 0 → no digit works", first9: "100000040", expected: undefined },
    { description: "leading zero is malformed", first9: "027630868", expected: undefined },
    { description: "8 digits is malformed", first9: "92763086", expected: undefined },
  ])("$description: $first9 → $expected", ({ first9, expected }) => {
    expect(ulnCheckDigit(first9)).toBe(expected);
  });
});

describe("explainUln", () => {
  it.each([
    { description: "valid", input: "9276308686", expected: undefined },
    {
      description: "ILR temporary ULN is explained, not just rejected",
      input: "9999999999",
      expected: "ILR temporary ULN",
    },
    { description: "wrong check digit", input: "9276308687", expected: "expected 6, got 7" },
    { description: "unfinishable first nine digits", input: "1000000403", expected: "No check digit can complete" },
    { description: "leading zero", input: "0276308686", expected: "never starts with 0" },
    { description: "wrong length", input: "92763086", expected: "10 digits; got 8" },
    { description: "non-digit", input: "92763O8686", expected: "character 6" },
  ])("$description: $input", ({ input, expected }) => {
    const reason = explainUln(input);
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toContain(expected);
  });
});

describe("normaliseUln / formatUln", () => {
  it.each([
    { input: " 927 630 8686 ", expected: "9276308686" },
    { input: "927-630-8686", expected: "9276308686" },
  ])("$input → $expected", ({ input, expected }) => {
    expect(normaliseUln(input)).toBe(expected);
    expect(formatUln(input)).toBe(expected);
  });
});
