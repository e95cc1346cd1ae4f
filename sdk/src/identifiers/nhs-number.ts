// NHS number: 10 digits shown 3-3-4; modulus 11 over digits 1..9 with weights 10..2; 11 → 0; 10 → never issued.
import { runtime } from "./runtime.ts";
import { stripSeparators } from "./normalise.ts";
import { explainDigitShape } from "./explain-digits.ts";

/** True when `s` is a 10-digit NHS number (no spaces) with a correct check digit. */
export function isValidNhsNumber(s: string): boolean {
  return runtime["nhs-number"](s);
}

/** Check digit for the first 9 digits, or undefined when the modulus gives 10 (never issued) or input is malformed. */
export function nhsNumberCheckDigit(first9: string): number | undefined {
  return runtime.nhsCheckDigit(first9);
}

/** True for the 999 000 0000 – 999 999 9999 range: valid-looking numbers kept for testing, never issued. */
export function isNhsTestNumber(s: string): boolean {
  return isValidNhsNumber(s) && s.startsWith("999");
}

/** Removes spaces and hyphens ("943 476 5919" → "9434765919"). Does not validate. */
export function normaliseNhsNumber(s: string): string {
  return stripSeparators(s);
}

/** Display form 3-3-4 ("943 476 5919"); input that is not 10 digits after normalising is returned normalised. */
export function formatNhsNumber(s: string): string {
  const n = normaliseNhsNumber(s);
  return /^\d{10}$/.test(n) ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` : n;
}

/** Why `s` is not a valid NHS number, or undefined when it is. */
export function explainNhsNumber(s: string): string | undefined {
  const shape = explainDigitShape(s, "An NHS number", 10);
  if (shape) return shape;
  const expected = nhsNumberCheckDigit(s.slice(0, 9));
  if (expected === undefined) {
    return "The first 9 digits give a modulus 11 check of 10, so this NHS number is never issued.";
  }
  if (expected !== s.charCodeAt(9) - 48) return `Wrong check digit: expected ${expected}, got ${s.charAt(9)}.`;
  return undefined;
}
