// Page parameters and RFC 8288 Link headers. Cursors are opaque strings from the store.
import { invalidParameter } from "./problems.ts";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PAGE_SIZE;
  if (!/^\d{1,4}$/.test(raw)) throw invalidParameter("/query/limit", `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  const n = Number(raw);
  if (n < 1 || n > MAX_PAGE_SIZE) throw invalidParameter("/query/limit", `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  return n;
}

export function parseCursor(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(raw)) throw invalidParameter("/query/cursor", "cursor is not one this server issued.");
  return raw;
}

/** The Link header for the next page: same path and filters, with the new cursor. */
export function nextLink(requestUrl: string, nextCursor: string | undefined): string | undefined {
  if (!nextCursor) return undefined;
  const url = new URL(requestUrl);
  url.searchParams.set("cursor", nextCursor);
  return `<${url.pathname}${url.search}>; rel="next"`;
}
