// Every view of every worked example in headless Chromium (playwright-core, the system's Chromium; never a downloaded
// browser): axe-core finds no WCAG 2.2 A/AA or best-practice violation; one h1 and no skipped heading level; banner,
// main and contentinfo landmarks; lang="en-GB"; a visible keyboard focus; no horizontal scroll at 320 CSS pixels;
// a print stylesheet that hides navigation; the classroom page prints on one A4 sheet. Screenshots of each page at
// 320 and 1024 pixels go to tmp/views-screenshots/ for a person to look at.
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { chromiumPath } from "../../../.ci/chromium.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages } from "./test-support/pages.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const SHOTS = join(ROOT, "tmp", "views-screenshots");
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ["--no-sandbox"] });
});

afterAll(async () => {
  await browser?.close();
});

async function open(html: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  // The page must need nothing from elsewhere: any request it makes fails the test.
  const requests: string[] = [];
  await page.route("**/*", (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(html, { waitUntil: "load" });
  expect(requests).toEqual([]);
  return page;
}

/** axe-core's WCAG 2.2 A/AA and best-practice violations on the open page, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return r.violations;
  })) as AxeViolation[];
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`);
}

it("the harness catches violations (a page with poor contrast, no landmarks and a skipped heading)", async () => {
  const page = await open('<html><body><h3>Plan</h3><p style="color:#bbb">Pale text</p></body></html>', 1024);
  try {
    const ids = (await axeViolations(page)).map((v) => v.split(":")[0]);
    expect(ids).toEqual(expect.arrayContaining(["color-contrast", "html-has-lang", "region"]));
  } finally {
    await page.close();
  }
});

// One page per example and view, checked in one go: opening pages is what costs time on a shared machine.
describe.each(allPages())("$name in Chromium", ({ name, view, html }) => {
  it("passes axe-core, has ordered headings, landmarks, language, visible focus, reflow and print styles", async () => {
    const page = await open(html, 1024);
    try {
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `${name}.1024.png`), fullPage: true });

      const facts = await page.evaluate(() => ({
        levels: Array.from(document.querySelectorAll("h1,h2,h3,h4,h5,h6")).map((h) => Number(h.tagName[1])),
        lang: document.documentElement.lang,
        main: document.querySelectorAll("main").length,
        banner: document.querySelectorAll("body > header").length,
        contentinfo: document.querySelectorAll("body > footer").length,
        title: document.title,
      }));
      expect(facts.levels[0]).toBe(1);
      expect(facts.levels.filter((l) => l === 1)).toHaveLength(1);
      for (let i = 1; i < facts.levels.length; i++)
        expect(facts.levels[i]! - facts.levels[i - 1]!).toBeLessThanOrEqual(1);
      expect(facts.lang).toBe("en-GB");
      expect([facts.main, facts.banner, facts.contentinfo]).toEqual([1, 1, 1]);
      expect(facts.title.length).toBeGreaterThan(0);

      // Keyboard: the first Tab lands on the skip link, shown with a thick outline inside the viewport; the next
      // (where the page has more links) on the contents list, shown the same way.
      for (let i = 0; i < 2; i++) {
        await page.keyboard.press("Tab");
        const focus = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          return {
            tag: el.tagName,
            outline: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2,
            inView: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0,
          };
        });
        if (focus === null && i > 0) break; // the classroom page has only the skip link
        expect(focus).toEqual({ tag: "A", outline: true, inView: true });
      }

      await page.setViewportSize({ width: 320, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.screenshot({ path: join(SHOTS, `${name}.320.png`), fullPage: true });

      await page.emulateMedia({ media: "print" });
      const hidden = await page.evaluate(() =>
        Array.from(document.querySelectorAll(".skip, nav.contents")).every(
          (e) => getComputedStyle(e).display === "none",
        ),
      );
      expect(hidden).toBe(true);
      if (view === "classroom") {
        const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
        const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
        expect(pages).toBe(1);
      }
    } finally {
      await page.close();
    }
  });
});
