import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { TestResult } from "../model.ts";
import { buildReport } from "./report-model.ts";
import { renderJunit } from "./junit.ts";
import { renderHtml } from "./html.ts";
import { runChromium } from "../../../.ci/chromium.ts";

const result = (id: string, outcome: TestResult["outcome"], message?: string): TestResult => ({
  id,
  title: `Title of ${id}`,
  level: "MUST",
  profile: "api-core",
  requirements: ["SI-API-004"],
  outcome,
  ...(message ? { message } : {}),
  notes: [],
  durationMs: 12,
  exchanges:
    outcome === "fail"
      ? [
          {
            method: "PUT",
            url: "http://127.0.0.1/isps/1",
            requestHeaders: { authorization: "Bearer [redacted …abcdef]" },
            requestBody: '{"a":"<&>"}',
            status: 200,
            responseHeaders: { "content-type": "application/json" },
            responseBody: '{"stored":true}',
            durationMs: 3,
          },
        ]
      : [],
});

const report = buildReport({
  config: { baseUrl: "http://127.0.0.1:1234", capabilities: { profiles: ["api-core"], resources: ["isp"] } },
  profiles: ["api-core"],
  results: [
    result(
      "send.api-core.isp.update-without-if-match-refused",
      "fail",
      'PUT without If-Match: expected HTTP 428, got 200 <script>"&',
    ),
    result("send.api-core.isp.create-returns-location-etag", "pass"),
    result("send.api-core.ehcp.create-returns-location-etag", "skip", 'resource "ehcp" is not declared'),
    result("send.api-core.isp.delete-not-offered", "error", "TypeError: fetch failed \u0001"),
  ],
  startedAt: new Date("2026-11-22T10:00:00Z"),
  finishedAt: new Date("2026-11-22T10:00:05Z"),
  catalogue: [
    {
      id: "SI-API-004",
      level: "MUST",
      area: "api-core",
      text: "An update (PUT) without an If-Match header is refused with 428.",
      status: "active",
    },
  ],
});

describe("JUnit reporter", () => {
  const xml = renderJunit(report);
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });
  it("maps outcomes to failure, error and skipped elements with the ids as names", () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as {
      testsuites: {
        failures: string;
        errors: string;
        skipped: string;
        testsuite: { testcase: Record<string, unknown>[] };
      };
    };
    expect([doc.testsuites.failures, doc.testsuites.errors, doc.testsuites.skipped]).toEqual(["1", "1", "1"]);
    const cases = doc.testsuites.testsuite.testcase;
    expect(cases.map((c) => c.name)).toEqual(report.results.map((r) => r.id));
    expect(cases[0]!.failure).toBeDefined();
    expect(cases[2]!.skipped).toBeDefined();
    expect(cases[3]!.error).toBeDefined();
  });
});

describe("HTML reporter", () => {
  const html = renderHtml(report);
  it("is self-contained and escapes what it shows", () => {
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
    expect(html).toContain("&lt;script&gt;");
  });
  it("shows the verdict, the failure with its requirement text, request and response", () => {
    expect(html).toContain("NOT CONFORMANT");
    expect(html).toContain("An update (PUT) without an If-Match header is refused with 428.");
    expect(html).toContain("PUT http://127.0.0.1/isps/1");
    expect(html).toContain("{&quot;stored&quot;:true}");
  });
  it("says which schemaVersion the documents were written in (the SDK's current one unless --schema-version)", () => {
    expect(report.schemaVersion).toBe("1.0");
    expect(html).toContain("with documents of schemaVersion 1.0");
  });

  it("renders in headless Chromium with the summary and the failure", () => {
    const dir = mkdtempSync(join(tmpdir(), "conformance-html-"));
    try {
      const file = join(dir, "report.html");
      writeFileSync(file, html);
      const profile = join(dir, "profile");
      const dom = runChromium(profile, ["--dump-dom", `file://${file}`]);
      expect(dom).toContain('id="verdict"');
      expect(dom).toContain("NOT CONFORMANT");
      expect(dom).toContain("send.api-core.isp.update-without-if-match-refused");
      expect(dom).toMatch(/<table id="summary">[\s\S]*MUST/);
      runChromium(profile, [`--screenshot=${join(dir, "shot.png")}`, "--window-size=1200,1600", `file://${file}`]);
      expect(existsSync(join(dir, "shot.png"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
