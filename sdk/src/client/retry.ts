// Retry policy for 429 and 503: exponential backoff with full jitter, overridden by the server's Retry-After
// (delta-seconds or an HTTP date, RFC 9110 §10.2.3), always bounded by maxDelayMs so a hostile header cannot park
// the caller for hours.

export interface RetryOptions {
  /** How many times to retry after the first attempt (default 3; 0 disables retries). */
  retries?: number;
  /** First backoff step in milliseconds (default 200); doubles each retry. */
  baseDelayMs?: number;
  /** Upper bound of any one wait, including one asked for by Retry-After (default 30 000). */
  maxDelayMs?: number;
}

export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);

export function retryPolicy(o: RetryOptions = {}): RetryPolicy {
  return {
    retries: Math.max(0, o.retries ?? 3),
    baseDelayMs: Math.max(0, o.baseDelayMs ?? 200),
    maxDelayMs: Math.max(0, o.maxDelayMs ?? 30_000),
  };
}

/** Milliseconds the server asked us to wait, or undefined when the header is absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[A-Za-z]/.test(v)) return undefined; // e.g. "-5" or "1.5": not a valid delta-seconds nor a date
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * How long to wait before retry number `attempt` (0-based). Retry-After wins when present; otherwise
 * `random() * baseDelayMs * 2^attempt` (full jitter, so many clients do not retry in lockstep).
 */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const wanted = retryAfterMs ?? random() * policy.baseDelayMs * 2 ** attempt;
  return Math.min(policy.maxDelayMs, Math.max(0, Math.round(wanted)));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
