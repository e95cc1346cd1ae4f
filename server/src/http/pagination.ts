// Page parameters and RFC 8288 Link headers. Cursors are opaque strings from the store.
import { invalidParameter } from "./problems.ts";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PAGE_SIZE;
  if (!/^\d{1,4}$/.test(raw))
    throw invalidParameter("/query/limit", `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  const n = Number(raw);
  if (n < 1 || n > MAX_PAGE_SIZE)
    throw invalidParameter("/query/limit", `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  return n;
}

export function parseCursor(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(raw))
    throw invalidParameter("/query/cursor", "cursor is not one this server issued.");
  return raw;
}

/** The cursor of a version list: the last version number sent, base64url-encoded. */
export function versionCursor(lastVersion: number): string {
  return Buffer.from(String(lastVersion)).toString("base64url");
}

/**
 * The version after which a version-list page starts (0 without a cursor). Only a cursor this server could have
 * issued is accepted: a version number from 1, encoded exactly as versionCursor encodes it ("0" decodes to an empty
 * string and must not quietly mean "from the start").
 */
export function parseVersionCursor(raw: string | undefined): number {
  const cursor = parseCursor(raw);
  if (cursor === undefined) return 0;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^[1-9]\d{0,8}$/.test(text) || versionCursor(Number(text)) !== cursor) {
    throw invalidParameter("/query/cursor", "cursor is not one this server issued.");
  }
  return Number(text);
}

/** The Link header for the next page: same path and filters, with the new cursor. */
export function nextLink(requestUrl: string, nextCursor: string | undefined): string | undefined {
  if (!nextCursor) return undefined;
  const url = new URL(requestUrl);
  url.searchParams.set("cursor", nextCursor);
  return `<${url.pathname}${url.search}>; rel="next"`;
}
