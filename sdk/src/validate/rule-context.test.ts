// validate() passes the rule context (SPP catalogue, today) through to the rules: without it the catalogue-dependent
// checks stay silent; with it they fire. The EHCP worked example cites spp-illustrative-communication-interaction@1.0.0.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validate } from "./validate.ts";

const ehcp: unknown = JSON.parse(
  readFileSync(new URL("../../../examples/worked/ehcp-specialist-base.json", import.meta.url), "utf8"),
);
const sppId = "spp-illustrative-communication-interaction";

const cases: Array<{
  description: string;
  catalogue?: Array<{ id: string; version: string; status: string }>;
  expected: string[];
}> = [
  { description: "no catalogue: the citation check is skipped", expected: [] },
  {
    description: "cited version published: no finding",
    catalogue: [{ id: sppId, version: "1.0.0", status: "published" }],
    expected: [],
  },
  {
    description: "cited version only in consultation: not published",
    catalogue: [{ id: sppId, version: "1.0.0", status: "consultation" }],
    expected: ["ehcp.spp-citation.not-published"],
  },
  {
    description: "cited version absent from the catalogue: not published",
    catalogue: [{ id: sppId, version: "2.0.0", status: "published" }],
    expected: ["ehcp.spp-citation.not-published"],
  },
  {
    description: "cited version retired: warned",
    catalogue: [{ id: sppId, version: "1.0.0", status: "retired" }],
    expected: ["ehcp.spp-citation.retired"],
  },
];

describe("validate() with a rule context", () => {
  for (const c of cases) {
    it(c.description, () => {
      const result = validate(ehcp, c.catalogue ? { context: { sppCatalogue: c.catalogue } } : {});
      expect(result.errors).toEqual([]);
      const spp = result.findings.filter((f) => f.ruleId.startsWith("ehcp.spp-citation."));
      expect(spp.map((f) => f.ruleId)).toEqual(c.expected);
      for (const f of spp) expect(f.pointer).toMatch(/^\/packages\/0/);
    });
  }
});
