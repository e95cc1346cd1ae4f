// The mutation score of the suite's self-test: a fault (a deliberately broken reference server) is killed when at
// least one MUST test that the fault catalogue names as its catcher fails. Pure; the test that starts the faulty
// servers lives in conformance/mutation.test.ts (tests may start the server; suite code never imports it).
import type { TestResult } from "./model.ts";

export interface FaultRun {
  fault: string;
  /** Test ids the catalogue says catch the fault. */
  expected: readonly string[];
  /** MUST tests that failed against the faulty server. */
  failedMust: readonly string[];
}

export interface MutationScore {
  killed: number;
  total: number;
  /** Whole percent, rounded down, so 99.5% never shows as 100%. */
  percent: number;
  survivors: string[];
}

/** MUST tests whose outcome is `fail` (an error or a warning is not a kill: the suite must reach a verdict). */
export function failedMustIds(results: readonly TestResult[]): string[] {
  return results.filter((r) => r.level === "MUST" && r.outcome === "fail").map((r) => r.id);
}

export function isKilled(run: FaultRun): boolean {
  return run.failedMust.some((id) => run.expected.includes(id));
}

export function mutationScore(runs: readonly FaultRun[]): MutationScore {
  const survivors = runs.filter((r) => !isKilled(r)).map((r) => r.fault);
  const killed = runs.length - survivors.length;
  return {
    killed,
    total: runs.length,
    percent: runs.length === 0 ? 0 : Math.floor((100 * killed) / runs.length),
    survivors,
  };
}

export function formatScore(s: MutationScore): string {
  return `Mutation score: ${s.killed}/${s.total} (${s.percent}%)${s.survivors.length ? ` — survivors: ${s.survivors.join(", ")}` : ""}`;
}
