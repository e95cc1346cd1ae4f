// The spec and the server agree: the whole conformance suite, every profile and every role, runs against the
// reference server (PGlite in a temporary DATA_DIR, started as a process as in e2e.test.ts) THROUGH a proxy that
// checks every response against spec/generated/openapi.json (spec/test-support/validating-proxy.ts): the status is
// declared for the operation, headers are declared and well-formed, the content type is declared and the body matches
// the response schema; a request the server accepted must match the declared request body. Zero violations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { RunReport } from "./src/reporters/report-model.ts";
import { freePort } from "../server/src/transfers/child-server.ts";
import { trustRegistration } from "./src/transfer/suite-receiver-setting.ts";
import { ROLES } from "../spec/roles.ts";
import { startValidatingProxy, type ValidatingProxy } from "../spec/test-support/validating-proxy.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "conformance/bin/send-conformance.js");
const run = promisify(execFile);

let server: ChildProcess | undefined;
let proxy: ValidatingProxy | undefined;
let dataDir = "";
let loopbackPort = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "conformance-openapi-"));
  loopbackPort = await freePort();
  const transferConfig = JSON.stringify(trustRegistration({ transfers: { loopbackPort } }));
  server = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", TRANSFER_CONFIG: transferConfig },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 110_000);
    server!.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /"msg":"listening"[^\n]*"url":"http:\/\/[^:]+:(\d+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    server!.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  const openapi = JSON.parse(readFileSync(join(ROOT, "spec/generated/openapi.json"), "utf8")) as Record<string, unknown>;
  proxy = await startValidatingProxy({ upstream: baseUrl, openapi });
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("the reference server answers as its OpenAPI document says", () => {
  it("runs the whole conformance suite through a response-validating proxy with no violation", async () => {
    const url = proxy!.url;
    const cfg = await cli(["reference-config", "--base-url", url, "--data-dir", dataDir, "--loopback-port", String(loopbackPort)]);
    expect(cfg.code, cfg.stderr).toBe(0);
    const file = join(dataDir, "conformance.json");
    writeFileSync(file, cfg.stdout);
    const reportDir = join(dataDir, "report");
    const res = await cli(["run", "--config", file, "--report", reportDir]);
    const report = JSON.parse(readFileSync(join(reportDir, "report.json"), "utf8")) as RunReport;
    const notPassed = report.results.filter((r) => r.level === "MUST" && r.outcome !== "pass").map((r) => `${r.id}: ${r.outcome} ${r.message ?? ""}`);
    expect(notPassed).toEqual([]);
    expect(res.code).toBe(0);

    const { stats } = proxy!;
    const summary = { checked: stats.checked, violations: stats.violations.length, byRole: stats.byRole, operations: Object.keys(stats.byOperation).length };
    // OPENAPI_AGREEMENT_OUT=<file> keeps the full list, for reporting.
    if (process.env.OPENAPI_AGREEMENT_OUT) writeFileSync(process.env.OPENAPI_AGREEMENT_OUT, JSON.stringify({ ...summary, violationList: stats.violations }, null, 2) + "\n");
    console.log(`validating proxy: ${JSON.stringify(summary)}`);
    // Every role of spec/roles.ts made requests through the proxy, and a few hundred responses were checked.
    expect(Object.keys(stats.byRole).sort()).toEqual(expect.arrayContaining(ROLES.map((r) => r.id).sort()));
    expect(stats.checked).toBeGreaterThan(300);
    expect(stats.violations).toEqual([]);
  }, 300_000);
});
