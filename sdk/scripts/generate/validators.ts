// Step (c): precompiled (ajv standalone) validators as ONE ES module, sdk/generated/validators.js, exporting
// `validators` (documentType → validator), so nothing compiles a schema at run time and the file loads in Node and in
// browser bundles alike. ajv's standalone output is CommonJS-shaped (its ESM mode cannot export names such as
// "legacy-ehcp" and still emits require() for runtime helpers), so every require() is rewritten here into a static
// import; anything this file does not know how to rewrite fails the generation rather than ship a require().
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import { createAjv, type AjvInstance } from "../../src/validate/create-ajv.ts";
import { relativeFormatsModulePath } from "../../src/identifiers/formats-module.ts";
import type { Standard } from "./standard.ts";
import { GENERATED_NOTICE, withTrailingNewline } from "./header.ts";

// ajv's standalone entry is CommonJS with `exports.default`; under NodeNext the default import is the module object.
type StandaloneCode = (ajv: AjvInstance, refs: Record<string, string>) => string;
const standaloneCode: StandaloneCode =
  (standaloneCodeModule as unknown as { default?: StandaloneCode }).default ??
  (standaloneCodeModule as unknown as StandaloneCode);

export interface GeneratedValidators {
  js: string;
  dts: string;
}

/** ajv runtime helpers standalone code may use, as `require("<module>").default`, and their ES import specifiers. */
const AJV_RUNTIME_HELPERS: Readonly<Record<string, string>> = {
  "ajv/dist/runtime/ucs2length": "ajv/dist/runtime/ucs2length.js",
  "ajv/dist/runtime/equal": "ajv/dist/runtime/equal.js",
  "ajv/dist/runtime/uri": "ajv/dist/runtime/uri.js",
  "ajv/dist/runtime/validation_error": "ajv/dist/runtime/validation_error.js",
  "ajv/dist/runtime/timestamp": "ajv/dist/runtime/timestamp.js",
  "ajv/dist/runtime/quote": "ajv/dist/runtime/quote.js",
  "ajv/dist/runtime/parseJson": "ajv/dist/runtime/parseJson.js",
  "ajv/dist/runtime/re2": "ajv/dist/runtime/re2.js",
};

export interface RewrittenRequires {
  /** Static import declarations, then the constants that unwrap them. */
  imports: string[];
  code: string;
}

/**
 * Replaces every `require("…")` in ajv standalone code by an identifier bound by a static import:
 * - the formats module (`formatsModule`) → `import * as sendFormatsModule from "<formatsModule>"` (its `.formats`
 *   is what ajv's `code.formats` reads);
 * - an ajv runtime helper `require("ajv/dist/runtime/X").default` → its default function. ajv's helpers are CommonJS
 *   with `exports.default`; a default import gives `module.exports` in Node and node-mode bundlers but the
 *   function itself in babel-interop bundlers, so `m.default ?? m` is right under both.
 * Any other require() is an error: the generated file must need nothing but these.
 */
export function rewriteRequires(code: string, formatsModule: string): RewrittenRequires {
  const imports: string[] = [];
  const unwraps: string[] = [];
  const helperNames = new Map<string, string>();
  let usesFormats = false;
  const rewritten = code.replace(
    /require\(("(?:[^"\\]|\\.)*")\)(\.default)?/gu,
    (whole, literal: string, dotDefault: string | undefined) => {
      const spec = JSON.parse(literal) as string;
      if (spec === formatsModule) {
        usesFormats = true;
        return `sendFormatsModule${dotDefault ?? ""}`;
      }
      const target = AJV_RUNTIME_HELPERS[spec];
      if (target === undefined || dotDefault === undefined) {
        throw new Error(`ajv standalone code has ${whole}, which the validators generator does not know how to import`);
      }
      let name = helperNames.get(spec);
      if (name === undefined) {
        name = `ajvRuntime_${spec.slice("ajv/dist/runtime/".length)}`;
        helperNames.set(spec, name);
        imports.push(`import ${name}Module from ${JSON.stringify(target)};`);
        unwraps.push(`const ${name} = ${name}Module.default ?? ${name}Module;`);
      }
      return name;
    },
  );
  if (usesFormats) imports.unshift(`import * as sendFormatsModule from ${JSON.stringify(formatsModule)};`);
  return { imports: [...imports, ...unwraps], code: rewritten };
}

/** `outDir` is the absolute folder the module will live in (for the relative formats import). */
export function generateValidators(standard: Standard, outDir: string): GeneratedValidators {
  const { manifest, schemas } = standard;
  const formatsModule = relativeFormatsModulePath(outDir);
  const ajv = createAjv({ standaloneCode: true, formatsModule });
  for (const [, schema] of schemas) ajv.addSchema(schema);
  const exportsMap: Record<string, string> = {};
  for (const d of manifest.documentTypes) {
    const schema = schemas.get(d.schema);
    const id = schema?.["$id"];
    if (typeof id !== "string") throw new Error(`${d.schema} has no $id`);
    exportsMap[d.documentType] = id;
  }
  // ajv writes `"use strict";exports.<type> = validateN;…`: drop the directive (modules are strict) and let its
  // `exports.x = …` statements fill a local object, exported once at the end.
  const cjs = standaloneCode(ajv, exportsMap).replace(/^"use strict";/u, "");
  const { imports, code } = rewriteRequires(cjs, formatsModule);
  const js = `/* ${GENERATED_NOTICE} (ajv standalone, rewritten as an ES module) */
${imports.join("\n")}
const exports = {};
${code}
/** documentType → precompiled validator. */
export const validators = Object.freeze(exports);
`;

  const keys = manifest.documentTypes
    .map((d) => `  readonly ${JSON.stringify(d.documentType)}: StandaloneValidator;`)
    .join("\n");
  const dts = `/* ${GENERATED_NOTICE} */
import type { ErrorObject } from "ajv";

/** A precompiled ajv validator: returns true when valid; otherwise \`errors\` holds ajv's error objects. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** documentType → precompiled validator. */
export declare const validators: {
${keys}
};
`;
  return { js: withTrailingNewline(js), dts: withTrailingNewline(dts) };
}
