// The one ajv configuration used everywhere: at generation time (standalone validators), in tests and in tools.
// 2020-12, strict, all errors; the SEND identifier formats with their check algorithms; declared x-send- keywords.
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { addSendFormats } from "../identifiers/formats.ts";

// ajv and ajv-formats are CommonJS; under NodeNext their default export arrives wrapped.
const Ajv2020 = (Ajv2020Module as unknown as { default: typeof Ajv2020Module }).default ?? Ajv2020Module;
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default ?? addFormatsModule;

export type AjvInstance = InstanceType<typeof Ajv2020>;

/** Annotation keywords the standard uses beyond JSON Schema; declared so strict mode accepts them. */
export const SEND_KEYWORDS = ["x-send-codeList", "x-send-sharing", "x-send-receiverSide"] as const;

export function createAjv(options: { standaloneCode?: boolean } = {}): AjvInstance {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    allowUnionTypes: true,
    ...(options.standaloneCode ? { code: { source: true, esm: false } } : {}),
  });
  addFormats(ajv);
  addSendFormats(ajv);
  for (const keyword of SEND_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ["string", "boolean", "array", "object"] });
  return ajv;
}
