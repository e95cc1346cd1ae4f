// Every request gets the server's own correlation id (a fresh UUID): the one recorded in audit records, provenance
// and logs, so it names exactly one request. A caller's well-formed X-Correlation-Id is kept apart
// (callerCorrelationId, also recorded) and is what the response echoes, as SI-API-023 requires, so traces join up
// across systems; a caller's value is never written where the server's belongs (it could name another request).
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";

const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/** The id a response carries (header and problem body): the caller's when it sent one, else the server's. */
export function responseCorrelationId(c: Context<AppEnv>): string | undefined {
  return c.get("callerCorrelationId") ?? c.get("correlationId");
}

export const correlationId = (): MiddlewareHandler<AppEnv> =>
  async function correlationId(c, next) {
    const offered = c.req.header("x-correlation-id");
    c.set("correlationId", crypto.randomUUID());
    if (offered && WELL_FORMED.test(offered)) c.set("callerCorrelationId", offered);
    await next();
    c.res.headers.set("x-correlation-id", responseCorrelationId(c)!);
  };
