// Precompiled validators for every supported schemaVersion other than the current one, built from the frozen
// release in schemas/releases/<version>/ (the highest release carrying that MAJOR.MINOR), plus
// sdk/generated/validators-by-version.ts mapping each schemaVersion to its validators. The current version's
// validators stay in validators.js, built from the working copy.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadStandard, type JsonSchema, type Manifest } from "./standard.ts";
import { generateValidators } from "./validators.ts";
import { tsHeader, withTrailingNewline } from "./header.ts";

interface ReleaseRecord {
  version: string;
}

function majorMinor(version: string): string {
  return version.split(".").slice(0, 2).join(".");
}

function byVersion(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  return (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0) || (x[2] ?? 0) - (y[2] ?? 0);
}

/** The release folder holding schemaVersion `schemaVersion`, or an error naming what is missing. */
export function releaseDirFor(schemasDir: string, schemaVersion: string): string {
  const file = join(schemasDir, "releases", "releases.json");
  const releases = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ReleaseRecord[]) : [];
  const match = releases
    .map((r) => r.version)
    .filter((v) => majorMinor(v) === schemaVersion)
    .sort(byVersion)
    .pop();
  if (match === undefined)
    throw new Error(`manifest.json supports schemaVersion ${schemaVersion}, but no release in ${file} carries it`);
  return join(schemasDir, "releases", match);
}

/** path (relative to the repo root) → text, for the released versions' validators and the version index. */
export function generateReleasedValidators(root: string, manifest: Manifest): Map<string, string> {
  const files = new Map<string, string>();
  const schemasDir = join(root, "schemas");
  const outDir = join(root, "sdk", "generated");
  const entries: Array<[string, string]> = [[manifest.schemaVersions.current, "./validators.js"]];
  for (const version of manifest.schemaVersions.supported) {
    if (version === manifest.schemaVersions.current) continue;
    const dir = releaseDirFor(schemasDir, version);
    const codes = JSON.parse(readFileSync(join(dir, "generated", "codes.schema.json"), "utf8")) as JsonSchema;
    const generated = generateValidators(loadStandard(dir, codes), outDir);
    files.set(`sdk/generated/validators-${version}.js`, generated.js);
    files.set(`sdk/generated/validators-${version}.d.ts`, generated.dts);
    entries.push([version, `./validators-${version}.js`]);
  }
  const name = (version: string) => `v${version.replace(/\./gu, "_")}`;
  files.set(
    "sdk/generated/validators-by-version.ts",
    withTrailingNewline(`${tsHeader}
// schemaVersion → the precompiled validators of that version (current: the working copy; others: their release).
import type { StandaloneValidator } from "./validators.js";
${entries.map(([v, path]) => `import { validators as ${name(v)} } from ${JSON.stringify(path)};`).join("\n")}

export const VALIDATORS_BY_VERSION: Readonly<Record<string, Readonly<Record<string, StandaloneValidator>>>> = {
${entries.map(([v]) => `  ${JSON.stringify(v)}: ${name(v)},`).join("\n")}
};
`),
  );
  return files;
}
