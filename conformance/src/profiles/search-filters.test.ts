// The suite can exercise every search filter the standard describes, and break an error rule of every document type:
// a filter or rule change in the standard that the suite cannot follow fails here, in the repository, not at a vendor.
import { describe, expect, it } from "vitest";
import { loadTemplates } from "../fixtures/templates.ts";
import { breakingRule, RULE_BREAKERS } from "../fixtures/rule-breakers.ts";
import { problemTypes, searchFilters } from "../standard-api.ts";
import { RESOURCE_SPECS } from "./resources.ts";
import { PROBES } from "./search-filters.ts";

describe("search filters", () => {
  it.each(RESOURCE_SPECS.filter((s) => s.personal).map((s) => [s.path]))("%s: every filter has a probe", (path) => {
    const filters = searchFilters(path);
    expect(filters).toEqual(
      expect.arrayContaining(["childId", "upn", "uln", "nhsNumber", "status", "reviewDueBefore"]),
    );
    expect(filters.filter((f) => !PROBES[f])).toEqual([]);
  });

  it("ISP searches include the layer filter (SI-API-012)", () => {
    expect(searchFilters("/isps")).toContain("layer");
  });
});

describe("rule breakers", () => {
  it.each(Object.keys(RULE_BREAKERS))("%s: the fixture breaks exactly its error rule and is schema-valid", (kind) => {
    const template = loadTemplates().get(kind);
    expect(template, kind).toBeDefined();
    const broken = breakingRule(kind as keyof typeof RULE_BREAKERS, template!);
    expect(broken.ruleId).toBe(RULE_BREAKERS[kind as keyof typeof RULE_BREAKERS].ruleId);
  });
});

describe("problem types", () => {
  it("the published catalogue gives validation-failed for 422 and four kinds for 400", () => {
    const types = problemTypes();
    expect(types.find((t) => t.kind === "validation-failed")).toMatchObject({ status: 422 });
    expect(
      types
        .filter((t) => t.status === 400)
        .map((t) => t.kind)
        .sort(),
    ).toEqual(["invalid-encoding", "invalid-parameter", "malformed-json", "too-deep"].sort());
  });
});
