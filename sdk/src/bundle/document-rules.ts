// Quality rules of embedded documents, run directly on documents already schema-checked as part of their bundle
// (validate() would schema-check each one a second time). Pointers are prefixed with /documents/<index>.
import { rulesFor, type RuleFamily } from "../rules/index.ts";
import type { Finding } from "../rules/finding.ts";
import { sharedPassOf } from "../rules/shared-pass.ts";

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
function digestsAlreadyChecked(
  bundle: { documents: readonly unknown[]; contents?: unknown },
  digestOf: (index: number) => string | undefined,
): boolean {
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
export function bundleRuleErrors(
  bundle: { documents: readonly unknown[] },
  digestOf?: (index: number) => string | undefined,
): Finding[] {
  const skip = digestOf !== undefined && digestsAlreadyChecked(bundle, digestOf) ? DIGEST_FAMILY : undefined;
  // Bundle-specific families see the whole bundle; generic ("any") families see the envelope only, since each
  // document gets its own run below and would otherwise be walked twice.
  return [
    ...ruleErrors(bundle, "transfer-bundle", "", "specific", skip),
    ...ruleErrors({ ...bundle, documents: [] }, "transfer-bundle", "", "any"),
    ...bundle.documents.flatMap((document, index) => {
      const type = (document as { documentType?: unknown }).documentType;
      return typeof type === "string" ? ruleErrors(document, type, `/documents/${index}`) : [];
    }),
  ];
}

interface Step {
  family: RuleFamily;
  /** The shared pass the family is a member of (shared-pass.ts), and its slot there. */
  pass?: (document: unknown) => Finding[][];
  slot: number;
}

// The families for each documentType and which shared passes they belong to, worked out once rather than per call.
const plans = new Map<string, Step[]>();

function planFor(type: string): Step[] {
  let steps = plans.get(type);
  if (steps === undefined) {
    steps = rulesFor(type).map((family): Step => {
      const shared = sharedPassOf(family);
      return shared === undefined ? { family, slot: 0 } : { family, pass: shared.pass, slot: shared.slot };
    });
    plans.set(type, steps);
  }
  return steps;
}

function runFamily(family: RuleFamily, document: unknown): Finding[] {
  try {
    return family.run(document);
  } catch (error) {
    // Rules must not throw; if one does, the document cannot be judged clean.
    return [
      {
        ruleId: `${family.id}.crashed`,
        severity: "error",
        pointer: "",
        message: `rule family ${family.id} failed: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}

function ruleErrors(
  document: unknown,
  type: string,
  prefix: string,
  which: "all" | "any" | "specific" = "all",
  skip?: string,
): Finding[] {
  const out: Finding[] = [];
  // Families sharing a pass (e.g. identifiers and code-validity, one walk of the document) take their findings from
  // one run of it, as validate() does; each member's own run gives the same findings. A pass that throws is not
  // reused: its members then run one by one, so a crash is reported exactly as before.
  const passResults = new Map<(document: unknown) => Finding[][], Finding[][] | null>();
  for (const step of planFor(type)) {
    const { family } = step;
    const generic = family.appliesTo.includes("any");
    if ((which === "any" && !generic) || (which === "specific" && generic) || family.id === skip) continue;
    let findings: Finding[] | undefined;
    if (step.pass !== undefined) {
      let result = passResults.get(step.pass);
      if (result === undefined) {
        try {
          result = step.pass(document);
        } catch {
          result = null;
        }
        passResults.set(step.pass, result);
      }
      findings = result === null ? undefined : result[step.slot];
    }
    findings ??= runFamily(family, document);
    for (const f of findings) if (f.severity === "error") out.push({ ...f, pointer: `${prefix}${f.pointer}` });
  }
  return out;
}
