// A "schema set" is one version of the standard as data: its manifest, its schema files and its code lists. The
// working copy (schemas/) and every frozen release (schemas/releases/<version>/) load the same way, so the diff and
// the release script compare like with like.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface CodeListData {
  id: string;
  defName: string;
  codes: Array<{ code: string; validTo?: string | null; [key: string]: unknown }>;
  [key: string]: unknown;
}

export interface SchemaSet {
  manifest: {
    standardVersion: string;
    baseUri: string;
    schemaVersions: { current: string; supported: string[] };
    [key: string]: unknown;
  };
  /** Schema files by path relative to the set's folder ("isp.schema.json", "generated/codes.schema.json"). */
  schemas: Map<string, Record<string, unknown>>;
  /** Code lists by list id. */
  codeLists: Map<string, CodeListData>;
}

/**
 * The files a release freezes, relative to schemas/: the manifest, every schema at the top level, the generated
 * codes schema, the code lists and the crosswalks. Tests, scripts, docs and the rule catalogue (the SDK's quality
 * rules, not the format) are not part of a release.
 */
export function releaseFiles(schemasDir: string): string[] {
  const top = readdirSync(schemasDir, { withFileTypes: true })
    .filter((e) => e.isFile() && (e.name === "manifest.json" || e.name.endsWith(".schema.json")))
    .map((e) => e.name);
  const nested = ["generated", "vocab"].flatMap((dir) =>
    existsSync(join(schemasDir, dir))
      ? readdirSync(join(schemasDir, dir), { withFileTypes: true, recursive: true })
          .filter((e) => e.isFile() && e.name.endsWith(".json"))
          .map((e) => relative(schemasDir, join(e.parentPath, e.name)).split(sep).join("/"))
      : [],
  );
  return [...top, ...nested].sort();
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

/** Loads a working copy or a release folder. */
export function loadSchemaSet(dir: string): SchemaSet {
  const files = releaseFiles(dir);
  const schemas = new Map<string, Record<string, unknown>>();
  const codeLists = new Map<string, CodeListData>();
  for (const file of files) {
    if (file.endsWith(".schema.json")) schemas.set(file, readJson(join(dir, file)));
    else if (file.startsWith("vocab/") && !file.startsWith("vocab/crosswalks/")) {
      const list = readJson(join(dir, file)) as unknown as CodeListData;
      codeLists.set(list.id, list);
    }
  }
  return { manifest: readJson(join(dir, "manifest.json")) as SchemaSet["manifest"], schemas, codeLists };
}

/**
 * SHA-256 over a folder's release files (path and bytes, in path order): recorded when a release is cut so that a
 * test can prove no released folder was edited afterwards.
 */
export function releaseDigest(dir: string): string {
  const hash = createHash("sha256");
  for (const file of releaseFiles(dir)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(dir, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}
