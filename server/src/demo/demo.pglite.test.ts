// First-start demo data: loading is idempotent, and every printed demo token has something to see; a marker skips the
// loading on a restart with the same examples and never when they changed or the database is new.
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validate } from "../../../sdk/src/index.ts";
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import type { Store } from "../storage/store.ts";
import { startTestServer, type TestServer } from "../testing/harness.ts";
import { seedDemo, seedDemoOnce, type DemoSummary } from "./seed.ts";
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
    "young-person": "/isps",
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

describe("demo data marker (seedDemoOnce): a restart with the same examples skips the checking", () => {
  const temp: string[] = [];
  afterAll(() => {
    for (const d of temp) rmSync(d, { recursive: true, force: true });
  });
  /** A copy of the worked examples and a marker path, in a temp directory. */
  function workspace(): { examples: string; markerFile: string } {
    const dir = mkdtempSync(join(tmpdir(), "demo-seed-"));
    temp.push(dir);
    cpSync(examplesDir, join(dir, "examples"), { recursive: true });
    return { examples: join(dir, "examples"), markerFile: join(dir, "demo-seed.json") };
  }
  const counting = () => {
    const calls = { n: 0 };
    const v: typeof validate = (doc) => {
      calls.n++;
      return validate(doc);
    };
    return { v, calls };
  };

  it("seeds on the first start; a second start returns the same summary without validating or reading anything", async () => {
    const w = workspace();
    const db = await newPgliteTestStore();
    try {
      const a = counting();
      const firstRun = await seedDemoOnce(db, a.v, w.examples, { markerFile: w.markerFile, databaseIsNew: true });
      expect(a.calls.n).toBeGreaterThan(0);
      expect(firstRun.loaded.length).toBeGreaterThan(0);
      const b = counting();
      const again = await seedDemoOnce(db, b.v, w.examples, { markerFile: w.markerFile, databaseIsNew: false });
      expect(b.calls.n).toBe(0);
      // Exactly what the idempotent seed would have said on a second start.
      expect(again).toEqual(await seedDemo(db, validate, w.examples));
    } finally {
      await db.close();
    }
  });

  it("changed examples are seeded again (the new record is loaded); a fresh database voids the marker", async () => {
    const w = workspace();
    const db = await newPgliteTestStore();
    try {
      await seedDemoOnce(db, validate, w.examples, { markerFile: w.markerFile, databaseIsNew: true });
      const file = readdirSync(w.examples).find((f) => f.startsWith("isp-"))!;
      const isp = JSON.parse(readFileSync(join(w.examples, file), "utf8")) as Record<string, unknown>;
      const newId = randomUUID();
      writeFileSync(join(w.examples, `isp-zz-added.json`), JSON.stringify({ ...isp, id: newId }));
      const c = counting();
      const changed = await seedDemoOnce(db, c.v, w.examples, { markerFile: w.markerFile, databaseIsNew: false });
      expect(c.calls.n).toBeGreaterThan(0);
      expect(changed.loaded).toEqual([{ kind: "isp", id: newId }]);
      expect(await db.get("isp", newId)).toBeTruthy();
      // Unchanged since: skipped again.
      const d = counting();
      await seedDemoOnce(db, d.v, w.examples, { markerFile: w.markerFile, databaseIsNew: false });
      expect(d.calls.n).toBe(0);
    } finally {
      await db.close();
    }
    // The marker matches, but the database is a new one: it is seeded.
    const fresh = await newPgliteTestStore();
    try {
      const reseeded = await seedDemoOnce(fresh, validate, w.examples, {
        markerFile: w.markerFile,
        databaseIsNew: true,
      });
      expect(reseeded.loaded.length).toBeGreaterThan(0);
      expect(await fresh.get("isp", reseeded.documents.find((x) => x.kind === "isp")!.id)).toBeTruthy();
    } finally {
      await fresh.close();
    }
  });

  it("an unreadable or foreign marker is ignored (the seed runs and rewrites it)", async () => {
    const w = workspace();
    writeFileSync(w.markerFile, "{not json");
    const db = await newPgliteTestStore();
    try {
      const s = await seedDemoOnce(db, validate, w.examples, { markerFile: w.markerFile, databaseIsNew: false });
      expect(s.loaded.length).toBeGreaterThan(0);
      expect(JSON.parse(readFileSync(w.markerFile, "utf8"))).toMatchObject({ hash: expect.any(String) });
    } finally {
      await db.close();
    }
  });
});
