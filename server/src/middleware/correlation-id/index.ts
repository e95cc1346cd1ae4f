// Accepts a caller's X-Correlation-Id when it is well-formed (so traces join up across systems), otherwise makes one;
// echoes it on every response.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import { requestHasFault } from "../../faults/index.ts";

const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

export const correlationId = (): MiddlewareHandler<AppEnv> =>
  async function correlationId(c, next) {
    const offered = c.req.header("x-correlation-id");
    const id = offered && WELL_FORMED.test(offered) ? offered : crypto.randomUUID();
    c.set("correlationId", id);
    await next();
    c.res.headers.set("x-correlation-id", id);
    if (requestHasFault(c, "correlation-id-not-echoed")) c.res.headers.delete("x-correlation-id"); // fault: self-test only
  };
