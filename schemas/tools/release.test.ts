// The release script on a throwaway copy of the standard: it freezes, records, refuses to rewrite a release, lets an
// additive minor release through with its changes listed, and refuses a breaking change without a new major.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { release } from "./release.ts";
import { releaseDigest, releaseFiles } from "./schema-set.ts";
import { SCHEMAS_DIR } from "./releases.ts";

const work = mkdtempSync(join(tmpdir(), "send-release-"));
const schemasDir = join(work, "schemas");
const releasesDir = join(schemasDir, "releases");
for (const file of releaseFiles(SCHEMAS_DIR)) {
  mkdirSync(dirname(join(schemasDir, file)), { recursive: true });
  cpSync(join(SCHEMAS_DIR, file), join(schemasDir, file));
}
afterAll(() => rmSync(work, { recursive: true, force: true }));

// biome-ignore lint/suspicious/noExplicitAny: the test edits JSON files whose shapes it knows
type Json = Record<string, any>;
function edit(file: string, change: (json: Json) => void): void {
  const path = join(schemasDir, file);
  const json = JSON.parse(readFileSync(path, "utf8")) as Json;
  change(json);
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
}
/** A minor release: its schemas accept its own and earlier minors; the manifest keeps the other live majors. */
function setVersion(version: string, schemaVersion: string, minors: string[]): void {
  edit("manifest.json", (m) => {
    const others = (m["schemaVersions"]["supported"] as string[]).filter((v) => !v.startsWith("1."));
    m["standardVersion"] = version;
    m["schemaVersions"] = { current: schemaVersion, supported: [...minors, ...others] };
  });
  edit("common.schema.json", (c) => {
    c["$defs"]["SchemaVersion"] = { title: "Schema version", description: "Accepted versions.", enum: minors };
  });
}
const base = { schemasDir, releasesDir, status: "normative" as const, date: "2026-12-05" };

describe("npm run release", () => {
  it("freezes the working copy and records it", () => {
    const outcome = release({ ...base, version: "1.0.0" });
    expect(outcome.baseline).toBeUndefined();
    expect(existsSync(join(releasesDir, "1.0.0", "isp.schema.json"))).toBe(true);
    expect(existsSync(join(releasesDir, "1.0.0", "vocab", "weekdays.json"))).toBe(true);
    expect(existsSync(join(releasesDir, "1.0.0", "generated", "codes.schema.json"))).toBe(true);
    const records = JSON.parse(readFileSync(join(releasesDir, "releases.json"), "utf8"));
    expect(records).toEqual([
      { version: "1.0.0", status: "normative", date: "2026-12-05", statusDates: { normative: "2026-12-05" } },
    ]);
    const digests = JSON.parse(readFileSync(join(releasesDir, "digests.json"), "utf8"));
    expect(digests["1.0.0"]).toBe(releaseDigest(join(releasesDir, "1.0.0")));
  });

  it("never rewrites a release", () => {
    expect(() => release({ ...base, version: "1.0.0" })).toThrow(/already exists/u);
  });

  it("refuses a version the manifest does not say", () => {
    expect(() => release({ ...base, version: "1.1.0" })).toThrow(/standardVersion is 1\.0\.0; set it to 1\.1\.0/u);
  });

  it("releases an additive minor version and lists what was added", () => {
    setVersion("1.1.0", "1.1", ["1.0", "1.1"]);
    edit("spp.schema.json", (s) => {
      s["properties"]["catalogueUrl"] = {
        title: "Catalogue URL",
        description: "Where it is published.",
        type: "string",
      };
    });
    const outcome = release({ ...base, version: "1.1.0" });
    expect(outcome.baseline).toBe("1.0.0");
    expect(outcome.changes.filter((c) => c.impact === "breaking")).toEqual([]);
    expect(outcome.changes.filter((c) => c.impact === "additive").map((c) => c.where)).toEqual([
      "common.schema.json#/$defs/SchemaVersion/enum",
      "manifest.json#/schemaVersions/supported",
      "spp.schema.json#/properties/catalogueUrl",
    ]);
  });

  it("refuses a breaking change without a new major version, naming it", () => {
    setVersion("1.2.0", "1.2", ["1.0", "1.1", "1.2"]);
    edit("spp.schema.json", (s) => {
      delete s["properties"]["changeSummary"];
    });
    expect(() => release({ ...base, version: "1.2.0" })).toThrow(
      /property-removed {2}spp\.schema\.json#\/properties\/changeSummary/u,
    );
    expect(existsSync(join(releasesDir, "1.2.0"))).toBe(false);
  });
});
