// Extracts the search and tenancy facts from a document, defensively: documents are schema-valid when they reach
// here, but the extraction must never throw on odd shapes (and directory records have their own shapes).
// Each fact is looked up along a short list of JSON paths, first match wins. One implementation for the reference
// server (server/src/documents/search-facts.ts re-exports it) and the SDK's msw mock, so both filter and decide
// tenancy on the same facts.

/** What searches filter on and tenancy is decided by; absent when the document does not carry it. */
export interface SearchFacts {
  childId?: string;
  identifiers?: string[]; // normalised "upn:…", "uln:…", "nhs:…"
  settingUrn?: string;
  laCode?: string;
  status?: string;
  layer?: string; // current layer of support
  reviewDue?: string; // YYYY-MM-DD
}

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

const CHILD_ID: readonly Path[] = [["child", "personId"], ["childId"]];
const SETTING_URN: readonly Path[] = [["owner", "urn"], ["namedPlacement", "setting", "urn"], ["settingUrn"], ["urn"]];
const LA_CODE: readonly Path[] = [["owner", "laCode"], ["laCode"], ["namedPlacement", "setting", "laCode"]];
const STATUS: readonly Path[] = [["status"]];
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

export function extractSearchFacts(doc: unknown, overrides: Partial<SearchFacts> = {}): SearchFacts {
  const facts: SearchFacts = {};
  const childId = firstString(doc, CHILD_ID);
  if (childId) facts.childId = childId;
  const identifiers = identifiersOf(doc);
  if (identifiers.length > 0) facts.identifiers = identifiers;
  const settingUrn = firstString(doc, SETTING_URN);
  if (settingUrn) facts.settingUrn = settingUrn;
  const laCode = firstString(doc, LA_CODE);
  if (laCode) facts.laCode = laCode;
  const status = firstString(doc, STATUS);
  if (status) facts.status = status;
  const layer = currentLayer(doc);
  if (layer) facts.layer = layer;
  const reviewDue = nextReviewDue(doc);
  if (reviewDue) facts.reviewDue = reviewDue;
  return { ...facts, ...overrides };
}
