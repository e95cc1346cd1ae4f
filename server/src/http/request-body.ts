// The request body, read once. Under @hono/node-server the Node request stream is read directly (Buffer chunks,
// counted against the size limit as they arrive): going through Web streams instead (the Request body, hono's
// counting stream around it, then text()) cost about half a millisecond for a 13 KiB plan, a quarter of a PUT.
// Elsewhere (app.request in tests, other runtimes) the standard Request is read, under hono's bodyLimit.
import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";

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

const utf8 = new TextDecoder(); // as Request.text(): UTF-8, a leading byte-order mark dropped, bad bytes replaced

export function decodeBody(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** The body as text: what the body-limit middleware already read, or the Request's own body. */
export async function requestText(c: Context<AppEnv>): Promise<string> {
  const read = c.get("rawBody");
  return read !== undefined ? read : c.req.text();
}
