// Query-string parsing that refuses what it does not know (the rule itself is the SDK's, shared with its msw mock),
// and the date and instant checks of filter values.
import type { Context } from "hono";
import { readStrictQuery } from "../../../sdk/src/http/strict-query.ts";
import { invalidParameter } from "./problems.ts";

/** The request's query parameters; an unknown, repeated, empty or over-long one is a 400 invalid-parameter. */
export function readQuery(c: Context, allowed: readonly string[]): Record<string, string> {
  return readStrictQuery(new URL(c.req.url).searchParams, allowed, invalidParameter);
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function requireDate(name: string, value: string): string {
  if (!DATE.test(value)) throw invalidParameter(`/query/${name}`, `${name} must be a date (YYYY-MM-DD).`);
  return value;
}

export function requireInstant(name: string, value: string): string {
  if (!(DATE.test(value) || INSTANT.test(value)) || Number.isNaN(Date.parse(value))) {
    throw invalidParameter(`/query/${name}`, `${name} must be a date or date-time (RFC 3339).`);
  }
  return new Date(value).toISOString();
}
