// End to end: the reference server (PGlite in a temporary DATA_DIR, 127.0.0.1, port 0) started as a process, the
// config from `reference-config`, then `run` over every implemented profile. Every MUST test must pass. The server's
// TRANSFER_CONFIG lists the suite's loopback receiver (`trust-registration`), as a vendor would register it.
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

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "conformance/bin/send-conformance.js");
const run = promisify(execFile);

let server: ChildProcess | undefined;
let dataDir = "";
let baseUrl = "";
let loopbackPort = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "conformance-e2e-"));
  // The suite's loopback receiver (transfer profiles) is registered in the server's settings directory up front.
  loopbackPort = await freePort();
  const transferConfig = JSON.stringify(trustRegistration({ transfers: { loopbackPort } }));
  server = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", TRANSFER_CONFIG: transferConfig },
    stdio: ["ignore", "pipe", "pipe"],
  });
  baseUrl = await new Promise<string>((resolve, reject) => {
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
}, 120_000);

afterAll(async () => {
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

describe("send-conformance against the reference server", () => {
  it("passes every MUST test of every implemented profile", async () => {
    // reference-config registers the parent-carers' children on the server, so it is given the server's URL; the
    // config then names a wrong one.
    const cfg = await cli(["reference-config", "--base-url", baseUrl, "--data-dir", dataDir, "--loopback-port", String(loopbackPort)]);
    expect(cfg.code, cfg.stderr).toBe(0);
    const file = join(dataDir, "conformance.json");
    writeFileSync(file, JSON.stringify({ ...(JSON.parse(cfg.stdout) as object), baseUrl: "http://wrong.invalid" }, null, 2));
    const reportDir = join(dataDir, "report");
    // --base-url overrides the config's URL (as when running through a proxy).
    const res = await cli(["run", "--config", file, "--base-url", baseUrl, "--report", reportDir]);
    const report = JSON.parse(readFileSync(join(reportDir, "report.json"), "utf8")) as RunReport;
    const notPassed = report.results.filter((r) => r.level === "MUST" && r.outcome !== "pass").map((r) => `${r.id}: ${r.outcome} ${r.message ?? ""}`);
    expect(notPassed).toEqual([]);
    expect(res.code).toBe(0);
    expect(report.results.length).toBeGreaterThan(50);
    expect(readFileSync(join(reportDir, "junit.xml"), "utf8")).toContain("<testsuites");
    // Every profile ran, and the round-trip fidelity score (100%) is in report.json and report.html.
    expect(new Set(report.results.map((r) => r.profile))).toEqual(new Set(["documents", "api-core", "security", "transfer-sender", "transfer-receiver"]));
    const fidelity = report.results.find((r) => r.id === "send.transfer-sender.round-trip-fidelity")?.data?.fidelity as { overall: { score: number }; documents: unknown[] };
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
    writeFileSync(file, JSON.stringify({ baseUrl: baseUrl, tenants: [], capabilities: { profiles: [], resources: [] } }));
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
