// Registers the SEND identifier formats on an ajv instance (runtime compilation: tools, tests, the generator).
// How standalone code reaches the same functions is the generator's business (create-ajv.ts sets ajv's
// `code.formats`; sdk/scripts/generate/validators.ts turns the reference into a static import). No Node APIs here.
import { runtime } from "./runtime.ts";

/** The ajv format names this module registers. */
export const SEND_FORMAT_NAMES = ["upn", "uln", "nhs-number", "urn", "ukprn", "la-code", "laestab"] as const;
export type SendFormatName = (typeof SEND_FORMAT_NAMES)[number];

/** The slice of ajv this module touches; structural so both Ajv and Ajv2020 instances fit. */
export interface AjvWithFormats {
  addFormat(
    name: string,
    format:
      | ((s: string) => boolean)
      | { validate: (s: string) => boolean; compare: (a: string, b: string) => number | undefined },
  ): unknown;
}

/**
 * Adds formats `upn`, `uln`, `nhs-number`, `urn`, `ukprn`, `la-code`, `laestab` (strings only; other types pass,
 * as JSON Schema formats do), and replaces ajv-formats' `date` / `date-time` with faster exact equivalents from the
 * same module. Call after ajv-formats.
 */
export function addSendFormats<A extends AjvWithFormats>(ajv: A): A {
  // Plain functions, not {type, validate} objects: standalone code calls `formats[name](data)` on whatever the
  // module exports, so the registered shape must equal the exported shape. ajv applies them to strings only.
  for (const name of SEND_FORMAT_NAMES) ajv.addFormat(name, runtime.sendFormats[name]);
  // ajv-formats' date and date-time, answered faster by the same module (same results; same {validate, compare} shape).
  ajv.addFormat("date", runtime.dateFormats.date);
  ajv.addFormat("date-time", runtime.dateFormats["date-time"]);
  return ajv;
}
