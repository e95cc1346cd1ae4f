/** @jsxImportSource preact */
// The frame every page of the site shares: language, title, the one stylesheet, a skip link, banner, site navigation,
// main and footer landmarks. Rendered with preact-render-to-string, which escapes every text and attribute value;
// the only unescaped HTML is Markdown rendered by markdown-it from files of this repository.
import type { ComponentChildren, VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { href } from "./site-paths.ts";

export const STYLESHEET = "assets/site.css";

const NAV: readonly { path: string; label: string }[] = [
  { path: "index.html", label: "Home" },
  { path: "schemas/index.html", label: "Schemas" },
  { path: "reference/index.html", label: "Reference" },
  { path: "code-lists/index.html", label: "Code lists" },
  { path: "crosswalks/index.html", label: "Crosswalks" },
  { path: "examples/index.html", label: "Examples" },
  { path: "rules/index.html", label: "Quality rules" },
  { path: "requirements/index.html", label: "Requirements" },
  { path: "decisions/index.html", label: "Decisions" },
  { path: "guides/index.html", label: "Guides" },
  { path: "api/index.html", label: "API" },
  { path: "changelog.html", label: "Changelog" },
  { path: "versions.html", label: "Versions" },
  { path: "download.html", label: "Download" },
];

export interface PageContext {
  /** Site path of the page being rendered (no leading slash), for relative links. */
  path: string;
  standardVersion: string;
}

/** A link from the current page to a site path. */
export function Link(props: { ctx: PageContext; to: string; fragment?: string; children: ComponentChildren }): VNode {
  return <a href={href(props.ctx.path, props.to, props.fragment)}>{props.children}</a>;
}

/** A table that scrolls sideways inside a focusable, labelled region when it is wider than the screen. */
export function Table(props: { label: string; head: readonly string[]; children: ComponentChildren }): VNode {
  return (
    <section class="table-wrap" tabindex={0} aria-label={props.label}>
      <table>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </section>
  );
}

/** A block of JSON that scrolls sideways inside its own focusable, labelled region. */
export function JsonBlock(props: { label: string; text: string }): VNode {
  return (
    <section class="code" tabindex={0} aria-label={props.label}>
      <pre>
        <code>{props.text}</code>
      </pre>
    </section>
  );
}

/** Markdown rendered by markdown-it (trusted repository files). */
export function Html(props: { html: string }): VNode {
  return <div class="prose" dangerouslySetInnerHTML={{ __html: props.html }} />;
}

function section(path: string): string {
  const first = path.includes("/") ? path.split("/")[0] : path.replace(/\.html$/, "");
  return first === "1" || /^\d+$/.test(first ?? "") ? "schemas" : (first ?? "");
}

export function renderPage(ctx: PageContext, title: string, body: ComponentChildren): string {
  const current = section(ctx.path);
  const page = (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — SEND Interchange ${ctx.standardVersion}`}</title>
        <link rel="stylesheet" href={href(ctx.path, STYLESHEET)} />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to main content
        </a>
        <header class="top">
          <p>
            <a href={href(ctx.path, "index.html")}>SEND Interchange</a> — the national data standard for SEND records,
            version {ctx.standardVersion}
          </p>
        </header>
        <nav class="site" aria-label="Site">
          <ul>
            {NAV.map((n) => (
              <li key={n.path}>
                <a
                  href={href(ctx.path, n.path)}
                  aria-current={
                    n.path === ctx.path
                      ? "page"
                      : section(n.path) === current && n.path !== "index.html"
                        ? "true"
                        : undefined
                  }
                >
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabindex={-1}>
          {body}
        </main>
        <footer>
          <p>
            SEND Interchange {ctx.standardVersion}. Open Government Licence v3.0. Every example on this site is
            synthetic: no real child's data.
          </p>
        </footer>
      </body>
    </html>
  );
  return `<!doctype html>\n${renderToString(page)}\n`;
}
