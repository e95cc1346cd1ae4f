// Everything `npm run generate` produces, computed in memory: path (relative to the repo root) → file text.
// Writing and --check both start from this one function, so they cannot disagree.
import { dirname, join, resolve } from "node:path";
import { buildCodesSchema, CODES_SCHEMA_PATH } from "../generate-codes.ts";
import { loadStandard, type JsonSchema, type Standard } from "./standard.ts";
import { generateTypes } from "./types.ts";
import { generateValidators } from "./validators.ts";
import { generateReleasedValidators } from "./released-validators.ts";
import { generateDocs } from "./docs.ts";
import { API_REFERENCE_PATH, generateApiReference } from "./api-reference.ts";
import { VIEW_EXAMPLES_DIR, generateViewExamples } from "./views.ts";
import { tsHeader, withTrailingNewline } from "./header.ts";
import { generateApiContract } from "./api-contract.ts";
import { generateApiTypes } from "./api-types.ts";
import { existsSync } from "node:fs";
import { buildOpenApi, OPENAPI_PATH, serialiseOpenApi } from "../../../spec/build-openapi.ts";
import { loadRequirements, renderReadme } from "../../../spec/requirements/render-readme.ts";
import { CONFIG_SCHEMA_FILE, generateConfigSchema } from "../../../conformance/scripts/config-schema-enums.ts";

/** Folders whose every file is generated: files there that the plan does not produce are stale. */
export const GENERATED_DIRS = ["sdk/generated", "spec/reference", VIEW_EXAMPLES_DIR] as const;

function documentTypesModule(standard: Standard): string {
  const { manifest } = standard;
  const types = manifest.documentTypes.map((d) => d.documentType);
  return withTrailingNewline(`${tsHeader}
// The document types and schema versions of manifest.json, as constants for code that must not read files.

export const STANDARD_VERSION = ${JSON.stringify(manifest.standardVersion)};
export const BASE_URI = ${JSON.stringify(manifest.baseUri)};
export const CURRENT_SCHEMA_VERSION = ${JSON.stringify(manifest.schemaVersions.current)};
export const SUPPORTED_SCHEMA_VERSIONS: readonly string[] = ${JSON.stringify(manifest.schemaVersions.supported)};
export const DOCUMENT_TYPES = ${JSON.stringify(types)} as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** documentType → schema file (relative to schemas/), title and TypeScript type name. */
export const DOCUMENT_TYPE_INFO: Readonly<Record<DocumentType, { schema: string; title: string; defName: string }>> = {
${manifest.documentTypes.map((d) => `  ${JSON.stringify(d.documentType)}: ` + `${JSON.stringify({ schema: d.schema, title: d.title, defName: d.defName })},`).join("\n")}
};
`);
}

export async function planGeneratedFiles(root: string): Promise<Map<string, string>> {
  const schemasDir = join(root, "schemas");
  const codes = buildCodesSchema(schemasDir) as unknown as JsonSchema;
  const standard = loadStandard(schemasDir, codes);
  const files = new Map<string, string>();
  files.set(`schemas/${CODES_SCHEMA_PATH}`, `${JSON.stringify(codes, null, 2)}\n`);
  files.set("sdk/generated/types.ts", await generateTypes(standard));
  const validators = generateValidators(standard, resolve(root, "sdk/generated"));
  files.set("sdk/generated/validators.js", validators.js);
  files.set("sdk/generated/validators.d.ts", validators.dts);
  files.set("sdk/generated/document-types.ts", documentTypesModule(standard));
  for (const [path, text] of generateReleasedValidators(root, standard.manifest)) files.set(path, text);
  for (const [name, text] of generateDocs(standard)) files.set(`spec/reference/${name}`, text);
  // The OpenAPI is built from the schemas and the route table; a checkout without a route table (the generator's
  // own test fixtures) has no API to describe.
  if (existsSync(join(root, "spec", "routes.ts"))) {
    const doc = buildOpenApi({
      root,
      schemaOverrides: { [CODES_SCHEMA_PATH]: codes as unknown as Record<string, unknown> },
    });
    files.set(OPENAPI_PATH, serialiseOpenApi(doc));
    for (const [path, text] of generateApiContract(root, codes)) files.set(path, text);
    files.set("sdk/generated/api-types.ts", await generateApiTypes(standard));
  }
  // The requirements catalogue's README is its rendering (one source: requirements.json), regenerated and checked with
  // the rest rather than by a separate script someone must remember to run.
  const requirementsJson = join(root, "spec", "requirements", "requirements.json");
  if (existsSync(requirementsJson))
    files.set("spec/requirements/README.md", renderReadme(loadRequirements(dirname(requirementsJson))));
  // The SDK's API reference comes from its own sources; the generator's fixture checkouts have none.
  if (existsSync(join(root, "sdk", "package.json")) && existsSync(join(root, "sdk", "src", "index.ts"))) {
    files.set(API_REFERENCE_PATH, generateApiReference(root));
  }
  // The conformance configuration schema's closed lists (roles, profiles, resources, features) from their sources.
  if (existsSync(join(root, CONFIG_SCHEMA_FILE))) files.set(CONFIG_SCHEMA_FILE, generateConfigSchema(root));
  // Rendered examples of the plan views, from the worked examples (none in the fixture checkouts).
  for (const [path, text] of generateViewExamples(root)) files.set(path, text);
  return files;
}
