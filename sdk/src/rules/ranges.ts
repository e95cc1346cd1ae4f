// Rule family `ranges`: a range ("2-3 times a week", "individual or small group up to 4") must not end below where
// it starts. JSON Schema cannot compare two fields, so this rule does.
import type { Finding } from "./finding.ts";
import { pointerJoin } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { num } from "./document-access.ts";

/** Pairs of (lower, upper) property names that make a range on one object. */
const RANGES: ReadonlyArray<readonly [string, string]> = [
  ["count", "countMax"],
  ["groupSize", "groupSizeMax"],
];

function walk(node: unknown, path: Array<string | number>, out: Finding[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      path.push(i);
      walk(item, path, out);
      path.pop();
    });
    return;
  }
  if (node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  for (const [low, high] of RANGES) {
    const from = num(record[low]);
    const to = num(record[high]);
    if (from !== undefined && to !== undefined && to < from) {
      out.push(
        finding(
          "any.ranges.max-below-min",
          pointerJoin(...path, high),
          `${high} is ${to}, below ${low} ${from}: a range must not end below where it starts.`,
        ),
      );
    }
  }
  for (const key of Object.keys(record)) {
    if (key === "extensions") continue;
    path.push(key);
    walk(record[key], path, out);
    path.pop();
  }
}

export function rangeRules(document: unknown): Finding[] {
  const out: Finding[] = [];
  walk(document, [], out);
  return out;
}
