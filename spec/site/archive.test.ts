// The release archive: the same sources give the same bytes and SHA-256 (also in another time zone), entries are
// sorted with one fixed modification time, and the archive holds the schemas at their $id paths, every code list,
// example and requirement as JSON and the tables as CSV, equal to the repository's files.
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../build-openapi.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildArchive, buildReleaseArchives } from "./archive.ts";
import { sitePages } from "./build.ts";
import { idPath } from "./site-paths.ts";
import { listFiles, readSources, readVocab } from "./sources.ts";

const sources = readSources(REPO_ROOT);
const TZ = process.env.TZ;
afterEach(() => {
  if (TZ === undefined) delete process.env.TZ;
  else process.env.TZ = TZ;
});

/** Entry names and modification times read from the zip's central directory (fflate does not expose them). */
function centralDirectory(zip: Uint8Array): { name: string; dosTime: number; dosDate: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    out.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

describe("release archive", () => {
  it("is byte-for-byte the same on every build, in any time zone, and its SHA-256 is of those bytes", () => {
    process.env.TZ = "UTC";
    const a = buildArchive(sources);
    process.env.TZ = "Pacific/Auckland";
    const b = buildArchive(sources);
    process.env.TZ = "America/Los_Angeles";
    const c = buildArchive(sources);
    expect(b.sha256).toBe(a.sha256);
    expect(c.sha256).toBe(a.sha256);
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    expect(a.sha256).toBe(createHash("sha256").update(a.bytes).digest("hex"));
    expect(a.name).toBe(`send-interchange-${sources.manifest.standardVersion}.zip`);
  });

  it("lists its entries sorted, each with the same fixed modification time", () => {
    const a = buildArchive(sources);
    const dir = centralDirectory(a.bytes);
    const names = dir.map((e) => e.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(a.entries);
    expect(new Set(dir.map((e) => `${e.dosDate}/${e.dosTime}`)).size).toBe(1);
    // 2000-01-01 00:00:00 in DOS date/time fields.
    expect(dir[0]).toMatchObject({ dosDate: ((2000 - 1980) << 9) | (1 << 5) | 1, dosTime: 0 });
  });

  it("holds the schemas at their $id paths, the code lists, examples and requirements as JSON and CSV", () => {
    const a = buildArchive(sources);
    const files = unzipSync(a.bytes);
    const text = (p: string) => new TextDecoder().decode(files[`${a.name.replace(/\.zip$/, "")}/${p}`]);
    for (const s of sources.schemas) expect(text(`schemas/${idPath(s.id, sources.manifest.baseUri)}`)).toBe(s.text);
    for (const l of sources.codeLists) expect(JSON.parse(text(`code-lists/${l.id}.json`))).toEqual(l);
    for (const ex of sources.worked) expect(text(`examples/worked/${ex.name}.json`)).toBe(ex.text);
    for (const ex of sources.counter) expect(text(`examples/counter/${ex.name}.json`)).toBe(ex.text);
    expect(JSON.parse(text("requirements/requirements.json")).requirements).toEqual(sources.requirements);

    // CSV parsed back by another maintained library gives the same rows.
    const reqs = parse(text("requirements/requirements.csv"), { columns: true }) as Record<string, string>[];
    expect(reqs).toEqual(
      sources.requirements.map((r) => ({
        id: r.id,
        level: r.level,
        area: r.area,
        text: r.text,
        source: r.source,
        status: r.status,
      })),
    );
    const codes = parse(text("code-lists/codes.csv"), { columns: true }) as Record<string, string>[];
    expect(codes).toHaveLength(sources.codeLists.reduce((n, l) => n + l.codes.length, 0));
    const first = sources.codeLists[0];
    expect(codes[0]).toMatchObject({
      list: first?.id,
      code: first?.codes[0]?.code,
      familyLabel: first?.codes[0]?.familyLabel,
    });
    const links = parse(text("crosswalks/links.csv"), { columns: true }) as unknown[];
    expect(links).toHaveLength(sources.crosswalks.reduce((n, c) => n + c.links.length, 0));
    expect(parse(text("rules/rules.csv"), { columns: true })).toHaveLength(sources.rules.length);
  });
});

describe("release archives", () => {
  const releases = sources.releases ?? [];
  const records = JSON.parse(readFileSync(join(REPO_ROOT, "schemas", "releases", "releases.json"), "utf8")) as {
    version: string;
  }[];

  it("one per release record, deterministic in any time zone, with its SHA-256 published beside it", () => {
    process.env.TZ = "UTC";
    const a = buildReleaseArchives(sources);
    process.env.TZ = "Asia/Kolkata";
    const b = buildReleaseArchives(sources);
    expect(a.map((r) => r.version).sort()).toEqual(records.map((r) => r.version).sort());
    expect(a.length).toBeGreaterThanOrEqual(2);
    const { pages } = sitePages(sources);
    for (const [i, r] of a.entries()) {
      expect(r.archive.name).toBe(`send-interchange-${r.version}-release.zip`);
      expect(b[i]!.archive.sha256).toBe(r.archive.sha256);
      expect(r.archive.sha256).toBe(createHash("sha256").update(r.archive.bytes).digest("hex"));
      expect(
        Buffer.from(pages.get(`download/releases/${r.archive.name}`) as Uint8Array).equals(
          Buffer.from(r.archive.bytes),
        ),
      ).toBe(true);
      expect(pages.get(`download/releases/${r.archive.name}.sha256`)).toBe(`${r.archive.sha256}  ${r.archive.name}\n`);
      // The versions page links each archive and shows its digest.
      const versions = pages.get("versions.html") as string;
      expect(versions).toContain(`href="download/releases/${r.archive.name}"`);
      expect(versions).toContain(r.archive.sha256);
    }
    // Different releases, different bytes (each holds its own frozen files).
    expect(new Set(a.map((r) => r.archive.sha256)).size).toBe(a.length);
  });

  it("holds exactly what the release froze: its schemas at their $id paths, manifest, code lists, and its record", () => {
    for (const { version, archive } of buildReleaseArchives(sources)) {
      const release = releases.find((r) => r.record.version === version)!;
      const files = unzipSync(archive.bytes);
      const root = archive.name.replace(/\.zip$/, "");
      const text = (p: string) => new TextDecoder().decode(files[`${root}/${p}`]);
      expect(JSON.parse(text("release.json"))).toEqual(release.record);
      expect(text("schemas/manifest.json")).toBe(readFileSync(join(release.dir, "manifest.json"), "utf8"));
      expect(release.schemas.length).toBeGreaterThan(5);
      const major = version.split(".")[0];
      for (const s of release.schemas) {
        const path = idPath(s.id, sources.manifest.baseUri);
        expect(path.startsWith(`${major}/`), path).toBe(true);
        // Byte for byte the frozen file, whose digest schemas/releases/digests.json guards.
        expect(text(`schemas/${path}`)).toBe(readFileSync(join(release.dir, s.file), "utf8"));
      }
      const vocab = readVocab(join(release.dir, "vocab"));
      for (const l of vocab.codeLists) expect(JSON.parse(text(`code-lists/${l.id}.json`))).toEqual(l);
      const codes = parse(text("code-lists/codes.csv"), { columns: true }) as unknown[];
      expect(codes).toHaveLength(vocab.codeLists.reduce((n, l) => n + l.codes.length, 0));
      // Nothing that is not frozen per release (examples, requirements) is in it.
      expect(Object.keys(files).some((p) => p.includes("/examples/") || p.includes("/requirements/"))).toBe(false);
      expect(listFiles(join(release.dir, "vocab")).length).toBeGreaterThan(0);
    }
    // 2.0.0's SPP is the 2.0 one (the breaking change), not the working copy's.
    const v2 = buildReleaseArchives(sources).find((r) => r.version === "2.0.0")!.archive;
    const spp = new TextDecoder().decode(
      unzipSync(v2.bytes)["send-interchange-2.0.0-release/schemas/2/spp.schema.json"],
    );
    expect(JSON.parse(spp).properties).toHaveProperty("supersedes");
  });
});
