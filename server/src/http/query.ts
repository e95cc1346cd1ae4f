// Query-string parsing that refuses what it does not know: an unknown or repeated parameter is a 400, so a typo in a
// filter can never silently return everything.
import type { Context } from "hono";
import { invalidParameter } from "./problems.ts";

export function readQuery(c: Context, allowed: readonly string[]): Record<string, string> {
  const url = new URL(c.req.url);
  const out: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (!allowed.includes(name)) throw invalidParameter(`/query/${name}`, `Unknown query parameter "${name}". Allowed: ${allowed.join(", ") || "none"}.`);
    if (name in out) throw invalidParameter(`/query/${name}`, `Query parameter "${name}" is given more than once.`);
    if (value.length === 0 || value.length > 256) throw invalidParameter(`/query/${name}`, `Query parameter "${name}" must be 1 to 256 characters.`);
    out[name] = value;
  }
  return out;
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
