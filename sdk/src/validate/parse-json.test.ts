import { describe, expect, it } from "vitest";
import { parseJson } from "./parse-json.ts";
import { jsonErrorOffset } from "./json-error-offset.ts";

describe("parseJson", () => {
  it.each([
    { text: '{"a": 1}', value: { a: 1 } },
    { text: ' [1, "x\\u00e9", true, null, -0.5e3] ', value: [1, "xé", true, null, -500] },
  ])("parses $text", ({ text, value }) => {
    expect(parseJson(text)).toEqual({ ok: true, value });
  });

  it.each([
    { text: "", line: 1, column: 1 },
    { text: '{"a":', line: 1, column: 6 },
    { text: '{"a": 1,,}', line: 1, column: 9 },
    { text: '{\n  "documentType": "isp",\n  "schemaVersion": }', line: 3, column: 20 },
    { text: "[1, 2]\nx", line: 2, column: 1 },
    { text: '{"a": tru}', line: 1, column: 10 },
    { text: '{"a": "\\q"}', line: 1, column: 9 },
    { text: "{'a': 1}", line: 1, column: 2 },
  ])("reports line $line, column $column for $text", ({ text, line, column }) => {
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(`line ${line}, column ${column}`);
  });

  it("ignores one leading byte order mark (RFC 8259 §8.1), and only at the start", () => {
    expect(parseJson('\ufeff{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    const inner = parseJson('{"a":\ufeff 1}');
    expect(inner.ok).toBe(false);
    if (!inner.ok) {
      expect(inner.message).toContain("\\uFEFF");
      expect(inner.message).not.toContain("\ufeff");
    }
  });

  it("the scanner agrees with JSON.parse on what is valid", () => {
    for (const text of ['{"a":[1,{"b":null}]}', "0", '"s"', "[]", "{}"])
      expect(jsonErrorOffset(text)).toBe(text.length);
  });
});
