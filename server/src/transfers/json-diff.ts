// Lists where two JSON values differ, as JSON Pointers, skipping members a predicate says to ignore. Pure; used by
// the round-trip test to list every difference between an export and the re-export of the same records.
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface Difference {
  pointer: string;
  left: unknown;
  right: unknown;
}

const esc = (k: string) => k.replace(/~/g, "~0").replace(/\//g, "~1");

export function jsonDiff(
  left: unknown,
  right: unknown,
  ignore: (pointer: string, key: string) => boolean = () => false,
  at = "",
): Difference[] {
  if (Array.isArray(left) && Array.isArray(right)) {
    const out: Difference[] = [];
    for (let i = 0; i < Math.max(left.length, right.length); i++)
      out.push(...jsonDiff(left[i], right[i], ignore, `${at}/${i}`));
    return out;
  }
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
  if (isObj(left) && isObj(right)) {
    const out: Difference[] = [];
    for (const k of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
      if (ignore(at, k)) continue;
      out.push(...jsonDiff(left[k], right[k], ignore, `${at}/${esc(k)}`));
    }
    return out;
  }
  return Object.is(left, right) ? [] : [{ pointer: at, left, right }];
}

/** Property names the schemas declare receiver-side (x-send-receiverSide: true): set by a receiver, never sent. */
export function receiverSideNames(schemas: readonly unknown[]): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const rec = node as Record<string, unknown>;
    if (rec.properties && typeof rec.properties === "object") {
      for (const [name, def] of Object.entries(rec.properties as Record<string, unknown>)) {
        if (def && typeof def === "object" && (def as Record<string, unknown>)["x-send-receiverSide"] === true)
          names.add(name);
      }
    }
    Object.values(rec).forEach(walk);
  };
  schemas.forEach(walk);
  return names;
}
