// Console progress: one line per finished test, then the summary. Writes to stderr so stdout stays clean.
import type { TestResult } from "../model.ts";
import type { Summary } from "../rollup.ts";

const MARK: Record<TestResult["outcome"], string> = {
  pass: "PASS",
  fail: "FAIL",
  warning: "WARN",
  skip: "SKIP",
  error: "ERR ",
};

export function progressLine(r: TestResult, done: number, total: number): string {
  const width = String(total).length;
  const tail = r.outcome === "pass" ? "" : `\n        ${(r.message ?? "").split("\n")[0]}`;
  return `[${String(done).padStart(width)}/${total}] ${MARK[r.outcome]} ${r.level.padEnd(6)} ${r.id}${tail}\n`;
}

export function summaryText(s: Summary): string {
  const m = s.byLevel.MUST;
  const sh = s.byLevel.SHOULD;
  return `\n${s.verdict.toUpperCase()} — MUST: ${m.pass} pass, ${m.fail} fail, ${m.error} error, ${m.skip} skip; SHOULD: ${sh.pass} pass, ${sh.warning} warning, ${sh.error} error, ${sh.skip} skip (exit ${s.exitCode})\n`;
}
