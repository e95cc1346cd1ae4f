// Known DfE LA codes, from the code list schemas/vocab/la-codes.json (list id `la-codes`).
// Retired codes stay "known": a UPN keeps the LA code of the school that issued it, however old.
// Unknown codes are a warning (rules/identifiers.ts), never a rejection: the list can lag behind reorganisations.
// A static JSON import (not a file read) so this works in browser bundles too.
import laCodesList from "../../../schemas/vocab/la-codes.json" with { type: "json" };

/** The parts of a code-list entry this module reads (CONTRIBUTING.md §3). */
export interface LaCodeEntry {
  code: string;
  label: string;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface LaCodeList {
  id: string;
  codes: ReadonlyArray<LaCodeEntry>;
}

export interface LaCodeIndex {
  has(code: string): boolean;
  label(code: string): string | undefined;
}

/** A lookup over any LA code list (pure; used directly by tests and by callers with their own list). */
export function createLaCodeIndex(list: LaCodeList): LaCodeIndex {
  const labels = new Map(list.codes.map((entry) => [entry.code, entry.label] as const));
  return { has: (code) => labels.has(code), label: (code) => labels.get(code) };
}

let defaultIndex: LaCodeIndex | undefined;

/** The index over schemas/vocab/la-codes.json, loaded on first use. */
export function knownLaCodes(): LaCodeIndex {
  defaultIndex ??= createLaCodeIndex(laCodesList as LaCodeList);
  return defaultIndex;
}

/** True when `code` is in the `la-codes` list (current or retired). */
export function isKnownLaCode(code: string): boolean {
  return knownLaCodes().has(code);
}

/** The authority's name for a known LA code, e.g. "801" → "Bristol, City of" (whatever the list says). */
export function laCodeLabel(code: string): string | undefined {
  return knownLaCodes().label(code);
}
