// Field-level traceability (schemas/traceability.json): every requirement line of the requirements digest, sections
// 1-2, maps to fields that exist in the schemas or to a decision record that says why it is not a field.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildCodesSchema } from "../sdk/scripts/generate-codes.ts";
import { FieldWalker } from "../sdk/scripts/generate/schema-fields.ts";
import { loadStandard } from "../sdk/scripts/generate/standard.ts";
import { requirementLines, type Traceability } from "../sdk/scripts/generate/traceability.ts";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, "..");
const trace = JSON.parse(readFileSync(join(here, "traceability.json"), "utf8")) as Traceability;
const standard = loadStandard(here, buildCodesSchema(here) as never);
const walker = new FieldWalker(standard.schemas);
const fieldsOf = new Map(
  standard.manifest.documentTypes.map((d) => [d.documentType, new Set(walker.rows(d.schema).map((r) => r.pointer))]),
);

/** The project's copy of the requirements digest (spec/requirements/), so a clean clone can check the map. */
const digestPath = join(repoRoot, "spec/requirements/requirements-digest.md");

/** The digest as it lives beside the repository in the working environment (../shared/domain/), if present. */
function findSharedDigest(): string | undefined {
  let dir = dirname(repoRoot);
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, "shared/domain/requirements-digest.md");
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

describe("schemas/traceability.json", () => {
  it("names only fields that exist in the schemas", () => {
    const missing: string[] = [];
    for (const r of trace.requirements)
      for (const p of r.pointers ?? []) {
        const [documentType = "", pointer = ""] = p.split(/:(.*)/s);
        if (!fieldsOf.get(documentType)?.has(pointer)) missing.push(`line ${r.line}: ${p}`);
      }
    expect(missing).toEqual([]);
  });

  it("cites decision records that exist, down to the anchor", () => {
    const missing: string[] = [];
    for (const r of trace.requirements) {
      if (r.decision === undefined) continue;
      const [file = "", anchor] = r.decision.split("#");
      const path = join(repoRoot, file);
      if (!existsSync(path)) missing.push(`line ${r.line}: ${r.decision}`);
      else if (anchor && !readFileSync(path, "utf8").includes(`id="${anchor}"`))
        missing.push(`line ${r.line}: #${anchor}`);
    }
    expect(missing).toEqual([]);
  });

  it("gives every requirement a field or a decision, once per line", () => {
    const empty = trace.requirements.filter((r) => (r.pointers ?? []).length === 0 && r.decision === undefined);
    expect(empty.map((r) => r.line)).toEqual([]);
    const lines = trace.requirements.map((r) => r.line);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it("holds the requirements digest, the same as the shared one where that is present", () => {
    expect(existsSync(digestPath), "spec/requirements/requirements-digest.md").toBe(true);
    const shared = findSharedDigest();
    if (shared) expect(readFileSync(digestPath, "utf8")).toBe(readFileSync(shared, "utf8"));
  });

  it("maps every requirement line of digest sections 1-2, and each line still says what the map says", () => {
    const digest = readFileSync(digestPath, "utf8");
    const expected = requirementLines(digest, trace.lines.from, trace.lines.to);
    expect(trace.requirements.map((r) => r.line)).toEqual(expected);
    const text = digest.split("\n");
    const drifted = trace.requirements.filter(
      (r) => !(text[r.line - 1] ?? "").replace(/\*\*/g, "").includes(r.summary.replace(/…$/, "")),
    );
    expect(drifted.map((r) => `line ${r.line}: ${r.summary}`)).toEqual([]);
  });

  it("tells a requirement line from a heading, a table header and a separator", () => {
    const sample = ["# Title", "| Field | Source |", "|---|---|", "| Barriers | D:17 |", "", "- a bullet", "---"].join(
      "\n",
    );
    expect(requirementLines(sample, 1, 7)).toEqual([4, 6]);
  });
});
