// Rule family `golden-thread`: barrier → provision → outcome links in the ISP, package → provision → outcome in the
// EHCP, and section B need → F provision → E outcome in the legacy EHCP. Dangling or ambiguous ids are errors.
import type { Finding } from "./finding.ts";
import { pointerJoin } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { arr, idsOf, obj, str, strings } from "./document-access.ts";

/** Reports ids that occur more than once in one collection (pointing at the second and later occurrences). */
function duplicateIds(ruleId: string, items: Array<{ id: string; pointer: string }>, what: string): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const item of items) {
    if (seen.has(item.id))
      out.push(finding(ruleId, item.pointer, `The id "${item.id}" is used by more than one ${what}.`));
    seen.add(item.id);
  }
  return out;
}

/** An item of a collection with an id. Its pointer is built on read: only findings need it. */
class Member {
  constructor(
    readonly id: string,
    readonly item: Record<string, unknown>,
    private readonly path: readonly string[],
    private readonly index: number,
    /** The member this one's collection sits in (success criteria of an outcome), if any. */
    private readonly within?: Member,
  ) {}

  get pointer(): string {
    return (this.within?.pointer ?? "") + pointerJoin(...this.path, this.index);
  }
}

function collection(document: unknown, path: readonly string[], within?: Member): Member[] {
  let node: unknown = document;
  for (const key of path) node = obj(node)[key];
  const out: Member[] = [];
  if (!Array.isArray(node)) return out;
  for (let index = 0; index < node.length; index++) {
    const item = obj(node[index]);
    const id = str(item.id) ?? "";
    if (id !== "") out.push(new Member(id, item, path, index, within));
  }
  return out;
}

/** Each reference in `refs` (string array at item[key]) must be in `known`. */
function dangling(
  ruleId: string,
  pointer: string,
  key: string,
  refs: unknown,
  known: ReadonlySet<string>,
  target: string,
): Finding[] {
  const out: Finding[] = [];
  arr(refs).forEach((ref, i) => {
    if (typeof ref === "string" && !known.has(ref)) {
      out.push(
        finding(
          ruleId,
          `${pointer}${pointerJoin(key, i)}`,
          `${key} names "${ref}", but there is no ${target} with that id.`,
        ),
      );
    }
  });
  return out;
}

export function ispGoldenThreadRules(document: unknown): Finding[] {
  const doc = obj(document);
  const barriers = collection(doc, ["barriers"]);
  const provision = collection(doc, ["provision"]);
  const outcomes = collection(doc, ["outcomes"]);
  const barrierIds = new Set(barriers.map((b) => b.id));
  const provisionIds = new Set(provision.map((p) => p.id));
  const outcomeIds = new Set(outcomes.map((o) => o.id));
  const strengthIds = new Set(idsOf(doc.strengths).map((s) => s.id));
  const inclusionBaseIds = new Set(idsOf(obj(doc.owner).inclusionBases).map((b) => b.id));
  const out: Finding[] = [];

  const DUP = "isp.golden-thread.duplicate-id";
  out.push(
    ...duplicateIds(DUP, barriers, "barrier"),
    ...duplicateIds(DUP, provision, "provision item"),
    ...duplicateIds(DUP, outcomes, "outcome"),
  );
  for (const key of [
    "reasonableAdjustments",
    "reviews",
    "deliveryRecords",
    "strengths",
    "layersOfSupport",
    "keyPeople",
    "actionLog",
  ]) {
    out.push(...duplicateIds(DUP, collection(doc, [key]), `item in ${key}`));
  }
  for (const o of outcomes) {
    out.push(...duplicateIds(DUP, collection(o.item, ["successCriteria"], o), "success criterion of this outcome"));
  }

  const addressed = new Set(provision.flatMap((p) => strings(p.item.addressesBarrierIds)));
  const linkedToOutcome = new Set(outcomes.flatMap((o) => strings(o.item.barrierIds)));
  for (const b of barriers) {
    if (!addressed.has(b.id))
      out.push(
        finding(
          "isp.golden-thread.barrier-has-provision",
          b.pointer,
          `Barrier "${b.id}" is not addressed by any provision item.`,
        ),
      );
    if (!linkedToOutcome.has(b.id))
      out.push(
        finding("isp.golden-thread.barrier-has-outcome", b.pointer, `Barrier "${b.id}" is not linked to any outcome.`),
      );
  }
  // Provision that builds on a strength (a maths group for a talented mathematician) need not address a barrier.
  for (const p of provision) {
    if (strings(p.item.addressesBarrierIds).length === 0 && strings(p.item.buildsOnStrengthIds).length === 0) {
      out.push(
        finding(
          "isp.golden-thread.provision-addresses-barrier",
          p.pointer,
          `Provision item "${p.id}" neither addresses a barrier nor builds on a strength.`,
        ),
      );
    }
  }
  for (const o of outcomes) {
    if (strings(o.item.barrierIds).length === 0)
      out.push(
        finding("isp.golden-thread.outcome-has-barrier", o.pointer, `Outcome "${o.id}" is not linked to any barrier.`),
      );
  }

  const DANGLING = "isp.golden-thread.dangling-reference";
  for (const p of provision) {
    out.push(
      ...dangling(DANGLING, p.pointer, "addressesBarrierIds", p.item.addressesBarrierIds, barrierIds, "barrier"),
    );
    out.push(...dangling(DANGLING, p.pointer, "servesOutcomeIds", p.item.servesOutcomeIds, outcomeIds, "outcome"));
    out.push(
      ...dangling(DANGLING, p.pointer, "buildsOnStrengthIds", p.item.buildsOnStrengthIds, strengthIds, "strength"),
    );
    const base = str(p.item.inclusionBaseId);
    if (base !== undefined && !inclusionBaseIds.has(base)) {
      out.push(
        finding(
          DANGLING,
          `${p.pointer}/inclusionBaseId`,
          `inclusionBaseId names "${base}", but the owning setting has no inclusion base with that id.`,
        ),
      );
    }
  }
  for (const o of outcomes) {
    out.push(...dangling(DANGLING, o.pointer, "barrierIds", o.item.barrierIds, barrierIds, "barrier"));
    out.push(...dangling(DANGLING, o.pointer, "provisionIds", o.item.provisionIds, provisionIds, "provision item"));
    const criterionIds = new Set(idsOf(o.item.successCriteria).map((c) => c.id));
    arr(o.item.progress).forEach((record, i) => {
      const ref = str(obj(record).successCriterionId);
      if (ref !== undefined && !criterionIds.has(ref)) {
        out.push(
          finding(
            DANGLING,
            `${o.pointer}${pointerJoin("progress", i, "successCriterionId")}`,
            `successCriterionId names "${ref}", but this outcome has no success criterion with that id.`,
          ),
        );
      }
    });
  }
  for (const a of collection(doc, ["reasonableAdjustments"])) {
    out.push(
      ...dangling(DANGLING, a.pointer, "addressesBarrierIds", a.item.addressesBarrierIds, barrierIds, "barrier"),
    );
  }
  for (const d of collection(doc, ["deliveryRecords"])) {
    const ref = str(d.item.provisionId);
    if (ref !== undefined && !provisionIds.has(ref)) {
      out.push(
        finding(
          DANGLING,
          `${d.pointer}/provisionId`,
          `provisionId names "${ref}", but there is no provision item with that id.`,
        ),
      );
    }
  }
  for (const a of collection(doc, ["inclusionBaseAccess"])) {
    const ref = str(a.item.inclusionBaseId);
    if (ref !== undefined && !inclusionBaseIds.has(ref)) {
      out.push(
        finding(
          DANGLING,
          `${a.pointer}/inclusionBaseId`,
          `inclusionBaseId names "${ref}", but the owning setting has no inclusion base with that id.`,
        ),
      );
    }
  }
  return out;
}

export function ehcpGoldenThreadRules(document: unknown): Finding[] {
  const doc = obj(document);
  const guaranteed = collection(doc, ["guaranteedProvision"]);
  const allProvision = [
    ...guaranteed,
    ...collection(doc, ["healthProvision"]),
    ...collection(doc, ["socialCareProvision"]),
  ];
  const outcomes = collection(doc, ["expectedOutcomes"]);
  const provisionIds = new Set(allProvision.map((p) => p.id));
  const packageIds = new Set(
    arr(doc.packages)
      .map((p) => str(obj(obj(p).spp).id))
      .filter((id): id is string => id !== undefined),
  );
  const out: Finding[] = [];

  const DUP = "ehcp.golden-thread.duplicate-id";
  out.push(...duplicateIds(DUP, allProvision, "provision item"), ...duplicateIds(DUP, outcomes, "expected outcome"));
  out.push(
    ...duplicateIds(DUP, collection(doc, ["reviews"]), "review"),
    ...duplicateIds(DUP, collection(doc, ["disputes"]), "dispute"),
  );

  for (const p of guaranteed) {
    const sppId = str(p.item.sppId);
    if (sppId !== undefined && !packageIds.has(sppId)) {
      out.push(
        finding(
          "ehcp.golden-thread.provision-in-assigned-package",
          `${p.pointer}/sppId`,
          `Guaranteed provision "${p.id}" comes from SPP "${sppId}", which is not one of the packages assigned in this EHCP.`,
        ),
      );
    }
  }
  const served = new Set(outcomes.flatMap((o) => strings(o.item.provisionIds)));
  for (const o of outcomes) {
    if (strings(o.item.provisionIds).length === 0)
      out.push(
        finding(
          "ehcp.golden-thread.outcome-has-provision",
          o.pointer,
          `Expected outcome "${o.id}" is not linked to any provision.`,
        ),
      );
    out.push(
      ...dangling(
        "ehcp.golden-thread.dangling-reference",
        o.pointer,
        "provisionIds",
        o.item.provisionIds,
        provisionIds,
        "provision item",
      ),
    );
  }
  for (const p of guaranteed) {
    if (!served.has(p.id))
      out.push(
        finding(
          "ehcp.golden-thread.provision-serves-outcome",
          p.pointer,
          `Guaranteed provision "${p.id}" does not serve any expected outcome.`,
        ),
      );
  }
  return out;
}

const NEEDS_SECTIONS = ["sectionB", "sectionC", "sectionD"] as const;
const PROVISION_SECTIONS = ["sectionF", "sectionG", "sectionH1", "sectionH2"] as const;

export function legacyEhcpGoldenThreadRules(document: unknown): Finding[] {
  const doc = obj(document);
  const needs = NEEDS_SECTIONS.flatMap((s) => collection(doc, [s, "needs"]));
  const sectionBNeeds = collection(doc, ["sectionB", "needs"]);
  const provision = PROVISION_SECTIONS.flatMap((s) => collection(doc, [s, "items"]));
  const sectionF = collection(doc, ["sectionF", "items"]);
  const outcomes = collection(doc, ["sectionE", "outcomes"]);
  const needIds = new Set(needs.map((n) => n.id));
  const outcomeIds = new Set(outcomes.map((o) => o.id));
  const out: Finding[] = [];

  const DUP = "legacy-ehcp.golden-thread.duplicate-id";
  out.push(
    ...duplicateIds(DUP, needs, "need"),
    ...duplicateIds(DUP, provision, "provision item"),
    ...duplicateIds(DUP, outcomes, "outcome"),
  );
  out.push(...duplicateIds(DUP, collection(doc, ["reviews"]), "annual review"));

  const addressed = new Set(sectionF.flatMap((p) => strings(p.item.needIds)));
  for (const n of sectionBNeeds) {
    if (!addressed.has(n.id))
      out.push(
        finding(
          "legacy-ehcp.golden-thread.need-has-provision",
          n.pointer,
          `Section B need "${n.id}" has no section F provision naming it.`,
        ),
      );
  }
  for (const p of sectionF) {
    if (strings(p.item.needIds).length === 0)
      out.push(
        finding(
          "legacy-ehcp.golden-thread.provision-addresses-need",
          p.pointer,
          `Section F item "${p.id}" does not name any need.`,
        ),
      );
  }
  for (const o of outcomes) {
    if (strings(o.item.needIds).length === 0)
      out.push(
        finding(
          "legacy-ehcp.golden-thread.outcome-has-need",
          o.pointer,
          `Section E outcome "${o.id}" is not linked to any need.`,
        ),
      );
  }

  const DANGLING = "legacy-ehcp.golden-thread.dangling-reference";
  for (const p of provision) {
    out.push(...dangling(DANGLING, p.pointer, "needIds", p.item.needIds, needIds, "need in sections B-D"));
    out.push(...dangling(DANGLING, p.pointer, "outcomeIds", p.item.outcomeIds, outcomeIds, "section E outcome"));
  }
  for (const o of outcomes)
    out.push(...dangling(DANGLING, o.pointer, "needIds", o.item.needIds, needIds, "need in sections B-D"));
  arr(obj(doc.sectionJ).arrangements).forEach((a, i) => {
    out.push(
      ...dangling(
        DANGLING,
        pointerJoin("sectionJ", "arrangements", i),
        "outcomeIds",
        obj(a).outcomeIds,
        outcomeIds,
        "section E outcome",
      ),
    );
  });
  return out;
}
