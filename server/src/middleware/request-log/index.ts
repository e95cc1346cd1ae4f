// One structured JSON line per request. Deliberately only: method, route pattern (never the URL, which can carry
// identifiers), status, duration, correlation ids (the server's and the caller's) and role. No bodies, no query strings, no subjects.
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "../../env.ts";

export type LogSink = (line: string) => void;

export const requestLog = (opts: { sink?: LogSink } = {}): MiddlewareHandler<AppEnv> => {
  const sink = opts.sink ?? ((line: string) => process.stdout.write(`${line}\n`));
  return async function requestLog(c, next) {
    const started = performance.now();
    try {
      await next();
    } finally {
      const route = safeRoutePath(c);
      sink(
        JSON.stringify({
          level: "info",
          msg: "request",
          time: new Date().toISOString(),
          method: c.req.method,
          route,
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
          correlationId: c.get("correlationId"),
          callerCorrelationId: c.get("callerCorrelationId"),
          role: c.get("principal")?.role,
        }),
      );
    }
  };
};

function safeRoutePath(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  try {
    const path = routePath(c, -1);
    // A catch-all "/*" means no route matched; don't log the unmatched URL.
    return path === "/*" || path === "*" ? "(unmatched)" : path;
  } catch {
    return "(unmatched)";
  }
}
