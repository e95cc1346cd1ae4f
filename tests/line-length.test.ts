// Hand-written TypeScript stays within 160 characters a line. Biome wraps code at 120 columns but never breaks a
// string or a comment, so this catches what it leaves: split long messages into joined parts, rewrap comments.
// Generated files (under a `generated/` folder) are exempt, and so are the lines listed below, each with its reason;
// a listed file may not gain more long lines than it has.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const MAX = 160;

/** Long lines kept on purpose, per file: how many, and why. `undefined` count: any number, for now. */
const EXEMPT: Record<string, { lines?: number; why: string }> = {
  "spec/routes.ts": { why: "long operation descriptions; other work edits the file this session, to be joined later" },
  "spec/describe-api.ts": { lines: 10, why: "Markdown paragraphs of the API description: a line break is output" },
  "conformance/src/reporters/html.ts": { lines: 10, why: "HTML template rows, one per line of the report" },
  "conformance/src/reporters/certificate-html.ts": { lines: 7, why: "HTML template lines of the certificate page" },
  "conformance/src/reporters/junit.ts": { lines: 2, why: "XML template lines of the report" },
  "conformance/src/reporters/console.ts": { lines: 1, why: "one summary line of console output" },
  "sdk/src/ctf/ctf.test.ts": { lines: 2, why: "CTF XML test data, one element per line" },
  "server/src/transfers/ctf.test.ts": { lines: 1, why: "CTF XML test data" },
  "server/src/testing/attack/legit.ts": { lines: 1, why: "CTF XML test data" },
  "sdk/src/rules/outcomes-measurable.ts": { lines: 1, why: "one regular expression" },
  "sdk/src/rules/vague-wording.ts": { lines: 1, why: "one alternation of number words" },
  "sdk/src/views/styles.ts": { lines: 1, why: "one CSS rule of the views' stylesheet" },
  "server/src/storage/search-sql.ts": { lines: 1, why: "one SQL column list" },
  "bench/start.ts": { lines: 1, why: "one Markdown table row template" },
  "conformance/scripts/installed-package.test.ts": { lines: 2, why: "source lines of a generated consumer file" },
  "sdk/scripts/installed-package.test.ts": { lines: 1, why: "source line of a generated consumer file" },
  "sdk/scripts/generate/plan.ts": { lines: 1, why: "template of a generated source line" },
  "conformance/src/cli.ts": { lines: 1, why: "nested template expression" },
  "sdk/src/cli/bundle-commands.ts": { lines: 1, why: "nested template expression" },
  "server/src/http/parameters.ts": { lines: 1, why: "nested template expression" },
  "server/src/testing/attack/oracle.ts": { lines: 1, why: "nested template expression" },
};

/** Hand-written TypeScript files in the repository, by path. */
function handWritten(): string[] {
  const files = execFileSync("git", ["ls-files", "*.ts", "*.tsx"], { cwd: ROOT, encoding: "utf8" });
  return files.split("\n").filter((f) => f && !f.split("/").includes("generated"));
}

/** Each file's lines longer than MAX characters (UTF-16 code units, as an editor's column counts them). */
function longLines(files: readonly string[], read: (f: string) => string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const f of files) {
    const lines = read(f)
      .split("\n")
      .flatMap((l, i) => (l.length > MAX ? [i + 1] : []));
    if (lines.length) out.set(f, lines);
  }
  return out;
}

describe("line length of hand-written TypeScript", () => {
  it(`no line over ${MAX} characters outside the listed exemptions`, () => {
    const found = longLines(handWritten(), (f) => readFileSync(join(ROOT, f), "utf8"));
    const over = [...found].flatMap(([f, lines]) => {
      const allowed = EXEMPT[f];
      if (allowed && (allowed.lines === undefined || lines.length <= allowed.lines)) return [];
      return [`${f}: line(s) ${lines.join(", ")}${allowed ? ` (${allowed.lines} allowed: ${allowed.why})` : ""}`];
    });
    expect(over).toEqual([]);
  });

  it("finds a long line, counting characters rather than bytes", () => {
    const text = `ok\n${"x".repeat(MAX + 1)}\n${"─".repeat(MAX)}\n`;
    expect(longLines(["a.ts"], () => text)).toEqual(new Map([["a.ts", [2]]]));
  });
});
