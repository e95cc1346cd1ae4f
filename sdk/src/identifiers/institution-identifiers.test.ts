import { describe, expect, it } from "vitest";
import { explainUrn, formatUrn, isEarlyYearsUrn, isValidUrn, normaliseUrn } from "./urn.ts";
import { explainUkprn, isValidUkprn, normaliseUkprn } from "./ukprn.ts";
import { explainLaCode, isValidLaCode, normaliseLaCode } from "./la-code.ts";
import { explainLaestab, isValidLaestab, normaliseLaestab, splitLaestab } from "./laestab.ts";

type Case = { description: string; input: string; valid: boolean; reason?: string };

const suites: Array<{
  name: string;
  isValid: (s: string) => boolean;
  explain: (s: string) => string | undefined;
  cases: Case[];
}> = [
  {
    name: "URN",
    isValid: isValidUrn,
    explain: explainUrn,
    cases: [
      { description: "GIAS URN (National-Education-Union/gias README)", input: "100005", valid: true },
      { description: "Ofsted early-years registration", input: "EY123456", valid: true },
      {
        description: "children's centre 5-digit URN is not accepted",
        input: "20001",
        valid: false,
        reason: "children's centres",
      },
      { description: "EY with 5 digits", input: "EY12345", valid: false, reason: "EY followed by 6 digits" },
      {
        description: "lower-case ey is not canonical",
        input: "ey123456",
        valid: false,
        reason: "EY followed by 6 digits",
      },
      { description: "7 digits", input: "1000050", valid: false, reason: "6 digits; got 7" },
      { description: "letters", input: "10A005", valid: false, reason: "6 digits (or EY" },
    ],
  },
  {
    name: "UKPRN",
    isValid: isValidUkprn,
    explain: explainUkprn,
    cases: [
      { description: "8 digits starting 1", input: "10012345", valid: true },
      { description: "starts with 2", input: "20012345", valid: false, reason: "starts with 1" },
      { description: "7 digits", input: "1001234", valid: false, reason: "8 digits; got 7" },
    ],
  },
  {
    name: "LA code",
    isValid: isValidLaCode,
    explain: explainLaCode,
    cases: [
      { description: "Camden", input: "202", valid: true },
      { description: "Bristol", input: "801", valid: true },
      {
        description: "ONS GSS code is a different identifier",
        input: "E09000007",
        valid: false,
        reason: "ONS GSS code",
      },
      { description: "2 digits", input: "80", valid: false, reason: "3 digits; got 2" },
    ],
  },
  {
    name: "LAESTAB",
    isValid: isValidLaestab,
    explain: explainLaestab,
    cases: [
      { description: "Camden 202 + establishment 1048", input: "2021048", valid: true },
      { description: "CTF pseudo-destination XXXXXXX", input: "XXXXXXX", valid: false, reason: "pseudo-destination" },
      { description: "CTF pseudo-destination MMMMMMM", input: "MMMMMMM", valid: false, reason: "pseudo-destination" },
      { description: "with a slash (not canonical)", input: "202/1048", valid: false, reason: "digits only" },
      { description: "6 digits", input: "202104", valid: false, reason: "7 digits; got 6" },
    ],
  },
];

describe.each(suites)("$name", ({ isValid, explain, cases }) => {
  it.each(cases)("$description: $input → $valid", ({ input, valid, reason }) => {
    expect(isValid(input)).toBe(valid);
    const explanation = explain(input);
    if (valid) expect(explanation).toBeUndefined();
    else expect(explanation).toContain(reason);
  });
});

describe("normalisers", () => {
  it.each([
    {
      description: "URN lower-case EY with a space",
      normalise: normaliseUrn,
      input: " ey 123456",
      expected: "EY123456",
    },
    { description: "UKPRN with spaces", normalise: normaliseUkprn, input: "1001 2345", expected: "10012345" },
    { description: "LA code padded", normalise: normaliseLaCode, input: " 202 ", expected: "202" },
    { description: "LAESTAB written LA/estab", normalise: normaliseLaestab, input: "202/1048", expected: "2021048" },
    { description: "LAESTAB written LA-estab", normalise: normaliseLaestab, input: "202-1048", expected: "2021048" },
  ])("$description", ({ normalise, input, expected }) => {
    expect(normalise(input)).toBe(expected);
  });

  it("formats and splits", () => {
    expect(formatUrn("ey123456")).toBe("EY123456");
    expect(isEarlyYearsUrn("EY123456")).toBe(true);
    expect(isEarlyYearsUrn("100005")).toBe(false);
    expect(splitLaestab("2021048")).toEqual({ laCode: "202", establishmentNumber: "1048" });
    expect(splitLaestab("XXXXXXX")).toBeUndefined();
  });
});
