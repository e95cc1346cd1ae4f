// What the mock needs to know about a stored document to filter searches and decide tenancy: the same facts, found
// along the same paths, as the reference server's search-facts.
export interface DocumentFacts {
  childId?: string;
  identifiers: string[];
  settingUrn?: string;
  laCode?: string;
  status?: string;
  layer?: string;
  reviewDue?: string;
}

type Path = readonly string[];

function at(value: unknown, path: Path): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (cur === null || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
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

const records = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x)) : [];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function normaliseIdentifier(kind: "upn" | "uln" | "nhs", value: string): string {
  return `${kind}:${value.replace(/\s+/g, "").toUpperCase()}`;
}

function currentLayer(doc: unknown): string | undefined {
  const periods = records(at(doc, ["layersOfSupport"]))
    .map((p) => ({ layer: p.layer, start: at(p, ["period", "start"]), end: at(p, ["period", "end"]) }))
    .filter((p): p is { layer: string; start: string; end: unknown } => typeof p.layer === "string" && typeof p.start === "string");
  if (periods.length === 0) return undefined;
  const open = periods.filter((p) => p.end === undefined || p.end === null);
  const pool = open.length > 0 ? open : periods;
  return pool.reduce((a, b) => (b.start > a.start ? b : a)).layer;
}

function nextReviewDue(doc: unknown): string | undefined {
  const scheduled = at(doc, ["reviewSchedule", "nextReviewDue"]);
  if (typeof scheduled === "string" && DATE.test(scheduled)) return scheduled;
  const reviews = [...records(at(doc, ["reviews"])), ...records(at(doc, ["annualReviews"]))]
    .filter((r) => typeof r.nextReviewDue === "string" && DATE.test(r.nextReviewDue as string))
    .sort((a, b) => String(a.heldOn ?? "").localeCompare(String(b.heldOn ?? "")));
  return reviews.at(-1)?.nextReviewDue as string | undefined;
}

export function documentFacts(doc: unknown): DocumentFacts {
  const facts: DocumentFacts = { identifiers: [] };
  const childId = firstString(doc, [["child", "personId"], ["childId"]]);
  if (childId) facts.childId = childId;
  const ids = at(doc, ["child", "identifiers"]);
  if (ids !== null && typeof ids === "object" && !Array.isArray(ids)) {
    const r = ids as Record<string, unknown>;
    if (typeof r.upn === "string") facts.identifiers.push(normaliseIdentifier("upn", r.upn));
    if (typeof r.uln === "string") facts.identifiers.push(normaliseIdentifier("uln", r.uln));
    if (typeof r.nhsNumber === "string") facts.identifiers.push(normaliseIdentifier("nhs", r.nhsNumber));
  }
  const settingUrn = firstString(doc, [["owningSetting", "urn"], ["namedPlacement", "setting", "urn"], ["settingUrn"], ["urn"]]);
  if (settingUrn) facts.settingUrn = settingUrn;
  const laCode = firstString(doc, [["owningLocalAuthority", "laCode"], ["owningSetting", "laCode"], ["laCode"], ["namedPlacement", "setting", "laCode"]]);
  if (laCode) facts.laCode = laCode;
  const status = firstString(doc, [["status"]]);
  if (status) facts.status = status;
  const layer = currentLayer(doc);
  if (layer) facts.layer = layer;
  const reviewDue = nextReviewDue(doc);
  if (reviewDue) facts.reviewDue = reviewDue;
  return facts;
}
