// A JSON response that serialises a stored body at most once: bodies handed out by the store are deep-frozen and
// their text is remembered (server/src/http/json-text.ts). Anything else (projected views, fresh objects) is
// serialised as c.json would.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env.ts";
import { jsonText } from "../http/json-text.ts";

export { jsonText };

/** Same content and content type as `c.json(body, status)`. */
export function jsonResponse(c: Context<AppEnv>, body: object, status: ContentfulStatusCode): Response {
  return c.body(jsonText(body), status, { "content-type": "application/json" });
}
