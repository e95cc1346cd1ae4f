/** @jsxImportSource preact */
// The home page, the version history (from schemas/releases/releases.json when it exists, else the current version
// from the manifest, marked as not yet released), the download page with the archive's SHA-256, and the API page that
// introduces the Redoc documentation and the OpenAPI file.
import { Link, type PageContext, Table, renderPage } from "./layout.tsx";
import { publishedSchemas } from "./schema-pages.tsx";
import { htmlBeside, idPath } from "./site-paths.ts";
import type { Release, Sources } from "./sources.ts";

/** Site path of the current schema file `file` (its $id path). */
function schemaPath(sources: Sources, file: string): string {
  const s = sources.schemas.find((x) => x.file === file);
  if (!s) throw new Error(`manifest names ${file}, which has no $id in schemas/`);
  return idPath(s.id, sources.manifest.baseUri);
}

const STATUS_TEXT: Record<string, string> = {
  draft: "Draft",
  "trial-use": "Trial use",
  normative: "Normative",
  retired: "Retired",
};

/** The release record of the manifest's version, if the standard has release records and one matches. */
export function currentRelease(sources: Sources): Release | undefined {
  return sources.releases?.find((r) => r.record.version === sources.manifest.standardVersion);
}

function statusOf(sources: Sources): string {
  const r = currentRelease(sources);
  return r ? (STATUS_TEXT[r.record.status] ?? r.record.status) : "Not yet released";
}

/** Top $id folders ("1", "2") holding a version's schemas. */
function folders(paths: readonly string[]): string[] {
  return [...new Set(paths.map((p) => p.split("/")[0] ?? ""))].sort();
}

function SchemaFolders(props: { ctx: PageContext; paths: readonly string[] }) {
  const list = folders(props.paths);
  if (list.length === 0) return <>—</>;
  return (
    <>
      {list.map((f, i) => (
        <span key={f}>
          {i > 0 && ", "}
          <Link ctx={props.ctx} to={`${f}/index.html`}>
            /{f}/
          </Link>
        </span>
      ))}
    </>
  );
}

/** A release's archive, as the version history lists it. */
export interface ReleaseArchiveLink {
  version: string;
  name: string;
  sha256: string;
  size: number;
}

function ArchiveCell(props: { ctx: PageContext; archive: ReleaseArchiveLink | undefined }) {
  const a = props.archive;
  if (!a) return <>—</>;
  return (
    <>
      <Link ctx={props.ctx} to={`download/releases/${a.name}`}>
        {a.name}
      </Link>{" "}
      ({Math.round(a.size / 1024)} KiB,{" "}
      <Link ctx={props.ctx} to={`download/releases/${a.name}.sha256`}>
        checksum
      </Link>
      )<br />
      SHA-256 <span class="digest">{a.sha256}</span>
    </>
  );
}

export function versionsPage(
  sources: Sources,
  standardVersion: string,
  archives: readonly ReleaseArchiveLink[] = [],
): string {
  const ctx: PageContext = { path: "versions.html", standardVersion };
  const published = publishedSchemas(sources);
  // A released version's schemas are reachable on the site where the site serves that release's file, or where the
  // current schemas answer the same $id (a minor release shares its major's folder).
  const servedPaths = (r: Release) =>
    r.schemas.map((s) => published.find((p) => p.source.id === s.id)?.path).filter((p): p is string => !!p);
  const releases = sources.releases;
  return renderPage(
    ctx,
    "Version history",
    <>
      <h1>Version history</h1>
      <p class="lede">
        Each version of the standard has a status: draft, trial use, normative or retired. A breaking change needs a new
        major version; its schemas get a new <code>$id</code> folder, and the schemas of earlier versions stay published
        at their own <code>$id</code>s.
      </p>
      {releases === null || releases.length === 0 ? (
        <p>
          No version has been released yet. The current version is <strong>{sources.manifest.standardVersion}</strong>{" "}
          (schema version {sources.manifest.schemaVersions.current}), not yet released; its schemas are under{" "}
          <SchemaFolders ctx={ctx} paths={published.filter((p) => p.version === "current").map((p) => p.path)} />.
        </p>
      ) : (
        <Table
          label="Versions of the standard"
          head={["Version", "Status", "Date", "Status history", "Schemas", "Archive", "Notes"]}
        >
          {releases.map((r) => (
            <tr key={r.record.version} id={`v${r.record.version}`}>
              <td>
                {r.record.version}
                {r.record.version === sources.manifest.standardVersion && " (current)"}
              </td>
              <td>
                <span class="status">{STATUS_TEXT[r.record.status] ?? r.record.status}</span>
              </td>
              <td>{r.record.date}</td>
              <td>
                {Object.entries(r.record.statusDates ?? {}).length === 0 ? (
                  "—"
                ) : (
                  <ul>
                    {Object.entries(r.record.statusDates ?? {}).map(([s, d]) => (
                      <li key={s}>
                        {STATUS_TEXT[s] ?? s}: {d}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <SchemaFolders ctx={ctx} paths={servedPaths(r)} />
              </td>
              <td>
                <ArchiveCell ctx={ctx} archive={archives.find((a) => a.version === r.record.version)} />
              </td>
              <td>{r.record.notes ?? "—"}</td>
            </tr>
          ))}
        </Table>
      )}
      {archives.length > 0 && (
        <p>
          Each release's archive holds what the release froze: its schemas at their <code>$id</code> paths, its
          manifest, code lists and crosswalks (JSON and CSV), and its release record. It is built deterministically, so
          a release always has the same SHA-256; check a download with <code>sha256sum -c NAME.zip.sha256</code>.
        </p>
      )}
      <p>
        What changed in each version: the{" "}
        <Link ctx={ctx} to="changelog.html">
          changelog
        </Link>
        .
      </p>
    </>,
  );
}

export function homePage(sources: Sources, standardVersion: string, archiveName: string): string {
  const ctx: PageContext = { path: "index.html", standardVersion };
  const m = sources.manifest;
  const parts: readonly { to: string; title: string; text: string }[] = [
    { to: "schemas/index.html", title: "Schemas", text: "JSON Schema 2020-12, each at the path of its $id." },
    { to: "reference/index.html", title: "Schema reference", text: "Every field of every document, in plain words." },
    {
      to: "code-lists/index.html",
      title: "Code lists",
      text: `${sources.codeLists.length} lists, each code with its family display text and validity dates.`,
    },
    { to: "crosswalks/index.html", title: "Crosswalks", text: "From legacy codes to the areas of development." },
    { to: "examples/index.html", title: "Examples", text: "Worked examples and counter-examples." },
    { to: "rules/index.html", title: "Quality rules", text: "Checks every validator runs beyond the schemas." },
    { to: "requirements/index.html", title: "Requirements", text: "What an implementation of the API promises." },
    { to: "decisions/index.html", title: "Decisions", text: "The open questions and how the standard answers them." },
    { to: "guides/index.html", title: "Guides", text: "Where to start." },
    { to: "api/index.html", title: "API", text: "The OpenAPI description and its documentation." },
    { to: "changelog.html", title: "Changelog", text: "What changed, and how to bring documents forward." },
    { to: "versions.html", title: "Version history", text: "Every version and its status." },
    { to: "download.html", title: "Download", text: `${archiveName}: the standard as data, with its SHA-256.` },
  ];
  return renderPage(
    ctx,
    m.standard,
    <>
      <h1>
        {m.standard} {m.standardVersion}
      </h1>
      <p class="lede">
        The open, machine-readable format for special educational needs and disabilities (SEND) records in England:
        Individual Support Plans, EHCPs, Specialist Provision Packages, areas-of-development profiles and the transfer
        of a child's record between settings.
      </p>
      <dl class="facts">
        <dt>Version</dt>
        <dd>{m.standardVersion}</dd>
        <dt>Status</dt>
        <dd>{statusOf(sources)}</dd>
        <dt>Schema versions</dt>
        <dd>
          current {m.schemaVersions.current}; supported {m.schemaVersions.supported.join(", ")}
        </dd>
        <dt>Base URI</dt>
        <dd>
          <code>{m.baseUri}</code>
        </dd>
        <dt>Manifest</dt>
        <dd>
          <Link ctx={ctx} to="data/manifest.json">
            manifest.json
          </Link>{" "}
          (base URI, versions, document types)
        </dd>
      </dl>
      <h2>Document types</h2>
      <Table label="Document types" head={["Document type", "Title", "Reference", "Schema"]}>
        {m.documentTypes.map((d) => (
          <tr key={d.documentType}>
            <td>
              <code>{d.documentType}</code>
            </td>
            <td>{d.title}</td>
            <td>
              <Link ctx={ctx} to={`reference/${d.documentType}.html`}>
                Fields
              </Link>
            </td>
            <td>
              <Link ctx={ctx} to={htmlBeside(schemaPath(sources, d.schema))}>
                {d.schema}
              </Link>
            </td>
          </tr>
        ))}
      </Table>
      <h2>On this site</h2>
      <ul>
        {parts.map((p) => (
          <li key={p.to}>
            <Link ctx={ctx} to={p.to}>
              {p.title}
            </Link>
            : {p.text}
          </li>
        ))}
      </ul>
    </>,
  );
}

export function downloadPage(sources: Sources, standardVersion: string, name: string, sha256: string, size: number) {
  const ctx: PageContext = { path: "download.html", standardVersion };
  return renderPage(
    ctx,
    "Download",
    <>
      <h1>Download the standard</h1>
      <p class="lede">
        One zip with everything a machine needs: the schemas (at their <code>$id</code> paths) and the manifest, every
        code list and crosswalk as JSON with CSV tables, the worked examples and counter-examples, the requirements and
        the quality rules as JSON and CSV.
      </p>
      <dl class="facts">
        <dt>Archive</dt>
        <dd>
          <Link ctx={ctx} to={`download/${name}`}>
            {name}
          </Link>{" "}
          ({Math.round(size / 1024)} KiB)
        </dd>
        <dt>SHA-256</dt>
        <dd class="digest">{sha256}</dd>
        <dt>Checksum file</dt>
        <dd>
          <Link ctx={ctx} to={`download/${name}.sha256`}>
            {name}.sha256
          </Link>
        </dd>
      </dl>
      <p>
        Check the download with <code>sha256sum -c {name}.sha256</code> (or <code>shasum -a 256 {name}</code>). The
        archive is built deterministically, so the same version always has the same digest.
      </p>
      <p>
        Version {sources.manifest.standardVersion}. Each release, as frozen, has its own archive and SHA-256 in the{" "}
        <Link ctx={ctx} to="versions.html">
          version history
        </Link>
        .
      </p>
    </>,
  );
}

export function apiPage(standardVersion: string): string {
  const ctx: PageContext = { path: "api/index.html", standardVersion };
  return renderPage(
    ctx,
    "API",
    <>
      <h1>The SEND Interchange API</h1>
      <p class="lede">
        The HTTP API that systems implementing the standard offer, described in OpenAPI 3.1 and built from the same
        schemas.
      </p>
      <ul>
        <li>
          <Link ctx={ctx} to="api/docs.html">
            API documentation
          </Link>{" "}
          (Redoc; one self-contained page)
        </li>
        <li>
          <Link ctx={ctx} to="api/openapi.json">
            openapi.json
          </Link>{" "}
          (the OpenAPI 3.1 description)
        </li>
        <li>
          <Link ctx={ctx} to="requirements/index.html">
            Requirements
          </Link>{" "}
          the conformance suite checks
        </li>
      </ul>
    </>,
  );
}
