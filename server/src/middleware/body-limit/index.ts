// Refuses bodies over the limit with 413 problem+json (with Connection: close), both when Content-Length says so and
// when a chunked body grows past it (counted as the Node request is read, or by hono's bodyLimit on a plain Request).
// An oversize body is read and discarded (up to a hard cap) before answering, so the client receives the 413 instead
// of a connection reset mid-upload.
import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import type { AppEnv } from "../../env.ts";
import { HttpProblem } from "../../http/problems.ts";
import { decodeBody, readNodeBody, unreadNodeRequest } from "../../http/request-body.ts";

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024; // 2 MiB, as the spec promises (at least 1 MiB is always accepted)
// An oversize body is read and dropped (up to 64 MiB, and for at most DRAIN_MS) before the 413 is sent, so that a
// client that reads only after sending everything receives it (http/request-body.ts says why); beyond that the
// connection is cut.
const DRAIN_CAP = 64 * 1024 * 1024;

/** Reads and drops a standard Request's body, up to `cap` bytes. */
async function drain(body: ReadableStream<Uint8Array> | null, cap: number): Promise<void> {
  if (!body) return;
  const reader = body.getReader();
  let total = 0;
  try {
    while (total <= cap) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

export const bodyLimit = (opts: { maxBytes?: number } = {}): MiddlewareHandler<AppEnv> => {
  const maxSize = opts.maxBytes ?? DEFAULT_BODY_LIMIT;
  const tooLarge = () =>
    new HttpProblem("payload-too-large", `The body exceeds ${maxSize} bytes.`, { headers: { connection: "close" } });
  const inner = honoBodyLimit({
    maxSize,
    onError: () => {
      throw tooLarge();
    },
  });
  return async function bodyLimit(c, next) {
    const declared = Number(c.req.header("content-length") ?? NaN);
    const incoming = unreadNodeRequest(c);
    if (Number.isFinite(declared) && declared > maxSize) {
      if (declared <= DRAIN_CAP)
        await (incoming ? readNodeBody(incoming, 0, DRAIN_CAP) : drain(c.req.raw.body, DRAIN_CAP));
      throw tooLarge();
    }
    // Under Node, read the body here, counted as it arrives, and keep it for the JSON parser or the handler.
    if (!incoming) return inner(c, next);
    const bytes = await readNodeBody(incoming, maxSize, DRAIN_CAP);
    if (bytes === "too-large") throw tooLarge();
    c.set("rawBody", decodeBody(bytes));
    await next();
  };
};
