// Where each thing of the repository lives on the published site, and relative links between site pages. Every link
// the builder writes is relative, so the folder works from any host, any sub-path and from file://. Schemas are the
// exception to "any sub-path": they must sit at the path of their `$id`, so the site's root is the $id host's root.
import { posix } from "node:path";

/** The site path (no leading slash) of a schema `$id`, e.g. ".../1/isp.schema.json" → "1/isp.schema.json".
 *  Throws when the `$id` is not under the site's host: such a schema could not be served at its `$id`. */
export function idPath(id: string, baseUri: string): string {
  const url = new URL(id);
  const base = new URL(baseUri);
  if (url.origin !== base.origin) throw new Error(`$id ${id} is not on the site's host ${base.origin}`);
  if (url.search || url.hash) throw new Error(`$id ${id} has a query or fragment`);
  return decodeURIComponent(url.pathname.replace(/^\//, ""));
}

/** The HTML page for people beside a published JSON file ("1/isp.schema.json" → "1/isp.schema.html"). */
export function htmlBeside(jsonPath: string): string {
  return jsonPath.replace(/\.json$/, ".html");
}

/** A relative href from the page at `from` to the site path `to` (both without a leading slash). */
export function href(from: string, to: string, fragment?: string): string {
  const target = to === "" || to.endsWith("/") ? `${to}index.html` : to;
  const rel = posix.relative(posix.dirname(from), target) || posix.basename(target);
  return fragment ? `${rel}#${fragment}` : rel;
}

export interface SiteMap {
  /** Ids of the code lists (schemas/vocab/<id>.json). */
  codeLists: ReadonlySet<string>;
  crosswalks: ReadonlySet<string>;
  /** Repository path of a schema (e.g. "schemas/isp.schema.json") → its site JSON path (path of its $id). */
  schemaPaths: ReadonlyMap<string, string>;
  /** Repository paths published as they are, mapped to their site path (e.g. schemas/traceability.json). */
  copies: ReadonlyMap<string, string>;
}

/** The site page (and fragment) for a repository path a Markdown document links to, or null when the site does not
 *  publish it (the link is then rendered as plain text, never as a broken link). */
export function siteTarget(
  map: SiteMap,
  repoPath: string,
  fragment: string | undefined,
): { path: string; fragment?: string } | null {
  const p = repoPath.replace(/\/$/, "");
  const schema = map.schemaPaths.get(p);
  if (schema) return { path: htmlBeside(schema) };
  const copy = map.copies.get(p);
  if (copy) return { path: copy };
  const simple: Record<string, string> = {
    "schemas/vocab": "code-lists/index.html",
    "schemas/vocab/crosswalks": "crosswalks/index.html",
    "schemas/CHANGELOG.md": "changelog.html",
    "schemas/rules/catalogue.json": "rules/index.html",
    "schemas/rules": "rules/index.html",
    "spec/reference": "reference/index.html",
    "spec/reference/README.md": "reference/index.html",
    "spec/decisions": "decisions/index.html",
    "spec/decisions/README.md": "decisions/index.html",
    "spec/guides": "guides/index.html",
    "spec/requirements": "requirements/index.html",
    "spec/requirements/README.md": "requirements/index.html",
    "spec/requirements/requirements.json": "requirements/index.html",
    "spec/requirements/requirements-digest.md": "requirements/digest.html",
    "spec/generated/openapi.json": "api/openapi.json",
    examples: "examples/index.html",
    "examples/worked": "examples/index.html",
    "examples/counter": "examples/index.html",
  };
  const fixed = simple[p];
  if (fixed) return { path: fixed };
  if (p === "spec/reference/code-lists.md")
    return fragment && map.codeLists.has(fragment)
      ? { path: `code-lists/${fragment}.html` }
      : { path: "code-lists/index.html" };
  if (p === "spec/reference/crosswalks.md")
    return fragment && map.crosswalks.has(fragment)
      ? { path: `crosswalks/${fragment}.html` }
      : { path: "crosswalks/index.html" };
  let m = /^schemas\/vocab\/crosswalks\/([a-z0-9-]+)\.json$/.exec(p);
  if (m?.[1] && map.crosswalks.has(m[1])) return { path: `crosswalks/${m[1]}.html` };
  m = /^schemas\/vocab\/([a-z0-9-]+)\.json$/.exec(p);
  if (m?.[1] && map.codeLists.has(m[1])) return { path: `code-lists/${m[1]}.html` };
  m = /^spec\/(reference|decisions|guides)\/([A-Za-z0-9-]+)\.md$/.exec(p);
  if (m) return fragment ? { path: `${m[1]}/${m[2]}.html`, fragment } : { path: `${m[1]}/${m[2]}.html` };
  m = /^examples\/(worked|counter)\/([A-Za-z0-9-]+)\.json$/.exec(p);
  if (m) return { path: `examples/${m[1]}/${m[2]}.html` };
  return null;
}
