import { describe, expect, it } from "vitest";
import { extractSearchFacts } from "./search-facts.ts";
import { workedExample } from "../testing/fixtures.ts";

describe("extractSearchFacts", () => {
  it("reads the worked ISP: child, UPN, setting, LA, status, current layer, next review", () => {
    const facts = extractSearchFacts(workedExample("isp-nursery-targeted-slc.json"));
    expect(facts).toMatchObject({
      childId: "35755898-9dba-4e26-a83a-d163b7259b2b",
      identifiers: ["upn:G873301229014"],
      settingUrn: "152984",
      laCode: "873",
      status: "active",
      layer: "targeted",
      reviewDue: "2030-04-27",
    });
  });
  it("reads the worked EHCP: owning LA and the review schedule", () => {
    const facts = extractSearchFacts(workedExample("ehcp-specialist-base.json"));
    expect(facts).toMatchObject({ laCode: "330", settingUrn: "144870", status: "issued" });
  });
  it.each([
    null,
    42,
    "text",
    [],
    { child: "x" },
    { layersOfSupport: [null, { layer: 3 }] },
    { reviews: [{ nextReviewDue: "soon" }] },
  ])("never throws on odd input: %j", (doc) => {
    expect(() => extractSearchFacts(doc)).not.toThrow();
  });
});
