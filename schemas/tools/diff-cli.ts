// `npm run -s schemas:diff [-- --from <version>] [--to <version>]`: lists the changes between two versions of the
// standard as changelog lines, breaking first. Without --from, the working copy's baseline release; without --to,
// the working copy (schemas/). Exits 1 when the breaking-change gate fails, 2 on bad arguments.
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { diffSchemaSets } from "./schema-diff.ts";
import { loadSchemaSet } from "./schema-set.ts";
import { baselineFor, gate, readReleases, RELEASES_DIR, SCHEMAS_DIR } from "./releases.ts";

export function diffReport(from: string | undefined, to: string | undefined): { text: string; ok: boolean } {
  const releases = readReleases();
  const target = to === undefined ? loadSchemaSet(SCHEMAS_DIR) : loadSchemaSet(join(RELEASES_DIR, to));
  const toVersion = to ?? target.manifest.standardVersion;
  const fromVersion = from ?? baselineFor(releases, toVersion)?.version;
  if (fromVersion === undefined) return { text: `no release at or below ${toVersion} to compare with`, ok: true };
  if (!releases.some((r) => r.version === fromVersion)) throw new Error(`no release ${fromVersion} in releases.json`);
  const changes = diffSchemaSets(loadSchemaSet(join(RELEASES_DIR, fromVersion)), target);
  const verdict = gate(changes, fromVersion, toVersion);
  const label = to === undefined ? `working copy (${toVersion})` : toVersion;
  const lines = [`# ${label} against ${fromVersion}`, ""];
  for (const [title, list] of [
    ["Breaking", verdict.breaking],
    ["Additive", verdict.additive],
    ["Annotations", verdict.annotations],
  ] as const) {
    lines.push(`## ${title} (${list.length})`, "");
    for (const c of list) lines.push(`- ${c.rule}: ${c.message} — \`${c.where}\``);
    if (list.length > 0) lines.push("");
  }
  lines.push(verdict.ok ? `gate: passes (${verdict.message})` : `gate: FAILS\n${verdict.message}`);
  return { text: lines.join("\n"), ok: verdict.ok };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
    const { text, ok } = diffReport(values.from, values.to);
    console.log(text);
    process.exit(ok ? 0 : 1);
  } catch (error) {
    console.error(`schemas:diff: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
