import { describe, expect, it } from "vitest";
import { parseRetryAfter, retryDelay, retryPolicy } from "./retry.ts";
import { linkTarget } from "./link-header.ts";

const NOW = Date.parse("2030-01-01T12:00:00Z");

describe("parseRetryAfter", () => {
  it.each([
    ["120", 120_000],
    [" 0 ", 0],
    ["Wed, 01 Jan 2030 12:00:30 GMT", 30_000],
    ["Wed, 01 Jan 2030 11:59:00 GMT", 0], // a date in the past: retry now
    ["-5", undefined],
    ["1.5", undefined],
    ["soon", undefined],
    [null, undefined],
  ])("%s → %s ms", (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });
});

describe("retryDelay", () => {
  const policy = retryPolicy({ retries: 5, baseDelayMs: 100, maxDelayMs: 1000 });
  it.each([
    [0, undefined, 1, 100],
    [2, undefined, 1, 400],
    [3, undefined, 0.5, 400],
    [5, undefined, 1, 1000], // capped
    [0, 250, 1, 250], // Retry-After wins
    [0, 86_400_000, 1, 1000], // and is capped too
  ])("attempt %i, Retry-After %s, random %s → %i ms", (attempt, after, random, expected) => {
    expect(retryDelay(policy, attempt, after, () => random)).toBe(expected);
  });
});

describe("linkTarget", () => {
  it.each([
    ['</isps?cursor=abc>; rel="next"', "http://h/api/isps", "http://h/isps?cursor=abc"],
    ['<https://x/p?c=1>; rel="prev", <https://x/p?c=3>; rel="next"', "http://h/", "https://x/p?c=3"],
    ["<https://x/p?c=3>; rel=next", "http://h/", "https://x/p?c=3"],
    ['<https://x/a>; rel="first last"', "http://h/", undefined],
    [null, "http://h/", undefined],
  ])("%s", (header, base, expected) => {
    expect(linkTarget(header, "next", base)).toBe(expected);
  });
});
