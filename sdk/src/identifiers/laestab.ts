// LAESTAB ("DfE number"): 7 digits = LA code (3) + establishment number (4), e.g. 2021048 = Camden 202 + 1048.
import { runtime } from "./runtime.ts";
import { stripSeparators } from "./normalise.ts";
import { explainDigitShape } from "./explain-digits.ts";

/** True for 7 digits. */
export function isValidLaestab(s: string): boolean {
  return runtime.laestab(s);
}

/** Removes spaces, hyphens and slashes ("202/1048" → "2021048"). Does not validate. */
export function normaliseLaestab(s: string): string {
  return stripSeparators(s).replace(/\//g, "");
}

/** Display form: 7 unbroken digits, as DfE systems and CTF file names use it. */
export function formatLaestab(s: string): string {
  return normaliseLaestab(s);
}

/** The LA code and the establishment number of a valid LAESTAB, or undefined. */
export function splitLaestab(s: string): { laCode: string; establishmentNumber: string } | undefined {
  return isValidLaestab(s) ? { laCode: s.slice(0, 3), establishmentNumber: s.slice(3) } : undefined;
}

/** Why `s` is not a valid LAESTAB, or undefined when it is. */
export function explainLaestab(s: string): string | undefined {
  if (s === "XXXXXXX" || s === "MMMMMMM") {
    return `${s} is a CTF lost-pupil pseudo-destination, not a LAESTAB.`;
  }
  return explainDigitShape(s, "A LAESTAB", 7);
}
