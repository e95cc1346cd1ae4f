// What changed between two issues of a trust list, for a publisher reviewing an issue before signing it and for a
// receiver's operator reading what a refresh brought: entries added, removed or changed (field by field), and keys
// revoked or un-revoked. Pure.
import type { TrustList, TrustListEntry } from "../../generated/types.ts";
import { canonicalJson } from "./canonical.ts";
import { entryId } from "./trust-list.ts";

export interface TrustListDiff {
  sequence: { from: number; to: number };
  added: string[];
  removed: string[];
  changed: { id: string; fields: string[] }[];
  revoked: string[];
  unrevoked: string[];
}

export function diffTrustLists(from: TrustList, to: TrustList): TrustListDiff {
  const index = (l: TrustList) => new Map(l.entries.map((e) => [entryId(e), e] as const));
  const a = index(from);
  const b = index(to);
  const changed: TrustListDiff["changed"] = [];
  for (const [id, after] of b) {
    const before = a.get(id);
    if (!before) continue;
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof TrustListEntry>;
    const fields = [...keys].filter((k) => canonicalJson(before[k] ?? null) !== canonicalJson(after[k] ?? null)).sort();
    if (fields.length > 0) changed.push({ id, fields });
  }
  const revokedA = new Set(from.revocations.map((r) => r.kid));
  const revokedB = new Set(to.revocations.map((r) => r.kid));
  return {
    sequence: { from: from.sequence, to: to.sequence },
    added: [...b.keys()].filter((id) => !a.has(id)).sort(),
    removed: [...a.keys()].filter((id) => !b.has(id)).sort(),
    changed: changed.sort((x, y) => x.id.localeCompare(y.id)),
    revoked: [...revokedB].filter((k) => !revokedA.has(k)).sort(),
    unrevoked: [...revokedA].filter((k) => !revokedB.has(k)).sort(),
  };
}
