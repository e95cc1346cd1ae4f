// Rule family `setting-reference`: a plan cites a setting (common.schema.json SettingRef) by an identifier a reader
// can look up. The schema cannot require one (settings outside England and unregistered AP have none), so a
// citation by name alone is a warning.
import type { Finding } from "./finding.ts";
import { pointerJoin } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { arr, obj } from "./document-access.ts";

const IDENTIFIERS = ["urn", "ukprn", "laestab"] as const;

/** Every setting reference of the document, with its pointer. */
function settingReferences(doc: Record<string, unknown>): { pointer: string; ref: Record<string, unknown> }[] {
  const out: { pointer: string; ref: Record<string, unknown> }[] = [];
  const add = (value: unknown, ...path: (string | number)[]): void => {
    if (value !== null && typeof value === "object" && !Array.isArray(value))
      out.push({ pointer: pointerJoin(...path), ref: value as Record<string, unknown> });
  };
  add(obj(doc.namedPlacement).setting, "namedPlacement", "setting");
  const placement = obj(doc.placement);
  arr(placement.offeredSettings).forEach((o, i) => {
    add(obj(o).setting, "placement", "offeredSettings", i, "setting");
  });
  arr(placement.preferences).forEach((p, i) => {
    add(obj(p).setting, "placement", "preferences", i, "setting");
  });
  add(obj(doc.sectionI).setting, "sectionI", "setting");
  add(obj(doc.transitionPlan).nextSetting, "transitionPlan", "nextSetting");
  return out;
}

export function settingReferenceRules(document: unknown): Finding[] {
  return settingReferences(obj(document))
    .filter(({ ref }) => !IDENTIFIERS.some((k) => typeof ref[k] === "string" && ref[k] !== ""))
    .map(({ pointer, ref }) =>
      finding(
        "any.setting-reference.identifier-missing",
        pointer,
        `The setting "${typeof ref.name === "string" ? ref.name : "?"}" is cited by name only; give its URN, UKPRN or LAESTAB so the reader can find it.`,
      ),
    );
}
