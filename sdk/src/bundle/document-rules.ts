// Quality rules of embedded documents, run directly on documents already schema-checked as part of their bundle
// (validate() would schema-check each one a second time). Pointers are prefixed with /documents/<index>.
import { rulesFor } from "../rules/index.ts";
import type { Finding } from "../rules/finding.ts";

/** Error findings of the bundle's own rules and of every embedded document's rules. */
export function bundleRuleErrors(bundle: { documents: readonly unknown[] }): Finding[] {
  // Bundle-specific families see the whole bundle; generic ("any") families see the envelope only, since each
  // document gets its own run below and would otherwise be walked twice.
  return [...ruleErrors(bundle, "transfer-bundle", "", "specific"), ...ruleErrors({ ...bundle, documents: [] }, "transfer-bundle", "", "any"), ...bundle.documents.flatMap((document, index) => {
    const type = (document as { documentType?: unknown }).documentType;
    return typeof type === "string" ? ruleErrors(document, type, `/documents/${index}`) : [];
  })];
}

function ruleErrors(document: unknown, type: string, prefix: string, which: "all" | "any" | "specific" = "all"): Finding[] {
  const out: Finding[] = [];
  {
    for (const family of rulesFor(type)) {
      const generic = family.appliesTo.includes("any");
      if ((which === "any" && !generic) || (which === "specific" && generic)) continue;
      let findings: Finding[];
      try {
        findings = family.run(document);
      } catch (error) {
        // Rules must not throw; if one does, the document cannot be judged clean.
        findings = [{ ruleId: `${family.id}.crashed`, severity: "error", pointer: "", message: `rule family ${family.id} failed: ${error instanceof Error ? error.message : String(error)}` }];
      }
      for (const f of findings) if (f.severity === "error") out.push({ ...f, pointer: `${prefix}${f.pointer}` });
    }
  }
  return out;
}
