// UK Provider Reference Number (UKPRN, UK Register of Learning Providers): 8 digits starting with 1, no check digit.
import { runtime } from "./runtime.ts";
import { stripSeparators } from "./normalise.ts";
import { explainDigitShape } from "./explain-digits.ts";

/** True for 8 digits starting with 1. */
export function isValidUkprn(s: string): boolean {
  return runtime.ukprn(s);
}

/** Removes spaces and hyphens. Does not validate. */
export function normaliseUkprn(s: string): string {
  return stripSeparators(s);
}

/** Display form: 8 unbroken digits. */
export function formatUkprn(s: string): string {
  return normaliseUkprn(s);
}

/** Why `s` is not a valid UKPRN, or undefined when it is. */
export function explainUkprn(s: string): string | undefined {
  const shape = explainDigitShape(s, "A UKPRN", 8);
  if (shape) return shape;
  if (s.charAt(0) !== "1") return `A UKPRN starts with 1; got ${s.charAt(0)}.`;
  return undefined;
}
