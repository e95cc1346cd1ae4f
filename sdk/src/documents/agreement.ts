// How a family's agreement with one item of a plan is recorded (POST /isps/{id}/agreements, /ehcps/{id}/agreements):
// the stance is appended to the item's `familyAgreement` list, never replacing an earlier one, so the plan's history
// shows every time the family changed its mind. Who gave it comes from the caller, not the body: a parent or carer, or
// the young person, speaks for themselves; staff and systems only write down what the family told them, and must say
// whose stance it is and how it reached them (`onBehalfOf`), which the entry then carries as `recordedBy`/`givenVia`.
// One implementation for the reference server and the SDK's msw mock.
import { getCodeList } from "../vocab/index.ts";

/** Where each document type keeps items a family can agree with: the body's `itemType` → the collection. */
export const AGREEMENT_HOLDERS = {
  isp: { provision: "provision", review: "reviews", "delivery-record": "deliveryRecords" },
  ehcp: { provision: "guaranteedProvision", review: "reviews" },
} as const;

export type AgreementDocumentType = keyof typeof AGREEMENT_HOLDERS;

/** Caller roles (spec/roles.ts ids) that speak for themselves, and the person type their stance is recorded as. */
const SELF_ROLES: Readonly<Record<string, string>> = { "parent-carer": "parent-carer", "young-person": "young-person" };

/** Person types whose stance staff may write down for them. */
const FAMILY_PERSON_TYPES: readonly string[] = ["parent-carer", "young-person", "child"];

/** How the family gave the stance to staff: any contact-method code (schemas/vocab/contact-methods.json). */
const GIVEN_VIA: readonly string[] = getCodeList("contact-methods")!.codes.map((c) => c.code);

/** Stances a person can give (agreement-stances without "not-yet-asked", which no one says of themselves). */
const STANCES: readonly string[] = getCodeList("agreement-stances")!
  .codes.map((c) => c.code)
  .filter((c) => c !== "not-yet-asked");

export interface AgreementCaller {
  /** The caller's role id (spec/roles.ts). */
  role: string;
  /** The token's subject: recorded as the person's id (a family member) or the recorder's id (staff). */
  subject: string;
  /** The date the stance is recorded on (YYYY-MM-DD), from the server's clock. */
  today: string;
}

export interface AgreementError {
  /** JSON pointer into the request body. */
  pointer: string;
  ruleId: string;
  message: string;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const text = (v: unknown, max: number): v is string => typeof v === "string" && v.trim() !== "" && v.length <= max;

function err(pointer: string, message: string, ruleId = "api.agreement"): AgreementError {
  return { pointer, ruleId, message };
}

/** The FamilyAgreement entry (common.schema.json) the contribution makes for this caller, or the body's errors. */
export function agreementEntry(
  kind: AgreementDocumentType,
  contribution: unknown,
  caller: AgreementCaller,
): { entry: Json; errors: [] } | { entry?: undefined; errors: AgreementError[] } {
  if (!isObj(contribution)) return { errors: [err("", "The body must be a JSON object.")] };
  const c = contribution;
  const errors: AgreementError[] = [];
  const allowed = new Set(["itemType", "itemId", "stance", "reason", "displayName", "onBehalfOf"]);
  for (const key of Object.keys(c))
    if (!allowed.has(key)) errors.push(err(`/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, "Unknown member."));
  const types = Object.keys(AGREEMENT_HOLDERS[kind]);
  if (typeof c.itemType !== "string" || !types.includes(c.itemType))
    errors.push(err("/itemType", `itemType must be one of ${types.join(", ")}.`));
  if (!text(c.itemId, 100)) errors.push(err("/itemId", "itemId must name the item (its id in the plan)."));
  if (typeof c.stance !== "string" || !STANCES.includes(c.stance))
    errors.push(err("/stance", `stance must be one of ${STANCES.join(", ")}.`));
  if (c.reason !== undefined && !text(c.reason, 2000))
    errors.push(err("/reason", "reason must be text of 1 to 2000 characters."));
  if ((c.stance === "disagrees" || c.stance === "partly-agrees") && c.reason === undefined)
    errors.push(
      err("/reason", "Say why, in the family's words, when they do not agree with all of it.", "api.agreement-reason"),
    );
  if (c.displayName !== undefined && !text(c.displayName, 200))
    errors.push(err("/displayName", "displayName must be text of 1 to 200 characters."));

  const selfType = SELF_ROLES[caller.role];
  let by: Json;
  let recorded: Json = {};
  if (selfType !== undefined) {
    // A family member speaks for themselves only; writing down someone else's stance is what staff do.
    if (c.onBehalfOf !== undefined)
      errors.push(
        err(
          "/onBehalfOf",
          `A ${caller.role} records their own stance; leave out onBehalfOf.`,
          "api.agreement-on-behalf",
        ),
      );
    by = { personType: selfType, id: caller.subject };
    if (typeof c.displayName === "string") by.displayName = c.displayName;
  } else {
    const o = c.onBehalfOf;
    if (!isObj(o)) {
      errors.push(
        err(
          "/onBehalfOf",
          "Staff record a family's stance only on their behalf: say whose it is (onBehalfOf.personType) and how they gave it " +
            "(onBehalfOf.givenVia, e.g. phone).",
          "api.agreement-on-behalf",
        ),
      );
      return { errors };
    }
    for (const key of Object.keys(o))
      if (!["personType", "personId", "displayName", "givenVia"].includes(key))
        errors.push(err(`/onBehalfOf/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, "Unknown member."));
    if (typeof o.personType !== "string" || !FAMILY_PERSON_TYPES.includes(o.personType))
      errors.push(
        err(
          "/onBehalfOf/personType",
          `personType must be one of ${FAMILY_PERSON_TYPES.join(", ")}.`,
          "api.agreement-on-behalf",
        ),
      );
    if (typeof o.givenVia !== "string" || !GIVEN_VIA.includes(o.givenVia))
      errors.push(
        err("/onBehalfOf/givenVia", `givenVia must be one of ${GIVEN_VIA.join(", ")}.`, "api.agreement-on-behalf"),
      );
    if (o.personId !== undefined && !text(o.personId, 200))
      errors.push(err("/onBehalfOf/personId", "personId must be text of 1 to 200 characters."));
    if (o.displayName !== undefined && !text(o.displayName, 200))
      errors.push(err("/onBehalfOf/displayName", "displayName must be text of 1 to 200 characters."));
    by = { personType: o.personType };
    if (typeof o.personId === "string") by.id = o.personId;
    if (typeof o.displayName === "string") by.displayName = o.displayName;
    recorded = { recordedBy: { personType: "practitioner", id: caller.subject }, givenVia: o.givenVia };
  }
  if (errors.length > 0) return { errors };
  const entry: Json = { stance: c.stance, by, recordedOn: caller.today, ...recorded };
  if (typeof c.reason === "string") entry.reason = c.reason;
  return { entry, errors: [] };
}

/**
 * A copy of `document` with the caller's stance appended to the named item's familyAgreement list, or the body's
 * errors (an item that does not exist is an error at /itemId). The copy is validated like any update by the caller.
 */
export function appendAgreement(
  kind: AgreementDocumentType,
  document: unknown,
  contribution: unknown,
  caller: AgreementCaller,
): { document: unknown; pointer: string; errors: [] } | { document?: undefined; errors: AgreementError[] } {
  const made = agreementEntry(kind, contribution, caller);
  if (made.errors.length > 0 || !made.entry) return { errors: made.errors };
  const c = contribution as Json;
  const doc = structuredClone(document) as Json;
  const collection = AGREEMENT_HOLDERS[kind][c.itemType as keyof (typeof AGREEMENT_HOLDERS)[typeof kind]] as string;
  const items = Array.isArray(doc[collection]) ? (doc[collection] as unknown[]) : [];
  const index = items.findIndex((i) => isObj(i) && i.id === c.itemId);
  if (index < 0)
    return { errors: [err("/itemId", `The plan has no ${String(c.itemType).replace("-", " ")} with that id.`)] };
  const item = items[index] as Json;
  const list = Array.isArray(item.familyAgreement) ? item.familyAgreement : [];
  item.familyAgreement = [...list, made.entry];
  return { document: doc, pointer: `/${collection}/${index}/familyAgreement/${list.length}`, errors: [] };
}
