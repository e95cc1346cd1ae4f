// Rate limiting (SI-API-034, RFC 6585 §4), in two places: per client address BEFORE authentication (so a flood of bad
// tokens is refused before each costs a signature check), and per caller after it — the token's subject and client
// for authenticated requests, the client address otherwise. Both are token buckets. A caller over its rate gets 429
// `rate-limited` problem+json with Retry-After (whole seconds); every limited response carries RateLimit-Limit/
// -Remaining informational headers (of the per-caller limit, or of the address limit where that is the only one).
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import { HttpProblem } from "../../http/problems.ts";
import { clientAddress, type TrustedProxies } from "../../http/client-address.ts";

/** Generous on purpose: no test suite, conformance run or benchmark in this repository comes near it. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 6000;
/** Buckets kept at most; beyond it the least recently used go first (a full bucket carries no state worth keeping). */
const DEFAULT_MAX_BUCKETS = 10_000;

export interface RateLimitOptions {
  /** Requests per minute per caller, also the burst size (default 6,000). 0 turns limiting off. */
  perMinute?: number;
  /** Requests per minute per client address, counted before authentication (default 5 × perMinute: a school's
   *  staff may share one address). 0 turns it off; it is off by default when perMinute is 0. */
  perAddressPerMinute?: number;
  /** Reverse proxies whose X-Forwarded-For names the client (http/client-address.ts); none by default. */
  trustedProxies?: readonly string[];
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

/** Who is calling: the verified principal when there is one, else the client address. */
export function callerKey(c: Context<AppEnv>, trusted?: TrustedProxies): string {
  const p = c.get("principal") as AppEnv["Variables"]["principal"] | undefined;
  if (p) return `sub:${p.subject}|client:${p.system ?? ""}`;
  return `addr:${clientAddress(c, trusted)}`;
}

/** The limit per client address, before authentication: keyed by address only, whoever the token says it is. */
export const addressRateLimit = (limiter: RateLimiter, trusted?: TrustedProxies): MiddlewareHandler<AppEnv> =>
  limitBy(limiter, (c) => `addr:${clientAddress(c, trusted)}`, false);

export const rateLimit = (limiter: RateLimiter, trusted?: TrustedProxies): MiddlewareHandler<AppEnv> =>
  limitBy(limiter, (c) => callerKey(c, trusted), true);

function limitBy(
  limiter: RateLimiter,
  keyOf: (c: Context<AppEnv>) => string,
  informational: boolean,
): MiddlewareHandler<AppEnv> {
  return async function rateLimit(c, next) {
    const decision = limiter.take(keyOf(c));
    const limit = String(limiter.perMinute);
    if (!decision.allowed) {
      const retry = String(decision.retryAfterSeconds);
      throw new HttpProblem(
        "rate-limited",
        `More than ${limiter.perMinute} requests a minute; retry after ${retry} s.`,
        {
          headers: {
            "retry-after": retry,
            "ratelimit-limit": limit,
            "ratelimit-remaining": "0",
            "ratelimit-reset": retry,
          },
        },
      );
    }
    await next();
    if (!informational && c.res.headers.has("ratelimit-limit")) return; // the per-caller limit's headers say more
    c.res.headers.set("ratelimit-limit", limit);
    c.res.headers.set("ratelimit-remaining", String(decision.remaining));
  };
}

function checkedRate(perMinute: number): number {
  if (!Number.isFinite(perMinute) || perMinute < 0)
    throw new Error(`rate limit must be a non-negative number of requests per minute, not ${perMinute}`);
  return perMinute;
}

/** The per-caller limiter for createApp's options, or undefined when limiting is off (perMinute 0). */
export function rateLimiterFor(opts: RateLimitOptions | undefined): RateLimiter | undefined {
  const perMinute = checkedRate(opts?.perMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE);
  return perMinute === 0 ? undefined : new RateLimiter(perMinute, opts?.clock, opts?.maxBuckets);
}

/** The per-address limiter (before authentication), or undefined when it is off. */
export function addressRateLimiterFor(opts: RateLimitOptions | undefined): RateLimiter | undefined {
  const perMinute = checkedRate(
    opts?.perAddressPerMinute ?? 5 * checkedRate(opts?.perMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE),
  );
  return perMinute === 0 ? undefined : new RateLimiter(perMinute, opts?.clock, opts?.maxBuckets);
}
