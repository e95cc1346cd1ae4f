// How well a child described by another local authority matches a child whose bundle waits in the unclaimed queue:
// a pure function, so the scoring in spec/decisions/transfers-lost-children-across-las.md is tested case by case.
// high = a national identifier (UPN or NHS number) is the same; medium = legal given and family name and date of birth
// are the same (letter case and surrounding spaces aside); low = the date of birth is the same and the names are the
// same after normalising (accents, hyphens, apostrophes, spaces) or one or two typing slips apart.
import { distance } from "fastest-levenshtein";

export type MatchConfidence = "high" | "medium" | "low";

/** What the asking LA knows about the child: at least one identifier, or given name, family name and date of birth. */
export interface LostChildQuery {
  upn?: string;
  nhsNumber?: string;
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string; // YYYY-MM-DD
}

/** The child as the held bundle describes it. */
export interface HeldChild {
  upn?: string;
  formerUpns?: readonly string[];
  nhsNumber?: string;
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string;
}

const ident = (s: string | undefined): string | undefined => {
  const v = s?.replace(/\s+/g, "").toUpperCase();
  return v ? v : undefined;
};

/** Letter case and outer spaces only: what "the same name" means for a medium match. */
const plain = (s: string | undefined): string | undefined => {
  const v = s?.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-GB");
  return v ? v : undefined;
};

/** Accents, hyphens, apostrophes and spaces removed: "Zoë O'Neil-Smith" and "zoe oneilsmith" are one name. */
export function normaliseName(s: string | undefined): string | undefined {
  const v = s
    ?.normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("en-GB")
    .replace(/[^\p{L}\p{N}]/gu, "");
  return v ? v : undefined;
}

/** One slip in a short name, two in a name of eight letters or more (typed from a form, or transliterated). */
function near(a: string, b: string): boolean {
  const allowed = Math.min(a.length, b.length) >= 8 ? 2 : 1;
  return distance(a, b) <= allowed;
}

/** The confidence that `held` is the child `q` describes; undefined when it is not a match at all. */
export function matchConfidence(q: LostChildQuery, held: HeldChild): MatchConfidence | undefined {
  const upn = ident(q.upn);
  const heldUpns = [held.upn, ...(held.formerUpns ?? [])].map(ident).filter(Boolean);
  if (upn && heldUpns.includes(upn)) return "high";
  const nhs = ident(q.nhsNumber);
  if (nhs && nhs === ident(held.nhsNumber)) return "high";

  // Names only ever count with the same date of birth: a name alone finds too many children.
  if (!q.dateOfBirth || q.dateOfBirth !== held.dateOfBirth) return undefined;
  const [qg, qf, hg, hf] = [q.givenName, q.familyName, held.givenName, held.familyName];
  if (plain(qg) && plain(qf) && plain(qg) === plain(hg) && plain(qf) === plain(hf)) return "medium";
  const [ng, nf, nhg, nhf] = [qg, qf, hg, hf].map(normaliseName);
  if (!ng || !nf || !nhg || !nhf) return undefined;
  if (near(ng, nhg) && near(nf, nhf)) return "low";
  // Given and family name written the other way round (common when a form's order is unfamiliar).
  if (ng === nhf && nf === nhg) return "low";
  return undefined;
}

export interface QueryProblem {
  pointer: string;
  message: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const QUERY_MEMBERS = ["upn", "nhsNumber", "givenName", "familyName", "dateOfBirth"] as const;

/**
 * Reads a query body. A query must name the child well enough that a match means something: a UPN or NHS number, or
 * given name, family name and date of birth together. A date of birth or a name alone is refused, so the queue cannot
 * be swept by birthday or by surname.
 */
export function parseLostChildQuery(body: unknown): { query?: LostChildQuery; problems: QueryProblem[] } {
  const problems: QueryProblem[] = [];
  if (body === null || typeof body !== "object" || Array.isArray(body))
    return {
      problems: [
        { pointer: "", message: "Send an object with upn, nhsNumber, or givenName, familyName and dateOfBirth." },
      ],
    };
  const b = body as Record<string, unknown>;
  const query: LostChildQuery = {};
  for (const k of Object.keys(b)) {
    if (!(QUERY_MEMBERS as readonly string[]).includes(k)) {
      problems.push({ pointer: `/${k}`, message: `Unknown member ${k}.` });
      continue;
    }
    const v = b[k];
    if (typeof v !== "string" || v.trim().length === 0 || v.length > 200) {
      problems.push({ pointer: `/${k}`, message: `${k} is text of 1 to 200 characters.` });
      continue;
    }
    query[k as (typeof QUERY_MEMBERS)[number]] = v;
  }
  if (query.upn !== undefined && !/^[A-Z]\d{11}[0-9A-Z]$/.test(ident(query.upn) ?? ""))
    problems.push({ pointer: "/upn", message: "upn is 13 characters: a letter, 11 digits and a digit or letter." });
  if (query.nhsNumber !== undefined && !/^\d{10}$/.test(ident(query.nhsNumber) ?? ""))
    problems.push({ pointer: "/nhsNumber", message: "nhsNumber is 10 digits." });
  if (query.dateOfBirth !== undefined && !DATE.test(query.dateOfBirth))
    problems.push({ pointer: "/dateOfBirth", message: "dateOfBirth is a date (YYYY-MM-DD)." });
  const byIdentifier = query.upn !== undefined || query.nhsNumber !== undefined;
  const byName = query.givenName !== undefined && query.familyName !== undefined && query.dateOfBirth !== undefined;
  if (problems.length === 0 && !byIdentifier && !byName)
    problems.push({
      pointer: "",
      message: "Name the child by upn or nhsNumber, or by givenName, familyName and dateOfBirth together.",
    });
  return problems.length ? { problems } : { query, problems };
}
