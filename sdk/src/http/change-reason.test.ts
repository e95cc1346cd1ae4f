import { describe, expect, it } from "vitest";
import { decodeChangeReason, encodeChangeReason, MAX_CHANGE_REASON, readChangeReason } from "./change-reason.ts";

class Refused extends Error {
  constructor(
    public readonly pointer: string,
    detail: string,
  ) {
    super(detail);
  }
}
const refuse = (pointer: string, detail: string) => new Refused(pointer, detail);

describe("Change-Reason", () => {
  it.each([
    ["plain ASCII is sent as written", "Annual review held", "Annual review held"],
    ["a per cent sign is encoded so it cannot be misread", "50% fewer sessions", "50%25%20fewer%20sessions"],
    [
      "Welsh and curly quotes are percent-encoded UTF-8",
      "Adolygiad blynyddol — Ffion’s views",
      "Adolygiad%20blynyddol%20%E2%80%94%20Ffion%E2%80%99s%20views",
    ],
  ])("%s", (_d, reason, header) => {
    expect(encodeChangeReason(reason)).toBe(header);
    expect(decodeChangeReason(header)).toBe(reason);
    expect(readChangeReason(header, true, "", refuse)).toBe(reason);
  });

  it.each([
    ["a literal per cent sign from an older client is kept", "50% fewer", "50% fewer"],
    ["surrounding spaces are trimmed", "  moved to Targeted Plus  ", "moved to Targeted Plus"],
  ])("%s", (_d, header, reason) => {
    expect(readChangeReason(header, true, "", refuse)).toBe(reason);
  });

  it("falls back when absent and not required", () => {
    expect(readChangeReason(undefined, false, "created", refuse)).toBe("created");
    expect(readChangeReason(null, false, "created", refuse)).toBe("created");
    expect(readChangeReason("   ", false, "created", refuse)).toBe("created");
  });

  it("refuses absent, blank or over-long reasons when required, pointing at the header", () => {
    for (const raw of [undefined, "", "%20%20"]) {
      expect(() => readChangeReason(raw, true, "", refuse)).toThrow(Refused);
    }
    // The limit applies after decoding: 500 "é" are 3,000 header characters but exactly the limit.
    expect(readChangeReason(encodeChangeReason("é".repeat(MAX_CHANGE_REASON)), true, "", refuse)).toHaveLength(
      MAX_CHANGE_REASON,
    );
    try {
      readChangeReason("x".repeat(MAX_CHANGE_REASON + 1), true, "", refuse);
      expect.unreachable();
    } catch (e) {
      expect((e as Refused).pointer).toBe("/header/Change-Reason");
    }
  });

  it("refuses NUL and other control characters that percent-encoding let through; keeps tabs and line breaks", () => {
    for (const raw of ["a%00b", "%07bell", "x%1By", "del%7F", encodeChangeReason("c1\u0085")]) {
      expect(() => readChangeReason(raw, true, "", refuse), raw).toThrow(Refused);
    }
    expect(readChangeReason(encodeChangeReason("line one\nline two\tend"), true, "", refuse)).toBe(
      "line one\nline two\tend",
    );
  });
});
