// The suite pointed at a schema version: `run --schema-version 2.0` writes every fixture document as 2.0 (the
// worked examples upcast by the SDK) and the reference server must pass api-core with them, storing them as 2.0.
// An unknown version is a configuration error (exit 5), not a run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunReport } from "./src/reporters/report-model.ts";
import {
  conformanceCli as cli,
  startReferenceProcess,
  type ReferenceProcess,
} from "./test-support/reference-process.ts";

let reference: ReferenceProcess | undefined;
let file = "";

beforeAll(async () => {
  reference = await startReferenceProcess("schema-version");
  const cfg = await cli(["reference-config", "--base-url", reference.baseUrl, "--data-dir", reference.dataDir]);
  expect(cfg.code, cfg.stderr).toBe(0);
  file = join(reference.dataDir, "conformance.json");
  writeFileSync(file, cfg.stdout);
}, 120_000);

afterAll(async () => {
  await reference?.stop();
});

describe("send-conformance --schema-version", () => {
  it("runs api-core with 2.0 documents, which the reference server accepts and stores as 2.0", async () => {
    const reportDir = join(reference?.dataDir ?? "", "report-2.0");
    const res = await cli([
      "run",
      "--config",
      file,
      "--profile",
      "api-core",
      "--schema-version",
      "2.0",
      "--quiet",
      "--report",
      reportDir,
    ]);
    const report = JSON.parse(readFileSync(join(reportDir, "report.json"), "utf8")) as RunReport;
    const notPassed = report.results
      .filter((r) => r.level === "MUST" && r.outcome !== "pass")
      .map((r) => `${r.id}: ${r.outcome} ${r.message ?? ""}`);
    expect(notPassed).toEqual([]);
    expect(res.code, res.stderr).toBe(0);
    const config = JSON.parse(readFileSync(file, "utf8")) as {
      tenants: { credentials: Record<string, { token: string }> }[];
    };
    const token = config.tenants[0]?.credentials["setting-staff"]?.token ?? "";
    const list = await fetch(`${reference?.baseUrl}/spps`, { headers: { authorization: `Bearer ${token}` } });
    // The suite's own catalogue entries (spp-conformance-…), not the ones the server was seeded with.
    const items = ((await list.json()) as { items: { schemaVersion: string; catalogueId: string }[] }).items.filter(
      (i) => i.catalogueId.startsWith("spp-conformance-"),
    );
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.schemaVersion))).toEqual(new Set(["2.0"]));
  }, 300_000);

  it("refuses a schema version it does not know with exit 5", async () => {
    const res = await cli(["run", "--config", file, "--profile", "api-core", "--schema-version", "9.9", "--quiet"]);
    expect(res.stderr).toMatch(/schemaVersion 9\.9 is not one this suite knows \(1\.0, 2\.0\)/u);
    expect(res.code).toBe(5);
  }, 60_000);
});
