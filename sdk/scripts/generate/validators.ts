// Step (c): precompiled (ajv standalone, CommonJS) validators, one export per documentType, so nothing compiles a
// schema at run time. Custom formats are reached through a require path RELATIVE to the generated file: the file is
// committed and must work in any checkout.
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import { createAjv, type AjvInstance } from "../../src/validate/create-ajv.ts";
import { relativeFormatsRequirePath, setStandaloneFormatsRequire } from "../../src/identifiers/formats.ts";
import type { Standard } from "./standard.ts";
import { GENERATED_NOTICE, withTrailingNewline } from "./header.ts";

// ajv's standalone entry is CommonJS with `exports.default`; under NodeNext the default import is the module object.
type StandaloneCode = (ajv: AjvInstance, refs: Record<string, string>) => string;
const standaloneCode: StandaloneCode =
  (standaloneCodeModule as unknown as { default?: StandaloneCode }).default ?? (standaloneCodeModule as unknown as StandaloneCode);

export interface GeneratedValidators {
  cjs: string;
  dts: string;
}

/** `outDir` is the absolute folder the module will live in (for the relative formats require). */
export function generateValidators(standard: Standard, outDir: string): GeneratedValidators {
  const { manifest, schemas } = standard;
  const ajv = createAjv({ standaloneCode: true });
  setStandaloneFormatsRequire(ajv, relativeFormatsRequirePath(outDir));
  for (const [, schema] of schemas) ajv.addSchema(schema);
  const exportsMap: Record<string, string> = {};
  for (const d of manifest.documentTypes) {
    const schema = schemas.get(d.schema);
    const id = schema?.["$id"];
    if (typeof id !== "string") throw new Error(`${d.schema} has no $id`);
    exportsMap[d.documentType] = id;
  }
  const code = standaloneCode(ajv, exportsMap);
  const cjs = `/* ${GENERATED_NOTICE} (ajv standalone, CommonJS) */\n${code}`;

  const keys = manifest.documentTypes.map((d) => `  ${JSON.stringify(d.documentType)}: StandaloneValidator;`).join("\n");
  const dts = `/* ${GENERATED_NOTICE} */
import type { ErrorObject } from "ajv";

/** A precompiled ajv validator: returns true when valid; otherwise \`errors\` holds ajv's error objects. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

declare const validators: {
${keys}
};
export = validators;
`;
  return { cjs: withTrailingNewline(cjs), dts: withTrailingNewline(dts) };
}
