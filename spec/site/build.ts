// Builds the static site of the standard into one folder any static host can serve (default dist/site/, gitignored):
//   npm run site                      (= npx tsx spec/site/build.ts [output-folder])
// The builder lives in spec/ because the site is a rendering of what spec/ and schemas/ hold, like the OpenAPI and
// the API docs (spec/build-docs.ts), and spec/ is already covered by the type-check, lint and test configuration.
// Schemas sit at the path of their `$id`, so the folder is meant to be the root of the $id host.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDocs } from "../build-docs.ts";
import { OPENAPI_PATH, REPO_ROOT } from "../build-openapi.ts";
import { buildArchive, buildReleaseArchives } from "./archive.ts";
import { docPages } from "./doc-pages.tsx";
import { examplePages } from "./example-pages.tsx";
import { apiPage, downloadPage, homePage, versionsPage } from "./front-pages.tsx";
import { STYLESHEET } from "./layout.tsx";
import { publishedSchemas, schemaPages } from "./schema-pages.tsx";
import type { SiteMap } from "./site-paths.ts";
import { readSources, type Sources } from "./sources.ts";
import { vocabPages } from "./vocab-pages.tsx";

export const SITE_DIR = "dist/site";

export interface BuildResult {
  outDir: string;
  /** Every file written, site paths sorted. */
  files: string[];
  archive: { name: string; sha256: string };
}

/** How the Markdown of the repository maps onto the site (see site-paths.ts). */
export function siteMap(sources: Sources): SiteMap {
  return {
    codeLists: new Set(sources.codeLists.map((l) => l.id)),
    crosswalks: new Set(sources.crosswalks.map((c) => c.id)),
    schemaPaths: new Map(
      publishedSchemas(sources)
        .filter((p) => p.version === "current")
        .map((p) => [p.source.repoPath, p.path]),
    ),
    copies: new Map([
      ["schemas/traceability.json", "data/traceability.json"],
      ["schemas/manifest.json", "data/manifest.json"],
    ]),
  };
}

/** Every page and file of the site except the API documentation (built by Redocly): site path → content. */
export function sitePages(sources: Sources): {
  pages: Map<string, string | Uint8Array>;
  archive: ReturnType<typeof buildArchive>;
} {
  const v = sources.manifest.standardVersion;
  const map = siteMap(sources);
  const archive = buildArchive(sources);
  const releaseArchives = buildReleaseArchives(sources);
  const pages = new Map<string, string | Uint8Array>();
  const add = (m: Map<string, string>) => {
    for (const [path, content] of m) {
      if (pages.has(path)) throw new Error(`two pages want ${path}`);
      pages.set(path, content);
    }
  };
  add(schemaPages(sources, v));
  add(vocabPages(sources, v));
  add(examplePages(sources, v));
  add(docPages(sources, map, v));
  add(
    new Map([
      ["index.html", homePage(sources, v, archive.name)],
      [
        "versions.html",
        versionsPage(
          sources,
          v,
          releaseArchives.map((r) => ({
            version: r.version,
            name: r.archive.name,
            sha256: r.archive.sha256,
            size: r.archive.bytes.length,
          })),
        ),
      ],
      ["download.html", downloadPage(sources, v, archive.name, archive.sha256, archive.bytes.length)],
      ["api/index.html", apiPage(v)],
    ]),
  );
  pages.set(`download/${archive.name}`, archive.bytes);
  pages.set(`download/${archive.name}.sha256`, `${archive.sha256}  ${archive.name}\n`);
  for (const { archive: a } of releaseArchives) {
    pages.set(`download/releases/${a.name}`, a.bytes);
    pages.set(`download/releases/${a.name}.sha256`, `${a.sha256}  ${a.name}\n`);
  }
  return { pages, archive };
}

/** Builds the whole site into `outDir` (emptied first). */
export function buildSite(outDir: string = join(REPO_ROOT, SITE_DIR), root: string = REPO_ROOT): BuildResult {
  const sources = readSources(root);
  const { pages, archive } = sitePages(sources);
  rmSync(outDir, { recursive: true, force: true });
  for (const [path, content] of pages) {
    const file = join(outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  mkdirSync(join(outDir, "assets"), { recursive: true });
  copyFileSync(join(here, "site.css"), join(outDir, STYLESHEET));
  for (const [from, to] of siteMap(sources).copies) {
    mkdirSync(dirname(join(outDir, to)), { recursive: true });
    copyFileSync(join(root, from), join(outDir, to));
  }
  copyFileSync(join(root, OPENAPI_PATH), join(outDir, "api", "openapi.json"));
  buildDocs(join(outDir, "api", "docs.html"), join(root, OPENAPI_PATH));
  const files = [...pages.keys(), STYLESHEET, ...siteMap(sources).copies.values(), "api/openapi.json", "api/docs.html"];
  return { outDir, files: files.sort(), archive: { name: archive.name, sha256: archive.sha256 } };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const r = buildSite(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(
    `wrote ${r.files.length} files to ${r.outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
      `${r.archive.name} sha256 ${r.archive.sha256}\n`,
  );
}
