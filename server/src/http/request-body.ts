// The request body, read once. Under @hono/node-server the Node request stream is read directly, counted against the
// size limit as it arrives, because Web streams cost a large share of a PUT (bench/RESULTS.md, reference server).
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
 * Reads a Node request body: its bytes, or "too-large" once it passes `maxBytes`. A body over the limit is still read
 * and dropped, up to `drainCap` bytes in all and `drainMs` after it passed the limit, before "too-large" is answered:
 * a client that sends the whole body before reading (curl, most scripts) only sees an answer that comes after its
 * upload, since a server that stops reading and closes makes the client's kernel receive a reset, which discards
 * the answer unread. Past either bound the caller answers at once and the connection is cut.
 */
export function readNodeBody(
  incoming: IncomingMessage,
  maxBytes: number,
  drainCap: number,
  drainMs = DRAIN_MS,
): Promise<Uint8Array | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let timer: NodeJS.Timeout | undefined;
    const stop = () => {
      clearTimeout(timer);
      incoming.off("data", onData).off("end", onEnd).off("error", onError);
    };
    const done = (result: Uint8Array | "too-large") => {
      stop();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= maxBytes) chunks.push(chunk);
      else if (total > drainCap) done("too-large");
      else if (timer === undefined) {
        chunks.length = 0; // nothing kept from here on
        timer = setTimeout(() => done("too-large"), drainMs);
      }
    };
    const onEnd = () => done(total > maxBytes ? "too-large" : Buffer.concat(chunks, total));
    const onError = (err: unknown) => {
      stop();
      reject(err);
    };
    incoming.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

/** How long an oversize body is still read and dropped before the 413 is sent anyway (see readNodeBody). */
export const DRAIN_MS = 10_000;

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
