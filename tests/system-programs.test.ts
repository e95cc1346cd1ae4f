// One rule for the system programs tests drive (Chromium, PostgreSQL): `npm test` installs them first
// (.ci/system-deps.sh), so a test never skips for want of one; it fails with a one-line instruction. This file checks
// the helper's message and that every test follows the rule.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { CHROMIUM_MISSING, chromiumPath } from "../.ci/chromium.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "system-programs-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function testFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".git")) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return e.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("Chromium", () => {
  it("missing: one line saying how to install it", () => {
    const empty = mkdtempSync(join(scratch, "empty-"));
    expect(() => chromiumPath(empty, [empty])).toThrow(CHROMIUM_MISSING);
    expect(CHROMIUM_MISSING).not.toContain("\n");
    expect(CHROMIUM_MISSING).toContain(".ci/system-deps.sh");
  });

  it("found on PATH before the fallback directories", () => {
    const bin = mkdtempSync(join(scratch, "bin-"));
    writeFileSync(join(bin, "chromium"), "#!/bin/sh\n");
    chmodSync(join(bin, "chromium"), 0o755);
    expect(chromiumPath(bin, [])).toBe(join(bin, "chromium"));
  });
});

describe("every test", () => {
  const files = testFiles().filter((f) => f !== fileURLToPath(import.meta.url));

  it("that drives Chromium finds it through .ci/chromium.ts", () => {
    const direct = files.filter((f) => {
      const text = readFileSync(f, "utf8");
      return /["'`](?:\/usr\/bin\/)?chromium["'`]|playwright/.test(text) && !text.includes(".ci/chromium.ts");
    });
    expect(direct.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it("never skips for a missing browser or database", () => {
    const skipping = files.filter((f) =>
      /\.(?:skipIf|runIf)\([^)]*(?:chromium|postgres|initdb|pg_ctl|DATABASE_URL)/i.test(readFileSync(f, "utf8")),
    );
    expect(skipping.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
