// Text that cannot be stored: NUL (PostgreSQL's text and json types refuse U+0000) and lone UTF-16 surrogates (not
// Unicode text; their UTF-8 form is invalid). Both can only enter a parsed JSON value through \u escapes, so the
// walk runs only when the body's text has such an escape.
const ESCAPE_OF_CONCERN = /\\u(0000|[dD][89a-fA-F])/;
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const escapePointer = (key: string): string => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * A JSON pointer to the first member name or string in `value` (parsed from `text`) holding NUL or a lone surrogate,
 * or undefined. A member name's pointer is the member's own. Iterative walk (explicit stack).
 */
export function findUnstorableText(text: string, value: unknown): string | undefined {
  if (!ESCAPE_OF_CONCERN.test(text)) return undefined;
  const stack: Array<{ value: unknown; pointer: string }> = [{ value, pointer: "" }];
  while (stack.length > 0) {
    const { value: v, pointer } = stack.pop()!;
    if (typeof v === "string") {
      if (UNSTORABLE.test(v)) return pointer;
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], pointer: `${pointer}/${i}` });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const child = `${pointer}/${escapePointer(key)}`;
      if (UNSTORABLE.test(key)) return child;
      stack.push({ value: (v as Record<string, unknown>)[key], pointer: child });
    }
  }
  return undefined;
}
