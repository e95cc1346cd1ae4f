// Defensive readers for documents typed `unknown`: rules must never throw, even on odd input.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The object at `value`, or an empty object. */
export function obj(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

/** The array at `value`, or an empty array. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The string at `value`, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The finite number at `value`, or undefined. */
export function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** Strings in the array at `value` (other entries are ignored). */
export function strings(value: unknown): string[] {
  return arr(value).filter((v): v is string => typeof v === "string");
}

/** `id` of each object in the array at `value`, with its index. */
export function idsOf(value: unknown): Array<{ id: string; index: number }> {
  const out: Array<{ id: string; index: number }> = [];
  arr(value).forEach((item, index) => {
    const id = str(obj(item).id);
    if (id !== undefined) out.push({ id, index });
  });
  return out;
}
