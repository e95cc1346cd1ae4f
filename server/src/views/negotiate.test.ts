// Which representation of a plan view to send, from `format` and the Accept header (RFC 9110 §12.5.1).
import { describe, expect, it } from "vitest";
import { viewFormat } from "./negotiate.ts";

describe("viewFormat", () => {
  it.each([
    [undefined, undefined, "html"],
    [undefined, "", "html"],
    [undefined, "*/*", "html"],
    [undefined, "text/html", "html"],
    [undefined, "text/*", "html"],
    [undefined, "application/pdf", "pdf"],
    [undefined, "text/html, application/pdf;q=0.5", "html"],
    [undefined, "text/html;q=0.4, application/pdf", "pdf"],
    [undefined, "application/*", "pdf"],
    [undefined, "text/html;q=0, */*", "pdf"],
    [undefined, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"],
    ["pdf", "text/html", "pdf"],
    ["html", "application/pdf", "html"],
    [undefined, "application/json", undefined],
    [undefined, "application/json, text/plain", undefined],
    [undefined, "text/html;q=0, application/pdf;q=0", undefined],
    [undefined, "*/*;q=0", undefined],
    [undefined, "image/png, application/*;q=0", undefined],
  ] as const)("format=%s, Accept %j → %s", (format, accept, expected) => {
    expect(viewFormat(format, accept)).toBe(expected);
  });
});
