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
import { codeValidity, getCode } from "../vocab/index.ts";
import { isObject, obj } from "./document-access.ts";
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

function check(listIds: readonly string[], code: string, at: DatedAs | undefined, pointer: string): Finding | undefined {
  if (at === undefined) return undefined;
  const listId = listIds.find((id) => getCode(id, code) !== undefined);
  if (listId === undefined) return undefined;
  const entry = getCode(listId, code);
  const validity = codeValidity(listId, code, at.date);
  if (validity === "not-yet-valid") {
    return finding("any.code-validity.not-yet-valid", pointer, `"${code}" (${listId}) is valid from ${entry?.validFrom}, but is used for ${at.date} (${at.what}).`);
  }
  if (validity === "retired") {
    return finding("any.code-validity.retired", pointer, `"${code}" (${listId}) was retired after ${entry?.validTo}, but is used for ${at.date} (${at.what}); retired codes belong only in history records that ended in time.`);
  }
  return undefined;
}

function recordDate(node: unknown): DatedAs | undefined {
  const date = effectiveDate(node);
  return date === undefined ? undefined : { date, what: "the record's date" };
}

export function codeValidityRules(document: unknown): Finding[] {
  const out: Finding[] = [];
  const walk = (node: unknown, path: Array<string | number>, inherited: DatedAs | undefined, documentDate: string | undefined): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i], inherited, documentDate));
      return;
    }
    if (!isObject(node)) return;
    let at: DatedAs | undefined;
    if (node.documentType !== undefined && path.length > 0 && isObject(node.provenance)) {
      // An embedded document (in a transfer bundle) speaks for its own date.
      at = recordDate(node);
      documentDate = at?.date;
    } else {
      at = ownDate(node, documentDate) ?? inherited;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "extensions" || key === "provenance") continue;
      const lists = CODE_PROPERTIES[key];
      if (lists && typeof value === "string") {
        const hit = check(lists, value, at, pointerJoin(...path, key));
        if (hit) out.push(hit);
      } else if (lists && Array.isArray(value) && value.every((v) => typeof v === "string")) {
        value.forEach((v, i) => {
          const hit = check(lists, v as string, at, pointerJoin(...path, key, i));
          if (hit) out.push(hit);
        });
      } else {
        walk(value, [...path, key], at, documentDate);
      }
    }
  };
  const root = recordDate(document);
  walk(document, [], root, root?.date);
  return out;
}
