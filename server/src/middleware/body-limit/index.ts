// Refuses bodies over the limit with 413 problem+json, both when Content-Length says so and when a chunked body
// grows past it (hono's bodyLimit counts the stream).
import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import type { AppEnv } from "../../env.ts";
import { HttpProblem } from "../../http/problems.ts";

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024; // 2 MiB, as the spec promises (at least 1 MiB is always accepted)

export const bodyLimit = (opts: { maxBytes?: number } = {}): MiddlewareHandler<AppEnv> => {
  const maxSize = opts.maxBytes ?? DEFAULT_BODY_LIMIT;
  const inner = honoBodyLimit({
    maxSize,
    onError: () => {
      throw new HttpProblem("payload-too-large", `The body exceeds ${maxSize} bytes.`);
    },
  });
  return async function bodyLimit(c, next) {
    await inner(c, next);
  };
};
