// Applies sharing labels to one document before it goes into a transfer bundle. Pure: returns a redacted copy and
// one redaction record per value removed. Precedence of labels (common.schema.json#/$defs/SectionSharing): the nearest
// item-level `sharing` field, else the longest matching root `sharing` section entry, else the schema default
// (x-send-sharing). A value is kept only if EVERY one of its effective labels is included, so data labelled
// [education, safeguarding] never leaves with a purpose that excludes safeguarding. Unlabelled values are kept.
import { setMember, sortedKeysCopy } from "./canonical.ts";
import { defaultLabelsAt, sharingDefaults } from "./sharing-defaults.ts";

export const SHARING_LABELS = ["education", "health", "social-care", "safeguarding"] as const;
export type SharingLabel = (typeof SHARING_LABELS)[number];

/** Safeguarding sections are never sent unless a purpose includes them explicitly. */
export const DEFAULT_INCLUDED_LABELS: readonly SharingLabel[] = ["education", "health", "social-care"];

export interface SharingOptions {
  /** Labels whose data may go; defaults to everything except safeguarding. */
  include?: readonly string[];
  /** Why the data is shared, in plain English; quoted in each redaction reason. */
  purpose: string;
}

export interface Redaction {
  documentId: string;
  /** JSON Pointer to the removed value in the document as it was BEFORE redaction (original array indices). */
  pointer: string;
  label: string;
  reason: string;
}

export interface SharingResult<T> {
  document: T;
  redactions: Redaction[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isLabelList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string");
}

function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

function unescapeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

interface Section {
  tokens: string[];
  labels: string[];
}

function rootSections(document: JsonObject): Section[] {
  const raw = document["sharing"];
  if (!Array.isArray(raw)) return [];
  const sections: Section[] = [];
  for (const entry of raw) {
    if (!isObject(entry) || typeof entry["section"] !== "string" || !isLabelList(entry["labels"])) continue;
    sections.push({ tokens: entry["section"].split("/").slice(1).map(unescapeToken), labels: entry["labels"] });
  }
  return sections;
}

function longestSection(sections: readonly Section[], tokens: readonly string[]): string[] | undefined {
  let best: Section | undefined;
  for (const section of sections) {
    if (section.tokens.length > tokens.length) continue;
    if (!section.tokens.every((t, i) => t === tokens[i])) continue;
    if (best === undefined || section.tokens.length > best.tokens.length) best = section;
  }
  return best?.labels;
}

/**
 * Returns a copy of `document` without the values whose sharing labels are not all included, and a record of each
 * removal. The copy's members are in sorted key order (RFC 8785's), which changes no value. Array properties whose
 * whole value is removed become empty arrays (the schemas require many of them); array items are dropped; other
 * properties are deleted.
 */
export function applySharing<T>(document: T, options: SharingOptions): SharingResult<T> {
  const include = new Set<string>(options.include ?? DEFAULT_INCLUDED_LABELS);
  if (!isObject(document)) return { document, redactions: [] };
  const root = document as JsonObject;
  const documentId = typeof root["id"] === "string" ? root["id"] : "";
  const defaults = sharingDefaults(typeof root["documentType"] === "string" ? root["documentType"] : "");
  const sections = rootSections(root);
  const redactions: Redaction[] = [];

  const excludedLabel = (labels: readonly string[]) => labels.find((label) => !include.has(label));

  // Returns the kept copy of `value`, or undefined when it is removed.
  const walk = (value: Json, tokens: string[], itemLabels: string[] | undefined): Json | undefined => {
    let own = itemLabels;
    if (tokens.length > 0 && isObject(value) && isLabelList(value["sharing"])) own = value["sharing"];
    if (tokens.length > 0) {
      const labels = own ?? longestSection(sections, tokens) ?? defaultLabelsAt(defaults, tokens);
      const excluded = labels === undefined ? undefined : excludedLabel(labels);
      if (excluded !== undefined) {
        redactions.push({
          documentId,
          pointer: `/${tokens.map(escapeToken).join("/")}`,
          label: excluded,
          reason: `Labelled "${excluded}", which is not shared for the purpose: ${options.purpose}`,
        });
        return undefined;
      }
    }
    // One path array for the whole walk, pushed and popped around each child (no copy per node).
    if (Array.isArray(value)) {
      const kept: Json[] = [];
      value.forEach((item, index) => {
        tokens.push(String(index));
        const copy = walk(item, tokens, own);
        tokens.pop();
        if (copy !== undefined) kept.push(copy);
      });
      return kept;
    }
    if (isObject(value)) {
      // Members are copied in sorted key order, RFC 8785's order: the copy's digest and the signed bundle around it
      // are then written by one JSON.stringify (canonical-json.ts) instead of member by member.
      const copy: JsonObject = {};
      for (const key of Object.keys(value).sort()) {
        const child = value[key] as Json;
        // The root section list and extensions describe the document; they carry no labelled personal data.
        if (tokens.length === 0 && (key === "sharing" || key === "extensions")) {
          setMember(copy, key, sortedKeysCopy(child));
          continue;
        }
        tokens.push(key);
        const kept = walk(child, tokens, own);
        tokens.pop();
        if (kept !== undefined) setMember(copy, key, kept);
        else if (Array.isArray(child)) setMember(copy, key, []);
      }
      return copy;
    }
    return value;
  };

  return { document: walk(root, [], undefined) as T, redactions };
}
