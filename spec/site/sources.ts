// Reads what the site publishes from the repository: the manifest, every schema with a `$id`, the release records and
// released schemas (when schemas/releases/ exists), code lists, crosswalks, examples, requirements and rules.
// Nothing here renders; every page module takes these values.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface Manifest {
  standard: string;
  standardVersion: string;
  baseUri: string;
  schemaVersions: { current: string; supported: string[] };
  documentTypes: { documentType: string; title: string; schema: string; defName: string }[];
  recordTypes?: { schema: string; title: string; defName: string }[];
}

/** A JSON file of schemas/ (or of a release folder) whose root carries a `$id`. */
export interface SchemaSource {
  /** Path inside its schemas folder ("isp.schema.json", "generated/codes.schema.json"). */
  file: string;
  /** Repository path ("schemas/isp.schema.json", "schemas/releases/1.0.0/isp.schema.json"). */
  repoPath: string;
  id: string;
  /** The file's bytes as committed: served unchanged so that a fetch of the $id gives exactly this document. */
  text: string;
  schema: { [k: string]: Json };
}

export const RELEASE_STATUSES = ["draft", "trial-use", "normative", "retired"] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export interface ReleaseRecord {
  version: string;
  status: ReleaseStatus;
  date: string;
  statusDates?: Partial<Record<ReleaseStatus, string>>;
  notes?: string;
}

export interface CodeEntry {
  code: string;
  label: string;
  familyLabel: string;
  definition?: string;
  validFrom?: string | null;
  validTo?: string | null;
  status?: string;
  source?: string;
  parent?: string | null;
}

export interface CodeList {
  id: string;
  defName: string;
  title: string;
  description?: string;
  version: string;
  source?: string;
  codes: CodeEntry[];
}

export interface Crosswalk {
  id: string;
  title: string;
  description?: string;
  version: string;
  source?: string;
  fromList: string;
  toList: string;
  links: {
    from: string;
    to: string;
    strength: string;
    needsProfessionalReview: boolean;
    note?: string;
    source?: string;
  }[];
  unmapped?: { from: string; reason: string }[];
}

export interface Requirement {
  id: string;
  level: string;
  area: string;
  text: string;
  source: string;
  status: string;
}

export interface Rule {
  id: string;
  severity: string;
  appliesTo: string[];
  title: string;
  description: string;
  rationale?: string;
  since?: string;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

/** Every file under `dir` (relative, "/"-separated, sorted), skipping the folders in `skip`. */
export function listFiles(dir: string, skip: readonly string[] = []): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const rel = relative(dir, full).split(sep).join("/");
      if (skip.includes(rel)) continue;
      if (statSync(full).isDirectory()) walk(full);
      else out.push(rel);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Every *.json under `dir` whose root has a string `$id` (released schema folders skipped). */
export function readSchemas(root: string, dir: string, skip: readonly string[] = []): SchemaSource[] {
  const out: SchemaSource[] = [];
  for (const file of listFiles(join(root, dir), skip)) {
    if (!file.endsWith(".json")) continue;
    const text = readFileSync(join(root, dir, file), "utf8");
    const schema = JSON.parse(text) as { [k: string]: Json };
    if (typeof schema.$id === "string")
      out.push({ file, repoPath: posix.join(dir, file), id: schema.$id, text, schema });
  }
  return out;
}

export interface Release {
  record: ReleaseRecord;
  /** Schemas kept for this version under schemas/releases/<version>/ (empty when the folder is absent). */
  schemas: SchemaSource[];
  /** The release's folder, schemas/releases/<version>/ (it may be absent). */
  dir: string;
}

/** The release records (schemas/releases/releases.json), newest first, or null when the standard has none yet. */
export function readReleases(root: string): Release[] | null {
  const path = join(root, "schemas", "releases", "releases.json");
  if (!existsSync(path)) return null;
  const records = readJson<ReleaseRecord[]>(path);
  if (!Array.isArray(records)) throw new Error(`${path}: expected an array of release records`);
  for (const r of records) {
    if (typeof r.version !== "string" || !RELEASE_STATUSES.includes(r.status) || typeof r.date !== "string")
      throw new Error(`${path}: bad release record ${JSON.stringify(r)}`);
  }
  return [...records]
    .sort((a, b) => compareVersions(b.version, a.version))
    .map((record) => ({
      record,
      schemas: readSchemas(root, posix.join("schemas", "releases", record.version)),
      dir: join(root, "schemas", "releases", record.version),
    }));
}

/** Semantic-version order (numeric parts; a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = "", pre] = v.split("-", 2);
    return { nums: core.split(".").map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

export interface Sources {
  root: string;
  manifest: Manifest;
  schemas: SchemaSource[];
  releases: Release[] | null;
  codeLists: CodeList[];
  crosswalks: Crosswalk[];
  requirements: Requirement[];
  rules: Rule[];
  /** Worked examples and counter-example cases: file name → parsed JSON and the committed text. */
  worked: { name: string; text: string; json: { [k: string]: Json } }[];
  counter: { name: string; text: string; json: { [k: string]: Json } }[];
}

/** The code lists and crosswalks of a vocab folder (schemas/vocab, or a release's vocab). */
export function readVocab(vocabDir: string): { codeLists: CodeList[]; crosswalks: Crosswalk[] } {
  const codeLists = listFiles(vocabDir, ["crosswalks"])
    .filter((f) => f.endsWith(".json") && !f.includes("/"))
    .map((f) => readJson<CodeList>(join(vocabDir, f)));
  const crosswalks = listFiles(join(vocabDir, "crosswalks"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => readJson<Crosswalk>(join(vocabDir, "crosswalks", f)));
  return { codeLists, crosswalks };
}

export function readSources(root: string): Sources {
  const manifest = readJson<Manifest>(join(root, "schemas", "manifest.json"));
  const { codeLists, crosswalks } = readVocab(join(root, "schemas", "vocab"));
  const examples = (sub: string) =>
    listFiles(join(root, "examples", sub))
      .filter((f) => f.endsWith(".json") && !f.includes("/") && !f.endsWith(".schema.json"))
      .map((f) => {
        const text = readFileSync(join(root, "examples", sub, f), "utf8");
        return { name: f.replace(/\.json$/, ""), text, json: JSON.parse(text) as { [k: string]: Json } };
      });
  return {
    root,
    manifest,
    schemas: readSchemas(root, "schemas", ["releases", "node_modules"]),
    releases: readReleases(root),
    codeLists,
    crosswalks,
    requirements: readJson<{ requirements: Requirement[] }>(join(root, "spec", "requirements", "requirements.json"))
      .requirements,
    rules: readJson<{ rules: Rule[] }>(join(root, "schemas", "rules", "catalogue.json")).rules,
    worked: examples("worked"),
    counter: examples("counter"),
  };
}
