// RFC 8785 (JCS) canonical JSON text, answering exactly as the `canonicalize` package (v4) does, but faster on the
// plain data that bundles hash and sign; anything unusual goes to a serialiser written like the package.
// canonical-json.test.ts compares the two on generated values.

const ANY_SURROGATE = /[\uD800-\uDFFF]/;

/** A \uD800-\uDFFF escape. JSON.stringify escapes exactly the lone surrogates this way (ES2019 well-formed
 *  JSON.stringify) and writes paired ones as they are, so text without a match has no lone surrogate. (A literal
 *  backslash before "ud8.." also matches: that only sends the value the slow way.) */
const SURROGATE_ESCAPE = /\\ud[89a-f]/;

function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      if (i === value.length - 1) return true;
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return true;
    }
  }
  return false;
}

function serialise(value: unknown, seen: Set<object>): string | undefined {
  if (typeof value === "number") {
    if (Number.isNaN(value)) throw new Error("NaN is not allowed");
    if (!Number.isFinite(value)) throw new Error("Infinity is not allowed");
    return JSON.stringify(value);
  }
  if (typeof value === "string") {
    if (ANY_SURROGATE.test(value) && hasLoneSurrogate(value)) throw new Error("Lone surrogate is not allowed");
    return JSON.stringify(value);
  }
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const object = value as { toJSON?: unknown } & Record<string, unknown>;
  if (typeof object.toJSON === "function") {
    if (seen.has(object)) throw new Error("Circular reference detected");
    seen.add(object);
    const result = serialise((object.toJSON as () => unknown)(), seen);
    seen.delete(object);
    return result;
  }
  if (seen.has(object)) throw new Error("Circular reference detected");
  seen.add(object);
  let result: string;
  if (Array.isArray(object)) {
    // As the package does: map (holes stay holes) then join, where a hole or an unserialisable element joins as "".
    const values = (object as unknown[]).map((item) =>
      serialise(item === undefined || typeof item === "symbol" ? null : item, seen),
    );
    result = `[${values.join(",")}]`;
  } else {
    const parts: string[] = [];
    for (const key of Object.keys(object).sort()) {
      const member = object[key];
      if (member === undefined || typeof member === "symbol") continue;
      parts.push(`${serialise(key, seen)}:${serialise(member, seen)}`);
    }
    result = `{${parts.join(",")}}`;
  }
  seen.delete(object);
  return result;
}

/** Thrown inside sortedCopy when the value needs the member-by-member serialiser. */
class Unusual {}
const UNUSUAL = new Unusual();

/** Property names V8 enumerates in numeric order, whatever the insertion order. */
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

/** Characters JSON.stringify would escape in a string (quote, backslash, controls) and surrogates (checked further). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Nesting beyond this goes to `serialise`, which detects cycles (a cycle here would only recurse until it). */
const MAX_DEPTH = 1000;

/** JSON string literal of `value` as JSON.stringify writes it; UNUSUAL for a lone surrogate (serialise throws). */
function stringText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  if (ANY_SURROGATE.test(value) && hasLoneSurrogate(value)) throw UNUSUAL;
  return JSON.stringify(value);
}

/**
 * The canonical text of plain JSON data, written directly: keys sorted (UTF-16 code units, as the package sorts),
 * strings as JSON.stringify writes them (unescaped when nothing needs escaping), numbers by JSON.stringify (the
 * ECMAScript number-to-string RFC 8785 prescribes). Throws UNUSUAL for anything else (undefined, functions, symbols,
 * bigints, toJSON, integer-like or __proto__ keys, undefined members, non-finite numbers, lone surrogates, deep
 * nesting or cycles), which `serialise` then answers exactly as the package does, throwing where it throws.
 */
function written(value: unknown, depth: number): string {
  switch (typeof value) {
    case "string":
      return stringText(value);
    case "number":
      if (!Number.isFinite(value)) throw UNUSUAL;
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    default:
      throw UNUSUAL;
  }
  if (value === null) return "null";
  if (depth > MAX_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === "function") throw UNUSUAL;
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += written(value[i], depth + 1);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const member = record[key];
    // Skipped members (undefined) are never checked by the package, not even their keys: leave them to serialise.
    const first = key.charCodeAt(0);
    if (member === undefined || (first >= 48 && first <= 57 && INDEX_LIKE.test(key)) || key === "__proto__")
      throw UNUSUAL;
    if (i > 0) out += ",";
    out += stringText(key);
    out += ":";
    out += written(member, depth + 1);
  }
  return `${out}}`;
}

/** The canonical JSON text of `value` (undefined for a bare undefined, function or symbol); throws on NaN, infinities,
 *  lone surrogates and cycles. Data already in canonical key order (a parsed canonical text, as a signed payload must
 *  be, or data built in sorted order, as applySharing and packBundle build theirs) is written by one JSON.stringify
 *  after a walk that allocates nothing; anything else as below. */
export function canonicalJson(value: unknown): string | undefined {
  const fast = alreadyCanonical(value);
  if (fast !== undefined) return fast;
  try {
    return written(value, 0);
  } catch (error) {
    if (error === UNUSUAL) return serialise(value, new Set());
    throw error;
  }
}

/** True when JSON.stringify(value) writes exactly canonicalJson's text but for lone surrogates (left to the caller):
 *  every object a plain one (prototype Object.prototype or null: JSON.stringify unwraps boxed primitives, which the
 *  package writes as {}), its keys in sorted order and none that V8 would reorder (integer-like) or treat specially
 *  (__proto__), no toJSON, no undefined, every number finite, nesting within MAX_DEPTH (so a cycle answers false). */
function inCanonicalOrder(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object":
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++)
      if (value[i] === undefined || !inCanonicalOrder(value[i], depth + 1)) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === "function")
    return false;
  const record = value as Record<string, unknown>;
  // for-in rather than Object.keys: no array per object. It lists own keys in Object.keys order, then any inherited
  // enumerable ones, which can only add failures (never hide one between two own keys).
  let previous: string | undefined;
  for (const key in record) {
    if (previous !== undefined && !(previous < key)) return false;
    const first = key.charCodeAt(0);
    if ((first >= 48 && first <= 57 && INDEX_LIKE.test(key)) || key === "__proto__") return false;
    const member = record[key];
    if (member === undefined || !inCanonicalOrder(member, depth + 1)) return false;
    previous = key;
  }
  return true;
}

/** JSON.stringify's text of `value` when that is its canonical text (see inCanonicalOrder), else undefined. */
function alreadyCanonical(value: unknown): string | undefined {
  if (!inCanonicalOrder(value, 0)) return undefined;
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined || SURROGATE_ESCAPE.test(text) ? undefined : text;
}
