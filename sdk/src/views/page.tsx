/** @jsxImportSource preact */
// The frame every view shares: a complete, standalone HTML page (language, title, inline stylesheet, skip link and
// landmarks). Rendered with preact-render-to-string, which escapes every text and attribute value.
import type { ComponentChildren, VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { STYLES } from "./styles.ts";
import { formatDate } from "./text.ts";

export interface PageProps {
  title: string;
  /** Shown in the banner above the page heading. */
  banner: string;
  /** Body class: "family", "young-person" or "classroom" (the classroom page prints on one A4 sheet). */
  kind: string;
  footer: ComponentChildren;
  children: ComponentChildren;
}

export function Page(props: PageProps): VNode {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {/* The stylesheet is this module's own constant, not data: it is the one thing inserted unescaped. */}
        <style dangerouslySetInnerHTML={{ __html: STYLES }} />
      </head>
      <body class={props.kind}>
        <a class="skip" href="#main">
          Skip to the plan
        </a>
        <header class="top">
          <p>{props.banner}</p>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer>{props.footer}</footer>
      </body>
    </html>
  );
}

/** A page as a complete HTML document. Free text sometimes carries ISO dates ("closed on 2030-02-12"); they are
 *  written as people write them here, once for the whole page. */
export function renderPage(page: VNode): string {
  const html = renderToString(page).replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDate(iso) ?? iso);
  return `<!doctype html>\n${html}\n`;
}

/** Section with a heading whose id the contents list links to. */
export function Section(props: { id: string; title: string; children: ComponentChildren }): VNode {
  return (
    <section aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** The contents list at the top of a long page. */
export function Contents(props: { sections: readonly { id: string; title: string }[] }): VNode {
  return (
    <nav class="contents" aria-label="Contents">
      <p>
        <strong>On this page</strong>
      </p>
      <ul>
        {props.sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}-h`}>{s.title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A definition list of facts; rows without a value are left out. */
export function Facts(props: { rows: readonly (readonly [string, string | undefined])[] }): VNode | null {
  const rows = props.rows.filter((r): r is readonly [string, string] => r[1] !== undefined && r[1] !== "");
  if (rows.length === 0) return null;
  return <dl class="facts">{rows.map(([k, v]) => [<dt key={`${k}-t`}>{k}</dt>, <dd key={`${k}-d`}>{v}</dd>])}</dl>;
}
