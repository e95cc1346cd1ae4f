// Every request this server makes to another system (delivering a bundle to an inbox, fetching a JWKS) goes through
// here: https only, except to loopback (127.0.0.0/8, ::1, localhost), for tests and local demos; redirects are an
// error (a 307 from an inbox must never make us post a bundle somewhere else); a time cap; and the answer is read
// only up to a size cap, aborting beyond it.
import { isIP } from "node:net";

export class OutboundError extends Error {}

const LOOPBACK_NAMES = new Set(["localhost", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (LOOPBACK_NAMES.has(h)) return true;
  return isIP(h) === 4 && h.startsWith("127.");
}

/** Why a URL may not be fetched, or undefined when it may. */
export function outboundUrlProblem(url: URL): string | undefined {
  if (url.protocol === "https:") return undefined;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return undefined;
  return `${url.protocol}//${url.hostname} is not allowed: outbound requests use https (plain http only to loopback)`;
}

export interface BoundedResponse {
  status: number;
  ok: boolean;
  text: string;
}

/** fetch with the limits above; throws OutboundError for a refused URL, a redirect, a timeout or an oversized body. */
export async function boundedFetch(
  fetchImpl: typeof fetch,
  target: string | URL,
  init: RequestInit,
  limits: { maxBytes: number; timeoutMs: number },
): Promise<BoundedResponse> {
  const url = new URL(target);
  const problem = outboundUrlProblem(url);
  if (problem) throw new OutboundError(problem);
  const abort = new AbortController();
  const timer = setTimeout(
    () => abort.abort(new OutboundError(`no complete answer within ${limits.timeoutMs} ms`)),
    limits.timeoutMs,
  );
  try {
    let res: Response;
    try {
      res = await fetchImpl(url, { ...init, redirect: "error", signal: abort.signal });
    } catch (err) {
      throw new OutboundError(
        abort.signal.aborted
          ? String((abort.signal.reason as Error).message)
          : `network: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    // A fetch implementation that ignores redirect: "error" still must not hand us a redirect as an answer.
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel().catch(() => undefined);
      throw new OutboundError(`HTTP ${res.status}: redirects are not followed`);
    }
    const declared = Number(res.headers.get("content-length") ?? "NaN");
    if (declared > limits.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new OutboundError(`the answer is ${declared} bytes, over the ${limits.maxBytes}-byte limit`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > limits.maxBytes) {
            await reader.cancel().catch(() => undefined);
            abort.abort();
            throw new OutboundError(`the answer exceeds the ${limits.maxBytes}-byte limit`);
          }
          chunks.push(value);
        }
      } catch (err) {
        if (err instanceof OutboundError) throw err;
        throw new OutboundError(
          abort.signal.aborted
            ? String((abort.signal.reason as Error)?.message ?? "aborted")
            : `network: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    }
    return { status: res.status, ok: res.ok, text: Buffer.concat(chunks).toString("utf8") };
  } finally {
    clearTimeout(timer);
  }
}
