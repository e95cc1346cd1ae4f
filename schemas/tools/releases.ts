// The release record (schemas/releases/releases.json) and the rule the breaking-change gate applies: a change that
// breaks documents or references needs a higher major version than the release it is compared with.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Change } from "./schema-diff.ts";

export const RELEASE_STATUSES = ["draft", "trial-use", "normative", "retired"] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export interface Release {
  /** Semantic version of the standard, e.g. "1.0.0". */
  version: string;
  status: ReleaseStatus;
  /** Date the release was cut (YYYY-MM-DD). */
  date: string;
  /** When it entered each status it has held. */
  statusDates?: Partial<Record<ReleaseStatus, string>>;
  notes?: string;
}

export const SCHEMAS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
export const RELEASES_DIR = join(SCHEMAS_DIR, "releases");
export const RELEASES_FILE = join(RELEASES_DIR, "releases.json");
/** releases/digests.json: version → SHA-256 of its frozen files (see releaseDigest). */
export const DIGESTS_FILE_NAME = "digests.json";

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/u;

export function parseVersion(version: string): [number, number, number] {
  const m = SEMVER.exec(version);
  if (m === null) throw new Error(`${JSON.stringify(version)} is not a semantic version (MAJOR.MINOR.PATCH)`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The `schemaVersion` documents of a release carry: its major and minor ("1.0" for 1.0.3). */
export function schemaVersionOf(version: string): string {
  const [major, minor] = parseVersion(version);
  return `${major}.${minor}`;
}

export function readReleases(file = RELEASES_FILE): Release[] {
  return JSON.parse(readFileSync(file, "utf8")) as Release[];
}

/**
 * The release a working copy at `version` is compared with: the highest release not above it. A newer major line
 * (2.0.0 in trial use while schemas/ is still 1.x) is not this line's baseline.
 */
export function baselineFor(releases: readonly Release[], version: string): Release | undefined {
  return [...releases]
    .filter((r) => compareVersions(r.version, version) <= 0)
    .sort((a, b) => compareVersions(b.version, a.version))[0];
}

export interface GateResult {
  ok: boolean;
  breaking: Change[];
  additive: Change[];
  annotations: Change[];
  message: string;
}

/** Breaking changes pass only when the major version goes up. */
export function gate(changes: readonly Change[], from: string, to: string): GateResult {
  const breaking = changes.filter((c) => c.impact === "breaking");
  const additive = changes.filter((c) => c.impact === "additive");
  const annotations = changes.filter((c) => c.impact === "annotation");
  const majorRaised = parseVersion(to)[0] > parseVersion(from)[0];
  const ok = breaking.length === 0 || majorRaised;
  const message = ok
    ? `${to} against ${from}: ${breaking.length} breaking (${majorRaised ? "major version raised" : "none"}), ` +
      `${additive.length} additive, ${annotations.length} annotation change(s)`
    : `${to} against ${from}: ${breaking.length} breaking change(s) without a new major version:\n${breaking
        .map((c) => `  ${c.rule}  ${c.where}  ${c.message}`)
        .join(
          "\n",
        )}\nRevert them, or raise the major version (standardVersion ${parseVersion(from)[0] + 1}.0.0) and release it.`;
  return { ok, breaking, additive, annotations, message };
}
