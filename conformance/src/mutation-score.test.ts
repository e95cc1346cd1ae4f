import { describe, expect, it } from "vitest";
import { failedMustIds, formatScore, isKilled, mutationScore, type FaultRun } from "./mutation-score.ts";
import type { TestResult } from "./model.ts";

const result = (id: string, level: "MUST" | "SHOULD", outcome: TestResult["outcome"]): TestResult => ({
  id,
  title: id,
  level,
  profile: "api-core",
  requirements: ["SI-API-001"],
  outcome,
  notes: [],
  durationMs: 0,
  exchanges: [],
});

describe("mutation score", () => {
  it("counts only failed MUST tests as failures (not errors, warnings or SHOULD)", () => {
    const results = [
      result("a", "MUST", "fail"),
      result("b", "MUST", "error"),
      result("c", "SHOULD", "warning"),
      result("d", "MUST", "pass"),
    ];
    expect(failedMustIds(results)).toEqual(["a"]);
  });

  const runs: FaultRun[] = [
    { fault: "f1", expected: ["a", "b"], failedMust: ["b"] },
    { fault: "f2", expected: ["a"], failedMust: ["z"] }, // a failure the catalogue did not predict is not a kill
    { fault: "f3", expected: ["a"], failedMust: [] },
  ];

  it.each(runs.map((r, i) => [r.fault, r, i === 0] as const))("%s killed: %s", (_f, run, killed) => {
    expect(isKilled(run)).toBe(killed);
  });

  it("rounds down and names the survivors", () => {
    const s = mutationScore(runs);
    expect(s).toEqual({ killed: 1, total: 3, percent: 33, survivors: ["f2", "f3"] });
    expect(formatScore(s)).toBe("Mutation score: 1/3 (33%) — survivors: f2, f3");
    expect(mutationScore([...runs.slice(0, 1), ...Array.from({ length: 199 }, () => runs[0]!), runs[2]!]).percent).toBe(
      99,
    );
  });
});
