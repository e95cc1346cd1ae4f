// The one ajv configuration used everywhere: at generation time (standalone validators), in tests and in tools.
// 2020-12, strict, all errors; the SEND identifier formats with their check algorithms; declared x-send- keywords.
import Ajv2020Module from "ajv/dist/2020.js";
import type Ajv2020Class from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { FormatsPlugin } from "ajv-formats";
import { _ } from "ajv/dist/compile/codegen/index.js";
import { addSendFormats } from "../identifiers/formats.ts";
import { SEND_FORMATS_MODULE_PATH } from "../identifiers/formats-module.ts";
import { useFastStringLengths } from "./string-length-keywords.ts";

// ajv and ajv-formats are CommonJS; under NodeNext their default export arrives wrapped.
// TypeScript types the default import as the module object, so name the class and plugin types explicitly.
type Ajv2020Ctor = typeof Ajv2020Class.default;
const Ajv2020: Ajv2020Ctor =
  (Ajv2020Module as unknown as { default?: Ajv2020Ctor }).default ?? (Ajv2020Module as unknown as Ajv2020Ctor);
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  (addFormatsModule as unknown as FormatsPlugin);

export type AjvInstance = InstanceType<Ajv2020Ctor>;

/** Annotation keywords the standard uses beyond JSON Schema; declared so strict mode accepts them. */
export const SEND_KEYWORDS = ["x-send-codeList", "x-send-sharing", "x-send-receiverSide"] as const;

export interface CreateAjvOptions {
  /** Keep source for ajv standalone code generation. */
  standaloneCode?: boolean;
  /** The specifier standalone code uses for formats-runtime.js; default its absolute path. The generator passes a
   * path relative to the generated file and rewrites the require into a static import. */
  formatsModule?: string;
}

export function createAjv(options: CreateAjvOptions = {}): AjvInstance {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    allowUnionTypes: true,
    // CommonJS-shaped standalone code (ajv's ESM mode cannot export names such as "legacy-ehcp"); the generator
    // rewrites it into an ES module.
    ...(options.standaloneCode ? { code: { source: true, esm: false } } : {}),
  });
  addFormats(ajv);
  addSendFormats(ajv);
  // ajv uses ONE `code.formats` module for every format; ajv-formats set its own with `??=`, and ours is a superset
  // of it (formats-runtime.js `formats`), so we override.
  ajv.opts.code.formats = _`require(${options.formatsModule ?? SEND_FORMATS_MODULE_PATH}).formats`;
  useFastStringLengths(ajv);
  for (const keyword of SEND_KEYWORDS)
    ajv.addKeyword({ keyword, schemaType: ["string", "boolean", "array", "object"] });
  return ajv;
}
