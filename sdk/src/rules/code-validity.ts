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
import { pointerJoin } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { getCode, getCodeList } from "../vocab/index.ts";
import { isObject } from "./document-access.ts";
import { isoDate } from "./rule-dates.ts";
import { effectiveDate } from "./effective-date.ts";

/**
 * Property name → code lists its values come from, read off the schemas ($refs into generated/codes.schema.json).
 * A property with several lists (`status`, `reason`) is matched to the list that holds the value.
 * code-validity.test.ts re-derives this table from the schemas, so it cannot drift.
 */
export const CODE_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  area: ["areas-of-development"],
  areaOfDevelopment: ["areas-of-development"],
  areasOfDevelopment: ["areas-of-development"],
  fromArea: ["areas-of-development"],
  toArea: ["areas-of-development"],
  subComponent: ["area-sub-components"],
  subComponents: ["area-sub-components"],
  layer: ["layers-of-support"],
  model: ["inclusion-base-models"],
  inclusionBaseModels: ["inclusion-base-models"],
  route: ["assessment-routes"],
  reviewType: ["review-types"],
  outcome: ["review-outcomes"],
  state: ["legacy-migration-states"],
  reason: ["ehcp-cessation-reasons", "isp-closure-reasons", "transfer-reasons"],
  transitionType: ["transfer-reasons"],
  status: ["ehcp-statuses", "isp-statuses", "spp-statuses"],
  senProvision: ["census-sen-provision"],
  code: ["census-sen-types"],
  censusSenType: ["census-sen-types"],
  broadAreaOfNeed: ["broad-areas-of-need"],
  broadAreasOfNeed: ["broad-areas-of-need"],
  role: ["practitioner-roles"],
  deliveredByRole: ["practitioner-roles"],
  contributorRole: ["practitioner-roles"],
  supervisedBy: ["practitioner-roles"],
  professionalRoles: ["practitioner-roles"],
  authorRole: ["voice-roles"],
  participantRole: ["voice-roles"],
  expressedBy: ["voice-roles"],
  optedInBy: ["voice-roles"],
  captureMethod: ["voice-capture-methods"],
  phases: ["phases-of-education"],
  nextPhase: ["phases-of-education"],
  phaseAtCommencement: ["phases-of-education"],
  settingType: ["setting-types"],
  settingTypes: ["setting-types"],
  per: ["frequency-units"],
  trajectory: ["trajectories"],
  persistence: ["barrier-persistence"],
  decision: ["appealable-decisions"],
  provisionType: ["provision-types"],
  legalBasis: ["legal-bases"],
  location: ["delivery-locations"],
  fundingRoute: ["funding-routes"],
  label: ["sharing-labels"],
  labelsIncluded: ["sharing-labels"],
  labelsExcluded: ["sharing-labels"],
};

/**
 * Point-in-time fields that date the object carrying them (events), in order of preference. Dates of identification
 * or observation are left out on purpose: a barrier identified in 2028 may be classified by area of development
 * today, and the classification speaks for the record's date.
 */
const POINT_DATES = ["from", "heldOn", "decidedOn", "requestedOn", "assessedOn", "optedInOn"];

/** Every property ownDate or the embedded-document test reads: a node with none of them inherits its parent's date
 *  without those reads (they are the walk's main cost, as documents have many differently shaped objects). */
const DATING_KEYS: ReadonlySet<string> = new Set(["period", "effectiveFrom", "effectiveTo", "documentType", ...POINT_DATES]);

interface DatedAs {
  date: string;
  /** Why this date, for the message. */
  what: string;
}

/** The date an object speaks for, or undefined when it has none of its own (it inherits its parent's). */
function ownDate(node: Record<string, unknown>, documentDate: string | undefined): DatedAs | undefined {
  const period = isObject(node.period) ? node.period : undefined;
  const start = isoDate(period?.start) ?? isoDate(node.effectiveFrom);
  const end = period ? isoDate(period.end) : isoDate(node.effectiveTo);
  if (end !== undefined) return { date: end, what: "the end of its period" };
  if (start !== undefined) return documentDate === undefined ? { date: start, what: "the start of its period" } : { date: documentDate, what: "the record's date; the period is still open" };
  for (const key of POINT_DATES) {
    const date = isoDate(node[key]);
    if (date !== undefined) return { date, what: `its ${key} date` };
  }
  return undefined;
}

interface CodeHit {
  listId: string;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Property name → (code → the first of its lists that holds the code, with that entry's validity dates), built once
 * so the walk does one Map lookup per coded value instead of searching lists per node. Codes whose entry has no
 * validFrom and no validTo can never be reported, so they are left out: for them the walk needs no date at all.
 */
const CODE_LOOKUP: ReadonlyMap<string, ReadonlyMap<string, CodeHit>> = new Map(
  Object.entries(CODE_PROPERTIES).map(([property, listIds]) => {
    const byCode = new Map<string, CodeHit>();
    for (const listId of listIds) {
      for (const { code } of getCodeList(listId)?.codes ?? []) {
        const entry = getCode(listId, code);
        if (entry && !byCode.has(code)) byCode.set(code, { listId, validFrom: entry.validFrom ?? null, validTo: entry.validTo ?? null });
      }
    }
    for (const [code, hit] of byCode) if (hit.validFrom === null && hit.validTo === null) byCode.delete(code);
    return [property, byCode] as const;
  }),
);

/** `tokens` is the path to the value; joined into a pointer only when there is something to report. */
function check(hit: CodeHit, code: string, at: DatedAs | undefined, tokens: ReadonlyArray<string | number>): Finding | undefined {
  if (at === undefined) return undefined;
  // ISO dates compare as strings; both bounds are inclusive (vocab/validity.ts).
  if (hit.validFrom !== null && at.date < hit.validFrom) {
    return finding("any.code-validity.not-yet-valid", pointerJoin(...tokens), `"${code}" (${hit.listId}) is valid from ${hit.validFrom}, but is used for ${at.date} (${at.what}).`);
  }
  if (hit.validTo !== null && at.date > hit.validTo) {
    return finding("any.code-validity.retired", pointerJoin(...tokens), `"${code}" (${hit.listId}) was retired after ${hit.validTo}, but is used for ${at.date} (${at.what}); retired codes belong only in history records that ended in time.`);
  }
  return undefined;
}

function recordDate(node: unknown): DatedAs | undefined {
  const date = effectiveDate(node);
  return date === undefined ? undefined : { date, what: "the record's date" };
}

const hasOwn = Object.prototype.hasOwnProperty;

function hasDatingKey(node: Record<string, unknown>): boolean {
  for (const key in node) if (DATING_KEYS.has(key) && hasOwn.call(node, key)) return true;
  return false;
}

function allStrings(values: readonly unknown[]): boolean {
  for (const v of values) if (typeof v !== "string") return false;
  return true;
}

/** Walk state: findings so far and the path to the current node, pushed and popped as the walk goes (instead of
 *  a copied path array per node). Module-level functions, not closures per call: cheaper on every document. */
interface Walk {
  out: Finding[];
  path: Array<string | number>;
}

/**
 * An object on the walk's current path and the date it speaks for, worked out only when a code below it needs a
 * date (most objects hold no dated code, and reading their dating properties was the walk's main cost).
 */
interface Frame {
  node: Record<string, unknown>;
  parent: Frame | undefined;
  /** Whether the node sits below the document root (an embedded document is only recognised there). */
  nested: boolean;
  resolved: boolean;
  at: DatedAs | undefined;
  documentDate: string | undefined;
}

/** The root's parent: the record's own date. */
interface Origin {
  at: DatedAs | undefined;
  documentDate: string | undefined;
}

function resolve(frame: Frame, origin: Origin): Frame {
  if (frame.resolved) return frame;
  const inherited = frame.parent ? resolve(frame.parent, origin) : origin;
  const { node } = frame;
  let at = inherited.at;
  let documentDate = inherited.documentDate;
  if (hasDatingKey(node)) {
    if (node.documentType !== undefined && frame.nested && isObject(node.provenance)) {
      // An embedded document (in a transfer bundle) speaks for its own date.
      at = recordDate(node);
      documentDate = at?.date;
    } else {
      at = ownDate(node, documentDate) ?? inherited.at;
    }
  }
  frame.at = at;
  frame.documentDate = documentDate;
  frame.resolved = true;
  return frame;
}

function walk(state: Walk, origin: Origin, node: unknown, parent: Frame | undefined): void {
  const { out, path } = state;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      path.push(i);
      walk(state, origin, node[i], parent);
      path.pop();
    }
    return;
  }
  if (!isObject(node)) return;
  const frame: Frame = { node, parent, nested: path.length > 0, resolved: false, at: undefined, documentDate: undefined };
  // for-in with an own-property test: V8 reads values through its enum cache here, far cheaper than Object.keys
  // plus keyed loads across documents' many object shapes. Same keys, same order as Object.entries.
  for (const key in node) {
    if (!hasOwn.call(node, key) || key === "extensions" || key === "provenance") continue;
    const value = node[key];
    if (value === null || (typeof value !== "string" && typeof value !== "object")) continue;
    const byCode = CODE_LOOKUP.get(key);
    if (byCode && typeof value === "string") {
      const hit = byCode.get(value);
      if (hit) {
        path.push(key);
        const found = check(hit, value, resolve(frame, origin).at, path);
        path.pop();
        if (found) out.push(found);
      }
    } else if (byCode && Array.isArray(value) && allStrings(value)) {
      path.push(key);
      for (let i = 0; i < value.length; i++) {
        const hit = byCode.get(value[i] as string);
        if (!hit) continue;
        path.push(i);
        const found = check(hit, value[i] as string, resolve(frame, origin).at, path);
        path.pop();
        if (found) out.push(found);
      }
      path.pop();
    } else if (typeof value === "object") {
      path.push(key);
      walk(state, origin, value, frame);
      path.pop();
    }
  }
}

export function codeValidityRules(document: unknown): Finding[] {
  const state: Walk = { out: [], path: [] };
  const root = recordDate(document);
  walk(state, { at: root, documentDate: root?.date }, document, undefined);
  return state.out;
}
