// The pure SHA-256 against node:crypto: published test vectors, every padding boundary, and random inputs
// (bytes and strings with astral characters, so the UTF-8 path is exercised too).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sha256, sha256HexUtf8 } from "./sha256.ts";

const nodeHex = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

describe("sha256", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
  ])("FIPS 180-4 vector %j", (text, expected) => {
    expect(sha256HexUtf8(text)).toBe(expected);
  });

  it("agrees with node:crypto at every length around the 55/56/64-byte padding boundaries", () => {
    for (let n = 0; n <= 200; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
      expect(hex(sha256(bytes)), `length ${n}`).toBe(nodeHex(bytes));
    }
  });

  it("agrees with node:crypto on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => hex(sha256(bytes)) === nodeHex(bytes)),
      { numRuns: 300 },
    );
  });

  it("agrees with node:crypto on random strings (UTF-8, including astral characters)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 500 }), (text) => sha256HexUtf8(text) === nodeHex(text)),
      { numRuns: 300 },
    );
  });
});
