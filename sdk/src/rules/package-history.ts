// Rule family `package-history`: the packages of an EHCP are a history, not a single slot. A superseded package
// stays in the plan with its end date; a package a Tribunal ordered names the appeal that ordered it (D:741-743);
// an active plan has a current package, and its guaranteed provision comes from a current one.
import type { Finding } from "./finding.ts";
import { pointerJoin } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { arr, idsOf, obj, str } from "./document-access.ts";

const ENDED = new Set(["superseded", "ended"]);

export function packageHistoryRules(document: unknown): Finding[] {
  const doc = obj(document);
  const out: Finding[] = [];
  const disputeIds = new Set(idsOf(doc.disputes).map((d) => d.id));
  const current = new Set<string>();
  const ended = new Set<string>();
  const packages = arr(doc.packages);
  packages.forEach((raw, i) => {
    const pkg = obj(raw);
    const status = str(pkg.status);
    const sppId = str(obj(pkg.spp).id);
    if (status !== undefined && ENDED.has(status)) {
      if (sppId !== undefined) ended.add(sppId);
      if (str(pkg.endedOn) === undefined)
        out.push(
          finding(
            "ehcp.package-history.ended-package-has-end-date",
            pointerJoin("packages", i),
            `Package "${sppId ?? i}" is ${status} but does not say when it ended.`,
          ),
        );
    } else if (sppId !== undefined) {
      current.add(sppId);
    }
    const basis = str(pkg.basis);
    if (basis === "tribunal-order") {
      const dispute = str(pkg.disputeId);
      if (dispute === undefined || !disputeIds.has(dispute))
        out.push(
          finding(
            "ehcp.package-history.order-names-dispute",
            pointerJoin("packages", i, "disputeId"),
            `Package "${sppId ?? i}" was ordered by the Tribunal but ` +
              `${dispute === undefined ? "names no dispute" : `names dispute "${dispute}", which is not in this plan`}.`,
          ),
        );
    }
  });
  if (packages.length > 0 && current.size === 0 && (doc.status === "issued" || doc.status === "in-review")) {
    out.push(
      finding(
        "ehcp.package-history.active-plan-has-current-package",
        "/packages",
        "Every package of this plan is superseded or ended, but the plan is still in force.",
      ),
    );
  }
  arr(doc.guaranteedProvision).forEach((raw, i) => {
    const sppId = str(obj(raw).sppId);
    if (sppId !== undefined && ended.has(sppId) && !current.has(sppId))
      out.push(
        finding(
          "ehcp.package-history.provision-from-current-package",
          pointerJoin("guaranteedProvision", i, "sppId"),
          `Guaranteed provision comes from package "${sppId}", which has been superseded or ended.`,
        ),
      );
  });
  return out;
}
