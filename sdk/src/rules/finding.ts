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
  const s = typeof token === "string" ? token : String(token);
  // Most tokens need no escaping; skip the two regex passes for them (pointers are built on hot paths).
  if (s.indexOf("~") === -1 && s.indexOf("/") === -1) return s;
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Joins reference tokens into a JSON Pointer: pointerJoin("barriers", 2) → "/barriers/2";
 * pointerJoin() → "" (the whole document). Tokens are escaped, so "a/b" becomes "/a~1b".
 */
export function pointerJoin(...segments: ReadonlyArray<string | number>): string {
  let pointer = "";
  for (const s of segments) pointer += `/${escapePointerToken(s)}`;
  return pointer;
}
