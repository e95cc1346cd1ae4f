// Throughput of full validation (precompiled schema validator + quality rules) over the worked-example corpus,
// against (a) JSON.parse of the same bytes and (b) an interpreted validator (@cfworker/json-schema) on the same
// schemas. Targets: full validation ≥ 5× the interpreted validator; parse + full validation ≥ 60 % of parse-only.
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

/** Runs `fn` over the corpus repeatedly for SECONDS; returns documents per second. */
function measure<T>(items: readonly T[], fn: (item: T) => unknown): number {
  for (const item of items) fn(item); // warm-up
  let docs = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const start = performance.now();
  while (performance.now() < deadline) {
    for (const item of items) fn(item);
    docs += items.length;
  }
  return docs / ((performance.now() - start) / 1000);
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

const parseOnly = measure(texts, (t) => JSON.parse(t));
const parseAndValidate = measure(texts, (t) => validate(JSON.parse(t)));
const validateOnly = measure(docs, (d) => validate(d));
const interpreted = measure(docs, (d) => cf.get(d.documentType)?.validate(d));

const fmt = (n: number): string => Math.round(n).toLocaleString("en-GB");
console.log(`Corpus: ${texts.length} document(s) from ${source}, ${fmt(bytes / texts.length)} bytes on average; ${SECONDS} s per case.\n`);
console.log("| case | docs/s |");
console.log("|---|---|");
console.log(`| JSON.parse only | ${fmt(parseOnly)} |`);
console.log(`| JSON.parse + validate() (schema + rules) | ${fmt(parseAndValidate)} |`);
console.log(`| validate() on parsed documents | ${fmt(validateOnly)} |`);
console.log(`| @cfworker/json-schema (interpreted) on parsed documents | ${fmt(interpreted)} |`);
console.log("");
console.log("| ratio | value | target |");
console.log("|---|---|---|");
console.log(`| validate() / interpreted | ${(validateOnly / interpreted).toFixed(1)}× | ≥ 5× |`);
console.log(`| parse + validate / parse only | ${((parseAndValidate / parseOnly) * 100).toFixed(0)} % | ≥ 60 % |`);
