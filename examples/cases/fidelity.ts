// How much of each real case the documents hold in typed fields. A fact counts as structural only if the value its
// pointer names is typed by the schema (a code, date, number, boolean, identifier or reference), or sits in one of
// the few text fields whose title says exactly that fact (a name, a measure); the kind is read from the schemas,
// never taken from the case file, so a case cannot call prose structural.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const casesDir = fileURLToPath(new URL(".", import.meta.url));
const schemasDir = fileURLToPath(new URL("../../schemas/", import.meta.url));

export type Holding = "structural" | "free-text" | "missing";
export interface Fact {
  id: string;
  fact: string;
  source: string;
  holding: Holding;
  document?: string;
  pointer?: string;
  why?: string;
}
export interface Case {
  slug: string;
  title: string;
  phase: string;
  layer: string;
  sources: Array<{ ref: string; title: string }>;
  narrative: string;
  documents: Record<string, Record<string, unknown>>;
  facts: Fact[];
}

export function loadCases(): Case[] {
  return readdirSync(casesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => JSON.parse(readFileSync(`${casesDir}${d.name}/case.json`, "utf8")) as Case)
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/** The value at an RFC 6901 pointer, or undefined when any step is missing. */
export function resolvePointer(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const raw of pointer.split("/").slice(1)) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

export function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0)
  );
}

/** Text fields whose title says exactly the fact they hold ($def.property). Kept short on purpose. */
export const TITLED_TEXT_FIELDS: ReadonlySet<string> = new Set([
  "Setting.name",
  "SettingRef.name",
  "Organisation.name",
  "InclusionBase.name",
  "InclusionBase.offerToEveryChild",
  "PersonName.given",
  "PersonName.family",
  "EvidenceReference.toolName",
  "SuccessCriterion.measure",
]);

/** Text fields that are references by definition (the id of another document). */
const REFERENCE_FIELDS: ReadonlySet<string> = new Set(["DocumentReference.id"]);

export type Kind =
  | "code"
  | "date"
  | "number"
  | "boolean"
  | "identifier"
  | "reference"
  | "titled-text"
  | "text"
  | "structure";

type Schema = Record<string, unknown>;
const schemaFiles = new Map<string, Schema>();
function schemaFile(path: string): Schema {
  let s = schemaFiles.get(path);
  if (s === undefined) {
    s = JSON.parse(readFileSync(`${schemasDir}${path}`, "utf8")) as Schema;
    schemaFiles.set(path, s);
  }
  return s;
}

interface At {
  file: string;
  node: Schema;
  def: string;
  viaCodes: boolean;
  refName?: string;
}

function follow(at: At): At {
  let cur = at;
  for (let guard = 0; typeof cur.node.$ref === "string" && guard < 20; guard++) {
    const [refFile, fragment = ""] = (cur.node.$ref as string).split("#");
    const file = refFile ? refFile : cur.file;
    let node: unknown = schemaFile(file);
    const parts = fragment.split("/").filter(Boolean);
    for (const p of parts) node = (node as Schema)[p];
    const name = parts[parts.length - 1] ?? cur.def;
    cur = {
      file,
      node: node as Schema,
      def: name,
      viaCodes: cur.viaCodes || file.startsWith("generated/"),
      refName: name,
    };
  }
  return cur;
}

const MANIFEST = JSON.parse(readFileSync(`${schemasDir}manifest.json`, "utf8")) as {
  documentTypes: Array<{ documentType: string; schema: string }>;
};
function rootFile(documentType: string): string {
  const entry = MANIFEST.documentTypes.find((d) => d.documentType === documentType);
  if (entry === undefined) throw new Error(`unknown document type ${documentType}`);
  return entry.schema;
}

/** The kind of the value at `pointer` in a document of `documentType`, read from the schemas. */
export function kindAt(documentType: string, pointer: string): Kind {
  const file = rootFile(documentType);
  let at: At = { file, node: schemaFile(file), def: "root", viaCodes: false };
  let prop = "";
  for (const raw of pointer.split("/").slice(1)) {
    at = follow(at);
    const props = at.node.properties as Record<string, Schema> | undefined;
    if (/^\d+$/.test(raw) && at.node.items !== undefined) {
      at = { ...at, node: at.node.items as Schema, refName: undefined };
    } else if (props?.[raw] !== undefined) {
      prop = raw;
      at = { ...at, node: props[raw], refName: undefined };
    } else {
      throw new Error(`${documentType}${pointer}: no schema for "${raw}"`);
    }
  }
  const owner = at.def;
  at = follow(at);
  const n = at.node;
  if (at.viaCodes || n.enum !== undefined || n.const !== undefined) return "code";
  if (n.type === "integer" || n.type === "number") return "number";
  if (n.type === "boolean") return "boolean";
  if (n.format === "date" || n.format === "date-time") return "date";
  if (at.refName === "LocalId" || at.refName === "Uuid" || REFERENCE_FIELDS.has(`${owner}.${prop}`)) return "reference";
  if (typeof n.format === "string" || typeof n.pattern === "string" || n.anyOf !== undefined) return "identifier";
  if (n.type === "string") return TITLED_TEXT_FIELDS.has(`${owner}.${prop}`) ? "titled-text" : "text";
  return "structure";
}

export const STRUCTURAL_KINDS: ReadonlySet<Kind> = new Set([
  "code",
  "date",
  "number",
  "boolean",
  "identifier",
  "reference",
  "titled-text",
]);

export interface CaseFigures {
  slug: string;
  phase: string;
  layer: string;
  facts: number;
  structural: number;
  freeText: number;
  missing: number;
}

export function figures(c: Case): CaseFigures {
  const count = (h: Holding) => c.facts.filter((f) => f.holding === h).length;
  return {
    slug: c.slug,
    phase: c.phase,
    layer: c.layer,
    facts: c.facts.length,
    structural: count("structural"),
    freeText: count("free-text"),
    missing: count("missing"),
  };
}

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;

export function renderReport(cases: readonly Case[]): string {
  const rows = cases.map(figures);
  const total = rows.reduce(
    (a, r) => ({
      facts: a.facts + r.facts,
      structural: a.structural + r.structural,
      freeText: a.freeText + r.freeText,
      missing: a.missing + r.missing,
    }),
    { facts: 0, structural: 0, freeText: 0, missing: 0 },
  );
  const sourcedFacts = cases.flatMap((c) => c.facts).filter((f) => f.source !== "illustrative");
  const sourced = {
    facts: sourcedFacts.length,
    structural: sourcedFacts.filter((f) => f.holding === "structural").length,
  };
  const kinds = new Map<Kind, number>();
  for (const c of cases)
    for (const f of c.facts)
      if (f.holding === "structural" && f.document && f.pointer) {
        const documentType = String(c.documents[f.document]?.documentType);
        const k = kindAt(documentType, f.pointer);
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
      }
  const lines = [
    "# Real-case fidelity report",
    "",
    "<!-- generated — do not edit. Source: examples/cases/*/case.json; command: npm run cases:report -->",
    "",
    "Each case in `examples/cases/` is a narrative from the seeds' case studies or a public exemplar, the documents that",
    "hold it, and every fact with the JSON pointer that holds it. A fact is **structural** only if the schemas type the",
    "pointed value (code, date, number, boolean, identifier, reference) or it sits in one of the few text fields whose title",
    "says exactly that fact (names, a success criterion's measure, a tool's name, a base's offer); the kind is read from",
    "the schemas by `examples/cases/fidelity.ts`, not declared by the case. `cases.test.ts` checks every pointer resolves to",
    "a non-empty value, every document validates (schema and error-severity rules), and this file is fresh.",
    "",
    `**Overall: ${total.structural} of ${total.facts} facts held structurally = ` +
      `${pct(total.structural, total.facts)}** (${total.freeText} free text, ${total.missing} ` +
      `missing) across ${cases.length} cases.`,
    "",
    `Facts about a source's own subject only (leaving out details of illustrative children, ` +
      `source "illustrative"): ${sourced.structural} of ${sourced.facts} = ` +
      `${pct(sourced.structural, sourced.facts)}.`,
    "",
    "| Case | Phase | Layer | Facts | Structural | Free text | Missing | Share |",
    "|---|---|---|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| \`${r.slug}\` | ${r.phase} | ${r.layer} | ${r.facts} | ${r.structural} | ${r.freeText} | ${r.missing} | ${pct(r.structural, r.facts)} |`,
    ),
    `| **all** | | | **${total.facts}** | **${total.structural}** | **${total.freeText}** | **${total.missing}** | **${pct(total.structural, total.facts)}** |`,
    "",
    "Structural facts by kind of field: " +
      [...kinds.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(", ") +
      ".",
    "",
    "## Facts left as free text, and why",
    "",
    ...cases.flatMap((c) =>
      c.facts
        .filter((f) => f.holding === "free-text")
        .map((f) => `- \`${c.slug}\` ${f.id} "${f.fact}" (${f.source}) at \`${f.document}${f.pointer}\`: ${f.why}`),
    ),
    "",
    "## Facts no field holds, and why",
    "",
    ...cases.flatMap((c) =>
      c.facts
        .filter((f) => f.holding === "missing")
        .map((f) => `- \`${c.slug}\` ${f.id} "${f.fact}" (${f.source}): ${f.why}`),
    ),
    "",
  ];
  return lines.join("\n");
}
