import { describe, expect, it } from "vitest";
import { explainUpn, formatUpn, isTemporaryUpn, isValidUpn, normaliseUpn, upnCheckLetter, upnLaCode } from "./upn.ts";

// Worked examples from uk-send-data.md §4.1.
const validity: Array<{ description: string; input: string; expected: boolean }> = [
  {
    description: "python-stdnum doctest B801200005001 (sum 93, mod 23 = 1 → B)",
    input: "B801200005001",
    expected: true,
  },
  { description: "same body with the wrong check letter A", input: "A801200005001", expected: false },
  { description: "body 207000016049: sum 266, mod 23 = 13 → P", input: "P207000016049", expected: true },
  {
    description: "GUARD: a vendor help page publishes Q207000016049 (arithmetic error, sum stated as 267); it is WRONG",
    input: "Q207000016049",
    expected: false,
  },
  { description: "temporary UPN V80120002501A (sum 110, mod 23 = 18 → V)", input: "V80120002501A", expected: true },
  { description: "lower case is not canonical", input: "p207000016049", expected: false },
  { description: "spaces are not canonical", input: "P207 000 016 049", expected: false },
  { description: "12 characters", input: "P20700001604", expected: false },
  { description: "14 characters", input: "P2070000160490", expected: false },
  { description: "letter inside the digits", input: "P2070A0016049", expected: false },
  { description: "empty", input: "", expected: false },
];

describe("isValidUpn", () => {
  it.each(validity)("$description: $input → $expected", ({ input, expected }) => {
    expect(isValidUpn(input)).toBe(expected);
  });
});

describe("upnCheckLetter", () => {
  it.each([
    { body: "801200005001", expected: "B" },
    { body: "207000016049", expected: "P" },
    { body: "80120002501A", expected: "V" },
    { body: "80120002501I", expected: undefined },
    { body: "8012000250", expected: undefined },
  ])("$body → $expected", ({ body, expected }) => {
    expect(upnCheckLetter(body)).toBe(expected);
  });
});

describe("isTemporaryUpn", () => {
  it.each([
    { input: "V80120002501A", expected: true },
    { input: "B801200005001", expected: false },
    { input: "A80120002501A", expected: false }, // temporary shape, wrong check letter
  ])("$input → $expected", ({ input, expected }) => {
    expect(isTemporaryUpn(input)).toBe(expected);
  });
});

describe("explainUpn", () => {
  it.each([
    { description: "valid", input: "P207000016049", expected: undefined },
    {
      description: "the published wrong example names the right letter",
      input: "Q207000016049",
      expected: "expected P, got Q",
    },
    { description: "wrong length", input: "P20700001604", expected: "13 characters; got 12" },
    { description: "forbidden check letter", input: "I207000016049", expected: "check letter I is never used" },
    { description: "forbidden check letter O", input: "O207000016049", expected: "check letter O is never used" },
    { description: "forbidden final letter", input: "V80120002501S", expected: "final letter S is never used" },
    {
      description: "digit where the check letter goes",
      input: "1207000016049",
      expected: "starts with a check letter",
    },
    { description: "letter among characters 2-12", input: "P2070X0016049", expected: "character 6" },
  ])("$description: $input", ({ input, expected }) => {
    const reason = explainUpn(input);
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toContain(expected);
  });
});

describe("normaliseUpn / formatUpn / upnLaCode", () => {
  it.each([
    { input: " p207-000-016-049 ", normalised: "P207000016049" },
    { input: "v8012 0002 501a", normalised: "V80120002501A" },
  ])("$input → $normalised (and then valid)", ({ input, normalised }) => {
    expect(normaliseUpn(input)).toBe(normalised);
    expect(formatUpn(input)).toBe(normalised);
    expect(isValidUpn(normaliseUpn(input))).toBe(true);
  });

  it("reads the issuing LA from characters 2-4", () => {
    expect(upnLaCode("B801200005001")).toBe("801");
    expect(upnLaCode("BX01200005001")).toBeUndefined();
  });
});
