// Rule family `provision-specificity`: special educational provision must say who, how often, how long, in what
// group and from when (SEND Code of Practice 9.69). ISP SEP items and legacy section F are checked strictly; EHCP
// guaranteed provision gets one warning because its detail lives in the ISP and the SPP component (D:744).
import type { Finding } from "./finding.ts";
import { pointerJoin } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { arr, num, obj, str, type JsonObject } from "./document-access.ts";

interface ItemShape {
  /** A curriculum adaptation ("one fewer GCSE") is a change to the timetable, not a session: it has no frequency,
   *  session length or group size to state, and demanding them forces invented numbers. */
  isCurriculumAdaptation?: boolean;
  role: string | undefined;
  frequency: Record<string, unknown> | undefined;
  sessionLength: number | undefined;
  groupSize: number | undefined;
  periodStart: string | undefined;
}

function checkItem(type: "isp" | "legacy-ehcp", pointer: string, label: string, item: ItemShape): Finding[] {
  const id = (rule: string) => `${type}.provision-specificity.${rule}`;
  const out: Finding[] = [];
  if (item.role === undefined)
    out.push(finding(id("deliverer-missing"), pointer, `${label} does not say who delivers it.`));
  if (item.isCurriculumAdaptation) {
    if (item.periodStart === undefined)
      out.push(finding(id("period-missing"), pointer, `${label} does not state when it starts.`));
    return out;
  }
  if (item.frequency === undefined) {
    out.push(finding(id("frequency-missing"), pointer, `${label} does not say how often it is delivered.`));
  } else if (item.frequency.per === "as-needed") {
    out.push(
      finding(
        id("frequency-not-quantified"),
        `${pointer}/frequency/per`,
        `${label} is delivered "as needed", which does not quantify it.`,
      ),
    );
  }
  if (item.sessionLength === undefined)
    out.push(finding(id("session-length-missing"), pointer, `${label} does not state a session length.`));
  if (item.periodStart === undefined)
    out.push(finding(id("period-missing"), pointer, `${label} does not state when it starts.`));
  if (item.groupSize === undefined)
    out.push(finding(id("group-size-missing"), pointer, `${label} does not state a group size.`));
  return out;
}

function frequencyOf(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** ISP provision items and legacy section F items carry the same quantity members; only where the deliverer's role
 *  is kept differs, so the caller reads that. */
function shapeOf(item: JsonObject, role: string | undefined): ItemShape {
  return {
    role,
    frequency: frequencyOf(item.frequency),
    sessionLength: num(item.sessionLengthMinutes),
    groupSize: num(item.groupSize),
    periodStart: str(obj(item.period).start),
  };
}

export function ispProvisionSpecificityRules(document: unknown): Finding[] {
  const out: Finding[] = [];
  arr(obj(document).provision).forEach((raw, i) => {
    const item = obj(raw);
    if (item.legalBasis !== "special-educational-provision") return;
    out.push(
      ...checkItem("isp", pointerJoin("provision", i), `Provision item "${str(item.id) ?? i}"`, {
        ...shapeOf(item, str(obj(item.deliveredBy).role)),
        isCurriculumAdaptation: item.provisionType === "curriculum-adaptation",
      }),
    );
  });
  return out;
}

export function legacyEhcpProvisionSpecificityRules(document: unknown): Finding[] {
  const out: Finding[] = [];
  arr(obj(obj(document).sectionF).items).forEach((raw, i) => {
    const item = obj(raw);
    out.push(
      ...checkItem(
        "legacy-ehcp",
        pointerJoin("sectionF", "items", i),
        `Section F item "${str(item.id) ?? i}"`,
        shapeOf(item, str(obj(item.deliveredBy).role)),
      ),
    );
  });
  return out;
}

export function ehcpProvisionSpecificityRules(document: unknown): Finding[] {
  const out: Finding[] = [];
  arr(obj(document).guaranteedProvision).forEach((raw, i) => {
    const item = obj(raw);
    const missing: string[] = [];
    if (str(obj(item.deliveredBy).role) === undefined) missing.push("who delivers it");
    if (frequencyOf(item.frequency) === undefined) missing.push("frequency");
    if (num(item.sessionLengthMinutes) === undefined) missing.push("session length");
    if (num(item.groupSize) === undefined) missing.push("group size");
    if (missing.length > 0) {
      out.push(
        finding(
          "ehcp.provision-specificity.quantity-missing",
          pointerJoin("guaranteedProvision", i),
          `Guaranteed provision "${str(item.id) ?? i}" does not state ${missing.join(", ")}; check the SPP component holds them.`,
        ),
      );
    }
  });
  return out;
}
