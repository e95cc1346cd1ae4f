// Query-string parsing that refuses what it does not know (the rule itself is the SDK's, shared with its msw mock),
// and the date and instant checks of filter values.
import type { Context } from "hono";
import { readStrictQuery } from "../../../sdk/src/http/strict-query.ts";
import { invalidParameter } from "./problems.ts";
import type { AppEnv } from "../env.ts";

/** The request's query parameters; an unknown, repeated, empty or over-long one is a 400 invalid-parameter. */
export function readQuery(c: Context<AppEnv>, allowed: readonly string[]): Record<string, string> {
  const q = readStrictQuery(new URL(c.req.url).searchParams, allowed, invalidParameter);
  // The values the parameters middleware checked and normalised (a UUID filter in lower case) stand in for the raw ones.
  const checked = c.get("query");
  if (checked) for (const name of Object.keys(q)) if (checked[name] !== undefined) q[name] = checked[name]!;
  return q;
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
