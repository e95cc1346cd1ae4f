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
  /** Requirements no test cites on purpose, with the reason (NOT_TESTED). */
  deliberate: { requirement: string; reason: string }[];
}

/** Requirements the suite deliberately does not test over HTTP, and why. Shown in coverage, never hidden. */
export const NOT_TESTED: Readonly<Record<string, string>> = {
  "SI-API-051":
    "A crash in the middle of an import cannot be provoked from outside over HTTP. The suite " +
    "checks that refused bundles store nothing; the reference server proves all-or-nothing " +
    "with SIGKILL during imports (server/src/transfers/processes.test.ts).",
  "SI-API-097":
    "Retrying needs a receiver that refuses for a retryable reason and later accepts, over minutes of backoff; the suite's receiver cannot make " +
    "an implementation's trust list lag. The reference server proves it with two servers (server/src/transfers/acknowledgement.cases.ts) and the " +
    "pure classification (retry-policy.test.ts).",
  "SI-API-098":
    "Expiry takes the implementation's configured time (days by default) and cannot be brought forward from outside. The reference server proves " +
    "it with an injected instant (server/src/transfers/acknowledgement.cases.ts).",
};

export function coverage(
  tests: readonly Pick<TestDef, "id" | "requirements">[],
  reqs: readonly Requirement[],
): Coverage {
  const active = new Map(reqs.filter((r) => r.status !== "retired").map((r) => [r.id, r]));
  const byRequirement: Record<string, string[]> = {};
  const unknown: Coverage["unknown"] = [];
  for (const t of tests) {
    for (const r of t.requirements) {
      if (!active.has(r)) unknown.push({ testId: t.id, requirement: r });
      byRequirement[r] ??= [];
      byRequirement[r].push(t.id);
    }
  }
  const untested = [...active.values()].filter((r) => !byRequirement[r.id] && !NOT_TESTED[r.id]);
  const deliberate = [...active.values()]
    .filter((r) => !byRequirement[r.id] && NOT_TESTED[r.id])
    .map((r) => ({ requirement: r.id, reason: NOT_TESTED[r.id]! }));
  return { untested, unknown, byRequirement, deliberate };
}
