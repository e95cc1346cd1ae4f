// The real-case corpus (examples/cases/*/case.json): every document validates, every fact's pointer resolves to a
// non-empty value of the kind its holding claims, the corpus covers the phases and layers, the share of facts held
// structurally is at least 95 %, and REPORT.md is what the cases give.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { validate } from "../../sdk/src/index.ts";
import {
  STRUCTURAL_KINDS,
  casesDir,
  figures,
  isEmpty,
  kindAt,
  loadCases,
  renderReport,
  resolvePointer,
} from "./fidelity.ts";

const cases = loadCases();
const checkCase = new Ajv2020({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(`${casesDir}case.schema.json`, "utf8")),
);

describe("the real-case corpus", () => {
  it("has at least 20 cases across phases and layers", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const phases = new Set(cases.map((c) => c.phase));
    for (const p of ["early-years", "primary", "secondary", "post-16"]) expect(phases).toContain(p);
    const layers = new Set(cases.map((c) => c.layer));
    for (const l of ["targeted", "targeted-plus", "specialist", "legacy-migration", "transfer"])
      expect(layers).toContain(l);
  });

  it("holds at least 95 % of the facts structurally", () => {
    const all = cases.map(figures);
    const structural = all.reduce((n, f) => n + f.structural, 0);
    const facts = all.reduce((n, f) => n + f.facts, 0);
    expect(structural / facts).toBeGreaterThanOrEqual(0.95);
  });

  it("REPORT.md is fresh (npm run cases:report)", () => {
    expect(readFileSync(`${casesDir}REPORT.md`, "utf8")).toBe(renderReport(cases));
  });
});

describe.each(cases.map((c) => [c.slug, c] as const))("%s", (slug, c) => {
  it("is a well-formed case in its own folder", () => {
    expect(checkCase(c), JSON.stringify(checkCase.errors)).toBe(true);
    expect(c.slug).toBe(slug);
    expect(new Set(c.facts.map((f) => f.id)).size).toBe(c.facts.length);
  });

  it.each(Object.entries(c.documents))("document %s validates: no schema error, no error finding", (key, document) => {
    expect(document.documentType).toBe(key);
    const result = validate(document);
    const problems = [...result.errors, ...result.findings.filter((f) => f.severity === "error")];
    expect(problems.map((p) => `${p.ruleId} ${p.pointer} ${p.message}`)).toEqual([]);
  });

  it("every fact's pointer resolves to a non-empty value of the kind its holding claims", () => {
    const wrong: string[] = [];
    for (const f of c.facts) {
      if (f.holding === "missing") continue;
      const document = c.documents[f.document ?? ""];
      if (document === undefined) {
        wrong.push(`${f.id}: no document "${f.document}"`);
        continue;
      }
      const value = resolvePointer(document, f.pointer ?? "");
      if (isEmpty(value)) wrong.push(`${f.id}: ${f.document}${f.pointer} is missing or empty`);
      const kind = kindAt(String(document.documentType), f.pointer ?? "");
      if (f.holding === "structural" && !STRUCTURAL_KINDS.has(kind))
        wrong.push(`${f.id}: "${f.fact}" is called structural but ${f.pointer} is ${kind}`);
      if (f.holding === "free-text" && kind !== "text") wrong.push(`${f.id}: free-text fact at a ${kind} field`);
    }
    expect(wrong).toEqual([]);
  });
});
