// `npm run generate`: regenerates codes.schema.json, sdk/generated/ (types, precompiled validators, document types)
// and spec/reference/ from schemas/. `--check` regenerates in memory and exits 1 listing every file that differs,
// is missing, or is stale (in a generated folder but no longer produced). `--root <dir>` targets another checkout.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { GENERATED_DIRS, planGeneratedFiles } from "./generate/plan.ts";

export interface GenerateReport {
  changed: string[];
  missing: string[];
  stale: string[];
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Compares the plan with the disk; writes it unless `check`. Paths in the report are relative to `root`, with "/". */
export async function generate(root: string, check: boolean): Promise<GenerateReport> {
  const plan = await planGeneratedFiles(root);
  const report: GenerateReport = { changed: [], missing: [], stale: [] };
  for (const [rel, text] of [...plan].sort(([a], [b]) => a.localeCompare(b))) {
    const abs = join(root, rel);
    if (!existsSync(abs)) report.missing.push(rel);
    else if (readFileSync(abs, "utf8") !== text) report.changed.push(rel);
    else continue;
    if (!check) {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
  for (const dir of GENERATED_DIRS) {
    for (const abs of listFiles(join(root, dir)).sort()) {
      const rel = relative(root, abs).split(sep).join("/");
      if (plan.has(rel)) continue;
      report.stale.push(rel);
      if (!check) rmSync(abs);
    }
  }
  return report;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { check: { type: "boolean", default: false }, root: { type: "string" } },
    strict: true,
  });
  const root = resolve(values.root ?? join(dirname(fileURLToPath(import.meta.url)), "../.."));
  const check = values.check ?? false;
  const report = await generate(root, check);
  const problems = [
    ...report.changed.map((f) => `  differs: ${f}`),
    ...report.missing.map((f) => `  missing: ${f}`),
    ...report.stale.map((f) => `  stale:   ${f}`),
  ];
  if (check) {
    if (problems.length === 0) {
      console.log("check:generated: every generated file is up to date");
      return 0;
    }
    console.error(`check:generated: ${problems.length} generated file(s) out of date; run \`npm run generate\`:`);
    console.error(problems.join("\n"));
    return 1;
  }
  console.log(problems.length === 0 ? "generate: nothing changed" : `generate: updated\n${problems.join("\n")}`);
  return 0;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`generate failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
