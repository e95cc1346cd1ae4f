// Extracts the search and tenancy facts from a document, defensively: documents are schema-valid when they reach
// here, but the extraction must never throw on odd shapes (and directory records have their own shapes).
// Which facts there are and where each is read is the filter table's (spec/search-filters.ts, generated into
// sdk/generated/search-filters.ts): a fact is the first non-empty string along its JSON paths, or one of the named
// derivations below. One implementation for the reference server and the SDK's msw mock, so both filter and decide
// tenancy on the same facts.
import { SEARCH_FACTS, type FactName } from "../../generated/search-filters.ts";

type FactValue<F extends FactName> = (typeof SEARCH_FACTS)[F]["type"] extends "text[]" ? string[] : string;

/** What searches filter on and tenancy is decided by; absent when the document does not carry it. Identifiers are
 *  normalised "upn:…", "uln:…", "nhs:…"; dates YYYY-MM-DD. */
export type SearchFacts = { [F in FactName]?: FactValue<F> };

type Path = readonly string[];

function at(value: unknown, path: Path): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (cur === null || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    if (!Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function firstString(value: unknown, paths: readonly Path[]): string | undefined {
  for (const p of paths) {
    const v = at(value, p);
    if (typeof v === "string" && v.length > 0) return v;
  }
  return undefined;
}

const IDENTIFIER_CONTAINERS: readonly Path[] = [["child", "identifiers"]];

/** Normalised identifier facts: "upn:A123…", "uln:…", "nhs:…" (spaces removed, upper case). */
export function normaliseIdentifier(kind: "upn" | "uln" | "nhs", value: string): string {
  return `${kind}:${value.replace(/\s+/g, "").toUpperCase()}`;
}

function identifiersOf(doc: unknown): string[] {
  const out = new Set<string>();
  for (const path of IDENTIFIER_CONTAINERS) {
    const c = at(doc, path);
    if (c === null || typeof c !== "object" || Array.isArray(c)) continue;
    const rec = c as Record<string, unknown>;
    if (typeof rec.upn === "string") out.add(normaliseIdentifier("upn", rec.upn));
    if (typeof rec.uln === "string") out.add(normaliseIdentifier("uln", rec.uln));
    if (typeof rec.nhsNumber === "string") out.add(normaliseIdentifier("nhs", rec.nhsNumber));
  }
  return [...out];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const records = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v)
    ? v.filter((x): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x))
    : [];

/** The ISP's current layer of support: the open period (no end date), else the latest-starting one. */
function currentLayer(doc: unknown): string | undefined {
  const periods = records(at(doc, ["layersOfSupport"]))
    .map((p) => ({ layer: p.layer, start: at(p, ["period", "start"]), end: at(p, ["period", "end"]) }))
    .filter(
      (p): p is { layer: string; start: string; end: unknown } =>
        typeof p.layer === "string" && typeof p.start === "string",
    );
  if (periods.length === 0) return undefined;
  const open = periods.filter((p) => p.end === undefined || p.end === null);
  const pool = open.length > 0 ? open : periods;
  return pool.reduce((a, b) => (b.start > a.start ? b : a)).layer;
}

/** When the next review is due: the EHCP's review schedule, else the latest review's next-review date. */
function nextReviewDue(doc: unknown): string | undefined {
  const scheduled = at(doc, ["reviewSchedule", "nextReviewDue"]);
  if (typeof scheduled === "string" && DATE.test(scheduled)) return scheduled;
  const reviews = records(at(doc, ["reviews"]))
    .filter((r) => typeof r.nextReviewDue === "string" && DATE.test(r.nextReviewDue as string))
    .sort((a, b) => String(a.heldOn ?? "").localeCompare(String(b.heldOn ?? "")));
  return reviews.at(-1)?.nextReviewDue as string | undefined;
}

/** The facts that are more than a value at a path. */
const DERIVATIONS: Record<string, (doc: unknown) => string | string[] | undefined> = {
  "child-identifiers": (doc) => {
    const ids = identifiersOf(doc);
    return ids.length > 0 ? ids : undefined;
  },
  "current-layer": currentLayer,
  "next-review-due": nextReviewDue,
};

export function extractSearchFacts(doc: unknown, overrides: Partial<SearchFacts> = {}): SearchFacts {
  const facts: Record<string, string | string[]> = {};
  for (const [name, spec] of Object.entries(SEARCH_FACTS)) {
    const from = spec.from as { paths?: readonly Path[]; derive?: string };
    const derive = from.derive === undefined ? undefined : DERIVATIONS[from.derive];
    if (from.derive !== undefined && !derive) throw new Error(`no derivation named ${from.derive} (fact ${name})`);
    const value = derive ? derive(doc) : firstString(doc, from.paths ?? []);
    if (value !== undefined) facts[name] = value;
  }
  return { ...(facts as SearchFacts), ...overrides };
}
