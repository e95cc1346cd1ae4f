// The clause listing (clauses.ts) matches the tests: each test it names exists and cites the requirement, each test
// citing a requirement asserts one of its listed clauses, every clause has a test or a stated gap, and
// conformance/COVERAGE.md is the listing as rendered now.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COVERAGE_FILE } from "../scripts/coverage-listing.ts";
import { clauseProblems, clauseRows, renderClauseListing } from "./clauses.ts";
import { ALL_TESTS } from "./profiles/index.ts";
import { loadRequirements } from "./requirements.ts";

const reqs = loadRequirements();

describe("the clause listing", () => {
  it("names only real tests citing the requirement, and every citing test", () => {
    expect(clauseProblems(ALL_TESTS, reqs)).toEqual([]);
  });

  it("lists SI-API-012's filters and SI-API-014's rule errors as tested", () => {
    const rows = clauseRows(ALL_TESTS, reqs);
    const clauses = (id: string) => rows.find((r) => r.requirement.id === id)!.clauses;
    expect(clauses("SI-API-012").every((c) => c.tests.length > 0 && !c.gap)).toBe(true);
    expect(clauses("SI-API-014").find((c) => c.clause.includes("rule"))?.tests).toContain(
      "send.api-core.isp.invalid-document-refused",
    );
  });

  it("catches a test that cites a requirement without asserting a listed clause", () => {
    const stray = { id: "send.api-core.stray", requirements: ["SI-API-015"] };
    expect(clauseProblems([...ALL_TESTS, stray], reqs)).toEqual([
      "SI-API-015: send.api-core.stray cites it but asserts no listed clause",
    ]);
  });

  it("lists clauses no request can check apart from the gaps, each saying what proves it instead", () => {
    const listing = renderClauseListing(ALL_TESTS, reqs);
    const unreachable = clauseRows(ALL_TESTS, reqs).flatMap((r) => r.clauses.filter((c) => c.notBlackBox));
    expect(unreachable.map((c) => c.clause)).toContain("/readyz answers 503 when the server cannot serve");
    for (const c of unreachable) {
      expect(c.tests).toEqual([]);
      expect(listing).toContain(`| ${c.clause} | ${c.notBlackBox} |`);
    }
  });

  it("conformance/COVERAGE.md is fresh (npx tsx conformance/scripts/coverage-listing.ts)", () => {
    expect(readFileSync(COVERAGE_FILE, "utf8")).toBe(renderClauseListing(ALL_TESTS, reqs));
  });
});
