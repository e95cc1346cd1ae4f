// Gathers what travels for a child: every ISP, areas-of-development profile, EHCP and legacy EHCP of the child that
// the sender may see (current versions; with includeVersionHistory, each document's earlier versions first, oldest
// first), and the SPP references they make. Reviews and key people travel inside those documents.
import type { Principal } from "../auth/principal.ts";
import { visibleTo } from "../access/tenancy.ts";
import type { ResourceKind, Store, StoredVersion } from "../storage/store.ts";
import { collectSppReferences } from "./spp-references.ts";

export const TRANSFERRED_KINDS = [
  "isp",
  "development-profile",
  "ehcp",
  "legacy-ehcp",
] as const satisfies readonly ResourceKind[];

export async function childDocuments(
  store: Store,
  p: Principal,
  childId: string,
  includeVersionHistory: boolean,
): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const kind of TRANSFERRED_KINDS) {
    let cursor: string | undefined;
    do {
      const page = await store.search({
        kind,
        childId,
        visibleTo: visibleTo(p),
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      for (const current of page.items) {
        if (includeVersionHistory && current.version > 1) {
          const all: StoredVersion[] = await store.listVersions(kind, current.id);
          for (const v of all) if (v.version < current.version) out.push(v.body);
        }
        out.push(current.body);
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return out;
}

export { collectSppReferences };
