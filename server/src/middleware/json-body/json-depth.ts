// Measures the nesting depth of JSON text without parsing it and without recursion, so hostile nesting costs one
// linear pass and can never overflow the stack. Stops as soon as the limit is passed.

/** Whether arrays/objects in `text` nest more than `limit` deep; stops as soon as they do. Brackets inside strings do
 *  not count. Most of a document's text is inside strings, so a string is skipped to its closing quote with indexOf
 *  (native) rather than character by character: a quote ends the string unless an odd number of backslashes precede
 *  it. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      let quote = text.indexOf('"', i + 1);
      for (;;) {
        if (quote < 0) return false; // unterminated string: nothing after it counts, and the parser rejects it
        let backslashes = 0;
        while (text.charCodeAt(quote - 1 - backslashes) === 0x5c /* \ */) backslashes++;
        if (backslashes % 2 === 0) break;
        quote = text.indexOf('"', quote + 1);
      }
      i = quote;
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) depth--;
  }
  return false;
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Whether any member name anywhere in `value` is forbidden: the same walk without building a pointer per member. */
function hasForbiddenKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (v[i] !== null && typeof v[i] === "object") stack.push(v[i]);
      continue;
    }
    for (const key in v) {
      if (FORBIDDEN_KEYS.has(key)) return true;
      const child = (v as Record<string, unknown>)[key];
      if (child !== null && typeof child === "object") stack.push(child);
    }
  }
  return false;
}

/**
 * Finds the first member name that could pollute prototypes if the value were ever merged into another object.
 * Iterative walk (explicit stack). Returns a JSON pointer to it, or undefined. Almost every body has none, so a walk
 * that builds no pointers answers first and the pointer is only worked out for a body that has one.
 */
export function findForbiddenKey(value: unknown): string | undefined {
  if (!hasForbiddenKey(value)) return undefined;
  const stack: Array<{ value: unknown; pointer: string }> = [{ value, pointer: "" }];
  while (stack.length > 0) {
    const { value: v, pointer } = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ value: v[i], pointer: `${pointer}/${i}` });
      continue;
    }
    for (const key of Object.keys(v)) {
      const child = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (FORBIDDEN_KEYS.has(key)) return child;
      stack.push({ value: (v as Record<string, unknown>)[key], pointer: child });
    }
  }
  return undefined;
}
