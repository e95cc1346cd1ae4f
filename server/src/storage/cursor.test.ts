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
