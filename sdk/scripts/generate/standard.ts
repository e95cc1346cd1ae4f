// Reads the standard (schemas/) into memory once, so every generator works from the same snapshot and
// --check can compare what would be written without touching the disk.
import type { Traceability } from "./traceability.ts";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

export interface ManifestDocumentType {
  documentType: string;
  title: string;
  schema: string;
  defName: string;
}

export interface Manifest {
  standard: string;
  standardVersion: string;
  baseUri: string;
  schemaVersions: { current: string; supported: string[] };
  documentTypes: ManifestDocumentType[];
  sharedSchemas: string[];
  /** Records the API stores that are not documents (child and settings-directory records). */
  recordTypes?: { schema: string; title: string; defName: string }[];
}

/** A JSON Schema object as read from disk; the generators only read it. */
export type JsonSchema = { [key: string]: unknown };

export interface CodeListEntry {
  code: string;
  label: string;
  definition?: string;
  validFrom?: string | null;
  validTo?: string | null;
  source?: string;
  parent?: string | null;
}

export interface CodeList {
  id: string;
  defName: string;
  title: string;
  description?: string;
  version?: string;
  source?: string;
  codes: CodeListEntry[];
}

export interface CrosswalkLink {
  from: string;
  to: string;
  strength?: string;
  needsProfessionalReview?: boolean;
  note?: string;
}

export interface Crosswalk {
  file: string;
  id?: string;
  title?: string;
  description?: string;
  from?: string;
  to?: string;
  links: CrosswalkLink[];
  unmapped: Array<{ from: string; reason?: string }>;
}

export interface Standard {
  schemasDir: string;
  manifest: Manifest;
  /** Schema files by path relative to schemas/ (e.g. "isp.schema.json", "generated/codes.schema.json"). */
  schemas: Map<string, JsonSchema>;
  /** The manifest's record schemas (child and settings-directory records), kept apart: they are API records, not
   *  documents, so only the TypeScript types read them. */
  records: Map<string, JsonSchema>;
  codeLists: CodeList[];
  crosswalks: Crosswalk[];
  /** schemas/traceability.json: the digest requirements each field serves (absent in fixture trees without it). */
  traceability?: Traceability;
}

function readJson(path: string): unknown {
  if (!existsSync(path))
    throw new Error(`${path} is missing (named in schemas/manifest.json or expected by the layout)`);
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function listJson(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => e.name)
    .sort();
}

/**
 * Loads the manifest, every schema it names and every shared schema; the codes schema is supplied by the caller
 * (freshly built from vocab/) so the snapshot never depends on a stale generated file.
 */
export function loadStandard(schemasDir: string, codesSchema: JsonSchema): Standard {
  const manifest = readJson(join(schemasDir, "manifest.json")) as Manifest;
  const schemas = new Map<string, JsonSchema>();
  const files = [...manifest.sharedSchemas, ...manifest.documentTypes.map((d) => d.schema)];
  for (const file of files) {
    if (file === "generated/codes.schema.json") schemas.set(file, codesSchema);
    else schemas.set(file, readJson(join(schemasDir, file)) as JsonSchema);
  }
  const records = new Map<string, JsonSchema>();
  for (const r of manifest.recordTypes ?? []) records.set(r.schema, readJson(join(schemasDir, r.schema)) as JsonSchema);
  const vocabDir = join(schemasDir, "vocab");
  const codeLists = listJson(vocabDir)
    .map((f) => readJson(join(vocabDir, f)) as CodeList)
    .sort((a, b) => a.id.localeCompare(b.id));
  const crosswalkDir = join(vocabDir, "crosswalks");
  const crosswalks = listJson(crosswalkDir).map((f) => {
    const raw = readJson(join(crosswalkDir, f)) as Partial<Crosswalk>;
    return { ...raw, file: f, links: raw.links ?? [], unmapped: raw.unmapped ?? [] } as Crosswalk;
  });
  const tracePath = join(schemasDir, "traceability.json");
  const traceability = existsSync(tracePath) ? (readJson(tracePath) as Traceability) : undefined;
  return { schemasDir, manifest, schemas, records, codeLists, crosswalks, ...(traceability ? { traceability } : {}) };
}
