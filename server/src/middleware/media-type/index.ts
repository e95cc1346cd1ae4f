// Requests that carry a body must say it is JSON (application/json or a +json type); anything else is 415.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import { HttpProblem } from "../../http/problems.ts";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

export function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const essence = contentType.split(";")[0]!.trim().toLowerCase();
  return essence === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(essence);
}

export const mediaType = (): MiddlewareHandler<AppEnv> =>
  async function mediaType(c, next) {
    if (BODY_METHODS.has(c.req.method) && !isJsonMediaType(c.req.header("content-type"))) {
      throw new HttpProblem("unsupported-media-type", "Send the body as application/json.", {
        headers: { "accept-post": "application/json" },
      });
    }
    await next();
  };
