// Runs the selected tests: skips what the configuration declares unimplemented (with the reason), refuses to start
// when a needed credential is missing, runs the rest with bounded concurrency and a per-test time limit, and turns
// each into exactly one result. A test never sees another test's data.
import { HttpClient } from "./http/client.ts";
import { FixtureFactory, FixtureError } from "./fixtures/factory.ts";
import { ConfigError, tokenFor, type SuiteConfig } from "./config.ts";
import { CheckFailure, type Outcome, type ProfileId, type TestDef, type TestResult } from "./model.ts";
import { LoopbackReceiver } from "./transfer/loopback.ts";

export interface RunOptions {
  profiles: readonly ProfileId[];
  /** Called after each test finishes (console progress). */
  onResult?: (r: TestResult, done: number, total: number) => void;
  testTimeoutMs?: number;
}

/** Why a test is skipped under this configuration, or undefined when it runs. Pure. */
export function skipReason(test: TestDef, cfg: SuiteConfig): string | undefined {
  if (!cfg.capabilities.profiles.includes(test.profile))
    return `profile "${test.profile}" is not declared in capabilities.profiles`;
  for (const p of test.alsoProfiles ?? [])
    if (!cfg.capabilities.profiles.includes(p))
      return `profile "${p}" (which this test also needs) is not declared in capabilities.profiles`;
  for (const cap of test.capabilities ?? []) {
    const declared = cap.startsWith("resource:")
      ? cfg.capabilities.resources.includes(cap.slice("resource:".length) as never)
      : (cfg.capabilities.features ?? []).includes(cap as never);
    if (!declared)
      return cap.startsWith("resource:")
        ? `resource "${cap.slice(9)}" is not declared in capabilities.resources`
        : `feature "${cap}" is not declared in capabilities.features`;
  }
  return undefined;
}

/** Credentials the runnable tests need but the configuration lacks. Pure. */
export function missingCredentials(tests: readonly TestDef[], cfg: SuiteConfig): string[] {
  const missing = new Set<string>();
  for (const t of tests) {
    for (const need of t.roles ?? []) {
      if (!tokenFor(cfg, need.tenant, need.role))
        missing.add(`tenants[${need.tenant}].credentials["${need.role}"] (needed by ${t.id})`);
    }
  }
  return [...missing].sort();
}

export function selectTests(all: readonly TestDef[], profiles: readonly ProfileId[]): TestDef[] {
  return all.filter((t) => profiles.includes(t.profile));
}

const TRANSFER_PROFILES: readonly ProfileId[] = ["transfer-sender", "transfer-receiver"];

async function runOne(
  test: TestDef,
  cfg: SuiteConfig,
  timeoutMs: number,
  transfer: LoopbackReceiver | undefined,
): Promise<TestResult> {
  const http = new HttpClient(cfg.baseUrl, cfg.http?.timeoutMs ?? 15_000);
  const notes: string[] = [];
  const warnings: string[] = [];
  const data: Record<string, unknown> = {};
  const base = {
    id: test.id,
    title: test.title,
    level: test.level,
    profile: test.profile,
    requirements: test.requirements,
  };
  const started = performance.now();
  let outcome: Outcome = "pass";
  let message: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the test did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([
      test.run({
        http,
        config: cfg,
        fixtures: new FixtureFactory(cfg),
        warn: (m) => warnings.push(m),
        note: (m) => notes.push(m),
        attach: (name, value) => {
          data[name] = value;
        },
        ...(transfer ? { transfer } : {}),
      }),
      timeout,
    ]);
    if (warnings.length > 0) {
      outcome = "warning";
      message = warnings.join("; ");
    }
  } catch (err) {
    if (err instanceof CheckFailure) {
      // A SHOULD behaviour that does not hold is a warning, never a failure of the run.
      outcome = test.level === "MUST" ? "fail" : "warning";
      message = err.message;
    } else {
      outcome = "error";
      message =
        err instanceof FixtureError ? err.message : err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
  } finally {
    clearTimeout(timer);
  }
  const r: TestResult = {
    ...base,
    outcome,
    notes,
    durationMs: Math.round(performance.now() - started),
    exchanges: http.exchanges,
  };
  if (message !== undefined) r.message = message;
  if (Object.keys(data).length > 0) r.data = data;
  return r;
}

/** Runs the tests; results come back in the tests' own order whatever order they finished in. */
export async function runTests(all: readonly TestDef[], cfg: SuiteConfig, opts: RunOptions): Promise<TestResult[]> {
  const tests = selectTests(all, opts.profiles);
  const runnable = tests.filter((t) => skipReason(t, cfg) === undefined);
  const missing = missingCredentials(runnable, cfg);
  if (missing.length > 0) throw new ConfigError(missing.map((m) => `missing credential ${m}`));
  const results: TestResult[] = new Array(tests.length);
  let done = 0;
  const finish = (i: number, r: TestResult) => {
    results[i] = r;
    done++;
    opts.onResult?.(r, done, tests.length);
  };
  const queue: number[] = [];
  tests.forEach((t, i) => {
    const reason = skipReason(t, cfg);
    if (reason) {
      finish(i, {
        id: t.id,
        title: t.title,
        level: t.level,
        profile: t.profile,
        requirements: t.requirements,
        outcome: "skip",
        message: reason,
        notes: [],
        durationMs: 0,
        exchanges: [],
      });
    } else queue.push(i);
  });
  // The loopback receiver lives for the run, shared by every transfer test (each waits for its own bundles).
  const transfer = runnable.some((t) => TRANSFER_PROFILES.includes(t.profile))
    ? await LoopbackReceiver.start(cfg)
    : undefined;
  try {
    const workers = Array.from(
      { length: Math.min(cfg.http?.concurrency ?? 4, Math.max(queue.length, 1)) },
      async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift())
          finish(i, await runOne(tests[i]!, cfg, opts.testTimeoutMs ?? 60_000, transfer));
      },
    );
    await Promise.all(workers);
  } finally {
    await transfer?.close();
  }
  return results;
}
