// Field-level traceability (schemas/traceability.json): which requirement lines of the requirements digest each
// field serves. The reference docs show them per field; schemas/traceability.test.ts checks the map.

export interface TracedRequirement {
  /** Line of spec/requirements/requirements-digest.md (a copy of ../shared/domain/requirements-digest.md). */
  line: number;
  /** Digest section (e.g. "1.2"). */
  section: string;
  /** The start of the line, to notice when the digest moves under the map. */
  summary: string;
  /** Fields that hold it: "<documentType>:<pointer>", "*" for any array index (as in spec/reference). */
  pointers?: string[];
  /** A decision record (spec/decisions/…) saying why it is not (only) a field. */
  decision?: string;
}

export interface Traceability {
  digest: string;
  lines: { from: number; to: number };
  requirements: TracedRequirement[];
}

const SEPARATOR = /^\|[-\s|:]*\|?$/u;

/** The requirement lines between from and to (inclusive): every non-empty line that is not a heading, a rule, a
 *  table separator or a table header (the row above a separator). */
export function requirementLines(markdown: string, from: number, to: number): number[] {
  const lines = markdown.split("\n");
  const out: number[] = [];
  for (let n = from; n <= Math.min(to, lines.length); n++) {
    const text = lines[n - 1] ?? "";
    if (text.trim() === "" || text.startsWith("#") || text.trim() === "---" || SEPARATOR.test(text)) continue;
    if (text.startsWith("|") && SEPARATOR.test(lines[n] ?? "")) continue;
    out.push(n);
  }
  return out;
}

/** "<documentType>:<pointer>" → the requirements naming that field. */
export function requirementsByField(trace: Traceability | undefined): Map<string, TracedRequirement[]> {
  const map = new Map<string, TracedRequirement[]>();
  for (const r of trace?.requirements ?? []) for (const p of r.pointers ?? []) map.set(p, [...(map.get(p) ?? []), r]);
  return map;
}
