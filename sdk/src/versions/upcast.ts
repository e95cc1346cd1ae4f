// Brings a document written to an older live schemaVersion forward to a newer one, one major step at a time, by pure
// functions: the input is never changed, and the same input always gives the same output. Signed documents (transfer
// bundles and receipts, trust lists) are never upcast: their signature covers the bytes as sent, so they travel and
// are kept in the version they were signed in.
import { SUPPORTED_SCHEMA_VERSIONS } from "../../generated/document-types.ts";

type Doc = Record<string, unknown>;

export interface UpcastStep {
  from: string;
  to: string;
  /** What the step changes, for people reading a changelog or a log line. */
  description: string;
  apply(document: Doc): Doc;
}

export type UpcastResult =
  | { ok: true; document: Doc; from: string; to: string; steps: string[] }
  | { ok: false; from: string | null; to: string; reason: string };

/** Document types whose body is covered by a signature: carried in the version they were signed in. */
export const SIGNED_DOCUMENT_TYPES: readonly string[] = [
  "transfer-bundle",
  "transfer-receipt",
  "transfer-integration",
  "trust-list",
];

/** 1.0 → 2.0: the SPP's `supersedesVersion` and `changeSummary` move into one `supersedes` object. */
function sppSupersedes(document: Doc): Doc {
  const { supersedesVersion, changeSummary, ...rest } = document;
  const next: Doc = { ...rest, schemaVersion: "2.0" };
  if (document["documentType"] !== "spp" || (supersedesVersion === undefined && changeSummary === undefined))
    return next;
  const supersedes: Doc = {};
  if (supersedesVersion !== undefined) supersedes["version"] = supersedesVersion;
  if (changeSummary !== undefined) supersedes["changeSummary"] = changeSummary;
  return { ...next, supersedes };
}

export const UPCAST_STEPS: readonly UpcastStep[] = [
  {
    from: "1.0",
    to: "2.0",
    description:
      "schemaVersion 2.0; SPP supersedesVersion and changeSummary become supersedes.version and .changeSummary",
    apply: sppSupersedes,
  },
];

function compareSchemaVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split(".").map(Number);
  const [bm = 0, bn = 0] = b.split(".").map(Number);
  return am - bm || an - bn;
}

/** The newest schemaVersion this SDK supports (the default target of `upcast`). */
export const NEWEST_SCHEMA_VERSION: string = [...SUPPORTED_SCHEMA_VERSIONS].sort(compareSchemaVersions).pop() ?? "1.0";

/**
 * Upcasts `document` to schemaVersion `to` (default: the newest supported). A document already at `to` comes back
 * unchanged; a newer one, a signed one, or one with no path of steps to `to` gives `ok: false` with the reason.
 * The result is not validated: validate it with `validate()` when it matters.
 */
export function upcast(document: unknown, to: string = NEWEST_SCHEMA_VERSION): UpcastResult {
  if (document === null || typeof document !== "object" || Array.isArray(document))
    return { ok: false, from: null, to, reason: "a document must be a JSON object" };
  const doc = document as Doc;
  const from = typeof doc["schemaVersion"] === "string" ? doc["schemaVersion"] : null;
  if (from === null) return { ok: false, from, to, reason: "the document has no schemaVersion" };
  if (!SUPPORTED_SCHEMA_VERSIONS.includes(to))
    return {
      ok: false,
      from,
      to,
      reason: `schemaVersion ${to} is not supported (${SUPPORTED_SCHEMA_VERSIONS.join(", ")})`,
    };
  if (from === to) return { ok: true, document: doc, from, to, steps: [] };
  if (compareSchemaVersions(from, to) > 0)
    return { ok: false, from, to, reason: `${from} is newer than ${to}; documents are never downcast` };
  if (SIGNED_DOCUMENT_TYPES.includes(String(doc["documentType"])))
    return {
      ok: false,
      from,
      to,
      reason: `a ${String(doc["documentType"])} is signed; it stays in the version it was signed in`,
    };
  let current: Doc = doc;
  let at = from;
  const steps: string[] = [];
  while (at !== to) {
    const step = UPCAST_STEPS.find((s) => s.from === at);
    if (step === undefined || compareSchemaVersions(step.to, to) > 0)
      return { ok: false, from, to, reason: `no upcast from schemaVersion ${at} towards ${to}` };
    current = step.apply(current);
    steps.push(`${step.from} → ${step.to}: ${step.description}`);
    at = step.to;
  }
  return { ok: true, document: current, from, to, steps };
}
