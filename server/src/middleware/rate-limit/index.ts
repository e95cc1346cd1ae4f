// Per-caller rate limiting (SI-API-034, RFC 6585 §4): a token bucket per caller — the token's subject and client for
// authenticated requests, the remote address otherwise. A caller over its rate gets 429 `rate-limited` problem+json
// with Retry-After (whole seconds); every limited response carries RateLimit-Limit/-Remaining informational headers.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import { HttpProblem } from "../../http/problems.ts";

/** Generous on purpose: no test suite, conformance run or benchmark in this repository comes near it. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 6000;
/** Buckets kept at most; beyond it the least recently used go first (a full bucket carries no state worth keeping). */
const DEFAULT_MAX_BUCKETS = 10_000;

export interface RateLimitOptions {
  /** Requests per minute per caller, also the burst size (default 6,000). 0 turns limiting off. */
  perMinute?: number;
  clock?: () => Date;
  maxBuckets?: number;
}

interface Bucket {
  tokens: number;
  at: number; // ms of the last refill
}

export type Decision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** The bucket store: pure arithmetic over a clock, so tests drive time. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly maxBuckets: number;
  constructor(
    readonly perMinute: number,
    private readonly clock: () => Date = () => new Date(),
    maxBuckets = DEFAULT_MAX_BUCKETS,
  ) {
    this.perMs = perMinute / 60_000;
    this.maxBuckets = maxBuckets;
  }

  get size(): number {
    return this.buckets.size;
  }

  take(key: string): Decision {
    const now = this.clock().getTime();
    const old = this.buckets.get(key);
    const tokens = old ? Math.min(this.perMinute, old.tokens + Math.max(0, now - old.at) * this.perMs) : this.perMinute;
    // Re-insert so the Map's order is least recently used first.
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    this.evict(now);
    return { allowed: true, remaining: Math.floor(tokens - 1) };
  }

  /** Drops buckets idle long enough to be full again, then the least recently used while over the bound. */
  private evict(now: number): void {
    const refillMs = 60_000;
    for (const [key, b] of this.buckets) {
      if (now - b.at < refillMs && this.buckets.size <= this.maxBuckets) break; // the rest are more recent
      this.buckets.delete(key);
    }
  }
}

/** Who is calling: the verified principal when there is one, else the socket's remote address. */
export function callerKey(c: Context<AppEnv>): string {
  const p = c.get("principal") as AppEnv["Variables"]["principal"] | undefined;
  if (p) return `sub:${p.subject}|client:${p.system ?? ""}`;
  // @hono/node-server puts the IncomingMessage in env; app.request (tests) has none.
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return `addr:${incoming?.socket?.remoteAddress ?? "unknown"}`;
}

export const rateLimit = (limiter: RateLimiter): MiddlewareHandler<AppEnv> =>
  async function rateLimit(c, next) {
    const decision = limiter.take(callerKey(c));
    const limit = String(limiter.perMinute);
    if (!decision.allowed) {
      const retry = String(decision.retryAfterSeconds);
      throw new HttpProblem("rate-limited", `More than ${limiter.perMinute} requests a minute; retry after ${retry} s.`, {
        headers: { "retry-after": retry, "ratelimit-limit": limit, "ratelimit-remaining": "0", "ratelimit-reset": retry },
      });
    }
    await next();
    c.res.headers.set("ratelimit-limit", limit);
    c.res.headers.set("ratelimit-remaining", String(decision.remaining));
  };

/** The limiter for createApp's options, or undefined when limiting is off (perMinute 0). */
export function rateLimiterFor(opts: RateLimitOptions | undefined): RateLimiter | undefined {
  const perMinute = opts?.perMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  if (!Number.isFinite(perMinute) || perMinute < 0) throw new Error(`rate limit must be a non-negative number of requests per minute, not ${perMinute}`);
  return perMinute === 0 ? undefined : new RateLimiter(perMinute, opts?.clock, opts?.maxBuckets);
}
