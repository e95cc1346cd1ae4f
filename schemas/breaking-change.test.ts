// The breaking-change gate of `npm test`: the working copy (schemas/) against the last release of its line, and
// every recorded release against its folder and its predecessor. A breaking change without a new major version
// fails here with the change's rule, file and pointer (`npm run -s schemas:diff` prints the full list).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffSchemaSets } from "./tools/schema-diff.ts";
import { loadSchemaSet, releaseDigest } from "./tools/schema-set.ts";
import {
  baselineFor,
  compareVersions,
  DIGESTS_FILE_NAME,
  gate,
  parseVersion,
  RELEASE_STATUSES,
  RELEASES_DIR,
  readReleases,
  SCHEMAS_DIR,
  schemaVersionOf,
} from "./tools/releases.ts";

const releases = readReleases();
const working = loadSchemaSet(SCHEMAS_DIR);
const digests = JSON.parse(readFileSync(join(RELEASES_DIR, DIGESTS_FILE_NAME), "utf8")) as Record<string, string>;

describe("the working copy against its last release", () => {
  const baseline = baselineFor(releases, working.manifest.standardVersion);
  it("has a release to compare with", () => {
    expect(baseline, `no release at or below ${working.manifest.standardVersion}`).toBeDefined();
  });
  it("makes no breaking change unless the major version is raised (additive changes are listed for the changelog)", () => {
    if (baseline === undefined) return;
    const changes = diffSchemaSets(loadSchemaSet(join(RELEASES_DIR, baseline.version)), working);
    const verdict = gate(changes, baseline.version, working.manifest.standardVersion);
    expect(verdict.ok, verdict.message).toBe(true);
  });
  it("still supports every schemaVersion of the releases it has not retired", () => {
    for (const r of releases.filter((x) => x.status !== "retired" && x.status !== "draft"))
      expect(working.manifest.schemaVersions.supported).toContain(schemaVersionOf(r.version));
  });
});

describe.each(releases.map((r) => [r.version, r] as const))("release %s", (version, record) => {
  const dir = join(RELEASES_DIR, version);
  it("has a valid record", () => {
    parseVersion(version);
    expect(RELEASE_STATUSES).toContain(record.status);
    expect(record.date).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    for (const [status, date] of Object.entries(record.statusDates ?? {})) {
      expect(RELEASE_STATUSES).toContain(status);
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    }
  });
  it("is frozen: its files are the ones recorded when it was cut", () => {
    expect(existsSync(join(dir, "manifest.json"))).toBe(true);
    expect(releaseDigest(dir), `schemas/releases/${version}/ was edited after release`).toBe(digests[version]);
  });
  it("says its own version, and every $id sits under its major's base URI", () => {
    const set = loadSchemaSet(dir);
    expect(set.manifest.standardVersion).toBe(version);
    expect(set.manifest.schemaVersions.current).toBe(schemaVersionOf(version));
    expect(set.manifest.baseUri.endsWith(`/${parseVersion(version)[0]}/`)).toBe(true);
    for (const [file, schema] of set.schemas) expect(schema["$id"], file).toBe(`${set.manifest.baseUri}${file}`);
  });
  it("passes the gate against the release before it", () => {
    const earlier = releases.filter((r) => compareVersions(r.version, version) < 0);
    const previous = baselineFor(earlier, version);
    if (previous === undefined) return; // the first release
    const verdict = gate(
      diffSchemaSets(loadSchemaSet(join(RELEASES_DIR, previous.version)), loadSchemaSet(dir)),
      previous.version,
      version,
    );
    expect(verdict.ok, verdict.message).toBe(true);
  });
});

describe("2.0.0, the second live version, against 1.0.0", () => {
  const changes = diffSchemaSets(
    loadSchemaSet(join(RELEASES_DIR, "1.0.0")),
    loadSchemaSet(join(RELEASES_DIR, "2.0.0")),
  );
  const rules = (impact: string) =>
    changes.filter((c) => c.impact === impact && c.rule !== "id-changed").map((c) => `${c.rule} ${c.where}`);
  it("makes the breaking changes the major version allows, and is caught making them", () => {
    expect(rules("breaking")).toEqual([
      "enum-value-removed common.schema.json#/$defs/SchemaVersion/enum",
      "property-removed spp.schema.json#/properties/changeSummary",
      "property-removed spp.schema.json#/properties/supersedesVersion",
    ]);
    expect(gate(changes, "1.0.0", "1.1.0").ok).toBe(false);
  });
  it("and the additive ones", () => {
    expect(rules("additive")).toEqual([
      "enum-value-added common.schema.json#/$defs/SchemaVersion/enum",
      "schema-version-added manifest.json#/schemaVersions/supported",
      "property-added spp.schema.json#/properties/catalogueUrl",
      "property-added spp.schema.json#/properties/supersedes",
    ]);
  });
});
