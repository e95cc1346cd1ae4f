// The CTF legacy bridge on the server: merge the SEN part of a Common Transfer File into the child's current
// areas-of-development profile (as LegacyClassification history, a new version), and write the child's current SEN
// status as a CTF SEN block. The parsing, crosswalk and XML writing are the SDK's (sdk/src/ctf/); this file only
// decides where the records live. Pure apart from the inputs it is given.
import type { LegacyClassification } from "../../../sdk/generated/types.ts";

type Json = Record<string, unknown>;

/** The profile's classifications plus the new ones not already there (same provision and start date). */
export function mergeClassifications(
  existing: readonly LegacyClassification[],
  incoming: readonly LegacyClassification[],
): { merged: LegacyClassification[]; added: number; skipped: number } {
  const key = (c: LegacyClassification) => `${c.senProvision}|${c.effectiveFrom ?? ""}`;
  const seen = new Set(existing.map(key));
  const merged = [...existing];
  let added = 0;
  for (const c of incoming) {
    if (seen.has(key(c))) continue;
    seen.add(key(c));
    merged.push(c);
    added++;
  }
  return { merged, added, skipped: incoming.length - added };
}

/** Every LegacyClassification the documents hold (profiles and EHCPs under the 2014 regulations). */
export function classificationsOf(documents: readonly unknown[]): LegacyClassification[] {
  const out: LegacyClassification[] = [];
  for (const d of documents) {
    const list = (d as Json | null)?.legacyClassifications;
    if (Array.isArray(list)) out.push(...(list as LegacyClassification[]));
  }
  return out;
}
