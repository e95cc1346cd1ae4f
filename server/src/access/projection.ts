// Section-level projection by sharing label (common.schema.json SectionSharing): a role with `sharingLabels` in
// spec/roles.ts (the health commissioner) receives only the sections labelled for it. The effective labels of a
// top-level section are those of the longest matching entry in the document's `sharing` list, else the schema's
// default (`x-send-sharing` on that property). Within a kept array, an item with its own `sharing` labels is kept only
// if they match. The document's frame (type, id, status, child, owners, provenance) is always kept: the reader must
// know whose record it is. Unlabelled sections are left out. Pure; returns a new value.
import { readFileSync } from "node:fs";
import { SHARED_VIEW_FRAME, role } from "../../../spec/roles.ts";
import manifest from "../../../schemas/manifest.json" with { type: "json" };
import type { Principal } from "../auth/principal.ts";

const FRAME: ReadonlySet<string> = new Set(SHARED_VIEW_FRAME);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** documentType → property → default labels, read once from the schemas' x-send-sharing annotations. */
const DEFAULT_LABELS: Map<string, Map<string, string[]>> = new Map(
  manifest.documentTypes.map((dt) => {
    const schema = JSON.parse(readFileSync(new URL(`../../../schemas/${dt.schema}`, import.meta.url), "utf8")) as Obj;
    const props = isObj(schema.properties) ? schema.properties : {};
    const defaults = new Map<string, string[]>();
    for (const [name, def] of Object.entries(props)) {
      const labels = isObj(def) ? def["x-send-sharing"] : undefined;
      if (Array.isArray(labels))
        defaults.set(
          name,
          labels.filter((l): l is string => typeof l === "string"),
        );
    }
    return [dt.documentType, defaults];
  }),
);

function sectionLabels(doc: Obj, prop: string): string[] | undefined {
  const pointer = `/${prop.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  let best: { len: number; labels: string[] } | undefined;
  if (Array.isArray(doc.sharing)) {
    for (const entry of doc.sharing) {
      if (!isObj(entry) || typeof entry.section !== "string" || !Array.isArray(entry.labels)) continue;
      // Only entries at or above this section decide it; deeper entries are item-level detail, handled below.
      if (
        (pointer === entry.section || pointer.startsWith(`${entry.section}/`)) &&
        (!best || entry.section.length > best.len)
      ) {
        best = { len: entry.section.length, labels: entry.labels.filter((l): l is string => typeof l === "string") };
      }
    }
  }
  if (best) return best.labels;
  const docType = typeof doc.documentType === "string" ? doc.documentType : "";
  return DEFAULT_LABELS.get(docType)?.get(prop);
}

function sectionEntriesBelow(doc: Obj, prop: string): { index: number; labels: string[] }[] {
  // Entries like "/healthProvision/2" label single array items.
  const out: { index: number; labels: string[] }[] = [];
  if (!Array.isArray(doc.sharing)) return out;
  const prefix = `/${prop}/`;
  for (const entry of doc.sharing) {
    if (!isObj(entry) || typeof entry.section !== "string" || !Array.isArray(entry.labels)) continue;
    const m = entry.section.startsWith(prefix) ? /^(\d+)$/.exec(entry.section.slice(prefix.length)) : null;
    if (m) out.push({ index: Number(m[1]), labels: entry.labels.filter((l): l is string => typeof l === "string") });
  }
  return out;
}

export function projectBySharing<T>(document: T, allowedLabels: readonly string[]): T {
  if (!isObj(document)) return document;
  const allowed = new Set(allowedLabels);
  const matches = (labels: readonly string[]) => labels.some((l) => allowed.has(l));
  const out: Obj = {};
  for (const [prop, value] of Object.entries(document)) {
    if (FRAME.has(prop)) {
      out[prop] = structuredClone(value);
      continue;
    }
    const labels = sectionLabels(document, prop);
    const itemEntries = sectionEntriesBelow(document, prop);
    if (Array.isArray(value)) {
      // An item is kept if its own labels (item field, else an item-level section entry, else the section's) match.
      const kept = value.filter((item, index) => {
        const own =
          isObj(item) && Array.isArray(item.sharing)
            ? item.sharing.filter((l): l is string => typeof l === "string")
            : undefined;
        const entry = itemEntries.find((e) => e.index === index)?.labels;
        const effective = own ?? entry ?? labels;
        return effective !== undefined && matches(effective);
      });
      if (kept.length > 0) out[prop] = structuredClone(kept);
    } else if (labels && matches(labels)) {
      out[prop] = structuredClone(value);
    }
  }
  return out as T;
}

/** Applies the caller's sharing limit, if their role has one. */
export function projectFor<T>(p: Principal, document: T): { body: T; projected: boolean } {
  const labels = role(p.role).sharingLabels;
  return labels ? { body: projectBySharing(document, labels), projected: true } : { body: document, projected: false };
}
