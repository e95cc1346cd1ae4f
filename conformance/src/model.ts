// The test model of the conformance suite: what a test is, what a result is, and the closed outcome enum.
// Ids are explicit and immutable (conformance/ids.lock), never derived from position or title.
import type { RoleId } from "send-interchange/roles";
import type { Exchange } from "./http/exchange.ts";

export type Level = "MUST" | "SHOULD";

/**
 * pass: the behaviour holds. fail: a MUST behaviour does not hold. warning: a SHOULD behaviour does not hold (or a
 * MUST passed with a caveat the test reports). skip: not run because the configuration declares the capability it
 * needs as not implemented (always with a reason; never counted as a pass). error: the test could not reach a verdict
 * (network failure, unexpected exception, fixture could not be created) — never counted as a pass either.
 */
export type Outcome = "pass" | "fail" | "warning" | "skip" | "error";

/** Worst first: the rollup of a set of results is the first outcome in this list that occurs. */
export const OUTCOME_PRECEDENCE: readonly Outcome[] = ["error", "fail", "warning", "skip", "pass"];

export type ProfileId = "documents" | "api-core" | "security" | "transfer-sender" | "transfer-receiver";
export const PROFILE_IDS: readonly ProfileId[] = [
  "documents",
  "api-core",
  "security",
  "transfer-sender",
  "transfer-receiver",
];

/** A role credential the test uses: which tenant (0 = first, 1 = second) and which role. */
export interface RoleNeed {
  tenant: 0 | 1;
  role: RoleId;
}

export interface TestDef {
  /** Stable forever: `send.<profile>.<behaviour>` (dot/kebab case). Listed in conformance/ids.lock. */
  id: string;
  /** Present tense, no "should", under 70 characters. */
  title: string;
  level: Level;
  /** Requirement ids from spec/requirements/requirements.json that this test verifies. */
  requirements: readonly string[];
  profile: ProfileId;
  /** Other profiles the test also exercises (e.g. a round trip needs both transfer sides); undeclared → skip. */
  alsoProfiles?: readonly ProfileId[];
  /** Capabilities (config `capabilities.features`) the test needs; undeclared → skip with the reason. */
  capabilities?: readonly string[];
  /** Credentials the test uses; missing ones are a configuration error, reported before anything runs. */
  roles?: readonly RoleNeed[];
  run(ctx: TestContext): Promise<void>;
}

/** Thrown by checks: the implementation does not behave as required. */
export class CheckFailure extends Error {
  override name = "CheckFailure";
}

export interface TestContext {
  /** HTTP client bound to the implementation; records every exchange for the report. */
  http: import("./http/client.ts").HttpClient;
  config: import("./config.ts").SuiteConfig;
  fixtures: import("./fixtures/factory.ts").FixtureFactory;
  /** Records a caveat: a passing test with notes becomes a warning. */
  warn(message: string): void;
  /** Free-text note shown in the report (e.g. what was compared). */
  note(message: string): void;
  /** Structured data for the report (e.g. the round-trip fidelity score and its differences). */
  attach(name: string, value: unknown): void;
  /** The suite's loopback receiver; present when a transfer profile runs. */
  transfer?: import("./transfer/loopback.ts").LoopbackReceiver;
}

export interface TestResult {
  id: string;
  title: string;
  level: Level;
  profile: ProfileId;
  requirements: readonly string[];
  outcome: Outcome;
  /** Why it failed, warned, skipped or errored. */
  message?: string;
  notes: string[];
  durationMs: number;
  exchanges: Exchange[];
  /** Structured data the test attached (ctx.attach), e.g. `fidelity`. */
  data?: Record<string, unknown>;
}
