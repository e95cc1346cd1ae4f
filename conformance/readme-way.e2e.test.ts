// The root README's way to prove the reference server conformant, as a newcomer types it: the server started the
// README's way (`npm start`: no TRANSFER_CONFIG, nothing exported), then the README's `send-conformance` commands,
// each its own process, read from the README itself (port and data directory swapped for the test's own). The
// verdict must be CONFORMANT with no other step: the demo server's own trust anchor onboards the suite's receiver.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../server/src/transfers/child-server.ts";
import { conformanceCli, ROOT } from "./test-support/reference-process.ts";

/** The sh block after "Against the reference server" in the root README, as commands (comments dropped). */
function readmeCommands(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("Against the reference server"));
  const block = /```sh\n([\s\S]*?)```/u.exec(section)?.[1] ?? "";
  return block
    .split("\n")
    .map((l) => l.replace(/\s+#.*$/u, "").trim())
    .filter((l) => l.length > 0);
}

const dataDir = mkdtempSync(join(tmpdir(), "readme-way-"));
let server: ChildProcess | undefined;
let port = 0;

beforeAll(async () => {
  port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1" };
  delete env.TRANSFER_CONFIG;
  delete env.TRUST_ANCHOR_JWKS;
  delete env.NODE_ENV;
  expect(readmeCommands()[0]).toBe("npm start");
  server = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 110_000);
    server!.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      if (out.includes('"msg":"listening"')) {
        clearTimeout(timer);
        resolve();
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

describe("the README's way to prove the reference server conformant", () => {
  it("npm start, then reference-config and run as written: CONFORMANT", async () => {
    const loopbackPort = await freePort();
    const [, configCommand, runCommand] = readmeCommands();
    // The README's words, with this test's port, data directory and report folder (and its own loopback port, so
    // parallel test files do not collide on 47801).
    const configArgs = configCommand!
      .replace(/^npx send-conformance /u, "")
      .replace(/\s*>\s*ref\.json$/u, "")
      .replace("http://127.0.0.1:8080", `http://127.0.0.1:${port}`)
      .replace("--data-dir .data", `--data-dir ${dataDir}`)
      .split(/\s+/u);
    const cfg = await conformanceCli([...configArgs, "--loopback-port", String(loopbackPort)]);
    expect(cfg.code, cfg.stderr).toBe(0);
    const refJson = join(dataDir, "ref.json");
    writeFileSync(refJson, cfg.stdout);
    const runArgs = runCommand!
      .replace(/^npx send-conformance /u, "")
      .replace("ref.json", refJson)
      .replace("./report", join(dataDir, "report"))
      .split(/\s+/u);
    const res = await conformanceCli(runArgs);
    const said = res.stdout + res.stderr; // the verdict line goes to stderr, progress to stdout
    expect(said).toMatch(/^CONFORMANT — /mu);
    expect(said).not.toContain("NOT CONFORMANT");
    expect(res.code, said.slice(-3000)).toBe(0);
    const report = JSON.parse(readFileSync(join(dataDir, "report", "report.json"), "utf8")) as {
      results: { profile: string; level: string; outcome: string; id: string }[];
    };
    // The transfer profiles ran (they are what the hidden step used to be needed for) and none was skipped.
    const transfers = report.results.filter((r) => r.profile.startsWith("transfer-") && r.level === "MUST");
    expect(transfers.length).toBeGreaterThan(10);
    expect(transfers.filter((r) => r.outcome !== "pass").map((r) => r.id)).toEqual([]);
  }, 400_000);
});
