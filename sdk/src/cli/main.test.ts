// Spawns the real CLI (sdk/bin/send-interchange.js) as a user would, against the generated validators.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const BIN = join(REPO, "sdk/bin/send-interchange.js");
const WORKED = join(REPO, "examples/worked");

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The first worked example, if the examples engineer has written any yet. */
const worked = existsSync(WORKED)
  ? readdirSync(WORKED)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : [];
const firstWorked = worked[0] ? join(WORKED, worked[0]) : undefined;

const STACK = /\n\s+at .+:\d+:\d+/u;

let dir: string;
beforeAll(() => {
  mkdirSync(join(REPO, "tmp"), { recursive: true });
  dir = mkdtempSync(join(REPO, "tmp", "cli-"));
  writeFileSync(join(dir, "malformed.json"), '{"documentType": "isp",\n  "schemaVersion": }');
  writeFileSync(
    join(dir, "unknown-type.json"),
    JSON.stringify({ documentType: "pupil-passport", schemaVersion: "1.0" }),
  );
  writeFileSync(join(dir, "old-version.json"), JSON.stringify({ documentType: "isp", schemaVersion: "0.3" }));
  mkdirSync(join(dir, "nested"));
  writeFileSync(
    join(dir, "nested", "incomplete-isp.json"),
    JSON.stringify({ documentType: "isp", schemaVersion: "1.0" }),
  );
  writeFileSync(join(dir, "nested", "notes.txt"), "not JSON, not a .json file: ignored");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder beside `dir` (so the recursive-directory test's file list stays as it is). */
const scratchDirs: string[] = [];
function scratch(): string {
  const d = mkdtempSync(join(REPO, "tmp", "cli-scratch-"));
  scratchDirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of scratchDirs) rmSync(d, { recursive: true, force: true });
});

describe("send-interchange CLI", () => {
  it("--help prints usage and exits 0", () => {
    const r = run("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("validate <file|dir>");
  });

  it.each([
    { args: [] as string[], says: "missing command" },
    { args: ["frobnicate"], says: 'unknown command "frobnicate"' },
    { args: ["validate"], says: "missing <file|dir>" },
    { args: ["validate", "x.json", "--colour"], says: "Unknown option" },
  ])("usage error $args exits 2", ({ args, says }) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(says);
    expect(r.stderr).not.toMatch(STACK);
  });

  it.each([
    { file: "malformed.json", ruleId: "json.parse", text: "line 2, column 20" },
    { file: "unknown-type.json", ruleId: "schema.document-type", text: "pupil-passport" },
    { file: "old-version.json", ruleId: "schema.schema-version", text: '"0.3" is not supported' },
    { file: "nested/incomplete-isp.json", ruleId: "schema.required", text: "required property" },
  ])("$file → [$ruleId], exit 1, no stack trace", ({ file, ruleId, text }) => {
    const r = run("validate", join(dir, file));
    expect(r.code).toBe(1);
    const line = r.stdout.split("\n").find((l) => l.includes(`[${ruleId}]`));
    expect(line).toBeDefined();
    expect(line).toContain(text);
    expect(line?.startsWith(`${join(dir, file)}: /`)).toBe(true);
    expect(line).toMatch(/\(error\)$/u);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    expect(r.stdout).toMatch(/1 file\(s\): 0 valid, 1 invalid/u);
  });

  it("a path that does not exist is a usage error: clear message, exit 2, nothing validated", () => {
    const r = run("validate", firstWorked ?? join(dir, "malformed.json"), join(dir, "does-not-exist.json"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot read ${join(dir, "does-not-exist.json")}: no such file or directory`);
    expect(r.stdout).toBe("");
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it("a directory with no *.json file is a usage error (exit 2), not 'all valid'", () => {
    const empty = scratch();
    writeFileSync(join(empty, "readme.txt"), "no documents here");
    const r = run("validate", empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no *.json file in ${empty}`);
  });

  it("--version prints the package version", () => {
    const r = run("--version");
    expect(r.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(REPO, "sdk/package.json"), "utf8")) as { version: string };
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it.skipIf(!firstWorked)("a file saved with a UTF-8 byte order mark validates like the same file without one", () => {
    const bom = join(scratch(), "with-bom.json");
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(firstWorked as string)]));
    const r = run("validate", bom);
    expect(r.stdout).toContain(": OK");
    expect(r.code).toBe(0);
  });

  it("a parse error names invisible characters as escapes, never prints them raw", () => {
    const zw = join(scratch(), "zero-width.json");
    writeFileSync(zw, '{"documentType":\u200b "isp"}');
    const r = run("validate", zw);
    expect(r.code).toBe(1);
    const line = r.stdout.split("\n").find((l) => l.includes("[json.parse]"));
    expect(line).toContain("\\u200B");
    expect(line).not.toMatch(/[\u200b\ufeff]/u);
  });

  it("a directory is searched recursively for *.json; --json gives a machine-readable report", () => {
    const r = run("validate", dir, "--json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      valid: boolean;
      summary: { files: number; valid: number; invalid: number; errors: number };
      files: Array<{
        file: string;
        valid: boolean;
        documentType: string | null;
        problems: Array<{ ruleId: string; severity: string; pointer: string; message: string }>;
      }>;
    };
    expect(report.valid).toBe(false);
    expect(report.files.map((f) => f.file.slice(dir.length + 1))).toEqual([
      "malformed.json",
      "nested/incomplete-isp.json",
      "old-version.json",
      "unknown-type.json",
    ]);
    expect(report.summary).toMatchObject({ files: 4, valid: 0, invalid: 4 });
    expect(report.summary.errors).toBeGreaterThanOrEqual(4);
    for (const f of report.files) {
      expect(f.valid).toBe(false);
      for (const p of f.problems) expect(Object.keys(p).sort()).toEqual(["message", "pointer", "ruleId", "severity"]);
    }
  });

  it.skipIf(!firstWorked)("a valid worked example prints OK and exits 0; mixed with an invalid file exits 1", () => {
    const ok = run("validate", firstWorked as string);
    expect(ok.stdout).toContain(": OK");
    expect(ok.code).toBe(0);
    const mixedDir = join(dir, "mixed");
    mkdirSync(mixedDir, { recursive: true });
    writeFileSync(join(mixedDir, "a-valid.json"), readFileSync(firstWorked as string));
    writeFileSync(join(mixedDir, "b-broken.json"), "{");
    const mixed = run("validate", mixedDir, "--quiet");
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).not.toContain(": OK");
    expect(mixed.stdout).toContain("[json.parse]");
    expect(mixed.stdout).toMatch(/2 file\(s\): 1 valid, 1 invalid/u);
  });
});
