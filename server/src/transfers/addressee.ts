// Where a bundle addressed to a setting goes now, by the signed trust list: the setting itself while its entry is
// open; its successor (GIAS "Successor" link: the academy that replaced a maintained school, a merger) when the entry
// is closed or converted and names one, following links to the first open entry; nowhere when it closed without a
// successor. A successor the list does not name may be one the asking server hosts itself, so it is returned by URN.
import { entryId, trustListEntry, type TrustList, type TrustListEntry } from "../../../sdk/src/bundle/index.ts";

export type Addressee =
  /** The list says nothing of this setting (the operator's directory, or the server's own settings, decide). */
  | { kind: "unlisted" }
  | { kind: "open"; entry: TrustListEntry }
  /** Closed or converted: `urn` receives instead; `entry` is its open entry when the list has one. */
  | { kind: "successor"; urn: string; entry?: TrustListEntry }
  /** Closed or converted with no successor (or a chain that loops or ends at another closed entry). */
  | { kind: "closed"; entry: TrustListEntry };

export function addresseeOf(list: TrustList | undefined, id: string): Addressee {
  const first = list ? trustListEntry(list, id) : undefined;
  if (!list || !first) return { kind: "unlisted" };
  if (first.status === "open") return { kind: "open", entry: first };
  const seen = new Set([id]);
  let entry = first;
  while (entry.status !== "open") {
    const next = entry.successor?.urn;
    if (!next || seen.has(next)) return { kind: "closed", entry: first };
    seen.add(next);
    const found = trustListEntry(list, next);
    if (!found) return { kind: "successor", urn: next };
    entry = found;
  }
  return { kind: "successor", urn: entryId(entry), entry };
}
