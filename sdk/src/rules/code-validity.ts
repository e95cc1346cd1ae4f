// Rule family `code-validity`: a code must be valid on the date the record speaks for. The schema enums hold every
// code ever (CONTRIBUTING.md §3); this rule applies the validFrom/validTo dates of the code lists.
//
// Which date: an item that says when it held (a period, a legacy classification's effective dates, a migration
// state change's `from`, a review's `heldOn`, a decision's `decidedOn`, …) is checked on the LAST date it speaks for
// (the end of its period; an open period runs to the document's date); anything else on the document's effective
// date (provenance.updatedAt, else createdAt). Checking the last date means a code must have been valid at some
// point while the item held, and must not have been retired before the item ended. So census S/A/P (retired
// 2014-08-31) pass in a legacy classification that ended by 2014-08-31 and fail in an open one; an area of
// development (valid from 2029-09-01) fails in an ISP last updated 2029-03-01 and passes in one updated
// 2029-09-01, even on provision whose period started in June 2029 and continues.
import type { Finding } from "./finding.ts";
import { walkDocument } from "./document-walk.ts";

export { CODE_PROPERTIES } from "./coded-values.ts";

/** Every dated coded value of the document outside `extensions` and `provenance` (document-walk.ts, the walk it
 *  shares with identifiers); never throws on odd input. */
export function codeValidityRules(document: unknown): Finding[] {
  return walkDocument(document, undefined, true).codeValidity;
}
