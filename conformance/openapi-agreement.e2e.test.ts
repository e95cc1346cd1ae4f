// The spec and the server agree: the whole conformance suite, every profile and every role, runs against the
// reference server (PGlite in a temporary DATA_DIR, started as a process as in e2e.test.ts) THROUGH a proxy that
// checks every response against spec/generated/openapi.json (spec/test-support/validating-proxy.ts): the status is
// declared for the operation, headers are declared and well-formed, the content type is declared and the body matches
// the response schema; a request the server accepted must match the declared request body. Zero violations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunReport } from "./src/reporters/report-model.ts";
import { ROLES } from "../spec/roles.ts";
import { startValidatingProxy, type ValidatingProxy } from "../spec/test-support/validating-proxy.ts";
import {
  conformanceCli as cli,
  ROOT,
  startReferenceProcess,
  type ReferenceProcess,
} from "./test-support/reference-process.ts";

let reference: ReferenceProcess | undefined;
let proxy: ValidatingProxy | undefined;
let dataDir = "";
let loopbackPort = 0;
/** The suite configuration the first test writes, for the later runs. */
let configFile = "";

beforeAll(async () => {
  reference = await startReferenceProcess("openapi");
  ({ dataDir, loopbackPort } = reference);
  const openapi = JSON.parse(readFileSync(join(ROOT, "spec/generated/openapi.json"), "utf8")) as Record<
    string,
    unknown
  >;
  proxy = await startValidatingProxy({ upstream: reference.baseUrl, openapi });
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await reference?.stop();
});

describe("the reference server answers as its OpenAPI document says", () => {
  it("runs the whole conformance suite through a response-validating proxy with no violation", async () => {
    const url = proxy!.url;
    const cfg = await cli([
      "reference-config",
      "--base-url",
      url,
      "--data-dir",
      dataDir,
      "--loopback-port",
      String(loopbackPort),
    ]);
    expect(cfg.code, cfg.stderr).toBe(0);
    const file = join(dataDir, "conformance.json");
    writeFileSync(file, cfg.stdout);
    configFile = file;
    const reportDir = join(dataDir, "report");
    const res = await cli(["run", "--config", file, "--report", reportDir]);
    const report = JSON.parse(readFileSync(join(reportDir, "report.json"), "utf8")) as RunReport;
    const notPassed = report.results
      .filter((r) => r.level === "MUST" && r.outcome !== "pass")
      .map((r) => `${r.id}: ${r.outcome} ${r.message ?? ""}`);
    expect(notPassed).toEqual([]);
    expect(res.code).toBe(0);

    const { stats } = proxy!;
    const summary = {
      checked: stats.checked,
      violations: stats.violations.length,
      byRole: stats.byRole,
      operations: Object.keys(stats.byOperation).length,
    };
    // OPENAPI_AGREEMENT_OUT=<file> keeps the full list, for reporting.
    if (process.env.OPENAPI_AGREEMENT_OUT)
      writeFileSync(
        process.env.OPENAPI_AGREEMENT_OUT,
        `${JSON.stringify({ ...summary, violationList: stats.violations }, null, 2)}\n`,
      );
    console.log(`validating proxy: ${JSON.stringify(summary)}`);
    // Every role of spec/roles.ts made requests through the proxy, and a few hundred responses were checked.
    expect(Object.keys(stats.byRole).sort()).toEqual(expect.arrayContaining(ROLES.map((r) => r.id).sort()));
    expect(stats.checked).toBeGreaterThan(300);
    expect(stats.violations).toEqual([]);
  }, 300_000);

  it("a run writing 2.0 documents (--schema-version 2.0) agrees too: the OpenAPI describes every supported version", async () => {
    expect(configFile, "the first test writes the configuration").not.toBe("");
    const { stats } = proxy!;
    const [checkedBefore, violationsBefore] = [stats.checked, stats.violations.length];
    const reportDir = join(dataDir, "report-2.0");
    const res = await cli([
      "run",
      "--config",
      configFile,
      "--schema-version",
      "2.0",
      "--profile",
      "api-core",
      "--report",
      reportDir,
    ]);
    const report = JSON.parse(readFileSync(join(reportDir, "report.json"), "utf8")) as RunReport;
    expect(report.schemaVersion).toBe("2.0");
    const notPassed = report.results
      .filter((r) => r.level === "MUST" && r.outcome !== "pass" && r.outcome !== "skip")
      .map((r) => `${r.id}: ${r.outcome} ${r.message ?? ""}`);
    expect(notPassed).toEqual([]);
    expect(res.code, res.stderr.slice(-2000)).toBe(0);
    console.log(`validating proxy, 2.0 run: ${stats.checked - checkedBefore} exchanges checked`);
    expect(stats.checked - checkedBefore).toBeGreaterThan(50);
    expect(stats.violations.slice(violationsBefore)).toEqual([]);
  }, 300_000);
});
