// The attack run's pass condition, shared by the PGlite and PostgreSQL tests.
import { expect } from "vitest";
import type { AttackReport } from "./run.ts";

/** ATTACK_SEED reproduces a run; otherwise a fresh seed each time (printed in the report). */
export function attackSeed(): number | undefined {
  const s = process.env.ATTACK_SEED;
  return s ? Number(s) : undefined;
}

export function expectCleanRun(report: AttackReport): void {
  expect(report.operationsNotCovered, "operations of spec/routes.ts never exercised").toEqual([]);
  expect(report.rolesNotCovered, "roles of spec/roles.ts never exercised").toEqual([]);
  expect(
    {
      fiveHundreds: report.fiveHundreds,
      dropped: report.dropped,
      legitFailed: report.legitFailed,
      leaks: report.leaks,
      changes: report.changes.map((c) => `${c.kind}: ${c.detail}`),
      violations: report.violations.map((v) => `${v.kind} [${v.cls}] ${v.op} ×${v.count}: ${v.example}`),
    },
    `attack run seed ${report.seed}`,
  ).toEqual({ fiveHundreds: 0, dropped: 0, legitFailed: 0, leaks: 0, changes: [], violations: [] });
}
