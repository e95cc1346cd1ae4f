// The README's command blocks are what a newcomer types first: run them as written (npx replaced by the same bin),
// in an empty folder that sees only the repository's examples, so a renamed file or a wrong option fails here first.
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const BIN = join(REPO, "sdk/bin/send-interchange.js");

/** The `sh` block under a README heading, as commands (continuation lines joined, comments dropped). */
function commandsUnder(heading: string): string[] {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf(`## ${heading}`));
  const block = /```sh\n([\s\S]*?)```/u.exec(section)?.[1];
  if (!block) throw new Error(`README has no sh block under "${heading}"`);
  return block
    .replace(/\\\n\s*/gu, "")
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/u, "").trim())
    .filter((line) => line.length > 0);
}

/** Splits a shell line into words (double quotes only: the README uses nothing else). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/gu)].map((m) => m[1] ?? m[2]!);
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("README commands run as written", () => {
  it.each([["Validating documents"], ["Moving a plan between settings"]])("%s", (heading) => {
    const cwd = mkdtempSync(join(tmpdir(), "readme-"));
    dirs.push(cwd);
    symlinkSync(join(REPO, "examples"), join(cwd, "examples"));
    const commands = commandsUnder(heading).filter((c) => c.startsWith("npx send-interchange "));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      const args = words(command).slice(2);
      // A command shown on a file the reader brings (my-isp.json) is run on a worked example instead.
      const resolved = args.map((a) => (a === "my-isp.json" ? "examples/worked/isp-year4-targeted.json" : a));
      const r = spawnSync(process.execPath, [BIN, ...resolved], { cwd, encoding: "utf8", timeout: 60_000 });
      expect({ command, code: r.status, stderr: r.stderr }).toEqual({ command, code: 0, stderr: "" });
    }
  });
});
