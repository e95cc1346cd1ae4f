// LocalIds for items inside one document, and branded id types so an outcome id cannot be passed where a provision
// id is wanted (the golden thread is only as good as its links).
import type { LocalId } from "../../generated/types.ts";

declare const kind: unique symbol;
/** A LocalId known to name an item of one kind in the document it came from. */
export type KindedId<K extends string> = LocalId & { readonly [kind]: K };
export type BarrierId = KindedId<"barrier">;
export type ProvisionId = KindedId<"provision">;
export type OutcomeId = KindedId<"outcome">;
export type ReviewId = KindedId<"review">;

/** `prefix-N` with N one more than the highest already used with that prefix (ids are never reused). */
export function nextLocalId(existing: Iterable<string>, prefix: string): string {
  let max = 0;
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-(\\d+)$`);
  for (const id of existing) {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}-${max + 1}`;
}

/** Every `id` member anywhere in a value (LocalIds are unique within a document). */
export function idsIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) idsIn(v, out);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "id" && typeof v === "string") out.add(v);
      else idsIn(v, out);
    }
  }
  return out;
}

/** Narrows a LocalId read from a document to a kinded id after checking it names an item of that kind. */
export function asKindedId<K extends string>(
  items: readonly { id: string }[] | undefined,
  id: string,
  what: K,
): KindedId<K> {
  if (!(items ?? []).some((i) => i.id === id)) throw new RangeError(`no ${what} with id "${id}" in this document`);
  return id as KindedId<K>;
}
