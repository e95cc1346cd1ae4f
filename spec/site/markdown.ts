// Markdown of the repository (reference, decisions, guides, changelog) as HTML for the site, with markdown-it.
// Links written for the repository ("../../schemas/isp.schema.json", "code-lists.md#person-types") are rewritten to
// the site pages that publish those files; a link to a file the site does not publish becomes plain text, so the
// site never carries a broken link. Wide tables scroll sideways inside a focusable, labelled region (WCAG 1.4.10).
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { posix } from "node:path";
import { type SiteMap, href, siteTarget } from "./site-paths.ts";

export interface RenderedMarkdown {
  /** Text of the first level-1 heading, for the page title. */
  title: string;
  html: string;
}

// html: true because the generated reference pages carry their own anchors (<a id="…">); the sources are files of
// this repository, reviewed like code, never user input.
const md = new MarkdownIt({ html: true, linkify: false, typographer: false });

const defaultTableOpen = md.renderer.rules.table_open;
md.renderer.rules.table_open = (tokens, idx, options, env, self) => {
  const label = tokens[idx]?.meta?.label ?? "Table";
  const inner = defaultTableOpen
    ? defaultTableOpen(tokens, idx, options, env, self)
    : self.renderToken(tokens, idx, options);
  return `<section class="table-wrap" tabindex="0" aria-label="${md.utils.escapeHtml(label)}">${inner}`;
};
md.renderer.rules.table_close = (tokens, idx, options, _env, self) =>
  `${self.renderToken(tokens, idx, options)}</section>`;

/** Labels each table with the heading above it (numbered when a heading has several tables). */
function labelTables(tokens: Token[]): void {
  let heading = "Table";
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === "heading_open") {
      heading = tokens[i + 1]?.content ?? heading;
      count = 0;
    } else if (t.type === "table_open") {
      count++;
      t.meta = { label: count === 1 ? `Table: ${heading}` : `Table ${count}: ${heading}` };
    }
  }
}

/** Rewrites every link of the inline tokens for the page at `pagePath`, rendered from the repository file `source`. */
function rewriteLinks(tokens: Token[], source: string, pagePath: string, map: SiteMap): void {
  for (const block of tokens) {
    const children = block.children ?? [];
    const open: Token[] = [];
    for (const t of children) {
      if (t.type === "link_open") {
        open.push(t);
        const target = t.attrGet("href") ?? "";
        const rewritten = rewriteHref(target, source, pagePath, map);
        if (rewritten === null) {
          t.tag = "span";
          t.attrs = null;
        } else t.attrSet("href", rewritten);
      } else if (t.type === "link_close") {
        const o = open.pop();
        if (o?.tag === "span") t.tag = "span";
      }
    }
  }
}

/** The site href for a link written in the repository file `source`, or null when the site does not publish it. */
export function rewriteHref(target: string, source: string, pagePath: string, map: SiteMap): string | null {
  if (target.startsWith("#")) return target;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return target; // absolute URL or mailto: left as written
  const [pathPart = "", fragment] = target.split("#", 2);
  if (pathPart === "") return target;
  const repoPath = posix.normalize(posix.join(posix.dirname(source), decodeURI(pathPart)));
  const withSlash = pathPart.endsWith("/") ? `${repoPath.replace(/\/$/, "")}/` : repoPath;
  const found = siteTarget(map, withSlash, fragment);
  if (!found) return null;
  return href(pagePath, found.path, found.fragment);
}

/** Renders the Markdown file `source` (repository path) for the site page `pagePath`. */
export function renderMarkdown(text: string, source: string, pagePath: string, map: SiteMap): RenderedMarkdown {
  const env = {};
  const tokens = md.parse(text, env);
  labelTables(tokens);
  rewriteLinks(tokens, source, pagePath, map);
  const h1 = tokens.findIndex((t) => t.type === "heading_open" && t.tag === "h1");
  const title = h1 >= 0 ? (tokens[h1 + 1]?.children ?? []).map((c) => c.content).join("") : "";
  return { title: title || posix.basename(source, ".md"), html: md.renderer.render(tokens, md.options, env) };
}
