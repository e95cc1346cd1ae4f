// Every error becomes problem+json carrying the correlation id. Unexpected errors are 500 with a fixed detail: the
// stack and message go to the log (by correlation id), never to the client.
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import { ConflictError, InvalidCursorError } from "../../storage/store.ts";
import { HttpProblem, invalidParameter, problemResponse } from "../../http/problems.ts";
import type { LogSink } from "../request-log/index.ts";
import { responseCorrelationId } from "../correlation-id/index.ts";

/** The id the problem body repeats (the response's X-Correlation-Id; see middleware/correlation-id). */
function correlationOf(c: Context<AppEnv>): string {
  return responseCorrelationId(c) ?? crypto.randomUUID();
}

export const errorHandler = (opts: { sink?: LogSink } = {}): ErrorHandler<AppEnv> => {
  const sink = opts.sink ?? ((line: string) => process.stderr.write(`${line}\n`));
  return function errorHandler(err, c) {
    const correlationId = correlationOf(c);
    let res: Response;
    if (err instanceof InvalidCursorError)
      err = invalidParameter("/query/cursor", "cursor is not one this server issued.");
    if (err instanceof HttpProblem) {
      res = problemResponse(err.kind, err.detail, correlationId, err.extra);
    } else if (err instanceof ConflictError) {
      // A concurrent writer won the race after our If-Match check: the caller's version is stale.
      res = problemResponse(
        "precondition-failed",
        "Someone else changed this resource first; read it again.",
        correlationId,
        {
          headers: { etag: err.currentEtag },
        },
      );
    } else {
      sink(
        JSON.stringify({
          level: "error",
          msg: "unhandled error",
          time: new Date().toISOString(),
          correlationId: c.get("correlationId") ?? correlationId,
          ...(c.get("callerCorrelationId") ? { callerCorrelationId: c.get("callerCorrelationId") } : {}),
          error: err instanceof Error ? `${err.name}: ${err.message}` : "non-error thrown",
          stack: err instanceof Error ? err.stack : undefined,
        }),
      );
      res = problemResponse(
        "internal",
        "Something went wrong on our side. Quote the correlation id if you report it.",
        correlationId,
      );
    }
    return res;
  };
};

export const notFoundHandler = (): NotFoundHandler<AppEnv> =>
  function notFoundHandler(c) {
    return problemResponse("not-found", "No resource exists at this address that you may see.", correlationOf(c));
  };
