// The built site served on loopback by a plain static server, checked in headless Chromium (playwright-core, the
// system's Chromium): the main pages render with their stylesheet and ask nothing of any other host; a crawl from the
// home page reaches every page built and finds no broken link (files and #fragments); no page points a src or href
// at another host (apart from the $id host itself); every `$id` in schemas/ resolves to its schema; and axe-core
// finds no WCAG 2.2 A/AA or best-practice violation on the main pages.
import { readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "../../.ci/chromium.ts";
import { REPO_ROOT } from "../build-openapi.ts";
import { type BuildResult, buildSite } from "./build.ts";
import { publishedSchemas } from "./schema-pages.tsx";
import { idPath } from "./site-paths.ts";
import { readSources } from "./sources.ts";
import { type StaticServer, serveStatic } from "./test-support/static-server.ts";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const sources = readSources(REPO_ROOT);
const ID_ORIGIN = new URL(sources.manifest.baseUri).origin;
// Redoc prints "API docs by Redocly" as a link on the page it builds: a link a person may follow, not a resource the
// page loads. It is the one off-site URL the site carries, and only on that page.
const REDOC_ATTRIBUTION = { page: "api/docs.html", url: "https://redocly.com/redoc/" };

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

const work = mkdtempSync(join(tmpdir(), "site-"));
let built: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  built = buildSite(join(work, "site"));
  server = await serveStatic(built.outDir);
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ["--no-sandbox"] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Opens a site page; every request to another origin is aborted and reported. */
async function open(path: string, width = 1024): Promise<{ page: Page; offsite: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const offsite: string[] = [];
  const origin = new URL(server.url).origin;
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  const res = await page.goto(new URL(path, server.url).href, { waitUntil: "load" });
  expect(res?.status(), path).toBe(200);
  return { page, offsite };
}

// One page per kind of page (each template once; the big tables are the same template as the small ones): opening
// pages and running axe costs seconds each on a shared 2-core machine.
const MAIN_PAGES = [
  "index.html",
  "schemas/index.html",
  "1/isp.schema.html",
  "reference/index.html",
  "reference/transfer-receipt.html",
  "code-lists/index.html",
  "code-lists/areas-of-development.html",
  "crosswalks/census-sen-types-to-areas-of-development.html",
  "examples/index.html",
  "examples/counter/001-isp-missing-child.html",
  "requirements/index.html",
  "decisions/q-isp-1-who-gets-an-isp.html",
  "guides/index.html",
  "changelog.html",
  "versions.html",
  "download.html",
  "api/index.html",
];

describe("the built site in Chromium", () => {
  it.each(MAIN_PAGES)(
    "%s renders with its stylesheet, landmarks and one h1, loads nothing from elsewhere, passes axe-core",
    async (path) => {
      const { page, offsite } = await open(path);
      try {
        const facts = await page.evaluate(() => ({
          h1: Array.from(document.querySelectorAll("h1")).map((h) => h.textContent?.trim() ?? ""),
          lang: document.documentElement.lang,
          title: document.title,
          main: document.querySelectorAll("main").length,
          banner: document.querySelectorAll("body > header").length,
          nav: document.querySelectorAll("nav").length,
          contentinfo: document.querySelectorAll("body > footer").length,
          // The stylesheet applied: the banner is near-black.
          bannerColour: getComputedStyle(document.querySelector("header.top") as Element).backgroundColor,
          skip: (document.querySelector("body > a.skip") as HTMLAnchorElement | null)?.getAttribute("href"),
        }));
        expect(facts.h1).toHaveLength(1);
        expect(facts.h1[0]?.length).toBeGreaterThan(0);
        expect(facts.lang).toBe("en-GB");
        expect(facts.title).toMatch(/SEND Interchange/);
        expect([facts.main, facts.banner, facts.contentinfo]).toEqual([1, 1, 1]);
        expect(facts.nav).toBeGreaterThanOrEqual(1);
        expect(facts.bannerColour).toBe("rgb(11, 12, 12)");
        expect(facts.skip).toBe("#main");
        expect(offsite).toEqual([]);

        // axe-core: no WCAG 2.2 A/AA or best-practice violation.
        await page.addScriptTag({ content: AXE_SOURCE });
        const violations = (await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } }).axe;
          const r = await axe.run({
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
          });
          return r.violations;
        })) as AxeViolation[];
        expect(
          violations.map(
            (v) =>
              `${v.id}: ${v.help} (${v.nodes
                .slice(0, 3)
                .map((n) => JSON.stringify(n.target))
                .join(", ")})`,
          ),
        ).toEqual([]);
        // Keyboard: the skip link is the first Tab stop. Reflow: no sideways scrolling of the page at 320 CSS pixels
        // (wide tables scroll inside their own focusable region).
        await page.keyboard.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("#main");
        await page.setViewportSize({ width: 320, height: 800 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      } finally {
        await page.close();
      }
    },
  );

  it("the API documentation page runs Redoc, loads nothing from elsewhere, and its menu links stay in the page", async () => {
    const { page, offsite } = await open("api/docs.html");
    try {
      await page.waitForSelector("h1", { timeout: 30_000 });
      expect(await page.title()).toMatch(/SEND Interchange API/);
      // Redoc's menu links are client-side routes: following one shows the section without loading another page.
      let loads = 0;
      page.on("load", () => loads++);
      const link = page.locator('a[data-discover][href$="/section/errors"]').first();
      await link.click();
      await page.waitForURL(/\/section\/errors$/);
      expect(loads).toBe(0);
      expect(await page.locator("#api-content").count()).toBe(1);
      expect(offsite).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("a crawl from the home page reaches every page built and finds no broken link or fragment", async () => {
    const { page } = await open("index.html");
    try {
      // Runs in the page: fetch + DOMParser is Chromium's own HTML parser, without a navigation per page.
      const result = await page.evaluate(
        async ([start, redocPage]) => {
          let redocRoutes = 0;
          const origin = new URL(start).origin;
          const queue = [start];
          const seen = new Set<string>([start]);
          const status = new Map<string, number>();
          const ids = new Map<string, Set<string>>();
          const links: { from: string; to: string; fragment: string }[] = [];
          const offsite: { from: string; url: string }[] = [];
          while (queue.length > 0) {
            const url = queue.shift() as string;
            const res = await fetch(url);
            status.set(url, res.status);
            if (!res.ok || !(res.headers.get("content-type") ?? "").startsWith("text/html")) continue;
            const doc = new DOMParser().parseFromString(await res.text(), "text/html");
            ids.set(
              url,
              new Set([
                ...Array.from(doc.querySelectorAll("[id]")).map((e) => e.id),
                ...Array.from(doc.querySelectorAll("a[name]")).map((e) => e.getAttribute("name") ?? ""),
              ]),
            );
            const isRedoc = url === redocPage;
            const refs = [
              ...Array.from(doc.querySelectorAll("a[href], link[href], area[href]"))
                // Redoc's own menu links are client-side routes its script handles (checked in a test of their own).
                .filter((e) => !(isRedoc && e.hasAttribute("data-discover")))
                .map((e) => e.getAttribute("href")),
              ...Array.from(doc.querySelectorAll("[src]")).map((e) => e.getAttribute("src")),
            ];
            if (isRedoc) redocRoutes += doc.querySelectorAll("a[data-discover]").length;
            for (const ref of refs) {
              if (ref === null) continue;
              const target = new URL(ref, url);
              if (target.protocol !== "http:" && target.protocol !== "https:") continue;
              if (target.origin !== origin) {
                offsite.push({ from: url, url: target.href });
                continue;
              }
              const fragment = decodeURIComponent(target.hash.slice(1));
              target.hash = "";
              links.push({ from: url, to: target.href, fragment });
              if (!seen.has(target.href)) {
                seen.add(target.href);
                queue.push(target.href);
              }
            }
          }
          const broken = links.filter((l) => status.get(l.to) !== 200).map((l) => `${l.from} -> ${l.to}`);
          const missingFragments = links
            .filter((l) => l.fragment && ids.has(l.to) && !ids.get(l.to)?.has(l.fragment))
            .map((l) => `${l.from} -> ${l.to}#${l.fragment}`);
          return { visited: [...status.keys()], broken, missingFragments, offsite, links: links.length, redocRoutes };
        },
        [new URL("index.html", server.url).href, new URL("api/docs.html", server.url).href] as const,
      );

      expect(result.broken).toEqual([]);
      expect(result.redocRoutes).toBeGreaterThan(0);
      expect(result.missingFragments).toEqual([]);
      const base = server.url;
      const visited = new Set(result.visited.map((u) => u.slice(base.length)));
      // Every file the build wrote is reachable by following links from the home page.
      expect(built.files.filter((f) => !visited.has(f))).toEqual([]);
      expect(result.links).toBeGreaterThan(built.files.length);
      const unexpected = result.offsite
        .map((o) => ({ page: o.from.slice(base.length), url: o.url }))
        .filter((o) => new URL(o.url).origin !== ID_ORIGIN)
        .filter((o) => !(o.page === REDOC_ATTRIBUTION.page && o.url === REDOC_ATTRIBUTION.url));
      expect(unexpected).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("no built page or stylesheet names another host in src, href, url() or @import (the $id host apart)", () => {
    const offsite: string[] = [];
    for (const file of built.files.filter((f) => /\.(html|css)$/.test(f))) {
      const text = readFileSync(join(built.outDir, file), "utf8");
      const pattern = /(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])((?:https?:)?\/\/[^"'\s)>]+)/gi;
      for (const m of text.matchAll(pattern)) {
        const url = new URL(m[1] as string, "https://unknown.invalid/");
        if (url.origin === ID_ORIGIN) continue;
        if (file === REDOC_ATTRIBUTION.page && url.href === REDOC_ATTRIBUTION.url) continue;
        offsite.push(`${file}: ${url.href}`);
      }
    }
    expect(offsite).toEqual([]);
  });

  it("every $id in schemas/ (current and released) resolves to its schema", async () => {
    const published = publishedSchemas(sources);
    const all = [...sources.schemas, ...(sources.releases ?? []).flatMap((r) => r.schemas)];
    expect(all.length).toBeGreaterThan(10);
    for (const s of all) {
      const res = await fetch(new URL(idPath(s.id, sources.manifest.baseUri), server.url));
      expect(res.status, s.id).toBe(200);
      const served = await res.json();
      expect((served as { $id?: string }).$id).toBe(s.id);
      // The file that answers this $id: the current schema if one has it, else the newest release's.
      const owner = published.find((p) => p.source.id === s.id);
      expect(served, s.repoPath).toEqual(JSON.parse(owner?.source.text ?? "null"));
      if (sources.schemas.includes(s)) expect(served, s.repoPath).toEqual(s.schema);
    }
  });
});
