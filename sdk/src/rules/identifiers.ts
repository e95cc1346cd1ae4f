// Rule family `identifiers`: LA codes that the `la-codes` list does not know. A warning only: the list can lag
// behind local-government reorganisations, and retired codes stay valid inside old UPNs (uk-send-data.md §4.1).
import type { Finding } from "./finding.ts";
import { pointerJoin } from "./finding.ts";
import { knownLaCodes, type LaCodeIndex } from "../identifiers/la-codes.ts";
import { upnLaCode } from "../identifiers/upn.ts";

export const LA_CODE_UNKNOWN = "any.identifiers.la-code-unknown";

type Source = "LA code" | "LAESTAB" | "UPN";

/** Line terminators: `.` in a regex does not match them, so `.+LaCode` never spans one. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** `key` is `exact`, or ends in `suffix` after at least one character (as `/^(?:exact|.+Suffix)$/` would say). */
function named(key: string, exact: string, suffix: string): boolean {
  if (key === exact) return true;
  return key.length > suffix.length && key.endsWith(suffix) && !LINE_TERMINATOR.test(key.slice(0, key.length - suffix.length));
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
  // Every name of interest ends in "e" (laCode), "b" (laestab) or "n" (upn): most keys are ruled out by one test.
  const last = key.charCodeAt(key.length - 1);
  if (last !== 101 && last !== 98 && last !== 110) return undefined;
  if (named(key, "laCode", "LaCode") && digits(value, 3)) return { laCode: value, source: "LA code" };
  if (named(key, "laestab", "Laestab") && digits(value, 7)) return { laCode: value.slice(0, 3), source: "LAESTAB" };
  if (value.length === 13 && named(key, "upn", "Upn")) {
    const laCode = upnLaCode(value);
    return laCode ? { laCode, source: "UPN" } : undefined;
  }
  return undefined;
}

function message(laCode: string, source: Source): string {
  const where = source === "LA code" ? `LA code ${laCode}` : `The LA code ${laCode} in this ${source}`;
  return `${where} is not in the known list of LA codes (la-codes). Check it; a new or reorganised authority may not be listed yet.`;
}

/** Walk state: findings so far and the path to the current node, pushed and popped as the walk goes; joined into
 *  a pointer only for a finding. A module-level function, not a closure per call. */
interface Walk {
  index: LaCodeIndex;
  findings: Finding[];
  path: Array<string | number>;
}

const hasOwn = Object.prototype.hasOwnProperty;

function walk(state: Walk, node: unknown): void {
  const { path } = state;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      path.push(i);
      walk(state, node[i]);
      path.pop();
    }
    return;
  }
  if (node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  // for-in with an own-property test: V8 reads values through its enum cache here, far cheaper than Object.keys
  // plus keyed loads across documents' many object shapes. Same keys, same order as Object.entries.
  for (const key in record) {
    if (!hasOwn.call(record, key)) continue;
    const value = record[key];
    if (typeof value === "string") {
      const hit = laCodeIn(key, value);
      if (hit && !state.index.has(hit.laCode)) {
        state.findings.push({ ruleId: LA_CODE_UNKNOWN, severity: "warning", pointer: pointerJoin(...path, key), message: message(hit.laCode, hit.source) });
      }
    } else if (value !== null && typeof value === "object") {
      path.push(key);
      walk(state, value);
      path.pop();
    }
  }
}

/**
 * Warns for every LA code (property `laCode`/`…LaCode`, LA part of `laestab`/`…Laestab`, characters 2-4 of
 * `upn`/`…Upn`) that `index` does not know. Walks the whole document; never throws on odd input.
 */
export function identifierRules(document: unknown, index: LaCodeIndex = knownLaCodes()): Finding[] {
  const state: Walk = { index, findings: [], path: [] };
  walk(state, document);
  return state.findings;
}
