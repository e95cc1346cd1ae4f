// DfE local authority code ("LA number"): 3 digits, e.g. 202 Camden, 801 Bristol. Not the ONS GSS code (E06...).
// An unknown code is a warning (rules/identifiers.ts), never a format error: new and retired authorities exist.
import { runtime } from "./runtime.ts";
import { stripSeparators } from "./normalise.ts";
import { explainDigitShape } from "./explain-digits.ts";

/** True for 3 digits. */
export function isValidLaCode(s: string): boolean {
  return runtime["la-code"](s);
}

/** Removes spaces and hyphens. Does not validate. */
export function normaliseLaCode(s: string): string {
  return stripSeparators(s);
}

/** Display form: 3 digits. */
export function formatLaCode(s: string): string {
  return normaliseLaCode(s);
}

/** Why `s` is not a valid LA code, or undefined when it is. */
export function explainLaCode(s: string): string | undefined {
  if (/^E\d{8}$/.test(s)) return "This is an ONS GSS code; the DfE LA code is 3 digits (map between them).";
  return explainDigitShape(s, "An LA code", 3);
}
