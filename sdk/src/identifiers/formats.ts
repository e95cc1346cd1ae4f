// Registers the SEND identifier formats on an ajv instance, and tells ajv how standalone (precompiled) validators
// reach them at run time: `require(<formats-runtime.cjs>)[formatName]`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { _, type Code } from "ajv/dist/compile/codegen/index.js";
import { runtime } from "./runtime.ts";

/** Absolute path of the CommonJS module holding every format function (ours plus ajv-formats' fullFormats). */
export const SEND_FORMATS_MODULE_PATH = fileURLToPath(new URL("./formats-runtime.cjs", import.meta.url));

/** The ajv format names this module registers. */
export const SEND_FORMAT_NAMES = ["upn", "uln", "nhs-number", "urn", "ukprn", "la-code", "laestab"] as const;
export type SendFormatName = (typeof SEND_FORMAT_NAMES)[number];

/** The slice of ajv this module touches; structural so both Ajv and Ajv2020 instances fit. */
export interface AjvWithFormats {
  addFormat(name: string, format: ((s: string) => boolean) | { validate: (s: string) => boolean; compare: (a: string, b: string) => number | undefined }): unknown;
  opts: { code: { formats?: Code } };
}

/** `require("<requirePath>")`, as ajv code, for `code.formats`. */
export function sendFormatsCode(requirePath: string): Code {
  return _`require(${requirePath})`;
}

/**
 * The require path of formats-runtime.cjs as seen from a generated module in `fromDir`, e.g.
 * `../../src/identifiers/formats-runtime.cjs` from `sdk/generated/validators`. Generated files should use this
 * relative form so they do not embed the absolute path of one machine's checkout.
 */
export function relativeFormatsRequirePath(fromDir: string): string {
  const rel = path.relative(fromDir, SEND_FORMATS_MODULE_PATH).split(path.sep).join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/**
 * Points standalone code generation at formats-runtime.cjs through `requirePath`. ajv uses ONE `code.formats`
 * module for all formats; ajv-formats set its own with `??=`, and ours is a superset of it, so we override.
 */
export function setStandaloneFormatsRequire(ajv: AjvWithFormats, requirePath: string): void {
  ajv.opts.code.formats = sendFormatsCode(requirePath);
}

/**
 * Adds formats `upn`, `uln`, `nhs-number`, `urn`, `ukprn`, `la-code`, `laestab` (strings only; other types pass,
 * as JSON Schema formats do), and replaces ajv-formats' `date` / `date-time` with faster exact equivalents from the
 * same module. Call after ajv-formats. Standalone code requires the module by absolute path unless
 * `options.formatsRequirePath` (or a later setStandaloneFormatsRequire) says otherwise.
 */
export function addSendFormats<A extends AjvWithFormats>(ajv: A, options: { formatsRequirePath?: string } = {}): A {
  // Plain functions, not {type, validate} objects: standalone code calls `require(...)[name](data)` on whatever
  // the module exports, so the registered shape must equal the exported shape. ajv applies them to strings only.
  for (const name of SEND_FORMAT_NAMES) ajv.addFormat(name, runtime.sendFormats[name]);
  // ajv-formats' date and date-time, answered faster by the same module (same results; same {validate, compare} shape).
  ajv.addFormat("date", runtime.dateFormats.date);
  ajv.addFormat("date-time", runtime.dateFormats["date-time"]);
  setStandaloneFormatsRequire(ajv, options.formatsRequirePath ?? SEND_FORMATS_MODULE_PATH);
  return ajv;
}
