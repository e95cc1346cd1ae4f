// The match scoring of spec/decisions/transfers-lost-children-across-las.md, case by case.
import { describe, expect, it } from "vitest";
import { matchConfidence, parseLostChildQuery, type HeldChild, type LostChildQuery } from "./lost-child-match.ts";

const HELD: HeldChild = {
  upn: "A123456789012",
  formerUpns: ["B999999999999"],
  nhsNumber: "9434765919",
  givenName: "Zoë",
  familyName: "O'Neil-Smith",
  dateOfBirth: "2018-03-14",
};

const CASES: { name: string; query: LostChildQuery; expected: ReturnType<typeof matchConfidence> }[] = [
  { name: "same UPN", query: { upn: "A123456789012" }, expected: "high" },
  { name: "same UPN written with spaces and lower case", query: { upn: "a1234 5678 9012" }, expected: "high" },
  { name: "a former UPN", query: { upn: "B999999999999" }, expected: "high" },
  { name: "same NHS number", query: { nhsNumber: "943 476 5919" }, expected: "high" },
  { name: "another UPN, nothing else", query: { upn: "C123456789012" }, expected: undefined },
  {
    name: "another UPN but the same name and date of birth",
    query: { upn: "C123456789012", givenName: "Zoë", familyName: "O'Neil-Smith", dateOfBirth: "2018-03-14" },
    expected: "medium",
  },
  {
    name: "exact name and date of birth",
    query: { givenName: "Zoë", familyName: "O'Neil-Smith", dateOfBirth: "2018-03-14" },
    expected: "medium",
  },
  {
    name: "name in another letter case with extra spaces",
    query: { givenName: " ZOË ", familyName: "o'neil-smith", dateOfBirth: "2018-03-14" },
    expected: "medium",
  },
  {
    name: "accent, hyphen and apostrophe dropped",
    query: { givenName: "Zoe", familyName: "ONeil Smith", dateOfBirth: "2018-03-14" },
    expected: "low",
  },
  {
    name: "one typing slip in a short name",
    query: { givenName: "Zoe", familyName: "ONeal-Smith", dateOfBirth: "2018-03-14" },
    expected: "low",
  },
  {
    name: "given and family name swapped",
    query: { givenName: "O'Neil-Smith", familyName: "Zoë", dateOfBirth: "2018-03-14" },
    expected: "low",
  },
  {
    name: "same names, another date of birth",
    query: { givenName: "Zoë", familyName: "O'Neil-Smith", dateOfBirth: "2018-03-15" },
    expected: undefined,
  },
  {
    name: "same date of birth, a different child's name",
    query: { givenName: "Amir", familyName: "Khan", dateOfBirth: "2018-03-14" },
    expected: undefined,
  },
  {
    name: "two slips in a short given name are too many",
    query: { givenName: "Zak", familyName: "O'Neil-Smith", dateOfBirth: "2018-03-14" },
    expected: undefined,
  },
  { name: "date of birth alone", query: { dateOfBirth: "2018-03-14" }, expected: undefined },
];

describe("matchConfidence", () => {
  for (const c of CASES) it(c.name, () => expect(matchConfidence(c.query, HELD)).toBe(c.expected));

  it("a held child with no identifiers matches by name only", () => {
    expect(
      matchConfidence({ upn: "A123456789012" }, { givenName: "A", familyName: "B", dateOfBirth: "2018-01-01" }),
    ).toBe(undefined);
  });
});

describe("parseLostChildQuery", () => {
  const PARSE: { name: string; body: unknown; pointers?: string[] }[] = [
    { name: "UPN alone", body: { upn: "A123456789012" } },
    { name: "NHS number alone", body: { nhsNumber: "9434765919" } },
    { name: "name and date of birth", body: { givenName: "Zoe", familyName: "Smith", dateOfBirth: "2018-03-14" } },
    { name: "date of birth alone is refused", body: { dateOfBirth: "2018-03-14" }, pointers: [""] },
    {
      name: "surname and date of birth are refused",
      body: { familyName: "Smith", dateOfBirth: "2018-03-14" },
      pointers: [""],
    },
    { name: "an unknown member", body: { upn: "A123456789012", postcode: "AB1 2CD" }, pointers: ["/postcode"] },
    { name: "a malformed UPN", body: { upn: "12345" }, pointers: ["/upn"] },
    { name: "a malformed NHS number", body: { nhsNumber: "12" }, pointers: ["/nhsNumber"] },
    {
      name: "a malformed date",
      body: { givenName: "Zoe", familyName: "Smith", dateOfBirth: "14/03/2018" },
      pointers: ["/dateOfBirth"],
    },
    { name: "not an object", body: ["A123456789012"], pointers: [""] },
    { name: "a number where text goes", body: { upn: 1234 }, pointers: ["/upn"] },
  ];
  for (const c of PARSE)
    it(c.name, () => {
      const r = parseLostChildQuery(c.body);
      if (c.pointers) {
        expect(r.query).toBeUndefined();
        expect(r.problems.map((p) => p.pointer)).toEqual(c.pointers);
      } else {
        expect(r.problems).toEqual([]);
        expect(r.query).toEqual(c.body);
      }
    });
});
