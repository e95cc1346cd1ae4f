// The mutation score of the suite's self-test. A fault (a deliberately broken reference server) is killed only when a
// MUST test that the fault catalogue names as its catcher passed against the correct server in the same run AND
// failed against the faulty one with the message the catalogue predicts: a test that fails anyway, or fails for
// another reason, proves nothing about the fault. Pure; conformance/mutation.test.ts starts the servers.
import type { TestResult } from "./model.ts";

export interface FaultRun {
  fault: string;
  /** Test ids the catalogue says catch the fault. */
  expected: readonly string[];
  /** The failure message the catalogue predicts. */
  message: RegExp;
  /** Test ids that passed against the correct server in the same run. */
  passedInBaseline: readonly string[];
  /** Results of the catching tests against the faulty server. */
  results: readonly Pick<TestResult, "id" | "level" | "outcome" | "message">[];
}

export interface MutationScore {
  killed: number;
  total: number;
  /** Whole percent, rounded down, so 99.5% never shows as 100%. */
  percent: number;
  survivors: string[];
}

/** The tests that kill the fault (an error or a warning is not a kill: the suite must reach a verdict). */
export function killers(run: FaultRun): string[] {
  return run.results
    .filter(
      (r) =>
        r.level === "MUST" &&
        r.outcome === "fail" &&
        run.expected.includes(r.id) &&
        run.passedInBaseline.includes(r.id) &&
        run.message.test(r.message ?? ""),
    )
    .map((r) => r.id);
}

export function isKilled(run: FaultRun): boolean {
  return killers(run).length > 0;
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
