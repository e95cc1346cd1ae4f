// Rolls results up into counts, a verdict and the process exit code. Pure. Skips and errors are never passes.
import { OUTCOME_PRECEDENCE, type Level, type Outcome, type TestResult } from "./model.ts";

export const EXIT = {
  /** Every MUST test ran and passed (skips only where the configuration declares the capability absent). */
  conformant: 0,
  /** Unexpected crash of the CLI itself (a bug in the suite). */
  crash: 1,
  /** At least one MUST test failed. */
  mustFailed: 3,
  /** No MUST failed, but at least one test errored: the verdict is incomplete. */
  incomplete: 4,
  /** The configuration file is missing, unreadable or invalid, or lacks a credential a selected test needs. */
  badConfig: 5,
  /** Bad command line (unknown command, option or profile). */
  usage: 6,
  /** The base URL could not be reached at all. */
  unreachable: 7,
  /** verify-certificate: the certificate is malformed, altered, signed by another key, stale, or not the report's. */
  certificateInvalid: 8,
} as const;

export type Counts = Record<Outcome, number>;

export interface Summary {
  total: number;
  byOutcome: Counts;
  byLevel: Record<Level, Counts>;
  /** The worst outcome among MUST tests (pass when there are none). */
  mustRollup: Outcome;
  verdict: "conformant" | "not conformant" | "incomplete";
  exitCode: number;
}

const zero = (): Counts => ({ pass: 0, fail: 0, warning: 0, skip: 0, error: 0 });

export function worstOf(outcomes: readonly Outcome[]): Outcome {
  return OUTCOME_PRECEDENCE.find((o) => outcomes.includes(o)) ?? "pass";
}

export function summarise(results: readonly Pick<TestResult, "level" | "outcome">[]): Summary {
  const byOutcome = zero();
  const byLevel: Record<Level, Counts> = { MUST: zero(), SHOULD: zero() };
  for (const r of results) {
    byOutcome[r.outcome]++;
    byLevel[r.level][r.outcome]++;
  }
  const must = results.filter((r) => r.level === "MUST").map((r) => r.outcome);
  const mustRollup = worstOf(must);
  const verdict =
    byLevel.MUST.fail > 0 ? "not conformant" : results.some((r) => r.outcome === "error") ? "incomplete" : "conformant";
  const exitCode =
    verdict === "not conformant" ? EXIT.mustFailed : verdict === "incomplete" ? EXIT.incomplete : EXIT.conformant;
  return { total: results.length, byOutcome, byLevel, mustRollup, verdict, exitCode };
}
