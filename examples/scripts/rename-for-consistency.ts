// Rewrites documents written before the consistency renames (schemas/CHANGELOG.md, "Renamed and restructured for
// consistency") into the current names. Idempotent: a document already in the new shape comes back unchanged. Kept as
// a script so that documents drafted on an older branch (worked examples, corpus cases) can be brought forward
// mechanically instead of by hand: `npx tsx examples/scripts/rename-for-consistency.ts <file.json>...`.
import { readFileSync, writeFileSync } from "node:fs";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** Renames a key in place, keeping the key order (so diffs of hand-written examples stay small). */
function renameKey(o: Json, from: string, to: string, map: (v: unknown) => unknown = (v) => v): void {
  if (!Object.hasOwn(o, from)) return;
  const entries = Object.entries(o).map(([k, v]): [string, unknown] => (k === from ? [to, map(v)] : [k, v]));
  for (const k of Object.keys(o)) delete o[k];
  Object.assign(o, Object.fromEntries(entries));
}

const SETTING_REF_KEYS = ["name", "urn", "ukprn", "laestab", "laCode", "settingType", "phases"];

/** A whole Setting record becomes a citation of it (SettingRef): identifiers, name, type and phases. */
function toSettingRef(v: unknown): unknown {
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => SETTING_REF_KEYS.includes(k)));
}

const deliveredBy = (role: unknown) => ({ role });

function renameReview(r: Json): void {
  renameKey(r, "outcome", "decision");
  for (const p of list(r.participants)) renameKey(p, "participantRole", "role");
}

function renameDeliverer(item: Json): void {
  renameKey(item, "deliveredByRole", "deliveredBy", deliveredBy);
}

export function renameForConsistency(doc: unknown): unknown {
  if (!isObj(doc)) return doc;
  const type = doc.documentType;
  if (type === "isp" || type === "development-profile") renameKey(doc, "owningSetting", "owner");
  if (type === "ehcp" || type === "legacy-ehcp") renameKey(doc, "owningLocalAuthority", "owner");
  if (type === "isp") {
    for (const r of list(doc.reviews)) renameReview(r);
    if (isObj(doc.transitionPlan)) renameKey(doc.transitionPlan, "nextSetting", "nextSetting", toSettingRef);
  }
  if (type === "ehcp") {
    for (const r of list(doc.reviews)) renameReview(r);
    for (const i of list(doc.guaranteedProvision)) renameDeliverer(i);
    for (const i of list(doc.healthProvision)) renameDeliverer(i);
    for (const c of list(isObj(doc.needsAssessment) ? doc.needsAssessment.contributions : undefined)) {
      // the contributor's role moves into the contributor (PersonRef.role), where it was already allowed
      if (typeof c.contributorRole === "string" && isObj(c.contributor) && c.contributor.role === undefined)
        c.contributor.role = c.contributorRole;
      delete c.contributorRole;
    }
    if (isObj(doc.namedPlacement)) renameKey(doc.namedPlacement, "setting", "setting", toSettingRef);
    if (isObj(doc.placement)) {
      for (const o of list(doc.placement.offeredSettings)) renameKey(o, "setting", "setting", toSettingRef);
      for (const p of list(doc.placement.preferences)) renameKey(p, "setting", "setting", toSettingRef);
    }
  }
  if (type === "legacy-ehcp") {
    renameKey(doc, "annualReviews", "reviews");
    for (const r of list(doc.reviews)) renameReview(r);
    if (isObj(doc.sectionA)) renameKey(doc.sectionA, "statements", "voice");
    if (isObj(doc.sectionI)) renameKey(doc.sectionI, "setting", "setting", toSettingRef);
    for (const key of ["sectionF", "sectionG", "sectionH1", "sectionH2"])
      for (const i of list(isObj(doc[key]) ? (doc[key] as Json).items : undefined)) renameDeliverer(i);
    for (const a of list(isObj(doc.sectionK) ? doc.sectionK.advice : undefined))
      renameKey(a, "contributorRole", "contributor", (role) => ({ personType: "practitioner", role }));
  }
  if (type === "spp") for (const c of list(doc.provisionComponents)) renameDeliverer(c);
  if (type === "transfer-bundle")
    for (const d of Array.isArray(doc.documents) ? doc.documents : []) renameForConsistency(d);
  return doc;
}

if (process.argv[1]?.endsWith("rename-for-consistency.ts")) {
  for (const file of process.argv.slice(2)) {
    const doc = JSON.parse(readFileSync(file, "utf8")) as unknown;
    writeFileSync(file, `${JSON.stringify(renameForConsistency(doc), null, 2)}\n`);
  }
}
