// The downloadable release archive: the schemas (at their $id paths), code lists and crosswalks, worked examples and
// counter-examples, requirements and quality rules, as JSON and, for the tables, CSV. The zip (fflate) is
// deterministic: entries sorted by path, one fixed modification time, one compression level. So the same sources give
// the same bytes and the same SHA-256 on any machine and in any time zone, and a published digest stays true.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { type Zippable, zipSync } from "fflate";
import { publishedSchemas } from "./schema-pages.tsx";
import { idPath } from "./site-paths.ts";
import { type CodeList, type Crosswalk, type Release, type Sources, readVocab } from "./sources.ts";

export interface Archive {
  /** File name, e.g. "send-interchange-1.0.0.zip". */
  name: string;
  bytes: Uint8Array;
  sha256: string;
  /** Paths inside the archive, sorted. */
  entries: string[];
}

const csv = (rows: readonly Record<string, unknown>[], columns: readonly string[]) =>
  stringify(
    rows.map((r) => columns.map((c) => (r[c] === undefined || r[c] === null ? "" : String(r[c])))),
    { header: true, columns: [...columns], record_delimiter: "unix" },
  );

/** The files of the archive (path inside it → text), before zipping. */
export function archiveFiles(sources: Sources): Map<string, string> {
  const files = new Map<string, string>();
  const v = sources.manifest.standardVersion;
  files.set(
    "README.txt",
    [
      `SEND Interchange ${v}: the standard as data.`,
      "",
      "schemas/       every JSON Schema, at the path of its $id under the site root (e.g. 1/isp.schema.json),",
      "               and manifest.json (base URI, versions, document types)",
      "code-lists/    every code list as JSON, and codes.csv: one row per code of every list",
      "crosswalks/    every crosswalk as JSON, and links.csv / unmapped.csv",
      "examples/      worked/ (valid, rule-clean documents) and counter/ (documents with the errors to report)",
      "requirements/  requirements.json and requirements.csv",
      "rules/         the quality-rule catalogue as catalogue.json and rules.csv",
      "",
      "All examples are synthetic. Licence: Open Government Licence v3.0.",
      "",
    ].join("\n"),
  );
  for (const p of publishedSchemas(sources)) files.set(`schemas/${p.path}`, p.source.text);
  files.set("schemas/manifest.json", `${JSON.stringify(sources.manifest, null, 2)}\n`);
  addVocab(files, sources.codeLists, sources.crosswalks);
  for (const ex of sources.worked) files.set(`examples/worked/${ex.name}.json`, ex.text);
  for (const ex of sources.counter) files.set(`examples/counter/${ex.name}.json`, ex.text);
  files.set("requirements/requirements.json", `${JSON.stringify({ requirements: sources.requirements }, null, 2)}\n`);
  files.set(
    "requirements/requirements.csv",
    csv(sources.requirements as unknown as Record<string, unknown>[], [
      "id",
      "level",
      "area",
      "text",
      "source",
      "status",
    ]),
  );
  files.set("rules/catalogue.json", `${JSON.stringify({ rules: sources.rules }, null, 2)}\n`);
  files.set(
    "rules/rules.csv",
    csv(
      sources.rules.map((r) => ({ ...r, appliesTo: r.appliesTo.join(" ") })),
      ["id", "severity", "appliesTo", "title", "description", "rationale", "since"],
    ),
  );
  return files;
}

/** Code lists and crosswalks as JSON, with their CSV tables. */
function addVocab(files: Map<string, string>, codeLists: readonly CodeList[], crosswalks: readonly Crosswalk[]): void {
  const codeRows = [];
  for (const list of codeLists) {
    files.set(`code-lists/${list.id}.json`, `${JSON.stringify(list, null, 2)}\n`);
    for (const c of list.codes) codeRows.push({ list: list.id, ...c });
  }
  files.set(
    "code-lists/codes.csv",
    csv(codeRows, [
      "list",
      "code",
      "label",
      "familyLabel",
      "definition",
      "validFrom",
      "validTo",
      "status",
      "parent",
      "source",
    ]),
  );
  const linkRows = [];
  const unmappedRows = [];
  for (const cw of crosswalks) {
    files.set(`crosswalks/${cw.id}.json`, `${JSON.stringify(cw, null, 2)}\n`);
    for (const l of cw.links) linkRows.push({ crosswalk: cw.id, ...l });
    for (const u of cw.unmapped ?? []) unmappedRows.push({ crosswalk: cw.id, ...u });
  }
  files.set(
    "crosswalks/links.csv",
    csv(linkRows, ["crosswalk", "from", "to", "strength", "needsProfessionalReview", "note", "source"]),
  );
  files.set("crosswalks/unmapped.csv", csv(unmappedRows, ["crosswalk", "from", "reason"]));
}

/**
 * The files of a release's archive: what schemas/releases/<version>/ froze — its schemas at their $id paths, its
 * manifest, its code lists and crosswalks (JSON and CSV) — and its release record. Examples and requirements are not
 * frozen per release, so they are only in the current archive.
 */
export function releaseArchiveFiles(sources: Sources, release: Release): Map<string, string> {
  const { version, status, date } = release.record;
  const { dir } = release;
  const files = new Map<string, string>();
  files.set(
    "README.txt",
    [
      `SEND Interchange ${version} (${status}, released ${date}): the release as frozen in the repository.`,
      "",
      "release.json   the release record: version, status, dates, notes",
      "schemas/       every JSON Schema of the release, at the path of its $id under the site root,",
      "               and manifest.json (base URI, versions, document types)",
      "code-lists/    every code list as JSON, and codes.csv: one row per code of every list",
      "crosswalks/    every crosswalk as JSON, and links.csv / unmapped.csv",
      "",
      "Licence: Open Government Licence v3.0.",
      "",
    ].join("\n"),
  );
  files.set("release.json", `${JSON.stringify(release.record, null, 2)}\n`);
  for (const s of release.schemas) files.set(`schemas/${idPath(s.id, sources.manifest.baseUri)}`, s.text);
  if (existsSync(join(dir, "manifest.json")))
    files.set("schemas/manifest.json", readFileSync(join(dir, "manifest.json"), "utf8"));
  const vocab = readVocab(join(dir, "vocab"));
  addVocab(files, vocab.codeLists, vocab.crosswalks);
  return files;
}

// Local-time constructor on purpose: zip stores DOS times in local fields, which fflate reads with getFullYear() etc.,
// so a date built from local fields gives the same bytes in every time zone.
const FIXED_MTIME = () => new Date(2000, 0, 1, 0, 0, 0);

export function buildArchive(sources: Sources): Archive {
  return zipArchive(`send-interchange-${sources.manifest.standardVersion}`, archiveFiles(sources));
}

/** The archive of each release in schemas/releases/releases.json, named `send-interchange-<version>-release.zip`. */
export function buildReleaseArchives(sources: Sources): { version: string; archive: Archive }[] {
  return (sources.releases ?? []).map((r) => ({
    version: r.record.version,
    archive: zipArchive(`send-interchange-${r.record.version}-release`, releaseArchiveFiles(sources, r)),
  }));
}

/** Zips `files` under the folder `name`, deterministically (sorted entries, one fixed time, one level). */
function zipArchive(name: string, files: Map<string, string>): Archive {
  const entries = [...files.keys()].sort();
  const input: Zippable = {};
  const enc = new TextEncoder();
  for (const path of entries)
    input[`${name}/${path}`] = [enc.encode(files.get(path) ?? ""), { mtime: FIXED_MTIME(), level: 6 }];
  const bytes = zipSync(input, { level: 6, mtime: FIXED_MTIME() });
  return {
    name: `${name}.zip`,
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    entries: entries.map((e) => `${name}/${e}`),
  };
}
