// Quality rules of embedded documents, run directly on documents already schema-checked as part of their bundle
// (validate() would schema-check each one a second time). Pointers are prefixed with /documents/<index>.
import { rulesFor } from "../rules/index.ts";
import type { Finding } from "../rules/finding.ts";

/** The rule family that re-derives every contents entry and digest (sdk/src/rules/bundle-digests.ts). */
const DIGEST_FAMILY = "transfer-bundle.bundle-digests";

interface ContentsView {
  path?: unknown;
  documentId?: unknown;
  documentType?: unknown;
  schemaVersion?: unknown;
  digest?: { value?: unknown };
}

/**
 * True when the bundle-digests family could not find anything: contents lists documents 0..n-1 in order, each entry
 * names its document's id, type and schema version, and its digest value equals `digestOf(i)`, the SHA-256 the caller
 * has just computed (WebCrypto) over the same RFC 8785 text (canonical.ts, which is the family's serialiser). Under
 * these conditions each of the family's checks (document-missing, entry-mismatch, digest-mismatch,
 * document-not-listed) passes, so running it would only hash every document again with the slower pure-JS SHA-256.
 */
function digestsAlreadyChecked(bundle: { documents: readonly unknown[]; contents?: unknown }, digestOf: (index: number) => string | undefined): boolean {
  const contents = bundle.contents;
  if (!Array.isArray(contents) || contents.length !== bundle.documents.length) return false;
  return contents.every((raw: unknown, index) => {
    const entry = raw as ContentsView | null;
    const document = bundle.documents[index] as Record<string, unknown> | null;
    if (typeof entry !== "object" || entry === null || typeof document !== "object" || document === null) return false;
    const digest = digestOf(index);
    return (
      entry.path === `/documents/${index}` &&
      entry.documentId === document["id"] &&
      entry.documentType === document["documentType"] &&
      entry.schemaVersion === document["schemaVersion"] &&
      typeof digest === "string" &&
      typeof entry.digest === "object" &&
      entry.digest !== null &&
      entry.digest.value === digest
    );
  });
}

/**
 * Error findings of the bundle's own rules and of every embedded document's rules. `digestOf`, when given, returns
 * the digest the caller computed for document i (or undefined); if those cover every contents entry exactly, the
 * bundle-digests family is skipped (see digestsAlreadyChecked), otherwise it runs as usual. Findings are the same.
 */
export function bundleRuleErrors(bundle: { documents: readonly unknown[] }, digestOf?: (index: number) => string | undefined): Finding[] {
  const skip = digestOf !== undefined && digestsAlreadyChecked(bundle, digestOf) ? DIGEST_FAMILY : undefined;
  // Bundle-specific families see the whole bundle; generic ("any") families see the envelope only, since each
  // document gets its own run below and would otherwise be walked twice.
  return [...ruleErrors(bundle, "transfer-bundle", "", "specific", skip), ...ruleErrors({ ...bundle, documents: [] }, "transfer-bundle", "", "any"), ...bundle.documents.flatMap((document, index) => {
    const type = (document as { documentType?: unknown }).documentType;
    return typeof type === "string" ? ruleErrors(document, type, `/documents/${index}`) : [];
  })];
}

function ruleErrors(document: unknown, type: string, prefix: string, which: "all" | "any" | "specific" = "all", skip?: string): Finding[] {
  const out: Finding[] = [];
  {
    for (const family of rulesFor(type)) {
      const generic = family.appliesTo.includes("any");
      if ((which === "any" && !generic) || (which === "specific" && generic) || family.id === skip) continue;
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
