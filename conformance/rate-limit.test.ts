// Proves send.api-core.rate-limit-retry-after against the reference server: the e2e run does not declare the
// rate-limit feature (its 6,000/min default would take too long to exceed), so here an in-process reference app with
// a limit of 60 a minute is run against that one test through the suite's own runner.
import { afterAll, beforeAll, expect, it } from "vitest";
import { serve, type ServerType } from "@hono/node-server";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../server/src/app.ts";
import { loadOrCreateDevSigner } from "../server/src/auth/dev-signer.ts";
import { openStore } from "../server/src/storage/open-store.ts";
import type { Store } from "../server/src/storage/store.ts";
import { parseConfig } from "./src/config.ts";
import { ALL_TESTS, IMPLEMENTED_PROFILES } from "./src/profiles/index.ts";
import { referenceConfig } from "./src/reference-config.ts";
import { runTests } from "./src/runner.ts";

const PER_MINUTE = 60;
let dataDir = "";
let store: Store;
let server: ServerType | undefined;
let baseUrl = "";

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "conformance-rate-limit-"));
  store = await openStore();
  const signer = await loadOrCreateDevSigner(dataDir);
  const app = createApp({ store, keys: signer.keys, rateLimit: { perMinute: PER_MINUTE }, logSink: () => undefined });
  const started: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  server = started;
  baseUrl = `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => {
    (server as unknown as { closeAllConnections?: () => void } | undefined)?.closeAllConnections?.();
    if (server) server.close(() => resolve());
    else resolve();
  });
  await store?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const test = ALL_TESTS.filter((t) => t.id === "send.api-core.rate-limit-retry-after");

it("passes against the reference server with a declared limit", async () => {
  const raw = await referenceConfig(baseUrl, dataDir);
  const caps = raw.capabilities as { features: string[] };
  const cfg = parseConfig(
    {
      ...raw,
      capabilities: { ...caps, features: [...caps.features, "rate-limit"] },
      rateLimit: { requests: PER_MINUTE },
    },
    dataDir,
  );
  const [result] = await runTests(test, cfg, { profiles: IMPLEMENTED_PROFILES });
  expect(result?.message).toBeUndefined();
  expect(result?.outcome).toBe("pass");
}, 60_000);

it("is skipped with the reason when the feature is not declared", async () => {
  const cfg = parseConfig(await referenceConfig(baseUrl, dataDir), dataDir);
  const [result] = await runTests(test, cfg, { profiles: IMPLEMENTED_PROFILES });
  expect(result?.outcome).toBe("skip");
  expect(result?.message).toMatch(/feature "rate-limit" is not declared/);
});
