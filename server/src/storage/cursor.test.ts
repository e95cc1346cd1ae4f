import { describe, expect, it } from "vitest";
import { clampLimit, decodeCursor, encodeCursor, MAX_PAGE_SIZE } from "./cursor.ts";
import { InvalidCursorError } from "./store.ts";

describe("page cursors", () => {
  it.each(["isp-001", "ünïcode/+=", 0, 9_007_199_254_740_991])("round-trips %j and is URL-safe", (key) => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, typeof key === "number" ? "number" : "string")).toBe(key);
  });

  it.each([
    { name: "garbage", cursor: "%%%" },
    { name: "not JSON", cursor: Buffer.from("nope").toString("base64url") },
    { name: "wrong key type", cursor: encodeCursor(5), type: "string" as const },
    { name: "no key", cursor: Buffer.from("{}").toString("base64url") },
    { name: "null", cursor: Buffer.from("null").toString("base64url") },
    // Keys the database would refuse (a 500 for the caller, and once for everyone batched with it).
    { name: "a NUL in the key", cursor: encodeCursor("a\u0000b") },
    { name: "a lone surrogate in the key", cursor: encodeCursor("a\ud800b") },
    { name: "an over-long key", cursor: encodeCursor("x".repeat(257)) },
    { name: "a key beyond bigint", cursor: encodeCursor(1e308), type: "number" as const },
    { name: "a negative key", cursor: encodeCursor(-1), type: "number" as const },
    { name: "a fractional key", cursor: encodeCursor(1.5), type: "number" as const },
  ])("rejects $name with InvalidCursorError", ({ cursor, type }) => {
    expect(() => decodeCursor(cursor, type ?? "string")).toThrow(InvalidCursorError);
  });

  it.each([
    [0, 1],
    [-3, 1],
    [1, 1],
    [50.9, 50],
    [100, 100],
    [101, MAX_PAGE_SIZE],
    [Number.NaN, MAX_PAGE_SIZE],
  ])("clampLimit(%d) = %d", (input, expected) => {
    expect(clampLimit(input)).toBe(expected);
  });
});
