// Retry classification of a receiver's refusal, from the receipt-reasons code list.
import { describe, expect, it } from "vitest";
import { isRetryable, receiptCodeOf } from "./retry-policy.ts";

describe("isRetryable", () => {
  it.each([
    [["unknown-signing-key"], true], // a receipt code marked retryable
    [["bundle.unknown-key"], true], // the inbox's verification code for it
    [["bundle.key-not-yet-valid"], true],
    [["child-not-matched"], true],
    [["bundle.key-revoked"], false],
    [["bundle.schema-invalid"], false],
    [["bundle.unknown-key", "bundle.schema-invalid"], false], // one final reason makes the refusal final
    [["receipt.duplicate-bundle"], false], // unknown codes map to "other", which is final
    [[], false],
  ] as const)("%j → %s", (codes, retry) => {
    expect(isRetryable(codes.map((code) => ({ code, message: "" })))).toBe(retry);
  });

  it("names the receipt code a verification code stands for", () => {
    expect(receiptCodeOf({ code: "bundle.key-expired", message: "x" })).toBe("signing-key-expired");
    expect(receiptCodeOf({ code: "expired", message: "x" })).toBe("expired");
  });
});
