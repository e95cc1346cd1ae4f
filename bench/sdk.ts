// SDK cold start and validation throughput. Cold start: spawn `node --import tsx -e "import(<entry>)"` N times for
// each SDK entry and for an empty module imported the same way (the baseline: Node + tsx start-up); the difference
// is what importing the SDK costs. Importing compiles no schema (validators are precompiled), so this should stay
// small. Throughput: validate() on the worked ISPs, schema only and with the quality rules.
// Usage: tsx bench/sdk.ts [--runs N] [--seconds S]   (prints markdown tables; figures go to bench/RESULTS.md by hand)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { validate } from "../sdk/src/validate/validate.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { runs: { type: "string", default: "10" }, seconds: { type: "string", default: "2" } } });
const RUNS = Math.max(1, Number(values.runs));
const SECONDS = Number(values.seconds);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One `node --import tsx -e "import(url)"`: process wall time, and the import alone as timed inside the child. */
function coldImport(url: string): { wall: number; inside: number } {
  const t0 = performance.now();
  const code = `const t = performance.now(); await import(${JSON.stringify(url)}); console.log(performance.now() - t);`;
  const r = spawnSync(process.execPath, ["--import", "tsx", "-e", code], { cwd: ROOT, encoding: "utf8" });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`import of ${url} failed:\n${r.stderr}`);
  return { wall, inside: Number(r.stdout.trim().split("\n").at(-1)) };
}

const scratch = mkdtempSync(join(tmpdir(), "bench-sdk-"));
const empty = join(scratch, "empty.ts");
writeFileSync(empty, "export {};\n");
const entries: Array<[string, string]> = [
  ["(baseline) empty module", pathToFileURL(empty).href],
  ["send-interchange (sdk/src/index.ts)", pathToFileURL(join(ROOT, "sdk/src/index.ts")).href],
  ["send-interchange/client", pathToFileURL(join(ROOT, "sdk/src/client/index.ts")).href],
  ["send-interchange/builders", pathToFileURL(join(ROOT, "sdk/src/builders/index.ts")).href],
];

try {
  // One untimed warm-up per entry so tsx's transform cache does not count against the first entry measured.
  for (const [, url] of entries) coldImport(url);
  const times = new Map<string, { wall: number; inside: number }[]>(entries.map(([name]) => [name, []]));
  for (let i = 0; i < RUNS; i++) for (const [name, url] of entries) times.get(name)!.push(coldImport(url)); // interleaved: drift hits all alike
  const base = median(times.get(entries[0]![0])!.map((t) => t.wall));
  console.log(`### Cold-start import (${RUNS} runs each, Node ${process.version}, tsx)\n`);
  console.log("| entry | process wall, median ms | min–max ms | over baseline ms | import() alone, median ms |");
  console.log("|---|---:|---:|---:|---:|");
  for (const [name] of entries) {
    const wall = times.get(name)!.map((t) => t.wall);
    const inside = times.get(name)!.map((t) => t.inside);
    console.log(`| ${name} | ${median(wall).toFixed(0)} | ${Math.min(...wall).toFixed(0)}–${Math.max(...wall).toFixed(0)} | ${(median(wall) - base).toFixed(0)} | ${median(inside).toFixed(0)} |`);
  }
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

console.log(`\n### validate() throughput (${docs.length} worked ISPs, mean ${(bytes / 1024).toFixed(1)} KiB, ${SECONDS} s each)\n`);
console.log("| case | docs/s | MB/s |");
console.log("|---|---:|---:|");
for (const [name, run] of [
  ["schema only", (d: unknown) => validate(d, { schemaOnly: true })],
  ["schema + quality rules", (d: unknown) => validate(d)],
] as const) {
  const rate = throughput(run);
  console.log(`| ${name} | ${rate.toFixed(0)} | ${((rate * bytes) / 1e6).toFixed(1)} |`);
}
