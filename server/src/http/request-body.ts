// The request body, read once. Under @hono/node-server the Node request stream is read directly (Buffer chunks,
// counted against the size limit as they arrive): going through Web streams instead (the Request body, hono's
// counting stream around it, then text()) cost about half a millisecond for a 13 KiB plan, a quarter of a PUT.
// Elsewhere (app.request in tests, other runtimes) the standard Request is read, under hono's bodyLimit.
import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { HttpProblem } from "./problems.ts";

/** The Node request behind this context, if it is one and nothing has started reading its body. */
export function unreadNodeRequest(c: Context<AppEnv>): IncomingMessage | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || typeof incoming.on !== "function") return undefined;
  return incoming.readableDidRead || incoming.readableEnded ? undefined : incoming;
}

/**
 * Reads a Node request body: its bytes, or "too-large" as soon as it passes `maxBytes`. A body that passes the limit
 * is still read and dropped up to `drainCap` bytes, so the client gets the 413 rather than a reset mid-upload.
 */
export function readNodeBody(incoming: IncomingMessage, maxBytes: number, drainCap: number): Promise<Uint8Array | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const done = (result: Uint8Array | "too-large") => {
      incoming.off("data", onData).off("end", onEnd).off("error", onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= maxBytes) chunks.push(chunk);
      else if (total > drainCap) done("too-large");
    };
    const onEnd = () => done(total > maxBytes ? "too-large" : Buffer.concat(chunks, total));
    const onError = (err: unknown) => {
      incoming.off("data", onData).off("end", onEnd).off("error", onError);
      reject(err);
    };
    incoming.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

// Strict UTF-8: a leading byte-order mark is dropped, as Request.text() does, but bad bytes are refused rather than
// replaced with U+FFFD (which would store text the sender never wrote).
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The body's text; bytes that are not UTF-8 are a 400 invalid-encoding. */
export function decodeBody(bytes: Uint8Array | ArrayBuffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new HttpProblem("invalid-encoding", "The body is not valid UTF-8; nothing was stored.");
  }
}

/** The body as text: what the body-limit middleware already read, or the Request's own body, decoded strictly. */
export async function requestText(c: Context<AppEnv>): Promise<string> {
  const read = c.get("rawBody");
  return read !== undefined ? read : decodeBody(await c.req.arrayBuffer());
}
