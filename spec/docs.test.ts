// The HTML documentation: built with redocly build-docs --inlineBundle, self-contained (no script, stylesheet or
// font from another origin), and really rendered by a browser: headless Chromium runs the page's JavaScript and
// the operation summaries of each tag appear in the DOM. The static HTML does not contain them (Redoc renders a
// tag's operations client-side), so finding them proves the script ran.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChromium } from "../.ci/chromium.ts";
import { IMAGE_POLICY, buildDocs } from "./build-docs.ts";
import { ROUTES, type TagName } from "./routes.ts";

const work = mkdtempSync(join(tmpdir(), "spec-docs-"));
const htmlPath = join(work, "docs.html");
let html = "";

const stripScripts = (s: string) => s.replace(/<script\b[\s\S]*?<\/script>/g, "");
// Redoc's URL fragment for a tag: its name in kebab case.
const tagSlug = (t: TagName) => t.toLowerCase().replace(/[^a-z0-9]+/g, "-");

beforeAll(() => {
  buildDocs(htmlPath);
  html = readFileSync(htmlPath, "utf8");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("HTML documentation", () => {
  it("is self-contained: no external script, stylesheet, font or image", () => {
    expect(html.length).toBeGreaterThan(100_000);
    expect(html).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link[^>]+href=["']?(https?:)?\/\//i);
    expect(stripScripts(html)).not.toMatch(/@import\s+url\(["']?https?:/i);
    expect(stripScripts(html)).not.toMatch(/<img[^>]+src=["']?https?:/i);
    // Redoc's script would fetch its logo from Redocly's CDN: the page's image policy forbids it.
    expect(html).toContain(IMAGE_POLICY);
  });

  // Three tags, not all eleven: each Chromium run costs several seconds of a shared 2-core machine, and the tags
  // render through the same code path. These cover a document resource, the directory and the audit operations.
  const tags: TagName[] = ["Individual Support Plans", "Children", "Audit"];
  it.each(tags)("renders the operations of tag %s in headless Chromium", (tag) => {
    const summaries = ROUTES.filter((r) => r.tag === tag).map((r) => r.summary);
    const url = `file://${htmlPath}#${tagSlug(tag)}`;
    const dom = stripScripts(
      runChromium(mkdtempSync(join(work, "profile-")), [
        "--window-size=1400,3000",
        "--virtual-time-budget=20000",
        "--dump-dom",
        url,
      ]),
    );
    const escaped = (s: string) => s.replace(/&/g, "&amp;").replace(/'/g, "&#x27;");
    const missing = summaries.filter((s) => !dom.includes(s) && !dom.includes(escaped(s)));
    expect(missing).toEqual([]);
    // The same summaries are absent from the static markup: only the page's JavaScript can have put them there.
    expect(summaries.filter((s) => stripScripts(html).includes(`>${s}<`))).toEqual([]);
  });
});
