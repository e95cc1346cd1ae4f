// The shape every quality rule returns (CONTRIBUTING.md §4), and the JSON Pointer helper rules use to say where.

export interface Finding {
  /** `<documentType|any>.<family>.<rule>`, kebab case, stable forever; documented in schemas/rules/catalogue.json. */
  ruleId: string;
  severity: "error" | "warning" | "info";
  /** RFC 6901 JSON Pointer into the document ("" is the whole document). */
  pointer: string;
  message: string;
}

/** Escapes one reference token per RFC 6901: `~` → `~0` first, then `/` → `~1`. */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Joins reference tokens into a JSON Pointer: pointerJoin("barriers", 2) → "/barriers/2";
 * pointerJoin() → "" (the whole document). Tokens are escaped, so "a/b" becomes "/a~1b".
 */
export function pointerJoin(...segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => `/${escapePointerToken(s)}`).join("");
}
