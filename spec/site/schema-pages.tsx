/** @jsxImportSource preact */
// Every schema at the path of its `$id` (the JSON exactly as committed) with an HTML page beside it for people, and an
// index per `$id` folder ("1/index.html") and for all of them ("schemas/index.html"). Released versions kept under
// schemas/releases/<version>/ are published at their own `$id` when it is not a current schema's `$id` (the newest
// release wins among releases that share one), so an old major version stays resolvable next to the current one.
import { posix } from "node:path";
import { JsonBlock, Link, type PageContext, Table, renderPage } from "./layout.tsx";
import { htmlBeside, idPath } from "./site-paths.ts";
import type { Sources, SchemaSource } from "./sources.ts";

export interface PublishedSchema {
  source: SchemaSource;
  /** Site path of the JSON (the path of its $id). */
  path: string;
  /** "current" or the release version the file was kept for. */
  version: string;
}

/** Which file answers each `$id` on the site: current schemas first, then releases newest first. */
export function publishedSchemas(sources: Sources): PublishedSchema[] {
  const byPath = new Map<string, PublishedSchema>();
  const claim = (source: SchemaSource, version: string) => {
    const path = idPath(source.id, sources.manifest.baseUri);
    if (!path.endsWith(".json")) throw new Error(`${source.repoPath}: $id ${source.id} does not end in .json`);
    const held = byPath.get(path);
    if (held?.version === version)
      throw new Error(`${source.repoPath} and ${held.source.repoPath} share $id ${source.id}`);
    if (!held) byPath.set(path, { source, path, version });
  };
  for (const s of sources.schemas) claim(s, "current");
  for (const r of sources.releases ?? []) for (const s of r.schemas) claim(s, r.record.version);
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** The reference page of a current document or record schema, if spec/reference has one. */
function referencePage(sources: Sources, p: PublishedSchema): string | null {
  if (p.version !== "current") return null;
  const doc = sources.manifest.documentTypes.find((d) => d.schema === p.source.file);
  return doc ? `reference/${doc.documentType}.html` : null;
}

function versionLabel(sources: Sources, p: PublishedSchema): string {
  return p.version === "current" ? `${sources.manifest.standardVersion} (current)` : p.version;
}

function SchemaPage(props: { ctx: PageContext; sources: Sources; p: PublishedSchema }) {
  const { ctx, sources, p } = props;
  const s = p.source.schema;
  const ref = referencePage(sources, p);
  return (
    <>
      <h1>{typeof s.title === "string" ? s.title : p.source.file}</h1>
      {typeof s.description === "string" && <p class="lede">{s.description}</p>}
      <dl class="facts">
        <dt>$id</dt>
        <dd>
          <code>{p.source.id}</code>
        </dd>
        <dt>JSON Schema</dt>
        <dd>
          <Link ctx={ctx} to={p.path}>
            {posix.basename(p.path)}
          </Link>{" "}
          (the file this <code>$id</code> names)
        </dd>
        <dt>Standard version</dt>
        <dd>{versionLabel(sources, p)}</dd>
        {ref && (
          <>
            <dt>Field reference</dt>
            <dd>
              <Link ctx={ctx} to={ref}>
                Every field of this document, with its code list
              </Link>
            </dd>
          </>
        )}
      </dl>
      <h2>Schema</h2>
      <JsonBlock label={`JSON of ${p.source.file}`} text={p.source.text} />
    </>
  );
}

function SchemaTable(props: { ctx: PageContext; sources: Sources; list: readonly PublishedSchema[]; label: string }) {
  return (
    <Table label={props.label} head={["Schema", "Title", "Version", "JSON"]}>
      {props.list.map((p) => (
        <tr key={p.path}>
          <td>
            <Link ctx={props.ctx} to={htmlBeside(p.path)}>
              {p.path}
            </Link>
          </td>
          <td>{typeof p.source.schema.title === "string" ? p.source.schema.title : ""}</td>
          <td>{versionLabel(props.sources, p)}</td>
          <td>
            <Link ctx={props.ctx} to={p.path}>
              JSON
            </Link>
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** The top folder of a schema path ("1/generated/codes.schema.json" → "1"). */
const topFolder = (path: string) => path.split("/")[0] ?? "";

export function schemaPages(sources: Sources, standardVersion: string): Map<string, string> {
  const out = new Map<string, string>();
  const published = publishedSchemas(sources);
  for (const p of published) {
    out.set(p.path, p.source.text);
    const ctx = { path: htmlBeside(p.path), standardVersion };
    const title = typeof p.source.schema.title === "string" ? p.source.schema.title : p.source.file;
    out.set(ctx.path, renderPage(ctx, title, <SchemaPage ctx={ctx} sources={sources} p={p} />));
  }
  const folders = [...new Set(published.map((p) => topFolder(p.path)))].sort();
  for (const folder of folders) {
    const ctx = { path: `${folder}/index.html`, standardVersion };
    const list = published.filter((p) => topFolder(p.path) === folder);
    out.set(
      ctx.path,
      renderPage(
        ctx,
        `Schemas under /${folder}/`,
        <>
          <h1>Schemas under /{folder}/</h1>
          <p>
            Each schema below is served at the path of its <code>$id</code>; the page beside it is for people.
          </p>
          <SchemaTable ctx={ctx} sources={sources} list={list} label={`Schemas under /${folder}/`} />
        </>,
      ),
    );
  }
  const ctx = { path: "schemas/index.html", standardVersion };
  out.set(
    ctx.path,
    renderPage(
      ctx,
      "Schemas",
      <>
        <h1>Schemas</h1>
        <p class="lede">
          JSON Schema 2020-12, one per document type plus shared definitions. Every schema is published at the path of
          its <code>$id</code> (base <code>{sources.manifest.baseUri}</code>), so a validator that resolves{" "}
          <code>$id</code>s over the network finds it here.
        </p>
        {folders.map((folder) => (
          <section key={folder} aria-labelledby={`folder-${folder}`}>
            <h2 id={`folder-${folder}`}>
              <Link ctx={ctx} to={`${folder}/index.html`}>
                /{folder}/
              </Link>
            </h2>
            <SchemaTable
              ctx={ctx}
              sources={sources}
              list={published.filter((p) => topFolder(p.path) === folder)}
              label={`Schemas under /${folder}/`}
            />
          </section>
        ))}
      </>,
    ),
  );
  return out;
}
