// What rule family `code-validity` (code-validity.ts) checks a coded value against, and the date it checks it on:
// the property → code-list table, the validity dates of each code, and the dating of objects on the walk's path.
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
  state: ["legacy-migration-states"],
  reason: [
    "ehcp-cessation-reasons",
    "isp-closure-reasons",
    "key-revocation-reasons",
    "not-integrated-reasons",
    "transfer-reasons",
  ],
  transitionType: ["transfer-reasons"],
  status: [
    "bundle-statuses",
    "delivery-statuses",
    "ehcp-statuses",
    "isp-statuses",
    "outcome-statuses",
    "package-assignment-statuses",
    "spp-statuses",
    "trust-list-entry-statuses",
  ],
  senProvision: ["census-sen-provision"],
  code: ["census-sen-types", "receipt-reasons"],
  censusSenType: ["census-sen-types"],
  broadAreaOfNeed: ["broad-areas-of-need"],
  broadAreasOfNeed: ["broad-areas-of-need"],
  role: ["practitioner-roles", "voice-roles"],
  supervisedBy: ["practitioner-roles"],
  professionalRoles: ["practitioner-roles"],
  authorRole: ["voice-roles"],
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
  decision: ["appealable-decisions", "receipt-decisions", "request-decisions", "review-decisions"],
  provisionType: ["provision-types"],
  legalBasis: ["legal-bases"],
  location: ["delivery-locations"],
  fundingRoute: ["funding-routes"],
  givenVia: ["contact-methods"],
  label: ["sharing-labels"],
  stance: ["agreement-stances"],
  yearGroup: ["nc-year-groups"],
  subject: ["curriculum-subjects"],
  day: ["weekdays"],
  slot: ["school-day-slots"],
  service: ["external-support-services"],
  formerModel: ["former-base-models"],
  specialismCodes: ["base-specialisms"],
  staffTrainedIn: ["base-specialisms"],
  band: ["evidence-result-bands"],
  fromCheck: ["developmental-checks"],
  basis: ["package-assignment-bases", "review-schedule-bases"],
  activityType: ["transition-activity-types"],
  adjustmentType: ["adjustment-types"],
  labelsIncluded: ["sharing-labels"],
  labelsExcluded: ["sharing-labels"],
  personType: ["person-types"],
  organisationType: ["organisation-types"],
  preferredMethod: ["contact-methods"],
  formats: ["document-formats"],
  relationship: ["contact-relationships"],
  usedAt: ["language-use-places"],
  methods: ["communication-methods"],
  commissionerType: ["inclusion-base-commissioner-types"],
  documentType: ["bundle-document-types", "document-types"],
  kind: ["evidence-kinds", "observation-kinds"],
  sourceType: ["legacy-classification-sources"],
  typ: ["jws-types"],
  statutoryBasis: ["social-care-statutory-bases"],
  refusalGround: ["preference-refusal-grounds"],
  decisionToAssess: ["assessment-decisions"],
  outcome: ["dispute-outcomes", "integration-outcomes", "transition-assessment-outcomes"],
  factorType: ["contributing-factor-types"],
  apSupportTier: ["ap-support-tiers"],
  notDeliveredReason: ["not-delivered-reasons"],
  direction: ["action-log-directions"],
  sen2SettingCode: ["sen2-setting-codes"],
  arrangementType: ["budget-arrangement-types"],
  adaptationType: ["adaptation-types"],
  entryType: ["trust-list-entry-types"],
};

/**
 * Point-in-time fields that date the object carrying them (events), in order of preference. Dates of identification
 * or observation are left out on purpose: a barrier identified in 2028 may be classified by area of development
 * today, and the classification speaks for the record's date.
 */
const POINT_DATES = ["from", "heldOn", "decidedOn", "requestedOn", "assessedOn", "optedInOn"];

/** Every property ownDate or the embedded-document test reads: a node with none of them inherits its parent's date
 *  without those reads (they are the walk's main cost, as documents have many differently shaped objects). */
const DATING_KEYS: ReadonlySet<string> = new Set([
  "period",
  "effectiveFrom",
  "effectiveTo",
  "documentType",
  ...POINT_DATES,
]);

export interface DatedAs {
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
  if (start !== undefined)
    return documentDate === undefined
      ? { date: start, what: "the start of its period" }
      : { date: documentDate, what: "the record's date; the period is still open" };
  for (const key of POINT_DATES) {
    const date = isoDate(node[key]);
    if (date !== undefined) return { date, what: `its ${key} date` };
  }
  return undefined;
}

export interface CodeHit {
  listId: string;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Property name → (code → the first of its lists that holds the code, with that entry's validity dates), built once
 * so the walk does one Map lookup per coded value instead of searching lists per node. Codes whose entry has no
 * validFrom and no validTo can never be reported, so they are left out: for them the walk needs no date at all.
 */
export const CODE_LOOKUP: ReadonlyMap<string, ReadonlyMap<string, CodeHit>> = new Map(
  Object.entries(CODE_PROPERTIES).map(([property, listIds]) => {
    const byCode = new Map<string, CodeHit>();
    for (const listId of listIds) {
      for (const { code } of getCodeList(listId)?.codes ?? []) {
        const entry = getCode(listId, code);
        if (entry && !byCode.has(code))
          byCode.set(code, { listId, validFrom: entry.validFrom ?? null, validTo: entry.validTo ?? null });
      }
    }
    for (const [code, hit] of byCode) if (hit.validFrom === null && hit.validTo === null) byCode.delete(code);
    return [property, byCode] as const;
  }),
);

/** `tokens` is the path to the value; joined into a pointer only when there is something to report. */
export function check(
  hit: CodeHit,
  code: string,
  at: DatedAs | undefined,
  tokens: ReadonlyArray<string | number>,
): Finding | undefined {
  if (at === undefined) return undefined;
  // ISO dates compare as strings; both bounds are inclusive (vocab/validity.ts).
  if (hit.validFrom !== null && at.date < hit.validFrom) {
    return finding(
      "any.code-validity.not-yet-valid",
      pointerJoin(...tokens),
      `"${code}" (${hit.listId}) is valid from ${hit.validFrom}, but is used for ${at.date} (${at.what}).`,
    );
  }
  if (hit.validTo !== null && at.date > hit.validTo) {
    return finding(
      "any.code-validity.retired",
      pointerJoin(...tokens),
      `"${code}" (${hit.listId}) was retired after ${hit.validTo}, but is used for ${at.date} ` +
        `(${at.what}); retired codes belong only in history records that ended in time.`,
    );
  }
  return undefined;
}

export function recordDate(node: unknown): DatedAs | undefined {
  const date = effectiveDate(node);
  // A catalogue entry drafted before the reformed system commences speaks for the date it applies from, so DfE can
  // draft packages with the new codes ahead of September 2029.
  if (isObject(node) && node.documentType === "spp") {
    const appliesFrom = isoDate(node.appliesFrom);
    if (appliesFrom !== undefined && (date === undefined || appliesFrom > date))
      return { date: appliesFrom, what: "the date the package applies from" };
  }
  return date === undefined ? undefined : { date, what: "the record's date" };
}

const hasOwn = Object.prototype.hasOwnProperty;

function hasDatingKey(node: Record<string, unknown>): boolean {
  for (const key in node) if (DATING_KEYS.has(key) && hasOwn.call(node, key)) return true;
  return false;
}

export function allStrings(values: readonly unknown[]): boolean {
  for (const v of values) if (typeof v !== "string") return false;
  return true;
}

/**
 * An object on the walk's current path and the date it speaks for, worked out only when a code below it needs a
 * date (most objects hold no dated code, and reading their dating properties was the walk's main cost).
 */
export interface Frame {
  node: Record<string, unknown>;
  parent: Frame | undefined;
  /** Whether the node sits below the document root (an embedded document is only recognised there). */
  nested: boolean;
  resolved: boolean;
  at: DatedAs | undefined;
  documentDate: string | undefined;
}

/** The root's parent: the record's own date. */
export interface Origin {
  at: DatedAs | undefined;
  documentDate: string | undefined;
}

export function resolve(frame: Frame, origin: Origin): Frame {
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
