// `npm run release -- <version> [--status trial-use] [--date YYYY-MM-DD] [--notes "…"]`: freezes the working copy
// (schemas/) as release <version> into schemas/releases/<version>/ and records it in releases.json. The manifest
// must already say that version (standardVersion, baseUri /<major>/, schemaVersions.current <major>.<minor>), and
// the breaking-change gate must pass against the previous release of the line. Released folders are never rewritten.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { codesSchemaText, CODES_SCHEMA_PATH } from "../../sdk/scripts/generate-codes.ts";
import { diffSchemaSets, type Change } from "./schema-diff.ts";
import { loadSchemaSet, releaseDigest, releaseFiles } from "./schema-set.ts";
import {
  baselineFor,
  compareVersions,
  DIGESTS_FILE_NAME,
  gate,
  parseVersion,
  RELEASE_STATUSES,
  RELEASES_DIR,
  SCHEMAS_DIR,
  schemaVersionOf,
  type Release,
  type ReleaseStatus,
} from "./releases.ts";

export interface ReleaseOptions {
  schemasDir: string;
  releasesDir: string;
  version: string;
  status: ReleaseStatus;
  date: string;
  notes?: string;
}

export interface ReleaseOutcome {
  release: Release;
  baseline?: string;
  files: string[];
  changes: Change[];
}

/** Why the working copy cannot be released as `version`; empty when it can. */
export function releaseProblems(schemasDir: string, version: string): string[] {
  const manifest = loadSchemaSet(schemasDir).manifest;
  const [major] = parseVersion(version);
  const problems: string[] = [];
  if (manifest.standardVersion !== version)
    problems.push(`manifest.json standardVersion is ${manifest.standardVersion}; set it to ${version} first`);
  if (!manifest.baseUri.endsWith(`/${major}/`))
    problems.push(`manifest.json baseUri ${manifest.baseUri} must end in /${major}/ for a ${major}.x release`);
  if (manifest.schemaVersions.current !== schemaVersionOf(version))
    problems.push(`manifest.json schemaVersions.current must be ${schemaVersionOf(version)}`);
  if (!manifest.schemaVersions.supported.includes(manifest.schemaVersions.current))
    problems.push("manifest.json schemaVersions.supported must include the current schemaVersion");
  return problems;
}

export function release(options: ReleaseOptions): ReleaseOutcome {
  const { schemasDir, releasesDir, version, status, date } = options;
  const recordFile = join(releasesDir, "releases.json");
  const releases: Release[] = existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, "utf8")) as Release[]) : [];
  const target = join(releasesDir, version);
  if (releases.some((r) => r.version === version) || existsSync(target))
    throw new Error(`release ${version} already exists; released schemas are never rewritten`);
  const problems = releaseProblems(schemasDir, version);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  // The codes schema is frozen as the generator builds it from the code lists, never from a possibly stale file.
  const codes = codesSchemaText(schemasDir);
  if (readFileSync(join(schemasDir, CODES_SCHEMA_PATH), "utf8") !== codes)
    throw new Error(`schemas/${CODES_SCHEMA_PATH} is out of date; run \`npm run generate\` first`);

  const baseline = baselineFor(releases, version);
  let changes: Change[] = [];
  if (baseline !== undefined) {
    if (compareVersions(version, baseline.version) <= 0)
      throw new Error(`release ${version} is not above the last release of its line, ${baseline.version}`);
    changes = diffSchemaSets(loadSchemaSet(join(releasesDir, baseline.version)), loadSchemaSet(schemasDir));
    const verdict = gate(changes, baseline.version, version);
    if (!verdict.ok) throw new Error(verdict.message);
  }

  const files = releaseFiles(schemasDir);
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(schemasDir, file), join(target, file));
  }
  const record: Release = { version, status, date, statusDates: { [status]: date } };
  if (options.notes !== undefined) record.notes = options.notes;
  const next = [...releases, record].sort((a, b) => compareVersions(a.version, b.version));
  mkdirSync(releasesDir, { recursive: true });
  writeFileSync(recordFile, `${JSON.stringify(next, null, 2)}\n`);
  const digestFile = join(releasesDir, DIGESTS_FILE_NAME);
  const digests = existsSync(digestFile)
    ? (JSON.parse(readFileSync(digestFile, "utf8")) as Record<string, string>)
    : {};
  digests[version] = releaseDigest(target);
  const sorted = Object.fromEntries(Object.entries(digests).sort(([a], [b]) => compareVersions(a, b)));
  writeFileSync(digestFile, `${JSON.stringify(sorted, null, 2)}\n`);
  return { release: record, ...(baseline ? { baseline: baseline.version } : {}), files, changes };
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      status: { type: "string", default: "trial-use" },
      date: { type: "string", default: new Date().toISOString().slice(0, 10) },
      notes: { type: "string" },
      "schemas-dir": { type: "string", default: SCHEMAS_DIR },
      "releases-dir": { type: "string", default: RELEASES_DIR },
    },
  });
  const version = positionals[0];
  const status = values.status as ReleaseStatus;
  if (version === undefined || !RELEASE_STATUSES.includes(status)) {
    console.error(
      `usage: npm run release -- <MAJOR.MINOR.PATCH> [--status ${RELEASE_STATUSES.join("|")}] [--date YYYY-MM-DD] [--notes TEXT]`,
    );
    return 2;
  }
  const outcome = release({
    schemasDir: resolve(values["schemas-dir"]),
    releasesDir: resolve(values["releases-dir"]),
    version,
    status,
    date: values.date,
    ...(values.notes === undefined ? {} : { notes: values.notes }),
  });
  console.log(`released ${version} (${status}) : ${outcome.files.length} files in schemas/releases/${version}/`);
  if (outcome.baseline !== undefined) {
    console.log(`changes since ${outcome.baseline} (for the changelog):`);
    for (const c of outcome.changes.filter((x) => x.impact !== "annotation"))
      console.log(`  - ${c.impact}: ${c.message} (${c.where})`);
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exit(main());
  } catch (error) {
    console.error(`release failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
