// Turns every code list in schemas/vocab/*.json into one enum $def in schemas/generated/codes.schema.json.
// Enums hold every code a list has ever had: whether a code is valid on a record's date is a quality rule, not an enum,
// so historic records (legacy census codes, retired codes) stay schema-valid.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const CODES_SCHEMA_PATH = "generated/codes.schema.json";
export const CODES_SCHEMA_COMMENT = "generated from schemas/vocab by `npm run generate` — do not edit";

interface VocabFile {
  id: string;
  defName: string;
  title: string;
  description: string;
  generateEnum?: boolean;
  codes: { code: string }[];
}

interface EnumDef {
  title: string;
  description: string;
  type: "string";
  enum: string[];
  "x-send-codeList": string;
}

export interface CodesSchema {
  $schema: string;
  $id: string;
  $comment: string;
  title: string;
  description: string;
  $defs: Record<string, EnumDef>;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** Pure apart from reading files: same vocab folder in, same schema out. */
export function buildCodesSchema(schemasDir: string): CodesSchema {
  const manifest = readJson<{ baseUri: string }>(join(schemasDir, "manifest.json"));
  const vocabDir = join(schemasDir, "vocab");
  const lists = readdirSync(vocabDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => readJson<VocabFile>(join(vocabDir, name)))
    .filter((list) => list.generateEnum !== false)
    .sort((a, b) => a.defName.localeCompare(b.defName, "en"));
  const $defs: Record<string, EnumDef> = {};
  for (const list of lists) {
    if ($defs[list.defName]) throw new Error(`defName ${list.defName} is used by more than one code list`);
    $defs[list.defName] = {
      title: list.title,
      description: list.description,
      type: "string",
      enum: list.codes.map((c) => c.code),
      "x-send-codeList": list.id,
    };
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: manifest.baseUri + CODES_SCHEMA_PATH,
    $comment: CODES_SCHEMA_COMMENT,
    title: "SEND Interchange code lists",
    description:
      "Every code list of the standard as a string enum. Which codes are valid on a given date is checked by quality rules, not here.",
    $defs,
  };
}

/** The exact file text: 2-space JSON with a trailing newline, so regeneration is byte-stable. */
export function codesSchemaText(schemasDir: string): string {
  return `${JSON.stringify(buildCodesSchema(schemasDir), null, 2)}\n`;
}

export function writeCodesSchema(schemasDir: string): string {
  const target = join(schemasDir, CODES_SCHEMA_PATH);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, codesSchemaText(schemasDir));
  return target;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const schemasDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../schemas");
  console.log(`wrote ${writeCodesSchema(schemasDir)}`);
}
