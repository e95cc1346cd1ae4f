// Worked cases for the runtime helpers over the standard's real lists, plus the pure factory over a small fixture.
import { describe, expect, it } from "vitest";
import {
  childrenOf,
  codeValidity,
  createVocabulary,
  crosswalk,
  getCode,
  getCodeList,
  isCodeValidOn,
  listIds,
} from "./index.ts";
import type { CodeList, Crosswalk } from "./types.ts";

describe("isCodeValidOn / codeValidity: worked cases", () => {
  const cases: {
    listId: string;
    code: string;
    date: string;
    expected: ReturnType<typeof codeValidity>;
    why: string;
  }[] = [
    {
      listId: "census-sen-types",
      code: "DS",
      date: "2024-05-16",
      expected: "not-yet-valid",
      why: "DS only from the January 2025 census",
    },
    {
      listId: "census-sen-types",
      code: "DS",
      date: "2025-01-15",
      expected: "not-yet-valid",
      why: "day before census day",
    },
    { listId: "census-sen-types", code: "DS", date: "2025-01-16", expected: "valid", why: "January 2025 census day" },
    { listId: "census-sen-types", code: "DS", date: "2026-10-01", expected: "valid", why: "still in use" },
    { listId: "census-sen-types", code: "MLD", date: "2010-01-21", expected: "valid", why: "no known start" },
    {
      listId: "census-sen-provision",
      code: "S",
      date: "2013-01-17",
      expected: "valid",
      why: "statements existed before the 2014 reforms",
    },
    { listId: "census-sen-provision", code: "S", date: "2014-08-31", expected: "valid", why: "validTo is inclusive" },
    {
      listId: "census-sen-provision",
      code: "S",
      date: "2014-09-01",
      expected: "retired",
      why: "history only after the 2014 reforms",
    },
    {
      listId: "census-sen-provision",
      code: "A",
      date: "2019-01-17",
      expected: "retired",
      why: "School Action ended in 2014",
    },
    {
      listId: "census-sen-provision",
      code: "P",
      date: "2015-01-15",
      expected: "retired",
      why: "School Action Plus ended in 2014",
    },
    {
      listId: "census-sen-provision",
      code: "K",
      date: "2013-01-17",
      expected: "not-yet-valid",
      why: "SEN support began with the 2014 reforms",
    },
    { listId: "census-sen-provision", code: "E", date: "2026-01-15", expected: "valid", why: "current code" },
    { listId: "census-sen-provision", code: "X", date: "2026-01-15", expected: "unknown-code", why: "no such code" },
    { listId: "no-such-list", code: "E", date: "2026-01-15", expected: "unknown-list", why: "no such list" },
    {
      listId: "areas-of-development",
      code: "executive-function",
      date: "2029-08-31",
      expected: "not-yet-valid",
      why: "proposed from September 2029",
    },
    {
      listId: "areas-of-development",
      code: "executive-function",
      date: "2029-09-01",
      expected: "valid",
      why: "proposed start",
    },
    { listId: "la-codes", code: "928", date: "2022-01-01", expected: "retired", why: "Northamptonshire split in 2021" },
    {
      listId: "la-codes",
      code: "940",
      date: "2020-01-01",
      expected: "not-yet-valid",
      why: "North Northamptonshire from 2021",
    },
    { listId: "la-codes", code: "202", date: "1999-01-01", expected: "valid", why: "Camden, no known start" },
  ];
  it.each(cases)("$listId $code on $date is $expected ($why)", ({ listId, code, date, expected }) => {
    expect(codeValidity(listId, code, date)).toBe(expected);
    expect(isCodeValidOn(listId, code, date)).toBe(expected === "valid");
  });

  it("accepts date-times and Date objects (their calendar date)", () => {
    expect(isCodeValidOn("census-sen-types", "DS", "2025-01-16T08:00:00Z")).toBe(true);
    expect(isCodeValidOn("census-sen-types", "DS", new Date(Date.UTC(2025, 0, 15)))).toBe(false);
  });

  it("rejects a malformed date instead of guessing", () => {
    expect(() => isCodeValidOn("census-sen-types", "DS", "16/01/2025")).toThrow(RangeError);
  });
});

describe("crosswalk: worked cases", () => {
  it("SLCN maps to speech, language and communication without review", () => {
    const result = crosswalk("census-sen-types", "SLCN");
    expect(result.links.map((link) => [link.to, link.strength, link.needsProfessionalReview])).toEqual([
      ["speech-language-communication", "primary", false],
    ]);
    expect(result.unmapped).toEqual([]);
    expect(result.needsProfessionalReview).toBe(false);
  });

  it.each(["MLD", "OTH", "NSA", "DS"])("%s has no links, only an unmapped reason, and needs review", (code) => {
    const result = crosswalk("census-sen-types", code, "areas-of-development");
    expect(result.links).toEqual([]);
    expect(result.unmapped).toHaveLength(1);
    expect(result.unmapped[0]!.reason.length).toBeGreaterThan(20);
    expect(result.needsProfessionalReview).toBe(true);
  });

  it("ASD is many-to-many and every link needs review", () => {
    const result = crosswalk("census-sen-types", "ASD");
    expect(result.links.map((link) => link.to).sort()).toEqual([
      "executive-function",
      "sensory",
      "social-emotional",
      "speech-language-communication",
    ]);
    expect(result.links.every((link) => link.needsProfessionalReview)).toBe(true);
  });

  it("cognition and learning is partly linked and partly unmapped", () => {
    const result = crosswalk("broad-areas-of-need", "cognition-and-learning");
    expect(result.links.map((link) => link.to)).toEqual(["executive-function"]);
    expect(result.unmapped).toHaveLength(1);
    expect(result.needsProfessionalReview).toBe(true);
  });

  it("a list with no crosswalk gives no links and asks for review", () => {
    const result = crosswalk("layers-of-support", "targeted");
    expect(result.links).toEqual([]);
    expect(result.needsProfessionalReview).toBe(true);
  });

  it("the toList filter excludes other targets", () => {
    expect(crosswalk("census-sen-types", "SLCN", "broad-areas-of-need").links).toEqual([]);
  });
});

describe("list lookups", () => {
  it("getCodeList / getCode / listIds read the standard's lists", () => {
    expect(getCodeList("layers-of-support")?.defName).toBe("LayerOfSupport");
    expect(getCode("census-sen-types", "DS")?.label).toBe("Down syndrome");
    expect(getCodeList("nope")).toBeUndefined();
    expect(listIds()).toContain("area-sub-components");
  });

  it("childrenOf returns the sub-components of each area, and together they cover every sub-component", () => {
    const areas = getCodeList("areas-of-development")!.codes.map((entry) => entry.code);
    const children = areas.flatMap((area) => childrenOf("area-sub-components", area));
    for (const area of areas) expect(childrenOf("area-sub-components", area).length).toBeGreaterThan(0);
    expect(children.map((entry) => entry.code).sort()).toEqual(
      getCodeList("area-sub-components")!
        .codes.map((entry) => entry.code)
        .sort(),
    );
    expect(childrenOf("area-sub-components", "social-emotional").map((entry) => entry.code)).toContain(
      "social-emotional.social-rights-responsibilities",
    );
  });
});

describe("createVocabulary over a fixture (pure)", () => {
  const lists: CodeList[] = [
    {
      id: "colours",
      defName: "Colour",
      title: "Colours",
      description: "d",
      version: "1.0.0",
      source: "s",
      codes: [
        {
          code: "red",
          label: "Red",
          familyLabel: "Red",
          definition: "d",
          validFrom: null,
          validTo: "2020-12-31",
          source: "s",
        },
        {
          code: "blue",
          label: "Blue",
          familyLabel: "Blue",
          definition: "d",
          validFrom: "2021-01-01",
          validTo: null,
          source: "s",
        },
      ],
    },
    {
      id: "moods",
      defName: "Mood",
      title: "Moods",
      description: "d",
      version: "1.0.0",
      source: "s",
      codes: [
        {
          code: "calm",
          label: "Calm",
          familyLabel: "Calm",
          definition: "d",
          validFrom: null,
          validTo: null,
          source: "s",
        },
      ],
    },
  ];
  const crosswalks: Crosswalk[] = [
    {
      id: "colours-to-moods",
      title: "t",
      description: "d",
      version: "1.0.0",
      source: "s",
      fromList: "colours",
      toList: "moods",
      links: [{ from: "blue", to: "calm", strength: "partial", needsProfessionalReview: true, note: "n" }],
      unmapped: [{ from: "red", reason: "no calm red" }],
    },
  ];
  const v = createVocabulary(lists, crosswalks);

  it("answers validity from the given data only", () => {
    expect(v.codeValidity("colours", "red", "2020-12-31")).toBe("valid");
    expect(v.codeValidity("colours", "red", "2021-01-01")).toBe("retired");
    expect(v.codeValidity("colours", "blue", "2020-12-31")).toBe("not-yet-valid");
    expect(v.codeValidity("census-sen-types", "DS", "2026-01-01")).toBe("unknown-list");
  });

  it("follows crosswalk links and unmapped reasons", () => {
    expect(v.crosswalk("colours", "blue").links).toEqual([
      {
        crosswalkId: "colours-to-moods",
        toList: "moods",
        to: "calm",
        strength: "partial",
        needsProfessionalReview: true,
        note: "n",
      },
    ]);
    expect(v.crosswalk("colours", "red").unmapped).toEqual([
      { crosswalkId: "colours-to-moods", toList: "moods", reason: "no calm red" },
    ]);
  });
});
