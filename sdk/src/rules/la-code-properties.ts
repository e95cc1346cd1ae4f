// The check behind rule family `identifiers` (identifiers.ts), for one string property: which properties carry an
// LA code, and the finding for a code the `la-codes` list does not know.
import type { Finding } from "./finding.ts";
import { pointerJoin } from "./finding.ts";
import type { LaCodeIndex } from "../identifiers/la-codes.ts";
import { upnLaCode } from "../identifiers/upn.ts";

export const LA_CODE_UNKNOWN = "any.identifiers.la-code-unknown";

type Source = "LA code" | "LAESTAB" | "UPN";

/** Line terminators: `.` in a regex does not match them, so `.+LaCode` never spans one. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** `key` is `exact`, or ends in `suffix` after at least one character (as `/^(?:exact|.+Suffix)$/` would say). */
function named(key: string, exact: string, suffix: string): boolean {
  if (key === exact) return true;
  return (
    key.length > suffix.length &&
    key.endsWith(suffix) &&
    !LINE_TERMINATOR.test(key.slice(0, key.length - suffix.length))
  );
}

/** `value` is exactly `length` ASCII digits. */
function digits(value: string, length: number): boolean {
  if (value.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Which properties carry an LA code, judged by property name so the rule follows the schemas without a list of
 * paths: `laCode`, `laestab`, `upn`, and prefixed forms such as `homeLaCode`, `schoolLaestab`, `formerUpn`.
 * String tests rather than regexes: this runs for every string property of every document.
 */
function laCodeIn(key: string, value: string): { laCode: string; source: Source } | undefined {
  // Every name of interest ends in "de" (laCode), "ab" (laestab) or "pn" (upn): most keys are ruled out by two
  // character tests, and the rest by the one name they can still be.
  const length = key.length;
  if (length < 3) return undefined;
  const last = key.charCodeAt(length - 1);
  const before = key.charCodeAt(length - 2);
  if (last === 101 && before === 100) {
    return named(key, "laCode", "LaCode") && digits(value, 3) ? { laCode: value, source: "LA code" } : undefined;
  }
  if (last === 98 && before === 97) {
    return named(key, "laestab", "Laestab") && digits(value, 7)
      ? { laCode: value.slice(0, 3), source: "LAESTAB" }
      : undefined;
  }
  if (last === 110 && before === 112 && value.length === 13 && named(key, "upn", "Upn")) {
    const laCode = upnLaCode(value);
    return laCode ? { laCode, source: "UPN" } : undefined;
  }
  return undefined;
}

function message(laCode: string, source: Source): string {
  const where = source === "LA code" ? `LA code ${laCode}` : `The LA code ${laCode} in this ${source}`;
  return `${where} is not in the known list of LA codes (la-codes). Check it; a new or reorganised authority may not be listed yet.`;
}

/** The finding for an LA code in string property `key` that `index` does not know, or undefined. `path` is the path
 *  to the object holding the property; it is joined into a pointer only for a finding. */
export function laCodeFinding(
  index: LaCodeIndex,
  path: ReadonlyArray<string | number>,
  key: string,
  value: string,
): Finding | undefined {
  const hit = laCodeIn(key, value);
  if (hit === undefined || index.has(hit.laCode)) return undefined;
  return {
    ruleId: LA_CODE_UNKNOWN,
    severity: "warning",
    pointer: pointerJoin(...path, key),
    message: message(hit.laCode, hit.source),
  };
}
