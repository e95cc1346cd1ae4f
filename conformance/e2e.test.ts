// End to end: the reference server (PGlite in a temporary DATA_DIR, 127.0.0.1, port 0) started as a process, the
// config from `reference-config`, then `run` over every implemented profile. Every MUST test must pass. The server's
// TRANSFER_CONFIG lists the suite's loopback receiver (`trust-registration`), as a vendor would register it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunReport } from "./src/reporters/report-model.ts";
import {
  conformanceCli as cli,
  ROOT,
  startReferenceProcess,
  type ReferenceProcess,
} from "./test-support/reference-process.ts";

let reference: ReferenceProcess | undefined;
let dataDir = "";
let baseUrl = "";
let loopbackPort = 0;

beforeAll(async () => {
  reference = await startReferenceProcess("e2e");
  ({ dataDir, baseUrl, loopbackPort } = reference);
}, 120_000);

afterAll(async () => {
  await reference?.stop();
});

describe("send-conformance against the reference server", () => {
  it("passes every MUST test of every implemented profile", async () => {
    // reference-config registers the parent-carers' children on the server, so it is given the server's URL; the
    // config then names a wrong one.
    const cfg = await cli([
      "reference-config",
      "--base-url",
      baseUrl,
      "--data-dir",
      dataDir,
      "--loopback-port",
      String(loopbackPort),
    ]);
    expect(cfg.code, cfg.stderr).toBe(0);
    const file = join(dataDir, "conformance.json");
    writeFileSync(
      file,
      JSON.stringify({ ...(JSON.parse(cfg.stdout) as object), baseUrl: "http://wrong.invalid" }, null, 2),
    );
    const reportDir = join(dataDir, "report");
    // --base-url overrides the config's URL (as when running through a proxy).
    const res = await cli(["run", "--config", file, "--base-url", baseUrl, "--report", reportDir]);
    const report = JSON.parse(readFileSync(join(reportDir, "report.json"), "utf8")) as RunReport;
    const notPassed = report.results
      .filter((r) => r.level === "MUST" && r.outcome !== "pass")
      .map((r) => `${r.id}: ${r.outcome} ${r.message ?? ""}`);
    expect(notPassed).toEqual([]);
    expect(res.code).toBe(0);
    expect(report.results.length).toBeGreaterThan(50);
    expect(readFileSync(join(reportDir, "junit.xml"), "utf8")).toContain("<testsuites");
    // Every profile ran, and the round-trip fidelity score (100%) is in report.json and report.html.
    expect(new Set(report.results.map((r) => r.profile))).toEqual(
      new Set(["documents", "api-core", "security", "transfer-sender", "transfer-receiver"]),
    );
    const fidelity = report.results.find((r) => r.id === "send.transfer-sender.round-trip-fidelity")?.data
      ?.fidelity as { overall: { score: number }; documents: unknown[] };
    expect(fidelity.overall.score).toBe(1);
    expect(fidelity.documents.length).toBeGreaterThanOrEqual(10);
    expect(readFileSync(join(reportDir, "report.html"), "utf8")).toMatch(/Round-trip fidelity: 100\.00%/);
  }, 180_000);

  it("exits 3 when a MUST test fails: the tenant B staff token replaced by tenant A's", async () => {
    const cfg = JSON.parse((await cli(["reference-config", "--base-url", baseUrl, "--data-dir", dataDir])).stdout) as {
      tenants: { credentials: Record<string, { token: string; subject: string }> }[];
    };
    cfg.tenants[1]!.credentials["setting-staff"] = cfg.tenants[0]!.credentials["setting-staff"]!;
    const file = join(dataDir, "same-tenant.json");
    writeFileSync(file, JSON.stringify(cfg));
    const res = await cli(["run", "--config", file, "--profile", "security", "--quiet"]);
    expect(res.stderr).toMatch(/NOT CONFORMANT/);
    expect(res.code).toBe(3);
  }, 120_000);

  it("exits 5 on an invalid configuration and 6 on an unknown profile", async () => {
    const file = join(dataDir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({ baseUrl: baseUrl, tenants: [], capabilities: { profiles: [], resources: [] } }),
    );
    expect((await cli(["run", "--config", file])).code).toBe(5);
    const good = join(dataDir, "conformance.json");
    expect((await cli(["run", "--config", good, "--profile", "nonsense"])).code).toBe(6);
  }, 60_000);

  it("validates documents offline", async () => {
    const res = await cli(["validate", join(ROOT, "examples/worked"), "--quiet"]);
    expect(res.stderr).toMatch(/CONFORMANT/);
    expect(res.code).toBe(0);
    const bad = join(dataDir, "bad-doc.json");
    writeFileSync(bad, JSON.stringify({ documentType: "isp", schemaVersion: "1.0" }));
    expect((await cli(["validate", bad, "--quiet"])).code).toBe(3);
  }, 60_000);
});
