// Unique Reference Number (URN) of an establishment: 6 digits from GIAS, no check digit.
// Decision: `EY` + 6 digits (Ofsted early-years registrations: nurseries, childminders) is accepted too, because
// early-years settings hold SEND records and have no GIAS URN. Children's-centre 5-digit URNs are not accepted:
// children's centres are not settings that place or educate a child.
import { runtime } from "./runtime.ts";
import { stripSeparators } from "./normalise.ts";

/** True for `123456` or `EY123456` (canonical form: upper case, no spaces). */
export function isValidUrn(s: string): boolean {
  return runtime.urn(s);
}

/** True for a valid Ofsted early-years URN (`EY` + 6 digits). */
export function isEarlyYearsUrn(s: string): boolean {
  return isValidUrn(s) && s.startsWith("EY");
}

/** Upper-cases and removes spaces and hyphens ("ey 123456" → "EY123456"). Does not validate. */
export function normaliseUrn(s: string): string {
  return stripSeparators(s);
}

/** Display form: unbroken, upper case. */
export function formatUrn(s: string): string {
  return normaliseUrn(s);
}

/** Why `s` is not a valid URN, or undefined when it is. */
export function explainUrn(s: string): string | undefined {
  if (isValidUrn(s)) return undefined;
  if (/^\d{5}$/.test(s))
    return "5-digit URNs belong to children's centres, which are not accepted here; a URN has 6 digits.";
  if (/^EY/i.test(s)) return `An early-years URN is EY followed by 6 digits; got ${JSON.stringify(s)}.`;
  if (!/^\d*$/.test(s))
    return `A URN is 6 digits (or EY + 6 digits for early-years settings); got ${JSON.stringify(s)}.`;
  return `A URN has 6 digits; got ${s.length}.`;
}
