// The run report every reporter renders: results plus the context needed to trust them (suite version, target,
// declared capabilities, requirement texts, coverage). Built once, rendered as JSON, JUnit XML and HTML.
import { CURRENT_SCHEMA_VERSION } from "send-interchange";
import { packageVersion } from "../package-version.ts";
import type { TestResult } from "../model.ts";
import type { SuiteConfig } from "../config.ts";
import type { Coverage, Requirement } from "../requirements.ts";
import { summarise, type Summary } from "../rollup.ts";

export interface RunReport {
  suite: { name: string; version: string };
  target: { baseUrl: string; implementation?: SuiteConfig["implementation"] };
  capabilities: SuiteConfig["capabilities"];
  profiles: string[];
  /** The schemaVersion of the documents the suite wrote (`--schema-version`, default the SDK's current one). */
  schemaVersion: string;
  startedAt: string;
  finishedAt: string;
  summary: Summary;
  results: TestResult[];
  /** Text of every requirement a result cites, so a failure can be read without the catalogue. */
  requirements: Record<string, Pick<Requirement, "id" | "level" | "text">>;
  coverage?: { untested: string[]; unknown: Coverage["unknown"]; deliberate?: Coverage["deliberate"] };
}

/** The suite's version, as the reports state it. */
export function suiteVersion(): string {
  return packageVersion();
}

export function buildReport(args: {
  config: Pick<SuiteConfig, "baseUrl" | "implementation" | "capabilities" | "schemaVersion">;
  profiles: readonly string[];
  results: TestResult[];
  startedAt: Date;
  finishedAt: Date;
  catalogue: readonly Requirement[];
  coverage?: Coverage;
}): RunReport {
  const cited = new Set(args.results.flatMap((r) => r.requirements));
  const requirements: RunReport["requirements"] = {};
  for (const r of args.catalogue) if (cited.has(r.id)) requirements[r.id] = { id: r.id, level: r.level, text: r.text };
  const report: RunReport = {
    suite: { name: "send-conformance", version: suiteVersion() },
    target: {
      baseUrl: args.config.baseUrl,
      ...(args.config.implementation ? { implementation: args.config.implementation } : {}),
    },
    capabilities: args.config.capabilities,
    profiles: [...args.profiles],
    schemaVersion: args.config.schemaVersion ?? CURRENT_SCHEMA_VERSION,
    startedAt: args.startedAt.toISOString(),
    finishedAt: args.finishedAt.toISOString(),
    summary: summarise(args.results),
    results: args.results,
    requirements,
  };
  if (args.coverage)
    report.coverage = {
      untested: args.coverage.untested.map((r) => r.id),
      unknown: args.coverage.unknown,
      deliberate: args.coverage.deliberate,
    };
  return report;
}
