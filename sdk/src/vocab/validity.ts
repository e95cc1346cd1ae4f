// Whether a code may describe a current state on a given date. Pure.
// Dates compare as ISO strings (YYYY-MM-DD sorts correctly); both bounds are inclusive.
import type { CodeEntry } from "./types.ts";

export type CodeValidity = "valid" | "not-yet-valid" | "retired" | "unknown-code" | "unknown-list";

/** Accepts a date (YYYY-MM-DD), a date-time (its calendar date is used) or a Date (its UTC date). */
export function toIsoDate(date: string | Date): string {
  if (date instanceof Date) return date.toISOString().slice(0, 10);
  const day = date.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not an ISO date: ${date}`);
  return day;
}

export function entryValidityOn(entry: Pick<CodeEntry, "validFrom" | "validTo">, date: string | Date): CodeValidity {
  const day = toIsoDate(date);
  if (entry.validFrom !== null && day < entry.validFrom) return "not-yet-valid";
  if (entry.validTo !== null && day > entry.validTo) return "retired";
  return "valid";
}
