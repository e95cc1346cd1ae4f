// The requirements catalogue (spec/requirements/requirements.json), read as data, and the coverage report: which
// requirements no test verifies. Pure apart from loading the file.
import { readFileSync } from "node:fs";
import type { TestDef } from "./model.ts";

export interface Requirement {
  id: string;
  level: string;
  area: string;
  text: string;
  status: string;
}

export const REQUIREMENTS_PATH = new URL("../../spec/requirements/requirements.json", import.meta.url);

export function loadRequirements(path: URL | string = REQUIREMENTS_PATH): Requirement[] {
  const raw = JSON.parse(readFileSync(path, "utf8")) as { requirements: Requirement[] };
  return raw.requirements;
}

export interface Coverage {
  /** Active requirements with no test citing them. */
  untested: Requirement[];
  /** Requirement ids cited by tests but absent from (or retired in) the catalogue. */
  unknown: { testId: string; requirement: string }[];
  /** requirement id → ids of tests citing it. */
  byRequirement: Record<string, string[]>;
}

export function coverage(tests: readonly Pick<TestDef, "id" | "requirements">[], reqs: readonly Requirement[]): Coverage {
  const active = new Map(reqs.filter((r) => r.status !== "retired").map((r) => [r.id, r]));
  const byRequirement: Record<string, string[]> = {};
  const unknown: Coverage["unknown"] = [];
  for (const t of tests) {
    for (const r of t.requirements) {
      if (!active.has(r)) unknown.push({ testId: t.id, requirement: r });
      (byRequirement[r] ??= []).push(t.id);
    }
  }
  const untested = [...active.values()].filter((r) => !byRequirement[r.id]);
  return { untested, unknown, byRequirement };
}
