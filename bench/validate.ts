// Throughput of full validation (precompiled schema validator + quality rules) over the worked-example corpus,
// against (a) JSON.parse of the same bytes and (b) an interpreted validator (@cfworker/json-schema) on the same
// schemas. Targets: full validation ≥ 5× the interpreted validator; parse + full validation ≥ 60 % of parse-only.
// The cases run in interleaved slices so load from other processes on a shared machine skews them alike.
// Usage: tsx bench/validate.ts [--seconds N]  (prints a markdown table; figures go to bench/RESULTS.md by hand)
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Validator as CfValidator, type Schema } from "@cfworker/json-schema";
import { validate } from "../sdk/src/validate/validate.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { seconds: { type: "string", default: "2" } } });
const SECONDS = Number(values.seconds);

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The worked examples; until they exist, any valid document under examples/ or conformance/. */
function corpus(): { texts: string[]; source: string } {
  for (const dir of ["examples/worked", "examples", "conformance"]) {
    const texts = jsonFiles(join(ROOT, dir))
      .map((f) => readFileSync(f, "utf8"))
      .filter((t) => {
        try {
          return validate(JSON.parse(t)).valid;
        } catch {
          return false;
        }
      });
    if (texts.length > 0) return { texts, source: dir };
  }
  return { texts: [], source: "" };
}

/** Slices each case's time is cut into. The cases take turns slice by slice, so a change in machine load (the
 *  machine is shared) falls on all of them alike instead of on whichever case happened to run then. */
const SLICES = 10;

interface Case {
  run: () => void;
  docs: number;
  ms: number;
  /** Process CPU time (all threads: main, GC, compiler) spent in this case's slices. */
  cpuMs: number;
}

/** A case that runs `fn` once over every item per call. */
function benchCase<T>(items: readonly T[], fn: (item: T) => unknown): Case {
  return {
    run: () => {
      for (const item of items) fn(item);
    },
    docs: 0,
    ms: 0,
    cpuMs: 0,
  };
}

/** Runs the cases in turns for SECONDS each in total; fills in documents, wall time and CPU time for each. */
function measureInterleaved(cases: Case[], perPass: number): void {
  for (const c of cases) c.run(); // warm-up
  const sliceMs = (SECONDS * 1000) / SLICES;
  for (let slice = 0; slice < SLICES; slice++) {
    for (const c of cases) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const deadline = start + sliceMs;
      let now = start;
      while (now < deadline) {
        c.run();
        c.docs += perPass;
        now = performance.now();
      }
      c.ms += now - start;
      const used = process.cpuUsage(cpu);
      c.cpuMs += (used.user + used.system) / 1000;
    }
  }
}

function interpretedValidators(): Map<string, CfValidator> {
  const manifest = JSON.parse(readFileSync(join(ROOT, "schemas/manifest.json"), "utf8")) as {
    documentTypes: Array<{ documentType: string; schema: string }>;
    sharedSchemas: string[];
  };
  const load = (rel: string): Schema => JSON.parse(readFileSync(join(ROOT, "schemas", rel), "utf8")) as Schema;
  const shared = manifest.sharedSchemas.map(load);
  const all = manifest.documentTypes.map((d) => load(d.schema));
  const out = new Map<string, CfValidator>();
  manifest.documentTypes.forEach((d, i) => {
    const v = new CfValidator(all[i] as Schema, "2020-12", false);
    // Every schema by its $id, so cross-file refs resolve without the network.
    for (const s of [...shared, ...all]) v.addSchema(s);
    out.set(d.documentType, v);
  });
  return out;
}

const { texts, source } = corpus();
if (texts.length === 0) {
  console.log("bench/validate: no valid documents found (examples/worked is empty); nothing to measure.");
  process.exit(0);
}
const docs = texts.map((t) => JSON.parse(t) as { documentType: string });
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const cf = interpretedValidators();

const cases = [
  benchCase(texts, (t) => JSON.parse(t)),
  benchCase(texts, (t) => validate(JSON.parse(t))),
  benchCase(docs, (d) => validate(d)),
  benchCase(docs, (d) => cf.get(d.documentType)?.validate(d)),
];
measureInterleaved(cases, texts.length);
const [parseOnly, parseAndValidate, validateOnly, interpreted] = cases as [Case, Case, Case, Case];
const wall = (c: Case): number => c.docs / (c.ms / 1000);
const cpu = (c: Case): number => c.docs / (c.cpuMs / 1000);

const fmt = (n: number): string => Math.round(n).toLocaleString("en-GB");
console.log(
  `Corpus: ${texts.length} document(s) from ${source}, ${fmt(bytes / texts.length)} bytes on ` +
    `average; ${SECONDS} s per case, taken in ${SLICES} interleaved slices.`,
);
console.log(
  "docs/s per wall-clock second, and per second of this process's CPU time (less affected by other load on a shared machine).\n",
);
console.log("| case | docs/s (wall) | docs/s (CPU) |");
console.log("|---|---|---|");
console.log(`| JSON.parse only | ${fmt(wall(parseOnly))} | ${fmt(cpu(parseOnly))} |`);
console.log(
  `| JSON.parse + validate() (schema + rules) | ${fmt(wall(parseAndValidate))} | ${fmt(cpu(parseAndValidate))} |`,
);
console.log(`| validate() on parsed documents | ${fmt(wall(validateOnly))} | ${fmt(cpu(validateOnly))} |`);
console.log(
  `| @cfworker/json-schema (interpreted) on parsed documents | ${fmt(wall(interpreted))} | ${fmt(cpu(interpreted))} |`,
);
console.log("");
console.log("| ratio | wall | CPU | target |");
console.log("|---|---|---|---|");
console.log(
  `| validate() / interpreted | ${(wall(validateOnly) / wall(interpreted)).toFixed(1)}× | ${(cpu(validateOnly) / cpu(interpreted)).toFixed(1)}× | ≥ 5× |`,
);
console.log(
  `| parse + validate / parse only | ` +
    `${((wall(parseAndValidate) / wall(parseOnly)) * 100).toFixed(0)} % | ` +
    `${((cpu(parseAndValidate) / cpu(parseOnly)) * 100).toFixed(0)} % | ≥ 60 % |`,
);
