// Rate limiting (SI-API-034): the (N+1)th request of a caller within the window is 429 problem+json with Retry-After;
// other callers are unaffected; once the bucket refills (injected clock) the caller is served again; idle buckets go.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../env.ts";
import { errorHandler } from "../error-handler/index.ts";
import { RateLimiter, rateLimit, rateLimiterFor } from "./index.ts";

const LIMIT = 3;

function setup(perMinute = LIMIT) {
  let now = new Date("2026-01-01T00:00:00Z");
  const limiter = new RateLimiter(perMinute, () => now, 4);
  const app = new Hono<AppEnv>();
  app.onError(errorHandler({ sink: () => undefined }));
  app.use("*", async (c, next) => {
    c.set("correlationId", "test-correlation");
    const sub = c.req.header("x-test-subject"); // stands in for the auth middleware
    if (sub) c.set("principal", { subject: sub, role: "auditor", system: "suite", childIds: [] });
    await next();
  });
  app.get("/thing", rateLimit(limiter), (c) => c.json({ ok: true }));
  const call = (subject?: string) => app.request("/thing", { headers: subject ? { "x-test-subject": subject } : {} });
  return { limiter, call, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe("rate-limit middleware", () => {
  it("answers the (N+1)th request 429 problem+json with Retry-After, leaves other callers alone, and recovers", async () => {
    const { call, advance } = setup();
    for (let i = 0; i < LIMIT; i++) {
      const ok = await call("alice");
      expect(ok.status).toBe(200);
      expect(ok.headers.get("ratelimit-remaining")).toBe(String(LIMIT - 1 - i));
    }
    const limited = await call("alice");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = (await limited.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 429, type: expect.stringMatching(/\/problems\/rate-limited$/) });
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    expect(retryAfter).toBe(60 / LIMIT); // one token refills every 20 s
    expect((await call("bob")).status).toBe(200);
    expect((await call()).status).toBe(200); // unauthenticated: keyed by address, a different caller
    advance(retryAfter * 1000 - 1);
    expect((await call("alice")).status).toBe(429);
    advance(1);
    expect((await call("alice")).status).toBe(200);
  });

  it("keys by subject and client together", async () => {
    const limiter = new RateLimiter(1, () => new Date(0));
    const app = new Hono<AppEnv>();
    app.onError(errorHandler({ sink: () => undefined }));
    app.use("*", async (c, next) => {
      c.set("correlationId", "x");
      c.set("principal", { subject: "same", role: "auditor", system: c.req.header("x-client"), childIds: [] });
      await next();
    });
    app.get("/", rateLimit(limiter), (c) => c.text("ok"));
    expect((await app.request("/", { headers: { "x-client": "a" } })).status).toBe(200);
    expect((await app.request("/", { headers: { "x-client": "b" } })).status).toBe(200);
    expect((await app.request("/", { headers: { "x-client": "a" } })).status).toBe(429);
  });

  it("keeps memory bounded: idle buckets are evicted, and never more than the bound are kept", () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => new Date(now), 4);
    for (let i = 0; i < 10; i++) limiter.take(`caller-${i}`);
    expect(limiter.size).toBeLessThanOrEqual(4);
    now += 60_000;
    limiter.take("late");
    expect(limiter.size).toBe(1);
  });

  it("is off with perMinute 0 and refuses a negative rate", () => {
    expect(rateLimiterFor({ perMinute: 0 })).toBeUndefined();
    expect(rateLimiterFor(undefined)?.perMinute).toBe(6000);
    expect(() => rateLimiterFor({ perMinute: -1 })).toThrow();
  });
});
