// sdk/API.md: the API reference of the SDK's public entries, read from the types with the TypeScript compiler API.
// For each entry of sdk/package.json "exports": every exported function, class, constant, interface and type, with
// its signature and its leading JSDoc. The generated document types are listed by name only (spec/reference/
// documents their fields). Part of `npm run generate`, so `check:generated` fails when the API changes and this
// file does not.
import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";
import { withTrailingNewline } from "./header.ts";

export const API_REFERENCE_PATH = "sdk/API.md";
const HEADER =
  "<!-- generated from the SDK's exported types (sdk/src, sdk/generated) by npm run generate — do not edit -->";

/** Files whose declarations are listed by name only: the schema-generated document types. */
const NAME_ONLY_FILES = ["sdk/generated/types.ts"];

const FORMAT =
  ts.TypeFormatFlags.NoTruncation |
  ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope |
  ts.TypeFormatFlags.WriteArrowStyleSignature;
/** Longest type text printed for a constant; longer ones (data tables) are cut, deterministically. */
const MAX_CONST_TYPE = 400;

interface Entry {
  name: string;
  sourcePath: string;
}

interface Item {
  kind: "function" | "class" | "const" | "interface" | "type" | "enum" | "namespace";
  name: string;
  signature: string;
  doc: string;
}

/** The package's entries: export name → source file (the workspace "send-interchange:source" condition). */
export function packageEntries(root: string): Entry[] {
  const pkg = JSON.parse(readFileSync(join(root, "sdk/package.json"), "utf8")) as {
    name: string;
    exports: Record<string, Record<string, string>>;
  };
  return Object.entries(pkg.exports).map(([key, conditions]) => {
    const source = conditions["send-interchange:source"];
    if (source === undefined)
      throw new Error(`sdk/package.json exports ${key} has no send-interchange:source condition`);
    return { name: key === "." ? pkg.name : `${pkg.name}/${key.slice(2)}`, sourcePath: join(root, "sdk", source) };
  });
}

/** Absolute import("…") qualifiers would embed one machine's paths; the names alone read better anyway. */
function clean(text: string): string {
  return text
    .replace(/import\("[^"]*"\)\./gu, "")
    .replace(/\s+/gu, " ")
    .trim();
}

/** As clean(), keeping the printer's line breaks (interfaces and types read better one member a line). */
function cleanBlock(text: string): string {
  return text
    .replace(/import\("[^"]*"\)\./gu, "")
    .replace(/^export (declare )?/u, "")
    .trim();
}

function docOf(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  const deprecated = symbol.getJsDocTags(checker).find((t) => t.name === "deprecated");
  return deprecated ? `${text}\n\n**Deprecated.** ${ts.displayPartsToString(deprecated.text ?? [])}`.trim() : text;
}

/** Declaration text: interfaces and type aliases as written, member comments included. */
function declarationText(node: ts.Node, printer: ts.Printer): string {
  return cleanBlock(printer.printNode(ts.EmitHint.Unspecified, node, node.getSourceFile()));
}

function describeSymbol(
  name: string,
  symbol: ts.Symbol,
  checker: ts.TypeChecker,
  at: ts.SourceFile,
  printer: ts.Printer,
): Item | undefined {
  const decl = symbol.declarations?.[0];
  if (!decl) return undefined;
  const doc = docOf(symbol, checker);
  if (ts.isSourceFile(decl) || ts.isModuleDeclaration(decl))
    return { kind: "namespace", name, signature: `namespace ${name}`, doc };
  if (ts.isFunctionDeclaration(decl)) {
    const type = checker.getTypeOfSymbolAtLocation(symbol, decl);
    const sigs = type
      .getCallSignatures()
      .map(
        (s) =>
          `function ${name}${clean(checker.signatureToString(s, at, FORMAT & ~ts.TypeFormatFlags.WriteArrowStyleSignature))}`,
      );
    return { kind: "function", name, signature: sigs.join("\n"), doc };
  }
  if (ts.isClassDeclaration(decl)) {
    const lines = [`class ${name}`];
    const type = checker.getTypeOfSymbolAtLocation(symbol, decl);
    for (const sig of type.getConstructSignatures())
      lines.push(
        `  constructor${clean(checker.signatureToString(sig, at, FORMAT & ~ts.TypeFormatFlags.WriteArrowStyleSignature))}`,
      );
    const instance = checker.getDeclaredTypeOfSymbol(symbol);
    for (const member of checker.getPropertiesOfType(instance)) {
      const md = member.valueDeclaration ?? member.declarations?.[0];
      if (!md || member.name.startsWith("#")) continue;
      const modifiers = ts.getCombinedModifierFlags(md as ts.Declaration);
      if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      // Symbol-keyed members carry a program-specific id ("__@asyncIterator@3152"); print the well-known symbol.
      const memberName = member.name.startsWith("__@")
        ? `[Symbol.${member.name.slice(3, member.name.lastIndexOf("@"))}]`
        : member.name;
      lines.push(
        `  ${memberName}: ${clean(checker.typeToString(checker.getTypeOfSymbolAtLocation(member, md), at, FORMAT))}`,
      );
    }
    return { kind: "class", name, signature: lines.join("\n"), doc };
  }
  if (ts.isInterfaceDeclaration(decl))
    return { kind: "interface", name, signature: declarationText(decl, printer), doc };
  if (ts.isTypeAliasDeclaration(decl)) return { kind: "type", name, signature: declarationText(decl, printer), doc };
  if (ts.isEnumDeclaration(decl)) return { kind: "enum", name, signature: declarationText(decl, printer), doc };
  if (ts.isVariableDeclaration(decl)) {
    let type = clean(checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, decl), at, FORMAT));
    if (type.length > MAX_CONST_TYPE) type = `${type.slice(0, MAX_CONST_TYPE)} …`;
    return { kind: "const", name, signature: `const ${name}: ${type}`, doc };
  }
  return undefined;
}

const KIND_ORDER: Record<Item["kind"], number> = {
  function: 0,
  class: 1,
  const: 2,
  namespace: 3,
  interface: 4,
  type: 5,
  enum: 6,
};
const KIND_TITLE: Record<Item["kind"], string> = {
  function: "Functions",
  class: "Classes",
  const: "Constants",
  namespace: "Namespaces",
  interface: "Interfaces",
  type: "Types",
  enum: "Enums",
};

function renderEntry(entry: Entry, program: ts.Program, root: string): string {
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(entry.sourcePath);
  if (!file) throw new Error(`${entry.sourcePath} is not in the program`);
  const moduleSymbol = checker.getSymbolAtLocation(file);
  // Comments kept: members' own JSDoc (an option's meaning) belongs in the reference.
  const printer = ts.createPrinter({ removeComments: false, newLine: ts.NewLineKind.LineFeed });
  const items: Item[] = [];
  const namesOnly: Array<{ name: string; summary: string }> = [];
  for (const exported of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declFile = target.declarations?.[0]?.getSourceFile().fileName;
    if (declFile !== undefined && NAME_ONLY_FILES.includes(relative(root, declFile).split(sep).join("/"))) {
      namesOnly.push({ name: exported.name, summary: docOf(target, checker).split("\n")[0] ?? "" });
      continue;
    }
    const item = describeSymbol(exported.name, target, checker, file, printer);
    if (item) items.push(item);
  }
  items.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name));
  const rel = relative(root, entry.sourcePath).split(sep).join("/");
  const out: string[] = [`## \`${entry.name}\``, "", `Source: \`${rel}\`.`, ""];
  let kind: Item["kind"] | undefined;
  for (const item of items) {
    if (item.kind !== kind) {
      kind = item.kind;
      out.push(`### ${KIND_TITLE[kind]}`, "");
    }
    out.push(`#### \`${item.name}\``, "", "```ts", item.signature, "```", "");
    if (item.doc) out.push(item.doc, "");
  }
  namesOnly.sort((a, b) => a.name.localeCompare(b.name));
  if (namesOnly.length > 0 && NAME_ONLY_FILES.includes(rel)) {
    // The types entry itself: one line per type; their fields are documented per document in spec/reference/.
    out.push(
      "### Document types",
      "",
      "Generated from the schemas; each type's fields are documented in `spec/reference/`.",
      "",
      "| type | what it is |",
      "|---|---|",
    );
    for (const { name, summary } of namesOnly) out.push(`| \`${name}\` | ${summary.replaceAll("|", "\\|")} |`);
    out.push("");
  } else if (namesOnly.length > 0) {
    out.push(
      "### Document types",
      "",
      `Re-exported from \`send-interchange/types\`: ${namesOnly.map((n) => `\`${n.name}\``).join(", ")}.`,
      "",
    );
  }
  return out.join("\n");
}

/** sdk/API.md for the checkout at `root`. */
export function generateApiReference(root: string): string {
  const entries = packageEntries(root);
  const program = ts.createProgram(
    entries.map((e) => e.sourcePath),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      allowImportingTsExtensions: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
      types: ["node"],
    },
  );
  const toc = entries.map((e) => `- [\`${e.name}\`](#${e.name.replace(/[^a-z0-9-]/gu, "").toLowerCase()})`);
  const body = entries.map((e) => renderEntry(e, program, root));
  return withTrailingNewline(
    [
      HEADER,
      "# send-interchange API reference",
      "",
      "Every export of every public entry, from the TypeScript declarations: signatures and their documentation comments.",
      "The document types' fields are in `spec/reference/`; the README has the quick start.",
      "",
      ...toc,
      "",
      ...body,
    ].join("\n"),
  );
}
