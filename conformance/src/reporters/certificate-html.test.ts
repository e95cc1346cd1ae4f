// The certificate page in headless Chromium (playwright-core, the system's Chromium): axe-core finds no WCAG 2.2 A/AA
// or best-practice violation, it loads nothing from anywhere, has one h1, the three landmarks, lang en-GB, reflows at
// 320 CSS pixels, and shows the facts and the JWS. A vendor-chosen name that tries to close the embedded JSON's
// script element stays text, and the page still verifies.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "../../../.ci/chromium.ts";
import { buildReport } from "./report-model.ts";
import { renderCertificateHtml } from "./certificate-html.ts";
import { certificateFacts, certificateKey, reportDigest, signCertificate } from "../certificate/certificate.ts";
import { verifyCertificate } from "../certificate/verify.ts";
import { newSigningKey } from "../transfer/signed-json.ts";
import { packageVersion } from "../package-version.ts";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ["--no-sandbox"] });
});
afterAll(async () => {
  await browser?.close();
});

async function certificatePage(name: string): Promise<string> {
  const report = buildReport({
    config: {
      baseUrl: "https://mis.example/send/v1",
      capabilities: { profiles: ["api-core"], resources: ["isp", "development-profile"], features: ["audit", "voice"] },
    },
    profiles: ["api-core"],
    results: [
      {
        id: "send.api-core.a",
        title: "a",
        level: "MUST",
        profile: "api-core",
        requirements: [],
        outcome: "pass",
        notes: [],
        durationMs: 1,
        exchanges: [],
      },
    ],
    startedAt: new Date("2026-12-01T10:00:00Z"),
    finishedAt: new Date("2026-12-01T10:03:00Z"),
    catalogue: [],
  });
  const text = JSON.stringify(report);
  const key = await certificateKey((await newSigningKey()).privateJwk);
  const facts = certificateFacts({
    report,
    reportDigest: reportDigest(text),
    implementation: { name, version: "4.2.0" },
    declared: { standard: "SEND Interchange", standardVersion: "1.0.0" },
    key: { thumbprint: key.thumbprint, jwksUrl: "https://mis.example/.well-known/jwks.json" },
    issuedAt: new Date("2026-12-01T10:04:00Z"),
  });
  return renderCertificateHtml(await signCertificate(facts, key), { json: "certificate.json" });
}

async function open(html: string, width: number): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route("**/*", (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(html, { waitUntil: "load" });
  return { page, requests, dialogs };
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return r.violations;
  })) as { id: string; help: string; nodes: { target: unknown[] }[] }[];
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`);
}

describe("the certificate page in Chromium", () => {
  it("the harness catches violations (poor contrast, no landmarks, no language)", async () => {
    const { page } = await open('<html><body><h3>Plan</h3><p style="color:#bbb">Pale text</p></body></html>', 1024);
    try {
      const ids = (await axeViolations(page)).map((v) => v.split(":")[0]);
      expect(ids).toEqual(expect.arrayContaining(["color-contrast", "html-has-lang", "region"]));
    } finally {
      await page.close();
    }
  });

  it("passes axe-core, loads nothing, has one h1, landmarks, lang en-GB, reflows at 320 px and shows the facts", async () => {
    const html = await certificatePage("Example MIS");
    const { page, requests } = await open(html, 1024);
    try {
      expect(await axeViolations(page)).toEqual([]);
      expect(requests).toEqual([]);
      const facts = await page.evaluate(() => ({
        h1: Array.from(document.querySelectorAll("h1")).map((h) => h.textContent),
        levels: Array.from(document.querySelectorAll("h1,h2,h3,h4")).map((h) => Number(h.tagName[1])),
        lang: document.documentElement.lang,
        landmarks: ["body > header", "main", "body > footer"].map((s) => document.querySelectorAll(s).length),
        // The rendered text a reader sees: textContent would include the embedded JSON, which holds every fact too.
        // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point here
        text: document.body.innerText,
      }));
      expect(facts.h1).toEqual(["Conformance certificate: Example MIS 4.2.0"]);
      expect(facts.levels.filter((l) => l > 2)).toEqual([]);
      expect(facts.lang).toBe("en-GB");
      expect(facts.landmarks).toEqual([1, 1, 1]);
      for (const shown of [
        "mis.example",
        "api-core",
        "isp, development-profile",
        "audit, voice",
        `send-conformance ${packageVersion()}`,
        "It does not prove who signed it",
        "npx send-conformance verify-certificate certificate.json --report report.json --jwks https://mis.example/.well-known/jwks.json",
      ])
        expect(facts.text).toContain(shown);
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    } finally {
      await page.close();
    }
  });

  it("a name that tries to end the embedded JSON stays text: nothing runs, and the page still verifies", async () => {
    const name = '</script><script>alert("x")</script><!--';
    const html = await certificatePage(name);
    const { page, dialogs } = await open(html, 1024);
    try {
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => document.scripts.length)).toBe(1);
      expect(await page.locator("h1").textContent()).toBe(`Conformance certificate: ${name} 4.2.0`);
    } finally {
      await page.close();
    }
    const v = await verifyCertificate(html, { installedVersion: packageVersion(), now: new Date() });
    expect(v.ok && v.certificate.implementation.name).toBe(name);
  });
});
