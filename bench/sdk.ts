// SDK cold start and validation throughput. Cold start, two ways, each against an empty-module baseline imported the
// same way in the same interleaved run (the difference is what importing the SDK costs):
//   1. what a vendor gets: the built package (sdk/scripts/build.ts into a scratch folder) in plain `node`, no tsx;
//   2. the workspace sources under `node --import tsx` (includes tsx's transform).
// Importing compiles no schema (validators are precompiled), so this should stay small.
// Throughput: validate() on the worked ISPs, schema only and with the quality rules.
// Usage: tsx bench/sdk.ts [--runs N] [--seconds S]   (prints markdown tables; figures go to bench/RESULTS.md by hand)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { validate } from "../sdk/src/validate/validate.ts";
import { buildSdk } from "../sdk/scripts/build.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: { runs: { type: "string", default: "10" }, seconds: { type: "string", default: "2" } },
});
const RUNS = Math.max(1, Number(values.runs));
const SECONDS = Number(values.seconds);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One `node --import tsx -e "import(url)"`: process wall time, and the import alone as timed inside the child. */
function coldImport(url: string, withTsx: boolean): { wall: number; inside: number } {
  const t0 = performance.now();
  const code = `const t = performance.now(); await import(${JSON.stringify(url)}); console.log(performance.now() - t);`;
  const args = withTsx ? ["--import", "tsx", "--input-type=module", "-e", code] : ["--input-type=module", "-e", code];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`import of ${url} failed:\n${r.stderr}`);
  return { wall, inside: Number(r.stdout.trim().split("\n").at(-1)) };
}

interface Case {
  name: string;
  url: string;
  tsx: boolean;
}

/** Runs every case `RUNS` times, interleaved (drift on a shared machine hits all alike), and prints one table. */
function coldStartTable(title: string, cases: Case[]): void {
  for (const c of cases) coldImport(c.url, c.tsx); // one untimed warm-up each (disk cache, tsx's transform cache)
  const times = new Map<string, { wall: number; inside: number }[]>(cases.map((c) => [c.name, []]));
  for (let i = 0; i < RUNS; i++) for (const c of cases) times.get(c.name)!.push(coldImport(c.url, c.tsx));
  const base = median(times.get(cases[0]!.name)!.map((t) => t.wall));
  console.log(`### ${title} (${RUNS} runs each, median, Node ${process.version})\n`);
  console.log("| entry | process wall ms | min–max ms | over baseline ms | import() alone ms |");
  console.log("|---|---:|---:|---:|---:|");
  for (const c of cases) {
    const wall = times.get(c.name)!.map((t) => t.wall);
    const inside = times.get(c.name)!.map((t) => t.inside);
    console.log(
      `| ${c.name} | ${median(wall).toFixed(0)} | ` +
        `${Math.min(...wall).toFixed(0)}–${Math.max(...wall).toFixed(0)} | ` +
        `${(median(wall) - base).toFixed(0)} | ${median(inside).toFixed(1)} |`,
    );
  }
  console.log("");
}

// Scratch space inside the repo's git-ignored tmp/, so the built package resolves its dependencies (ajv, jose, msw)
// from the repo's node_modules as an installed package would from the vendor's.
mkdirSync(join(ROOT, "tmp"), { recursive: true });
const scratch = mkdtempSync(join(ROOT, "tmp", "bench-sdk-"));
const url = (file: string) => pathToFileURL(file).href;
try {
  const dist = join(scratch, "dist");
  buildSdk(dist);
  writeFileSync(join(scratch, "empty.mjs"), "export {};\n");
  writeFileSync(join(scratch, "empty.ts"), "export {};\n");
  const built = (entry: string) => url(join(dist, "sdk", entry));
  coldStartTable("Cold-start import of the built package, plain node", [
    { name: "(baseline) empty module", url: url(join(scratch, "empty.mjs")), tsx: false },
    { name: "send-interchange", url: built("src/index.js"), tsx: false },
    { name: "send-interchange/identifiers", url: built("src/identifiers/index.js"), tsx: false },
    { name: "send-interchange/client", url: built("src/client/index.js"), tsx: false },
    { name: "send-interchange/builders", url: built("src/builders/index.js"), tsx: false },
  ]);
  coldStartTable("Cold-start import of the sources, node --import tsx", [
    { name: "(baseline) empty module", url: url(join(scratch, "empty.ts")), tsx: true },
    { name: "sdk/src/index.ts", url: url(join(ROOT, "sdk/src/index.ts")), tsx: true },
    { name: "sdk/src/client/index.ts", url: url(join(ROOT, "sdk/src/client/index.ts")), tsx: true },
  ]);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const dir = join(ROOT, "examples/worked");
const docs = readdirSync(dir)
  .filter((f) => f.startsWith("isp-") && f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as unknown);
const bytes = docs.reduce<number>((n, d) => n + JSON.stringify(d).length, 0) / Math.max(1, docs.length);

function throughput(run: (doc: unknown) => unknown): number {
  let n = 0;
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    for (const d of docs) run(d);
    n += docs.length;
  }
  return n / SECONDS;
}

console.log(
  `### validate() throughput (${docs.length} worked ISPs, mean ${(bytes / 1024).toFixed(1)} KiB, ${SECONDS} s each)\n`,
);
console.log("| case | docs/s | MB/s |");
console.log("|---|---:|---:|");
for (const [name, run] of [
  ["schema only", (d: unknown) => validate(d, { schemaOnly: true })],
  ["schema + quality rules", (d: unknown) => validate(d)],
] as const) {
  const rate = throughput(run);
  console.log(`| ${name} | ${rate.toFixed(0)} | ${((rate * bytes) / 1e6).toFixed(1)} |`);
}
