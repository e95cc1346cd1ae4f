// Unique Learner Number (ULN, Learning Records Service): 10 digits, first non-zero, Σ digit × (10..1) mod 11 = 10.
import { runtime } from "./runtime.ts";
import { stripSeparators } from "./normalise.ts";
import { explainDigitShape } from "./explain-digits.ts";

/** The ILR "temporary ULN": accepted by ESFA as a placeholder but it fails the checksum, so it is not a ULN here. */
export const ILR_TEMPORARY_ULN = "9999999999";

/** True when `s` is a 10-digit ULN (no spaces) with a correct check digit. */
export function isValidUln(s: string): boolean {
  return runtime.uln(s);
}

/** Check digit completing the first 9 digits, or undefined when none can (remainder 0) or the input is malformed. */
export function ulnCheckDigit(first9: string): number | undefined {
  return runtime.ulnCheckDigit(first9);
}

/** Removes spaces and hyphens. Does not validate. */
export function normaliseUln(s: string): string {
  return stripSeparators(s);
}

/** Display form: ULNs are shown as 10 unbroken digits. */
export function formatUln(s: string): string {
  return normaliseUln(s);
}

/** Why `s` is not a valid ULN, or undefined when it is. */
export function explainUln(s: string): string | undefined {
  const shape = explainDigitShape(s, "A ULN", 10);
  if (shape) return shape;
  if (s.charAt(0) === "0") return "A ULN never starts with 0.";
  if (s === ILR_TEMPORARY_ULN) {
    return "9999999999 is the ILR temporary ULN, a placeholder for a learner without one; it fails the ULN checksum and identifies nobody.";
  }
  if (runtime.ulnChecksum(s) === 10) return undefined;
  const expected = ulnCheckDigit(s.slice(0, 9));
  return expected === undefined
    ? "No check digit can complete the first 9 digits of this ULN, so it was never issued."
    : `Wrong check digit: expected ${expected}, got ${s.charAt(9)}.`;
}
