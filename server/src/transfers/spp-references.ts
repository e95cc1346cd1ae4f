// SPPs travel by reference (catalogue id + version), never as copies: collect every SPP reference the documents
// make, once each. Pure.
import type { SppReference } from "../../../sdk/generated/types.ts";

export function collectSppReferences(documents: readonly unknown[]): SppReference[] {
  const found = new Map<string, SppReference>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const rec = node as Record<string, unknown>;
    if (rec.documentType === "spp" && typeof rec.id === "string" && typeof rec.version === "string") {
      const ref: SppReference = { documentType: "spp", id: rec.id, version: rec.version };
      if (typeof rec.title === "string") ref.title = rec.title;
      found.set(`${rec.id}@${rec.version}`, ref);
      return;
    }
    for (const v of Object.values(rec)) walk(v);
  };
  documents.forEach(walk);
  return [...found.values()].sort((a, b) => `${a.id}@${a.version}`.localeCompare(`${b.id}@${b.version}`));
}
