// Step (d): the reference docs in spec/reference/: one page per document type, the code lists, the crosswalks, and
// an index. Pure: standard in, file texts out.
import type { CodeList, Crosswalk, Standard } from "./standard.ts";
import { FieldWalker } from "./schema-fields.ts";
import { mdHeader, withTrailingNewline } from "./header.ts";
import { requirementsByField } from "./traceability.ts";

/** Table cells are one line and must not break the table. */
function cell(value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  return String(value).replace(/\r?\n/gu, " ").replace(/\|/gu, "\\|").trim();
}

function table(headers: string[], rows: string[][]): string {
  const lines = [`| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n");
}

function documentPage(standard: Standard, documentType: string): string {
  const entry = standard.manifest.documentTypes.find((d) => d.documentType === documentType);
  if (!entry) throw new Error(`unknown documentType ${documentType}`);
  const schema = standard.schemas.get(entry.schema) ?? {};
  const walker = new FieldWalker(standard.schemas);
  const served = requirementsByField(standard.traceability);
  const rows = walker
    .rows(entry.schema)
    .map((r) => [
      `\`${cell(r.pointer)}\``,
      cell(r.type),
      r.required ? "yes" : "no",
      cell(r.title),
      cell(r.description),
      r.codeList ? `[${r.codeList}](code-lists.md#${r.codeList})` : "",
      (served.get(`${documentType}:${r.pointer}`) ?? []).map((q) => `§${q.section} l.${q.line}`).join(", "),
    ]);
  return [
    mdHeader,
    "",
    `# ${entry.title} (\`${entry.documentType}\`)`,
    "",
    `- Schema: [\`schemas/${entry.schema}\`](../../schemas/${entry.schema})`,
    `- \`$id\`: \`${cell(schema["$id"])}\``,
    `- TypeScript type: \`${entry.defName}\` (sdk/generated/types.ts)`,
    "",
    cell(schema["description"]),
    "",
    "## Fields",
    "",
    '`*` in a pointer stands for any array index. "Required" means required within its parent object.',
    '"Requirements" names the lines of the requirements digest (`spec/requirements/requirements-digest.md`, section and',
    "line) that the field serves, from [`schemas/traceability.json`](../../schemas/traceability.json).",
    "",
    table(["Pointer", "Type", "Required", "Title", "Description", "Code list", "Requirements"], rows),
  ].join("\n");
}

function codeListSection(list: CodeList): string {
  const rows = list.codes.map((c) => [
    `\`${cell(c.code)}\``,
    cell(c.label),
    cell(c.definition),
    cell(c.validFrom ?? ""),
    cell(c.validTo ?? ""),
    c.parent ? `\`${cell(c.parent)}\`` : "",
    cell(c.source),
  ]);
  return [
    `<a id="${list.id}"></a>`,
    "",
    `## ${cell(list.title)} (\`${list.id}\`)`,
    "",
    `- Schema type: \`generated/codes.schema.json#/$defs/${list.defName}\``,
    ...(list.version ? [`- Version: ${cell(list.version)}`] : []),
    ...(list.source ? [`- Source: ${cell(list.source)}`] : []),
    "",
    cell(list.description),
    "",
    table(["Code", "Label", "Definition", "Valid from", "Valid to", "Parent", "Source"], rows),
  ].join("\n");
}

function codeListsPage(standard: Standard): string {
  return [
    mdHeader,
    "",
    "# Code lists",
    "",
    "Every code a list has ever had is accepted by the schemas; whether a code is valid on a record's date " +
      '("Valid from" / "Valid to", empty = open) is checked by quality rules.',
    "",
    table(
      ["List", "Title", "Codes"],
      standard.codeLists.map((l) => [`[\`${l.id}\`](#${l.id})`, cell(l.title), String(l.codes.length)]),
    ),
    "",
    ...standard.codeLists.map((l) => `${codeListSection(l)}\n`),
  ].join("\n");
}

function crosswalkSection(cw: Crosswalk): string {
  const name = cw.file.replace(/\.json$/u, "");
  const rows = cw.links.map((l) => [
    `\`${cell(l.from)}\``,
    `\`${cell(l.to)}\``,
    cell(l.strength),
    l.needsProfessionalReview ? "**yes — needs professional review**" : "no",
    cell(l.note),
  ]);
  const parts = [
    `<a id="${name}"></a>`,
    "",
    `## ${cell(cw.title ?? name)}`,
    "",
    `- File: [\`schemas/vocab/crosswalks/${cw.file}\`](../../schemas/vocab/crosswalks/${cw.file})`,
    ...(cw.from ? [`- From: \`${cell(cw.from)}\``] : []),
    ...(cw.to ? [`- To: \`${cell(cw.to)}\``] : []),
    "",
    cell(cw.description),
    "",
    table(["From", "To", "Strength", "Review", "Note"], rows),
  ];
  if (cw.unmapped.length > 0) {
    parts.push("", "Unmapped (no home; never guessed):", "");
    parts.push(
      table(
        ["From", "Reason"],
        cw.unmapped.map((u) => [`\`${cell(u.from)}\``, cell(u.reason)]),
      ),
    );
  }
  return parts.join("\n");
}

function crosswalksPage(standard: Standard): string {
  return [
    mdHeader,
    "",
    "# Crosswalks",
    "",
    "Many-to-many mappings between code lists. A link flagged for professional review must not be applied " +
      "automatically: a practitioner confirms it.",
    "",
    ...(standard.crosswalks.length === 0 ? ["(none yet)"] : standard.crosswalks.map((c) => `${crosswalkSection(c)}\n`)),
  ].join("\n");
}

function indexPage(standard: Standard): string {
  const { manifest } = standard;
  return [
    mdHeader,
    "",
    `# ${manifest.standard} ${manifest.standardVersion}: schema reference`,
    "",
    `- Base URI: \`${manifest.baseUri}\``,
    `- Schema versions: current \`${manifest.schemaVersions.current}\`, supported ${manifest.schemaVersions.supported.map((v) => `\`${v}\``).join(", ")}`,
    "",
    "## Document types",
    "",
    table(
      ["documentType", "Title", "Reference", "Schema"],
      manifest.documentTypes.map((d) => [
        `\`${d.documentType}\``,
        cell(d.title),
        `[${d.documentType}.md](${d.documentType}.md)`,
        `[\`schemas/${d.schema}\`](../../schemas/${d.schema})`,
      ]),
    ),
    "",
    "## Vocabularies",
    "",
    `- [Code lists](code-lists.md) (${standard.codeLists.length} lists)`,
    `- [Crosswalks](crosswalks.md) (${standard.crosswalks.length} crosswalks)`,
  ].join("\n");
}

/** Every reference doc, keyed by file name inside spec/reference/. */
export function generateDocs(standard: Standard): Map<string, string> {
  const out = new Map<string, string>();
  out.set("README.md", withTrailingNewline(indexPage(standard)));
  for (const d of standard.manifest.documentTypes) {
    out.set(`${d.documentType}.md`, withTrailingNewline(documentPage(standard, d.documentType)));
  }
  out.set("code-lists.md", withTrailingNewline(codeListsPage(standard)));
  out.set("crosswalks.md", withTrailingNewline(crosswalksPage(standard)));
  return out;
}
