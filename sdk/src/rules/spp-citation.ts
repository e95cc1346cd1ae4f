// Rule family `spp-citation`: an EHCP guarantees the provision of a specific published SPP version (D:484, D:761).
// Without a catalogue in the context only the version's form is checked.
import type { Finding } from "./finding.ts";
import { pointerJoin } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import type { RuleContext } from "./rule-context.ts";
import { arr, obj, str } from "./document-access.ts";

const IN_FORCE = new Set(["published"]); // spp-statuses: draft, consultation, published, retired
const RETIRED = new Set(["retired"]);

export function sppCitationRules(document: unknown, context: RuleContext = {}): Finding[] {
  const out: Finding[] = [];
  const catalogue = context.sppCatalogue;
  arr(obj(document).packages).forEach((raw, i) => {
    const spp = obj(obj(raw).spp);
    const id = str(spp.id) ?? "";
    const version = str(spp.version);
    const pointer = pointerJoin("packages", i, "spp");
    // The schema already requires a semantic version (SemanticVersion pattern), so only the catalogue is checked here.
    if (version === undefined || !catalogue) return;
    const entry = catalogue.find((e) => e.id === id && e.version === version);
    if (entry && RETIRED.has(entry.status)) {
      out.push(
        finding(
          "ehcp.spp-citation.retired",
          pointer,
          `SPP ${id}@${version} is ${entry.status}; move to the current version at the next review.`,
        ),
      );
    } else if (!entry || !IN_FORCE.has(entry.status)) {
      const why = entry ? `has status "${entry.status}"` : "is not in the SPP catalogue";
      out.push(
        finding(
          "ehcp.spp-citation.not-published",
          pointer,
          `SPP ${id}@${version} ${why}; an EHCP must cite a published package version.`,
        ),
      );
    }
  });
  return out;
}
