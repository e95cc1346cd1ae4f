// The date a document speaks for: when its content was last asserted. Used where a rule needs "the record's date"
// (code validity, age-dependent checks). provenance.updatedAt, else provenance.createdAt.
import { obj } from "./document-access.ts";
import { isoDate } from "./rule-dates.ts";

export function effectiveDate(document: unknown): string | undefined {
  const provenance = obj(obj(document).provenance);
  return isoDate(provenance.updatedAt) ?? isoDate(provenance.createdAt);
}
