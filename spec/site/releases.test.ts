// The site and the release records: without schemas/releases/releases.json the version history shows the current
// version as not yet released; with it, every version is listed with its status and dates, and a released version's
// schemas are published at their own `$id` when no current schema has that `$id` (never over a current one).
// Also: Markdown links to files the site does not publish become plain text, and a `$id` on another host is refused.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../build-openapi.ts";
import { sitePages, siteMap } from "./build.ts";
import { versionsPage } from "./front-pages.tsx";
import { rewriteHref } from "./markdown.ts";
import { publishedSchemas } from "./schema-pages.tsx";
import { idPath } from "./site-paths.ts";
import { type Sources, readReleases, readSources } from "./sources.ts";

const sources = readSources(REPO_ROOT);
const base = sources.manifest.baseUri;
const work = mkdtempSync(join(tmpdir(), "site-releases-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** A repository root holding only schemas/releases/ with the given records and files. */
function releasesRoot(records: unknown, files: Record<string, unknown>): string {
  const root = mkdtempSync(join(work, "root-"));
  mkdirSync(join(root, "schemas", "releases"), { recursive: true });
  writeFileSync(join(root, "schemas", "releases", "releases.json"), JSON.stringify(records));
  for (const [path, json] of Object.entries(files)) {
    mkdirSync(join(root, "schemas", "releases", path, ".."), { recursive: true });
    writeFileSync(join(root, "schemas", "releases", path), JSON.stringify(json, null, 2));
  }
  return root;
}

describe("version history and released schemas", () => {
  it("without releases.json, shows the current version as not yet released", () => {
    expect(readReleases(mkdtempSync(join(work, "empty-")))).toBeNull();
    const html = text(versionsPage({ ...sources, releases: null }, sources.manifest.standardVersion));
    expect(html).toContain(`The current version is ${sources.manifest.standardVersion}`);
    expect(html).toContain("not yet released");
  });

  it("with releases.json, lists every version newest first with status and dates, and serves old $ids", () => {
    const oldId = new URL("../0/isp.schema.json", base).href;
    const sharedId = sources.schemas[0]?.id as string;
    const root = releasesRoot(
      [
        {
          version: "0.9.0",
          status: "retired",
          date: "2029-01-01",
          statusDates: { "trial-use": "2029-01-01", retired: "2029-09-01" },
        },
        { version: "1.0.0", status: "normative", date: "2029-09-01", notes: "First normative release." },
      ],
      {
        "0.9.0/isp.schema.json": { $id: oldId, title: "Old ISP", type: "object" },
        "1.0.0/shared.schema.json": { $id: sharedId, title: "Released copy of a current schema" },
      },
    );
    const releases = readReleases(root);
    expect(releases?.map((r) => r.record.version)).toEqual(["1.0.0", "0.9.0"]);
    const withReleases: Sources = { ...sources, releases };

    const html = text(versionsPage(withReleases, sources.manifest.standardVersion));
    expect(html).toMatch(
      /1\.0\.0.*Normative.*2029-09-01.*First normative release\..*0\.9\.0.*Retired.*Trial use: 2029-01-01/,
    );

    const published = publishedSchemas(withReleases);
    expect(published.find((p) => p.source.id === oldId)).toMatchObject({ path: "0/isp.schema.json", version: "0.9.0" });
    // A released copy never replaces the current schema at the same $id.
    expect(published.find((p) => p.source.id === sharedId)?.version).toBe("current");

    const { pages } = sitePages(withReleases);
    expect(JSON.parse(pages.get("0/isp.schema.json") as string)).toEqual({
      $id: oldId,
      title: "Old ISP",
      type: "object",
    });
    expect(text(pages.get("0/isp.schema.html") as string)).toContain("Old ISP");
    expect(pages.get("0/index.html")).toContain("isp.schema.html");
    expect(pages.get(idPath(sharedId, base))).toBe(sources.schemas[0]?.text);
  });

  it("refuses release records with an unknown status", () => {
    const root = releasesRoot([{ version: "1.0.0", status: "final", date: "2029-09-01" }], {});
    expect(() => readReleases(root)).toThrow(/bad release record/);
  });

  it("refuses a $id on another host: it could not be served at its $id", () => {
    expect(() => idPath("https://example.org/1/isp.schema.json", base)).toThrow(/not on the site's host/);
    expect(idPath(`${base}generated/codes.schema.json`, base)).toBe("1/generated/codes.schema.json");
  });
});

describe("links in Markdown", () => {
  const map = siteMap(sources);
  it.each([
    ["../../schemas/isp.schema.json", "spec/reference/isp.md", "reference/isp.html", "../1/isp.schema.html"],
    ["code-lists.md#person-types", "spec/reference/isp.md", "reference/isp.html", "../code-lists/person-types.html"],
    ["../reference/", "spec/guides/reading-an-isp.md", "guides/reading-an-isp.html", "../reference/index.html"],
    ["q-isp-6-versioning.md", "spec/decisions/README.md", "decisions/index.html", "q-isp-6-versioning.html"],
    ["../../schemas/vocab/", "spec/guides/reading-an-isp.md", "guides/reading-an-isp.html", "../code-lists/index.html"],
  ])("%s in %s becomes %s → %s", (target, source, page, expected) => {
    expect(rewriteHref(target, source, page, map)).toBe(expected);
  });

  it("a link to a file the site does not publish becomes plain text (null), never a broken link", () => {
    expect(
      rewriteHref("../../sdk/README.md", "spec/guides/reading-an-isp.md", "guides/reading-an-isp.html", map),
    ).toBeNull();
  });
});
