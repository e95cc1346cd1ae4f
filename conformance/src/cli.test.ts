// The send-conformance command line as a vendor meets it: help and version, and the mistakes a first run makes
// (a wrong path, an empty folder, a report folder that cannot be written) answered at once with exit 6, not after
// the run or never.
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "conformance/bin/send-conformance.js");
const WORKED = join(ROOT, "examples/worked/isp-year4-targeted.json");
const USAGE_EXIT = 6;
const STACK = /\n\s+at .+:\d+:\d+/u;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined };
}

const dirs: string[] = [];
function scratch(): string {
  const d = mkdtempSync(join(tmpdir(), "conformance-cli-"));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("send-conformance command line", () => {
  it.each([["--help"], ["run", "-h"]])("%s prints usage and exits 0", (...args) => {
    const r = run(...args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("send-conformance run --config FILE");
    expect(r.stdout).toContain("send-conformance verify-certificate FILE [--report report.json] [--jwks FILE|URL]");
  });

  it("--version prints the suite's package version", () => {
    const r = run("--version");
    const pkg = JSON.parse(readFileSync(join(ROOT, "conformance/package.json"), "utf8")) as { version: string };
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it.each([
    { args: [] as string[], says: "missing command" },
    { args: ["frobnicate"], says: 'unknown command "frobnicate"' },
    { args: ["validate", "/no/such/path.json"], says: "cannot read /no/such/path.json (ENOENT)" },
    { args: ["validate", WORKED, "--report", "/proc/send-conformance-report"], says: "cannot write reports there" },
    { args: ["verify-certificate"], says: "verify-certificate needs exactly one certificate FILE" },
    { args: ["verify-certificate", "/no/such/cert.json"], says: "cannot read it (ENOENT)" },
    {
      args: ["validate", WORKED, "--certificate", "c.json"],
      says: "--certificate belongs to run (with --certificate)",
    },
    { args: ["run", "--config", "x.json", "--key", "k.json"], says: "--key needs --certificate FILE" },
    { args: ["run", "--config", "x.json", "--jwks", "k.json"], says: "--jwks belongs to verify-certificate" },
  ])("$args is a usage error: exit 6 at once, a message, no stack", ({ args, says }) => {
    const r = run(...args);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(USAGE_EXIT);
    expect(r.stderr).toContain(says);
    expect(r.stderr).not.toMatch(STACK);
  });

  it("run --certificate refuses before the run: no report folder, no implementation, an unusable key, a key it would overwrite", () => {
    const dir = scratch();
    const config = join(dir, "docs.json");
    const setting = (urn: string, laCode: string) => ({ urn, laCode, laestab: `${laCode}0000`, name: urn });
    const cfg = {
      baseUrl: "https://mis.example/send/v1",
      tenants: [
        { name: "A", setting: setting("100000", "100"), credentials: {} },
        { name: "B", setting: setting("100001", "101"), credentials: {} },
      ],
      capabilities: { profiles: ["documents"], resources: [] },
      documents: { paths: [WORKED] },
    };
    writeFileSync(config, JSON.stringify(cfg));
    const cert = join(dir, "cert.json");
    const report = join(dir, "report");
    const expectUsage = (says: string, ...args: string[]) => {
      const r = run("run", "--config", config, "--certificate", cert, ...args);
      expect(r.code, r.stderr).toBe(USAGE_EXIT);
      expect(r.stderr).toContain(says);
      expect(existsSync(cert)).toBe(false);
    };
    expectUsage("--certificate needs --report DIR");
    expectUsage("--certificate needs the implementation's name and version", "--report", report);
    const named = ["--report", report, "--implementation-name", "X", "--implementation-version", "1"];
    writeFileSync(join(dir, "public.json"), JSON.stringify({ kty: "EC", crv: "P-256", x: "a", y: "b" }));
    expectUsage("has no private part (d)", ...named, "--key", join(dir, "public.json"));
    expectUsage("cannot read a JWK", ...named, "--key", join(dir, "missing.json"));
    expectUsage("--jwks-url needs --key FILE", ...named, "--jwks-url", "https://mis.example/jwks.json");
    writeFileSync(join(dir, "cert.signing-key.json"), "{}");
    expectUsage(`pass --key ${join(dir, "cert.signing-key.json")} to sign with that key again`, ...named);
  });

  it("an empty folder is a usage error, not an incomplete run", () => {
    const empty = scratch();
    const r = run("validate", empty);
    expect(r.code).toBe(USAGE_EXIT);
    expect(r.stderr).toContain(`no *.json file in ${empty}`);
  });

  it("a writable report folder receives the reports and leaves no probe file behind", () => {
    const out = join(scratch(), "nested", "report");
    const r = run("validate", WORKED, "--report", out);
    expect(r.code).toBe(0);
    expect(["report.json", "junit.xml", "report.html"].every((f) => existsSync(join(out, f)))).toBe(true);
    expect(readFileSync(join(out, "report.json"), "utf8")).toContain('"exitCode": 0');
  });
});
