import { describe, expect, it } from "vitest";
import { formatScore, isKilled, killers, mutationScore, type FaultRun } from "./mutation-score.ts";

const r = (
  id: string,
  outcome: "pass" | "fail" | "error" | "warning",
  message = "",
  level: "MUST" | "SHOULD" = "MUST",
) => ({
  id,
  level,
  outcome,
  message,
});
const run = (fault: string, results: FaultRun["results"], passedInBaseline = ["a", "b"]): FaultRun => ({
  fault,
  expected: ["a", "b"],
  message: /expected 428/,
  passedInBaseline,
  results,
});

describe("mutation score", () => {
  const cases: [string, FaultRun, boolean][] = [
    ["a named test fails with the predicted message", run("f1", [r("b", "fail", "expected 428, got 200")]), true],
    ["a failure the catalogue did not name", run("f2", [r("z", "fail", "expected 428, got 200")]), false],
    [
      "the named test also failed without the fault",
      run("f3", [r("a", "fail", "expected 428, got 200")], ["b"]),
      false,
    ],
    ["the named test fails with another message", run("f4", [r("a", "fail", "server answered 503")]), false],
    ["an error is not a verdict", run("f5", [r("a", "error", "expected 428, got 200")]), false],
    ["a SHOULD failure is not a kill", run("f6", [r("a", "fail", "expected 428, got 200", "SHOULD")]), false],
    ["nothing fails", run("f7", [r("a", "pass")]), false],
  ];
  it.each(cases)("%s", (_what, fault, killed) => {
    expect(isKilled(fault)).toBe(killed);
  });

  it("names the killing tests", () => {
    expect(killers(run("f", [r("a", "fail", "expected 428"), r("b", "fail", "expected 428")]))).toEqual(["a", "b"]);
  });

  it("rounds down and names the survivors", () => {
    const runs = cases.slice(0, 3).map(([, f]) => f);
    const s = mutationScore(runs);
    expect(s).toEqual({ killed: 1, total: 3, percent: 33, survivors: ["f2", "f3"] });
    expect(formatScore(s)).toBe("Mutation score: 1/3 (33%) — survivors: f2, f3");
    expect(mutationScore([...Array.from({ length: 199 }, () => runs[0]!), runs[1]!]).percent).toBe(99);
  });
});
