// What the search filters mean, once, over the generated filter table (spec/search-filters.ts): which filters a kind
// offers, how a query's values are read and checked, and whether a record's facts pass them. The reference server's
// query parsing and SQL conditions, the msw mock's predicates and the storage tests' oracle all use these functions.
import { SEARCH_FILTERS, type FactName, type FilterName } from "../../generated/search-filters.ts";
import type { SearchFacts } from "./search-facts.ts";

/** A filter as the generated table holds it (optional members widened, codes resolved per kind). */
export interface SearchFilter {
  readonly name: FilterName;
  readonly param: string;
  readonly fact: FactName;
  readonly operator: "equals" | "before" | "contains";
  readonly prefix?: string;
  readonly group?: string;
  readonly kinds: readonly string[];
  readonly codes?: Readonly<Record<string, readonly string[]>>;
}

export type { FilterName } from "../../generated/search-filters.ts";

/** Filter name → the (checked, not yet normalised) value asked for. */
export type FilterValues = Partial<Record<FilterName, string>>;

export const FILTERS: readonly SearchFilter[] = SEARCH_FILTERS;

/** The filters a stored kind offers, in table order. */
export function filtersOf(kind: string): readonly SearchFilter[] {
  return FILTERS.filter((f) => f.kinds.includes(kind));
}

export function filterNamesOf(kind: string): FilterName[] {
  return filtersOf(kind).map((f) => f.name);
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The filter values of `query` for `kind`: at most one filter of a group, codes from the kind's code list, dates as
 * dates. A value that cannot match anything is a 400 (through `invalid`), never an empty page.
 */
export function readFilters(
  kind: string,
  query: Readonly<Record<string, string | undefined>>,
  invalid: (pointer: string, detail: string) => Error,
): FilterValues {
  const values: FilterValues = {};
  const groups = new Map<string, string>();
  for (const f of filtersOf(kind)) {
    const value = query[f.name];
    if (value === undefined) continue;
    if (f.group) {
      if (groups.has(f.group)) throw invalid(`/query/${f.name}`, `Search by one ${f.group} at a time.`);
      groups.set(f.group, f.name);
    }
    const codes = f.codes?.[kind];
    if (codes && !codes.includes(value))
      throw invalid(
        `/query/${f.name}`,
        codes.length === 0 ? `These records have no ${f.name}.` : `${f.name} must be one of: ${codes.join(", ")}.`,
      );
    if (f.operator === "before" && !DATE.test(value))
      throw invalid(`/query/${f.name}`, `${f.name} must be a date (YYYY-MM-DD).`);
    values[f.name] = value;
  }
  return values;
}

/** The value a filter compares its fact with: an identifier in its stored form (`upn:…`, no spaces, upper case). */
export function comparand(f: SearchFilter, value: string): string {
  return f.operator === "contains" && f.prefix ? `${f.prefix}:${value.replace(/\s+/g, "").toUpperCase()}` : value;
}

/** Does a record with these facts pass every filter given (AND)? */
export function matchesFilters(facts: SearchFacts, values: FilterValues): boolean {
  return FILTERS.every((f) => {
    const value = values[f.name];
    if (value === undefined) return true;
    const fact = (facts as Record<string, string | string[] | undefined>)[f.fact];
    const want = comparand(f, value);
    if (f.operator === "before") return typeof fact === "string" && fact < want;
    if (f.operator === "contains") return Array.isArray(fact) && fact.includes(want);
    return fact === want;
  });
}

/** The filter that finds a stored identifier fact again ("upn:A123…" → { upn: "A123…" }); {} for an unknown kind. */
export function filterForIdentifier(stored: string): FilterValues {
  const at = stored.indexOf(":");
  const f = FILTERS.find((x) => x.operator === "contains" && x.prefix === stored.slice(0, at));
  return f ? { [f.name]: stored.slice(at + 1) } : {};
}
