// The suite proves itself (issue 5 §3): for every fault in the fault catalogue (server/test-support/faults), an
// in-process reference server built with ONLY that fault (the production app with one wrapper, @hono/node-server on
// 127.0.0.1 port 0, one shared in-memory PGlite store) is run against the conformance tests the catalogue names,
// through the suite's own runner. A fault is killed only when one of those MUST tests passed against the correct
// server in this run and fails against the faulty one with the message the catalogue predicts (mutation-score.ts).
// Everything the baseline needs (the OpenAPI file and the docs page) is built here, so the result does not depend on
// which test file ran first. The mutation score is printed and must be 100%.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve, type ServerType } from "@hono/node-server";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { createApp } from "../server/src/app.ts";
import { loadOrCreateDevSigner, type DevSigner } from "../server/src/auth/dev-signer.ts";
import { FAULT_CATALOGUE, faultyApp } from "../server/test-support/faults/faulty-app.ts";
import { buildDocs } from "../spec/build-docs.ts";
import { buildOpenApi, serialiseOpenApi } from "../spec/build-openapi.ts";
import { openStore } from "../server/src/storage/open-store.ts";
import { defaultTransferConfig } from "../server/src/transfers/config.ts";
import type { TrustAnchorConfig } from "../server/src/transfers/anchored-trust-list.ts";
import { loadOrCreateDemoTrustAnchor } from "../server/src/transfers/demo-trust-anchor.ts";
import { freePort } from "../server/src/transfers/child-server.ts";
import type { TransferService } from "../server/src/transfers/service.ts";
import { trustRegistration } from "./src/transfer/suite-receiver-setting.ts";
import type { Store } from "../server/src/storage/store.ts";
import { parseConfig, type SuiteConfig } from "./src/config.ts";
import { formatScore, killers, mutationScore, type FaultRun } from "./src/mutation-score.ts";
import { ALL_TESTS, IMPLEMENTED_PROFILES } from "./src/profiles/index.ts";
import { referenceConfig } from "./src/reference-config.ts";
import { runTests } from "./src/runner.ts";
import type { TestDef, TestResult } from "./src/model.ts";

let dataDir = "";
let store: Store;
let signer: DevSigner;
let rawConfig: Record<string, unknown>;
let openapiPath = "";
let docsPath = "";
let trustAnchor: TrustAnchorConfig;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "conformance-mutation-"));
  openapiPath = join(dataDir, "openapi.json");
  docsPath = join(dataDir, "docs.html");
  writeFileSync(openapiPath, serialiseOpenApi(buildOpenApi()));
  buildDocs(docsPath, openapiPath);
  store = await openStore(); // in memory: one PGlite for every faulty server (tests make their own records)
  signer = await loadOrCreateDevSigner(dataDir); // the key reference-config mints the suite's tokens with
  // Every server believes the demo anchor whose key reference-config finds in dataDir and hands to the suite (feature
  // trust-anchor), so the trust-list tests publish issues; the issue is stored in the shared store.
  const anchor = await loadOrCreateDemoTrustAnchor(dataDir);
  trustAnchor = { keys: [{ kid: anchor.kid, jwk: anchor.publicJwk }] };
  // The suite's loopback receiver gets one port for the whole file; every faulty server lists it in its directory.
  // reference-config registers the parent-carers' children over HTTP: a fault-free server on the shared store takes
  // them, so every faulty server holds them too.
  const app = createApp({
    store,
    keys: signer.keys,
    openapiPath,
    docsPath,
    transfers: defaultTransferConfig({ trustAnchor }),
    logSink: () => undefined,
  });
  const setup: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  try {
    rawConfig = await referenceConfig(`http://127.0.0.1:${(setup.address() as AddressInfo).port}`, dataDir, {
      loopbackPort: await freePort(),
    });
  } finally {
    await new Promise<void>((resolve) => {
      (setup as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      setup.close(() => resolve());
    });
  }
}, 120_000);

afterAll(async () => {
  await store?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function withServer<T>(fault: string | undefined, fn: (cfg: SuiteConfig) => Promise<T>): Promise<T> {
  const transfers = defaultTransferConfig({
    directory: trustRegistration(rawConfig as Pick<SuiteConfig, "transfers">).directory,
    delivery: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 200, timeoutMs: 10_000 },
    trustAnchor,
  });
  let service: TransferService | undefined;
  const app = faultyApp(
    {
      store,
      keys: signer.keys,
      openapiPath,
      docsPath,
      transfers,
      logSink: () => undefined,
      onTransfers: (t) => (service = t),
    },
    fault,
  );
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  try {
    const { port } = server.address() as AddressInfo;
    return await fn(parseConfig(rawConfig, dataDir, `http://127.0.0.1:${port}`));
  } finally {
    service?.stop(); // no background delivery outlives its server
    await service?.idle();
    await new Promise<void>((resolve) => {
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      server.close(() => resolve());
    });
  }
}

function testsById(ids: readonly string[]): TestDef[] {
  return ALL_TESTS.filter((t) => ids.includes(t.id));
}

const run = (tests: readonly TestDef[], cfg: SuiteConfig): Promise<TestResult[]> =>
  runTests(tests, cfg, { profiles: IMPLEMENTED_PROFILES });

describe("the fault catalogue", () => {
  it("names only tests the suite has, each a MUST test", () => {
    const known = new Map(ALL_TESTS.map((t) => [t.id, t.level]));
    const wrong = FAULT_CATALOGUE.flatMap((f) =>
      f.caughtBy.filter((id) => known.get(id) !== "MUST").map((id) => `${f.id} → ${id}`),
    );
    expect(wrong).toEqual([]);
    expect(FAULT_CATALOGUE.length).toBeGreaterThanOrEqual(20);
  });
});

describe("the suite kills every fault of the reference server", () => {
  const catchers = [...new Set(FAULT_CATALOGUE.flatMap((f) => f.caughtBy))];
  let passedInBaseline: string[] = [];

  it("passes the catching tests against the reference server without faults", async () => {
    const results = await withServer(undefined, (cfg) => run(testsById(catchers), cfg));
    passedInBaseline = results.filter((r) => r.outcome === "pass").map((r) => r.id);
    const notPassed = results
      .filter((r) => r.outcome !== "pass")
      .map((r) => `${r.id}: ${r.outcome} ${r.message ?? ""}`);
    expect(notPassed).toEqual([]);
    expect(results.length).toBe(catchers.length);
  }, 120_000);

  it("fails a named MUST test with the predicted message for each fault; mutation score 100%", async () => {
    const runs: FaultRun[] = [];
    const lines: string[] = [];
    const started = performance.now();
    for (const fault of FAULT_CATALOGUE) {
      const t0 = performance.now();
      const results = await withServer(fault.id, (cfg) => run(testsById(fault.caughtBy), cfg));
      const r: FaultRun = {
        fault: fault.id,
        expected: fault.caughtBy,
        message: fault.expect,
        passedInBaseline,
        results: results.map(({ id, level, outcome, message }) => ({ id, level, outcome, message })),
      };
      runs.push(r);
      const ms = Math.round(performance.now() - t0);
      const by = killers(r);
      const said = (id: string) => (results.find((x) => x.id === id)?.message ?? "").slice(0, 160);
      const seen = results.map((x) => `${x.id} ${x.outcome}: ${said(x.id)}`).join(" | ");
      lines.push(
        by.length
          ? `killed   ${fault.id} by ${by.join(", ")}: ${said(by[0]!)} (${ms} ms)`
          : `SURVIVED ${fault.id} (${seen || "no catching test ran"}) (${ms} ms)`,
      );
    }
    const score = mutationScore(runs);
    console.log(`${lines.join("\n")}\n${formatScore(score)} in ${Math.round((performance.now() - started) / 1000)} s`);
    expect(score.survivors).toEqual([]);
    expect(score.percent).toBe(100);
  }, 900_000);
});
