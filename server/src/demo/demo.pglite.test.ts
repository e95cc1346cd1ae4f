// First-start demo data: loading is idempotent, and every printed demo token has something to see.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validate } from "../../../sdk/src/index.ts";
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import type { Store } from "../storage/store.ts";
import { startTestServer, type TestServer } from "../testing/harness.ts";
import { seedDemo, type DemoSummary } from "./seed.ts";
import { demoTokens } from "./tokens.ts";

const examplesDir = fileURLToPath(new URL("../../../examples/worked", import.meta.url));
let store: Store;
let s: TestServer;
let first: DemoSummary;
let second: DemoSummary;

beforeAll(async () => {
  store = await newPgliteTestStore();
  first = await seedDemo(store, validate, examplesDir);
  second = await seedDemo(store, validate, examplesDir);
  s = await startTestServer(store);
});
afterAll(async () => {
  await s?.close();
  await store?.close();
});

describe("demo data", () => {
  it("loads the worked examples, their settings and children once; a second start loads nothing", () => {
    expect(first.loaded.filter((x) => x.kind === "isp").length).toBeGreaterThan(0);
    expect(first.loaded.filter((x) => x.kind === "setting").length).toBeGreaterThan(1);
    expect(first.loaded.filter((x) => x.kind === "child").length).toBeGreaterThan(0);
    expect(second.loaded).toEqual([]);
    expect(second.skipped).toBe(first.loaded.length);
    expect(second.documents).toEqual(first.documents);
  });

  const whatEachRoleSees: Record<string, string> = {
    "setting-staff": "/isps",
    "parent-carer": "/isps",
    "la-officer": "/ehcps",
    "health-commissioner": "/ehcps",
    governor: "/governance/plan-sample",
    "dfe-publisher": "/spps",
    "system-integration": "/isps",
    auditor: "/audit",
  };

  it("every demo token is accepted and sees at least one record", async () => {
    const tokens = await demoTokens(s.signer, second);
    expect(tokens.map((t) => t.role).sort()).toEqual(Object.keys(whatEachRoleSees).sort());
    for (const t of tokens) {
      const res = await s.call("GET", whatEachRoleSees[t.role]!, { token: t.token });
      expect(res.status, t.role).toBe(200);
      const body = (await res.json()) as { items: unknown[] };
      expect(body.items.length, t.role).toBeGreaterThan(0);
    }
  });
});
