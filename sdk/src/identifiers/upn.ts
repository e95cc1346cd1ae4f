// Unique Pupil Number (UPN): 13 characters, a check letter then LA (3) + establishment (4) + year (2) + serial (3);
// a temporary UPN ends in a letter. Check letter = Σ value × position (positions 2..13) mod 23 → letter table.
import { runtime } from "./runtime.ts";
import { stripSeparators } from "./normalise.ts";

/** The 23 letters used for check letters and temporary-UPN final letters; I, O and S are never used. */
export const UPN_LETTERS: string = runtime.UPN_LETTERS;

/** Check letter for characters 2..13 of a UPN, or undefined when those are not 11 digits + digit/allowed letter. */
export function upnCheckLetter(body12: string): string | undefined {
  return runtime.upnCheckLetter(body12);
}

/** True when `s` is a UPN in canonical form (upper case, no spaces) with the right check letter. */
export function isValidUpn(s: string): boolean {
  return runtime.upn(s);
}

/** True for a valid temporary UPN (its 13th character is a letter). */
export function isTemporaryUpn(s: string): boolean {
  return isValidUpn(s) && !/\d/.test(s.charAt(12));
}

/** Upper-cases and removes spaces and hyphens. Does not validate. */
export function normaliseUpn(s: string): string {
  return stripSeparators(s);
}

/** Display form: UPNs are shown as 13 unbroken upper-case characters. */
export function formatUpn(s: string): string {
  return normaliseUpn(s);
}

/** LA code of the issuing school (characters 2..4), or undefined when `s` is not UPN-shaped there. */
export function upnLaCode(s: string): string | undefined {
  const la = s.slice(1, 4);
  return /^\d{3}$/.test(la) ? la : undefined;
}

const FORBIDDEN = new Set(["I", "O", "S"]);

/** Why `s` is not a valid UPN (canonical form expected), or undefined when it is valid. */
export function explainUpn(s: string): string | undefined {
  if (s.length !== 13) return `A UPN has 13 characters; got ${s.length}.`;
  const first = s.charAt(0);
  if (!/[A-Z]/.test(first)) return `A UPN starts with a check letter (A-Z, upper case); got ${JSON.stringify(first)}.`;
  if (FORBIDDEN.has(first)) return `The check letter ${first} is never used in a UPN (I, O and S are excluded).`;
  const digits = s.slice(1, 12);
  const badDigit = [...digits].findIndex((ch) => ch < "0" || ch > "9");
  if (badDigit >= 0)
    return `UPN characters 2-12 must be digits; character ${badDigit + 2} is ${JSON.stringify(digits[badDigit])}.`;
  const last = s.charAt(12);
  if (!/[0-9A-Z]/.test(last))
    return `UPN character 13 must be a digit or (temporary UPN) a letter; got ${JSON.stringify(last)}.`;
  if (FORBIDDEN.has(last))
    return `The final letter ${last} is never used in a temporary UPN (I, O and S are excluded).`;
  const expected = upnCheckLetter(s.slice(1));
  if (expected !== first) return `Wrong check letter: expected ${expected ?? "?"}, got ${first}.`;
  return undefined;
}
