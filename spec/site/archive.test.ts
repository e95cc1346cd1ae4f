// The release archive: the same sources give the same bytes and SHA-256 (also in another time zone), entries are
// sorted with one fixed modification time, and the archive holds the schemas at their $id paths, every code list,
// example and requirement as JSON and the tables as CSV, equal to the repository's files.
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../build-openapi.ts";
import { buildArchive } from "./archive.ts";
import { idPath } from "./site-paths.ts";
import { readSources } from "./sources.ts";

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
