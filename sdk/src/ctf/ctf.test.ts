// CTF SEN bridge: fixtures in examples/ctf/ → expected records or errors; export → import round trip.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { LegacyClassification } from "../../generated/types.ts";
import { CtfExportError, exportCtfSen } from "./sen-export.ts";
import { importCtfSen } from "./sen-import.ts";

const fixture = (name: string) => readFileSync(new URL(`../../../examples/ctf/${name}.xml`, import.meta.url), "utf8");
const OPTIONS = { recordedAt: "2030-07-20T09:00:00Z", system: "CTF 24" };

describe("importCtfSen: valid fixtures", () => {
  const cases = [
    {
      file: "pupil-sen-support-to-ehcp",
      upn: "X873301229014",
      provisions: [
        ["K", "2029-10-06", "2031-02-28"],
        ["E", "2031-03-01", undefined],
      ],
      currentTypes: [
        ["SLCN", 1],
        ["ASD", 2],
      ],
      suggested: ["SLCN", "ASD"],
      warnings: [],
    },
    {
      file: "legacy-school-action-plus",
      upn: "A123456789012",
      provisions: [
        ["A", "2012-09-04", "2013-04-14"],
        ["P", "2013-04-15", "2014-08-31"],
        ["K", "2014-09-01", undefined],
      ],
      currentTypes: [["SPLD", 1]],
      suggested: ["SPLD"],
      warnings: [],
    },
    {
      file: "legacy-statement-only",
      upn: undefined,
      provisions: [["S", "2011-01-10", "2014-08-31"]],
      currentTypes: undefined,
      suggested: [],
      warnings: ["ctf.legacy-code-closed"],
    },
  ];
  it.each(cases)("$file", ({ file, upn, provisions, currentTypes, suggested, warnings }) => {
    const result = importCtfSen(fixture(file), OPTIONS);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [pupil] = result.pupils;
    expect(pupil?.upn).toBe(upn);
    expect(pupil?.classifications.map((c) => [c.senProvision, c.effectiveFrom, c.effectiveTo])).toEqual(provisions);
    expect(pupil?.classifications.at(-1)?.senTypes?.map((t) => [t.code, t.rank])).toEqual(currentTypes);
    expect(pupil?.suggestions.map((s) => s.code)).toEqual(suggested);
    expect(pupil?.warnings.map((w) => w.code)).toEqual(warnings);
    for (const record of pupil?.classifications ?? []) {
      expect(record.source).toEqual({ sourceType: "common-transfer-file", system: "CTF 24" });
      // Legacy codes are history only: always closed.
      if (["S", "A", "P"].includes(record.senProvision)) expect(record.effectiveTo).toBeDefined();
    }
  });

  it("carries the crosswalk review flags", () => {
    const result = importCtfSen(fixture("legacy-school-action-plus"), OPTIONS);
    const spld = result.ok ? result.pupils[0]?.suggestions[0] : undefined;
    expect(spld?.links.length).toBeGreaterThan(0);
    expect(spld?.needsProfessionalReview).toBe(true);
  });
});

describe("importCtfSen: errors", () => {
  it("malformed XML names line and column", () => {
    const result = importCtfSen(fixture("malformed"), OPTIONS);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(["ctf.xml-malformed"]);
    expect(result.ok ? "" : result.errors[0]?.message).toMatch(/line 7, column \d+/);
  });
  it("unknown codes, ranks out of range and impossible dates are all reported with paths", () => {
    const result = importCtfSen(fixture("unknown-type-and-rank"), OPTIONS);
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.path.split("/").slice(-2).join("/")])).toEqual([
      ["ctf.unknown-provision", "SEN[0]/SENprovision"],
      ["ctf.unknown-sen-type", "SENneed[0]/SENtype"],
      ["ctf.rank-out-of-range", "SENneed[0]/SENtypeRank"],
      ["ctf.rank-out-of-range", "SENneed[1]/SENtypeRank"],
      ["ctf.invalid-date", "SENneed[2]/NeedStartDate"],
    ]);
  });
  it.each([
    ["no SEN history", "<CTfile><Header/></CTfile>", "ctf.no-sen-history"],
    [
      "need end before start",
      "<SENhistory><SEN><StartDate>2030-01-01</StartDate><SENprovision>K</SENprovision></SEN><SENneeds><SENneed><NeedStartDate>2030-02-01</NeedStartDate><NeedEndDate>2030-01-01</NeedEndDate><SENtypeRank>1</SENtypeRank><SENtype>HI</SENtype></SENneed></SENneeds></SENhistory>",
      "ctf.invalid-date",
    ],
    [
      "rank not a number",
      "<SENhistory><SEN><StartDate>2030-01-01</StartDate><SENprovision>K</SENprovision></SEN><SENneeds><SENneed><SENtypeRank>first</SENtypeRank><SENtype>HI</SENtype></SENneed></SENneeds></SENhistory>",
      "ctf.rank-out-of-range",
    ],
    ["not XML at all", '{"json": true}', "ctf.xml-malformed"],
  ])("%s → %s", (_name, xml, code) => {
    const result = importCtfSen(xml, OPTIONS);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toContain(code);
  });
});

describe("exportCtfSen", () => {
  const records = (): LegacyClassification[] => {
    const result = importCtfSen(fixture("pupil-sen-support-to-ehcp"), OPTIONS);
    if (!result.ok) throw new Error("fixture should import");
    return result.pupils[0]?.classifications ?? [];
  };

  it("export → import gives back the current status with its ranked needs", () => {
    const xml = exportCtfSen(records(), "2031-06-01");
    expect(xml).toContain("<SENprovision>E</SENprovision>");
    const again = importCtfSen(xml, OPTIONS);
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    const current = records().at(-1);
    expect(again.pupils[0]?.classifications).toEqual([{ ...current }]);
  });

  it("exports the status in force on the date asked", () => {
    expect(exportCtfSen(records(), "2030-01-01")).toContain("<SENprovision>K</SENprovision>");
  });

  it("refuses to write a historic code or nothing as current status", () => {
    const result = importCtfSen(fixture("legacy-statement-only"), OPTIONS);
    const legacy = result.ok ? (result.pupils[0]?.classifications ?? []) : [];
    expect(() => exportCtfSen(legacy, "2012-01-01")).toThrow(CtfExportError);
    expect(() => exportCtfSen(legacy, "2030-01-01")).toThrow(/No SEN classification/);
  });
});
