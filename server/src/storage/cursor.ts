// Opaque page cursors: base64url JSON of the last row's sort key. Clients must treat them as opaque strings.
import { InvalidCursorError } from "./store.ts";

export const MAX_PAGE_SIZE = 100;

export function clampLimit(limit: number): number {
  if (!Number.isFinite(limit)) return MAX_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(limit)));
}

export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify({ k: key }), "utf8").toString("base64url");
}

/** Decodes a cursor made by encodeCursor; anything else throws InvalidCursorError (a 400, not a 500). */
export function decodeCursor<K extends "string" | "number">(
  cursor: string,
  type: K,
): K extends "string" ? string : number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError();
  }
  const key = typeof parsed === "object" && parsed !== null ? (parsed as { k?: unknown }).k : undefined;
  if (typeof key !== type || !fitForQuery(key)) throw new InvalidCursorError();
  return key as K extends "string" ? string : number;
}

/** Whether a decoded key can be bound in a query without the database refusing it (which would be a 500): keys this
 *  store issues are sequence numbers (bigint) and ids (printable text). */
function fitForQuery(key: unknown): boolean {
  if (typeof key === "number") return Number.isSafeInteger(key) && key >= 0;
  return typeof key === "string" && key.length <= 256 && !/[\u0000-\u001f\u007f\ud800-\udfff]/.test(key);
}
