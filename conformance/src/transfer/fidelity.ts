// The round-trip fidelity score: the documents the suite sent in a bundle against the same documents as the
// implementation sent them back, leaf by leaf (JSON Pointer → value), ignoring the fields the schemas declare
// receiver-side (x-send-receiverSide: set by a receiver, never part of what was sent). Pure.
import { readdirSync, readFileSync } from "node:fs";

export interface FieldDifference {
  pointer: string;
  /** "changed", "missing" (sent, not returned) or "added" (returned, not sent). */
  kind: "changed" | "missing" | "added";
  sent?: string;
  returned?: string;
}

export interface DocumentFidelity {
  documentId: string;
  documentType: string;
  /** Where the document came from (the worked example's file name). */
  source: string;
  matching: number;
  total: number;
  score: number;
  differences: FieldDifference[];
}

export interface FidelityReport {
  overall: { matching: number; total: number; score: number };
  documents: DocumentFidelity[];
  ignoredReceiverSideFields: string[];
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const esc = (k: string) => k.replace(/~/g, "~0").replace(/\//g, "~1");

/** Every leaf of a JSON value by pointer; empty objects and arrays are leaves too (their emptiness is content). */
export function leaves(
  value: unknown,
  ignore: ReadonlySet<string>,
  at = "",
  out = new Map<string, unknown>(),
): Map<string, unknown> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(at, []);
    value.forEach((v, i) => {
      leaves(v, ignore, `${at}/${i}`, out);
    });
  } else if (isObj(value)) {
    const keys = Object.keys(value).filter((k) => !ignore.has(k));
    if (keys.length === 0) out.set(at, {});
    for (const k of keys) leaves(value[k], ignore, `${at}/${esc(k)}`, out);
  } else out.set(at, value);
  return out;
}

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? "undefined";
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
};

/** Compares one sent document with the returned one. Score = matching leaves / leaves in either. */
export function compareDocument(
  sent: unknown,
  returned: unknown,
  ignore: ReadonlySet<string>,
  source: string,
): DocumentFidelity {
  const a = leaves(sent, ignore);
  const b = returned === undefined ? new Map<string, unknown>() : leaves(returned, ignore);
  const differences: FieldDifference[] = [];
  let matching = 0;
  const pointers = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const p of pointers) {
    const inA = a.has(p);
    const inB = b.has(p);
    if (inA && inB && JSON.stringify(a.get(p)) === JSON.stringify(b.get(p))) matching++;
    else if (inA && inB)
      differences.push({ pointer: p, kind: "changed", sent: show(a.get(p)), returned: show(b.get(p)) });
    else if (inA) differences.push({ pointer: p, kind: "missing", sent: show(a.get(p)) });
    else differences.push({ pointer: p, kind: "added", returned: show(b.get(p)) });
  }
  const total = pointers.length;
  const doc = isObj(sent) ? sent : {};
  return {
    documentId: String(doc.id ?? ""),
    documentType: String(doc.documentType ?? ""),
    source,
    matching,
    total,
    score: total === 0 ? 1 : matching / total,
    differences,
  };
}

export function fidelityReport(documents: DocumentFidelity[], ignored: ReadonlySet<string>): FidelityReport {
  const matching = documents.reduce((n, d) => n + d.matching, 0);
  const total = documents.reduce((n, d) => n + d.total, 0);
  return {
    overall: { matching, total, score: total === 0 ? 1 : matching / total },
    documents,
    ignoredReceiverSideFields: [...ignored].sort(),
  };
}

export const formatScore = (score: number): string => `${(Math.floor(score * 10_000) / 100).toFixed(2)}%`;

/** Property names the schemas mark x-send-receiverSide: true. */
export function receiverSideFields(schemas: readonly unknown[]): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!isObj(node)) return;
    if (isObj(node.properties)) {
      for (const [name, def] of Object.entries(node.properties))
        if (isObj(def) && def["x-send-receiverSide"] === true) names.add(name);
    }
    Object.values(node).forEach(walk);
  };
  schemas.forEach(walk);
  return names;
}

const SCHEMAS_DIR = new URL("../../../schemas/", import.meta.url);
let cached: Set<string> | undefined;

/**
 * The receiver-side field names of the shipped schemas that documents can carry. The bundle envelope's own
 * receiver-side fields (its root `status`, `receivedAt`) are left out: an ISP's `status` is content.
 */
export function shippedReceiverSideFields(): Set<string> {
  cached ??= receiverSideFields(
    readdirSync(SCHEMAS_DIR)
      .filter((f) => f.endsWith(".schema.json") && !f.startsWith("transfer-"))
      .map((f) => JSON.parse(readFileSync(new URL(f, SCHEMAS_DIR), "utf8")) as unknown),
  );
  return cached;
}
