// A JSON response that serialises a stored body once. Bodies handed out by the store's version cache are deep-frozen
// (immutable versions), so their JSON text can be remembered per object and sent again as is; JSON.stringify of a
// plan is a visible share of a read. Anything else (projected views, fresh objects) is serialised as c.json would.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env.ts";

const serialised = new WeakMap<object, string>();

export function jsonText(body: object): string {
  if (!Object.isFrozen(body)) return JSON.stringify(body);
  let text = serialised.get(body);
  if (text === undefined) {
    text = JSON.stringify(body);
    serialised.set(body, text);
  }
  return text;
}

/** Same bytes and content type as `c.json(body, status)`. */
export function jsonResponse(c: Context<AppEnv>, body: object, status: ContentfulStatusCode): Response {
  return c.body(jsonText(body), status, { "content-type": "application/json" });
}
