// Rule family `identifiers`: LA codes that the `la-codes` list does not know. A warning only: the list can lag
// behind local-government reorganisations, and retired codes stay valid inside old UPNs (uk-send-data.md §4.1).
import type { Finding } from "./finding.ts";
import { knownLaCodes, type LaCodeIndex } from "../identifiers/la-codes.ts";
import { walkDocument } from "./document-walk.ts";

export { LA_CODE_UNKNOWN } from "./la-code-properties.ts";

/**
 * Warns for every LA code (property `laCode`/`…LaCode`, LA part of `laestab`/`…Laestab`, characters 2-4 of
 * `upn`/`…Upn`) that `index` does not know. Walks the whole document (document-walk.ts, the walk it shares with
 * code-validity); never throws on odd input.
 */
export function identifierRules(document: unknown, index: LaCodeIndex = knownLaCodes()): Finding[] {
  return walkDocument(document, index, false).identifiers;
}
