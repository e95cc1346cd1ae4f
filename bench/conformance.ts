// bench/conformance: a full conformance run against the reference server (PGlite in a temporary DATA_DIR), timed.
// Target: ≤ 60 s wall for the run on a 2-core machine. Prints a table; results are recorded by hand in RESULTS.md.
// Usage: npx tsx bench/conformance.ts
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunReport } from "../conformance/src/reporters/report-model.ts";
import { freePort } from "../server/src/transfers/child-server.ts";
import { trustRegistration } from "../conformance/src/transfer/suite-receiver-setting.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "conformance/bin/send-conformance.js");
const dataDir = mkdtempSync(join(tmpdir(), "bench-conformance-"));
const t0 = performance.now();
// The transfer profiles' loopback receiver is registered with the server up front (TRANSFER_CONFIG).
const loopbackPort = await freePort();
const TRANSFER_CONFIG = JSON.stringify(trustRegistration({ transfers: { loopbackPort } }));
const server = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
  cwd: ROOT,
  env: { ...process.env, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", TRANSFER_CONFIG },
  stdio: ["ignore", "pipe", "inherit"],
});
try {
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = "";
    server.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /"msg":"listening"[^\n]*"url":"http:\/\/[^:]+:(\d+)"/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  const started = performance.now();
  const cfgFile = join(dataDir, "conformance.json");
  writeFileSync(
    cfgFile,
    execFileSync(
      process.execPath,
      [BIN, "reference-config", "--base-url", baseUrl, "--data-dir", dataDir, "--loopback-port", String(loopbackPort)],
      { encoding: "utf8" },
    ),
  );
  const runStart = performance.now();
  let code = 0;
  try {
    execFileSync(process.execPath, [BIN, "run", "--config", cfgFile, "--report", join(dataDir, "report"), "--quiet"], {
      stdio: ["ignore", "ignore", "ignore"],
    });
  } catch (e) {
    code = (e as { status: number }).status;
  }
  const runEnd = performance.now();
  const report = JSON.parse(readFileSync(join(dataDir, "report/report.json"), "utf8")) as RunReport;
  const requests = report.results.reduce((n, r) => n + r.exchanges.length, 0);
  const rows: [string, string][] = [
    ["server start (PGlite initdb + seed)", `${((started - t0) / 1000).toFixed(1)} s`],
    ["reference-config", `${((runStart - started) / 1000).toFixed(1)} s`],
    ["run (all implemented profiles)", `${((runEnd - runStart) / 1000).toFixed(1)} s`],
    ["tests", String(report.summary.total)],
    ["transfer tests", String(report.results.filter((r) => r.profile.startsWith("transfer")).length)],
    ["HTTP requests", String(requests)],
    ["verdict / exit code", `${report.summary.verdict} / ${code}`],
    ["target ≤ 60 s for the run", (runEnd - runStart) / 1000 <= 60 ? "met" : "MISSED"],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(
    `bench/conformance (${process.platform}, node ${process.version})\n${rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join("\n")}\n`,
  );
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  rmSync(dataDir, { recursive: true, force: true });
}
