// Every code the standard uses is governed: it lives in a code list under schemas/vocab/ (with its source, validity
// dates and a plain-English family label), never as an inline enum in a document schema, and every list is used.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const readJson = (path: string): Json => JSON.parse(readFileSync(join(here, path), "utf8")) as Json;
const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** The schemas of documents: every *.schema.json here except the shapes of the vocab and crosswalk files. */
const DOCUMENT_SCHEMAS = readdirSync(here)
  .filter((f) => f.endsWith(".schema.json"))
  .filter((f) => f !== "vocab.schema.json" && f !== "crosswalk.schema.json");

interface Code {
  code: string;
  label: string;
  familyLabel?: string;
  definition: string;
  validFrom?: string | null;
  validTo?: string | null;
  source?: string;
}
interface CodeList {
  id: string;
  defName: string;
  external?: boolean;
  generateEnum?: boolean;
  codes: Code[];
}
const LISTS = readdirSync(join(here, "vocab"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => readJson(`vocab/${f}`) as unknown as CodeList);

/** [pointer, node] of every object node in a schema. */
function* nodes(node: Json, pointer = ""): Generator<[string, { [key: string]: Json }]> {
  if (Array.isArray(node)) for (const [i, v] of node.entries()) yield* nodes(v, `${pointer}/${i}`);
  else if (isObject(node)) {
    yield [pointer, node];
    for (const [k, v] of Object.entries(node)) yield* nodes(v, `${pointer}/${k}`);
  }
}

/** A citation: a white-paper line, a named external source, or the standard's own design. */
const CITATION = /D:\d+|\(external\)|SEND Interchange design/;
/** Two or more capitals in a row: an acronym (SLCN, EHCP, SENCO). NHS is the one every family knows. */
const ACRONYM = /\b(?!NHS\b)[A-Z]{2,}\b/;

describe("codes are governed", () => {
  it("leaves no inline enum in any document schema (each is a code list in schemas/vocab)", () => {
    const inline: string[] = [];
    for (const file of DOCUMENT_SCHEMAS)
      for (const [pointer, node] of nodes(readJson(file))) if ("enum" in node) inline.push(`${file}#${pointer}`);
    expect(inline).toEqual([]);
  });

  it("gives every code a source citation, validity dates and a family label", () => {
    const problems: string[] = [];
    for (const list of LISTS)
      for (const c of list.codes) {
        const where = `${list.id}/${c.code}`;
        if (typeof c.source !== "string" || !CITATION.test(c.source))
          problems.push(`${where}: source "${c.source ?? ""}" cites no D:NNN line, external source or own design`);
        if (!("validFrom" in c) || !("validTo" in c)) problems.push(`${where}: validFrom/validTo missing`);
        if (typeof c.familyLabel !== "string" || c.familyLabel.trim() === "") problems.push(`${where}: no familyLabel`);
      }
    expect(problems).toEqual([]);
  });

  it("writes family labels without acronyms", () => {
    const withAcronyms = LISTS.flatMap((list) =>
      list.codes.filter((c) => ACRONYM.test(c.familyLabel ?? "")).map((c) => `${list.id}/${c.code}: ${c.familyLabel}`),
    );
    expect(withAcronyms).toEqual([]);
  });

  it("uses every enum-generating code list somewhere in the document schemas", () => {
    const refs = new Set<string>();
    for (const file of DOCUMENT_SCHEMAS)
      for (const [, node] of nodes(readJson(file)))
        if (typeof node.$ref === "string" && node.$ref.startsWith("generated/codes.schema.json#/$defs/"))
          refs.add(node.$ref.slice("generated/codes.schema.json#/$defs/".length));
    const unused = LISTS.filter((l) => l.generateEnum !== false && !refs.has(l.defName)).map((l) => l.id);
    expect(unused).toEqual([]);
  });

  it("lists exactly the manifest's document types in document-types", () => {
    const manifest = readJson("manifest.json") as unknown as { documentTypes: { documentType: string }[] };
    const list = LISTS.find((l) => l.id === "document-types");
    expect(list?.codes.map((c) => c.code)).toEqual(manifest.documentTypes.map((d) => d.documentType));
  });

  it("detects an inline enum and an uncited code (the checks can fail)", () => {
    const schema: Json = { properties: { colour: { type: "string", enum: ["red"] } } };
    expect([...nodes(schema)].filter(([, n]) => "enum" in n).map(([p]) => p)).toEqual(["/properties/colour"]);
    expect(CITATION.test("the white paper")).toBe(false);
    expect(ACRONYM.test("Speech, language and communication needs (SLCN)")).toBe(true);
    expect(ACRONYM.test("Paid for by the NHS")).toBe(false);
  });
});
