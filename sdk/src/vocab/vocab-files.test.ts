// Data checks over every code list and crosswalk in schemas/vocab/: shape, uniqueness, the CONTRIBUTING.md table,
// hierarchy, crosswalk references and completeness, and that the static index loads every file.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createAjv } from "../validate/create-ajv.ts";
import type { CodeList, Crosswalk } from "./types.ts";
import { CODE_LISTS, CROSSWALKS } from "./vocab-index.ts";

const root = resolve(fileURLToPath(import.meta.url), "../../../..");
const vocabDir = join(root, "schemas/vocab");
const crosswalkDir = join(vocabDir, "crosswalks");
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));
const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort();

const listFiles = jsonFiles(vocabDir).map((file) => ({ file, list: readJson(join(vocabDir, file)) as CodeList }));
const crosswalkFiles = jsonFiles(crosswalkDir).map((file) => ({
  file,
  crosswalk: readJson(join(crosswalkDir, file)) as Crosswalk,
}));
const listById = new Map(listFiles.map(({ list }) => [list.id, list] as const));

/** The "list id | defName" table in CONTRIBUTING.md §3: the contract other schemas reference. */
function contributingTable(): { id: string; defName: string }[] {
  const text = readFileSync(join(root, "CONTRIBUTING.md"), "utf8");
  const start = text.indexOf("| list id | defName |");
  const rows = text.slice(start).split("\n").slice(2);
  const table: { id: string; defName: string }[] = [];
  for (const row of rows) {
    const match = /^\|\s*([a-z0-9-]+)\s*\|\s*([A-Za-z0-9]+)\s*\|$/.exec(row.trim());
    if (!match) break;
    table.push({ id: match[1]!, defName: match[2]! });
  }
  return table;
}

const ajv = createAjv();
const validateList = ajv.compile(readJson(join(root, "schemas/vocab.schema.json")) as object);
const validateCrosswalk = ajv.compile(readJson(join(root, "schemas/crosswalk.schema.json")) as object);

describe("code-list files", () => {
  it.each(listFiles)("$file validates against vocab.schema.json", ({ list }) => {
    const ok = validateList(list);
    expect(validateList.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(listFiles)("$file: id matches the file name, codes are unique, dates are ordered", ({ file, list }) => {
    expect(`${list.id}.json`).toBe(file);
    const codes = list.codes.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of list.codes) {
      if (entry.validFrom !== null && entry.validTo !== null)
        expect(entry.validFrom <= entry.validTo, entry.code).toBe(true);
    }
  });

  // External lists (census codes, LA numbers) keep their official form.
  it.each(listFiles.filter(({ list }) => !list.external))(
    "$file: codes are kebab-case (dotted for children)",
    ({ list }) => {
      for (const entry of list.codes) expect(entry.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/);
    },
  );

  it.each(listFiles)("$file: every parent exists (in parentList, or in the list itself)", ({ list }) => {
    const parentList = listById.get(list.parentList ?? list.id);
    expect(parentList, `parentList ${list.parentList}`).toBeDefined();
    const parentCodes = new Set(parentList!.codes.map((entry) => entry.code));
    for (const entry of list.codes) {
      if (entry.parent === null || entry.parent === undefined) continue;
      expect(parentCodes.has(entry.parent), `${entry.code} -> ${entry.parent}`).toBe(true);
      // Dotted child codes carry their parent as prefix, so a bare code tells you where it sits.
      if (entry.code.includes(".")) expect(entry.code.startsWith(`${entry.parent}.`)).toBe(true);
    }
  });

  it.each(contributingTable())("CONTRIBUTING.md table: $id has defName $defName", ({ id, defName }) => {
    expect(listById.get(id)?.defName).toBe(defName);
  });

  it("every enum-generating list is in the CONTRIBUTING.md table, and defNames are unique", () => {
    const tableIds = new Set(contributingTable().map((row) => row.id));
    const generating = listFiles.map(({ list }) => list).filter((list) => list.generateEnum !== false);
    expect(generating.map((list) => list.id).filter((id) => !tableIds.has(id))).toEqual([]);
    const defNames = listFiles.map(({ list }) => list.defName);
    expect(new Set(defNames).size).toBe(defNames.length);
  });

  it("the static index (vocab-index.ts) holds exactly the files on disk, unchanged", () => {
    expect([...CODE_LISTS].map((list) => list.id).sort()).toEqual(listFiles.map(({ list }) => list.id).sort());
    expect([...CROSSWALKS].map((xw) => xw.id).sort()).toEqual(
      crosswalkFiles.map(({ crosswalk }) => crosswalk.id).sort(),
    );
    for (const list of CODE_LISTS) expect(list).toEqual(listById.get(list.id));
  });
});

describe("crosswalk files", () => {
  it.each(crosswalkFiles)("$file validates against crosswalk.schema.json", ({ crosswalk }) => {
    const ok = validateCrosswalk(crosswalk);
    expect(validateCrosswalk.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(crosswalkFiles)("$file: id is <fromList>-to-<toList> and matches the file name", ({ file, crosswalk }) => {
    expect(crosswalk.id).toBe(`${crosswalk.fromList}-to-${crosswalk.toList}`);
    expect(`${crosswalk.id}.json`).toBe(file);
  });

  it.each(crosswalkFiles)("$file: every from/to code exists in its list", ({ crosswalk }) => {
    const from = new Set(listById.get(crosswalk.fromList)?.codes.map((entry) => entry.code));
    const to = new Set(listById.get(crosswalk.toList)?.codes.map((entry) => entry.code));
    expect(from.size).toBeGreaterThan(0);
    expect(to.size).toBeGreaterThan(0);
    for (const link of crosswalk.links) {
      expect(from.has(link.from), link.from).toBe(true);
      expect(to.has(link.to), link.to).toBe(true);
    }
    for (const entry of crosswalk.unmapped) expect(from.has(entry.from), entry.from).toBe(true);
  });

  it.each(crosswalkFiles)("$file: complete: every from-code is linked or listed as unmapped", ({ crosswalk }) => {
    const covered = new Set([
      ...crosswalk.links.map((link) => link.from),
      ...crosswalk.unmapped.map((entry) => entry.from),
    ]);
    const missing = listById
      .get(crosswalk.fromList)!
      .codes.map((entry) => entry.code)
      .filter((code) => !covered.has(code));
    expect(missing).toEqual([]);
  });

  it.each(crosswalkFiles)("$file: no duplicate links, no code listed as unmapped twice", ({ crosswalk }) => {
    const pairs = crosswalk.links.map((link) => `${link.from}->${link.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const unmapped = crosswalk.unmapped.map((entry) => entry.from);
    expect(new Set(unmapped).size).toBe(unmapped.length);
  });

  it.each(crosswalkFiles)(
    "$file: partial links and links from partly unmapped codes always need professional review",
    ({ crosswalk }) => {
      const partlyUnmapped = new Set(crosswalk.unmapped.map((entry) => entry.from));
      for (const link of crosswalk.links) {
        if (link.strength === "partial" || partlyUnmapped.has(link.from))
          expect(link.needsProfessionalReview, `${link.from}->${link.to}`).toBe(true);
      }
    },
  );
});
