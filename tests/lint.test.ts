// `npm run lint` (biome ci, run first by `npm test`) fails on a file that is not formatted or breaks a lint rule,
// and passes a clean one: the gate checks without writing, with the repository's biome.json.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "send-lint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs biome ci on one file with the repository's configuration; returns the exit status and output. */
function biomeCi(name: string, text: string): { status: number; output: string } {
  const file = join(dir, name);
  writeFileSync(file, text);
  const biome = join(ROOT, "node_modules/.bin/biome");
  try {
    const output = execFileSync(
      biome,
      ["ci", "--error-on-warnings", "--colors=off", `--config-path=${join(ROOT, "biome.json")}`, file],
      {
        encoding: "utf8",
        stdio: "pipe",
      },
    );
    return { status: 0, output };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

describe("the lint gate in npm test", () => {
  it("npm test runs `npm run lint` (biome ci) before vitest", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.lint).toMatch(/^biome ci\b/);
    const test = pkg.scripts.test!;
    expect(test).toContain("npm run -s lint");
    expect(test.indexOf("npm run -s lint")).toBeLessThan(test.indexOf("vitest"));
  });

  it("passes a formatted, lint-clean file", () => {
    expect(biomeCi("clean.ts", "const a = { b: 1, c: 2 };\nexport default a;\n").status).toBe(0);
  });

  it("fails an unformatted file, naming the formatter", () => {
    const { status, output } = biomeCi("unformatted.ts", "const a = {b:1,\n  c:2}\nexport default a\n");
    expect(status).not.toBe(0);
    expect(output).toMatch(/format/i);
  });

  it("fails a file that breaks a recommended lint rule, naming the rule", () => {
    const { status, output } = biomeCi("any.ts", "export const f = (x: any): number => x;\n");
    expect(status).not.toBe(0);
    expect(output).toContain("lint/suspicious/noExplicitAny");
  });
});
