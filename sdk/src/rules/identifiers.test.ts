import { describe, expect, it } from "vitest";
import { identifierRules, LA_CODE_UNKNOWN } from "./identifiers.ts";
import { createLaCodeIndex } from "../identifiers/la-codes.ts";

// A fixed list keeps these cases independent of the real list's contents.
const index = createLaCodeIndex({
  id: "la-codes",
  codes: [
    { code: "202", label: "Camden" },
    { code: "801", label: "Bristol" },
    { code: "207", label: "Kensington and Chelsea" },
  ],
});

const cases: Array<{ description: string; document: unknown; pointers: string[] }> = [
  {
    description: "known LA code, LAESTAB and UPN give nothing",
    document: { child: { upn: "B801200005001" }, setting: { laCode: "202", laestab: "2021048" } },
    pointers: [],
  },
  { description: "unknown laCode", document: { setting: { laCode: "999" } }, pointers: ["/setting/laCode"] },
  {
    description: "unknown LA part of a LAESTAB",
    document: { setting: { laestab: "9991048" } },
    pointers: ["/setting/laestab"],
  },
  {
    description: "unknown LA in UPN characters 2-4, in an array",
    document: { children: [{ upn: "P207000016049" }, { upn: "X999000016049" }] },
    pointers: ["/children/1/upn"],
  },
  {
    description: "prefixed property names: formerUpn, homeLaCode, schoolLaestab",
    document: { formerUpn: "A999000016049", homeLaCode: "998", schoolLaestab: "9971234" },
    pointers: ["/formerUpn", "/homeLaCode", "/schoolLaestab"],
  },
  {
    description: "keys needing pointer escapes",
    document: { extensions: { "uk.co/vendor": { laCode: "999" } } },
    pointers: ["/extensions/uk.co~1vendor/laCode"],
  },
  {
    description: "values of the wrong shape are left to the schema",
    document: { laCode: "99", laestab: "XXXXXXX", upn: "short", nested: { laCode: 999 } },
    pointers: [],
  },
  {
    description: "other properties that merely contain a code are ignored",
    document: { note: "999", placement: { urn: "999999", ukprn: "19999999" } },
    pointers: [],
  },
  { description: "odd input never throws", document: null, pointers: [] },
  { description: "odd input never throws (array of scalars)", document: [1, "x", null], pointers: [] },
];

describe("identifierRules: any.identifiers.la-code-unknown", () => {
  it.each(cases)("$description", ({ document, pointers }) => {
    const findings = identifierRules(document, index);
    expect(findings.map((f) => f.pointer)).toEqual(pointers);
    for (const f of findings) {
      expect(f).toMatchObject({ ruleId: LA_CODE_UNKNOWN, severity: "warning" });
      expect(f.message).toMatch(/not in the known list/);
    }
  });

  it("names the code it did not know", () => {
    const [finding] = identifierRules({ child: { upn: "X999000016049" } }, index);
    expect(finding?.message).toContain("999");
    expect(finding?.message).toContain("UPN");
  });

  it("uses schemas/vocab/la-codes.json by default", () => {
    expect(identifierRules({ laCode: "801", laestab: "2021048" })).toEqual([]);
    expect(identifierRules({ laCode: "999" }).map((f) => f.ruleId)).toEqual([LA_CODE_UNKNOWN]);
  });
});
