// Rule family `identifiers`: LA codes that the `la-codes` list does not know. A warning only: the list can lag
// behind local-government reorganisations, and retired codes stay valid inside old UPNs (uk-send-data.md §4.1).
import type { Finding } from "./finding.ts";
import { pointerJoin } from "./finding.ts";
import { knownLaCodes, type LaCodeIndex } from "../identifiers/la-codes.ts";
import { upnLaCode } from "../identifiers/upn.ts";

export const LA_CODE_UNKNOWN = "any.identifiers.la-code-unknown";

type Source = "LA code" | "LAESTAB" | "UPN";

/**
 * Which properties carry an LA code, judged by property name so the rule follows the schemas without a list of
 * paths: `laCode`, `laestab`, `upn`, and prefixed forms such as `homeLaCode`, `schoolLaestab`, `formerUpn`.
 */
function laCodeIn(key: string, value: string): { laCode: string; source: Source } | undefined {
  if (/^(?:laCode|.+LaCode)$/.test(key) && /^\d{3}$/.test(value)) return { laCode: value, source: "LA code" };
  if (/^(?:laestab|.+Laestab)$/.test(key) && /^\d{7}$/.test(value)) return { laCode: value.slice(0, 3), source: "LAESTAB" };
  if (/^(?:upn|.+Upn)$/.test(key) && value.length === 13) {
    const laCode = upnLaCode(value);
    return laCode ? { laCode, source: "UPN" } : undefined;
  }
  return undefined;
}

function message(laCode: string, source: Source): string {
  const where = source === "LA code" ? `LA code ${laCode}` : `The LA code ${laCode} in this ${source}`;
  return `${where} is not in the known list of LA codes (la-codes). Check it; a new or reorganised authority may not be listed yet.`;
}

/**
 * Warns for every LA code (property `laCode`/`…LaCode`, LA part of `laestab`/`…Laestab`, characters 2-4 of
 * `upn`/`…Upn`) that `index` does not know. Walks the whole document; never throws on odd input.
 */
export function identifierRules(document: unknown, index: LaCodeIndex = knownLaCodes()): Finding[] {
  const findings: Finding[] = [];
  const walk = (node: unknown, path: Array<string | number>): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "string") {
        const hit = laCodeIn(key, value);
        if (hit && !index.has(hit.laCode)) {
          findings.push({ ruleId: LA_CODE_UNKNOWN, severity: "warning", pointer: pointerJoin(...path, key), message: message(hit.laCode, hit.source) });
        }
      } else {
        walk(value, [...path, key]);
      }
    }
  };
  walk(document, []);
  return findings;
}
