// Rule family `family-agreement`: a family's stance on a provision item, a review or a delivery record is the
// family's own (D:366: actions between parents and educators are documented; D:727-743: disagreement can be taken
// further). So it is given by the parent, carer, child or young person, and a disagreement says why.
import type { Finding } from "./finding.ts";
import { pointerJoin } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { arr, obj, str } from "./document-access.ts";

/** Where familyAgreement lists sit: [collection, …] paths to arrays whose items may carry one. */
const HOLDERS: Readonly<Record<string, ReadonlyArray<readonly string[]>>> = {
  isp: [["provision"], ["reviews"], ["deliveryRecords"]],
  ehcp: [["guaranteedProvision"], ["reviews"]],
};

const FAMILY = new Set(["parent-carer", "young-person", "child"]);

export function familyAgreementRules(document: unknown): Finding[] {
  const doc = obj(document);
  const out: Finding[] = [];
  for (const path of HOLDERS[str(doc.documentType) ?? ""] ?? []) {
    let node: unknown = doc;
    for (const key of path) node = obj(node)[key];
    arr(node).forEach((item, i) => {
      arr(obj(item).familyAgreement).forEach((raw, j) => {
        const entry = obj(raw);
        const pointer = pointerJoin(...path, i, "familyAgreement", j);
        const personType = str(obj(entry.by).personType);
        if (personType !== undefined && !FAMILY.has(personType)) {
          out.push(
            finding(
              "any.family-agreement.given-by-family",
              `${pointer}/by/personType`,
              `A family's agreement must be given by the parent or carer, the child or the young person, not by a ${personType}.`,
            ),
          );
        }
        const stance = str(entry.stance);
        if ((stance === "disagrees" || stance === "partly-agrees") && str(entry.reason) === undefined) {
          out.push(
            finding(
              "any.family-agreement.reason-missing",
              pointer,
              `The family ${stance === "disagrees" ? "disagrees" : "partly agrees"} but no reason is recorded.`,
            ),
          );
        }
      });
    });
  }
  return out;
}
