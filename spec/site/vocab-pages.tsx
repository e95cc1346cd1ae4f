/** @jsxImportSource preact */
// Code lists (one page each, with the family display text and validity of every code) and crosswalks (links and
// unmapped codes as tables, each code with its label), rendered from schemas/vocab/ itself. The JSON of each list and
// crosswalk is published beside its page.
import { Link, type PageContext, Table, renderPage } from "./layout.tsx";
import type { CodeList, Crosswalk, Sources } from "./sources.ts";

const dash = (v: string | null | undefined) => (v === null || v === undefined || v === "" ? "—" : v);

function CodeListPage(props: { ctx: PageContext; list: CodeList; usedBy: readonly Crosswalk[] }) {
  const { ctx, list } = props;
  const hasParents = list.codes.some((c) => c.parent);
  return (
    <>
      <h1>{list.title}</h1>
      {list.description && <p class="lede">{list.description}</p>}
      <dl class="facts">
        <dt>List id</dt>
        <dd>
          <code>{list.id}</code>
        </dd>
        <dt>Schema definition</dt>
        <dd>
          <code>generated/codes.schema.json#/$defs/{list.defName}</code>
        </dd>
        <dt>List version</dt>
        <dd>{list.version}</dd>
        <dt>Source</dt>
        <dd>{dash(list.source)}</dd>
        <dt>JSON</dt>
        <dd>
          <Link ctx={ctx} to={`code-lists/${list.id}.json`}>
            {list.id}.json
          </Link>
        </dd>
        {props.usedBy.length > 0 && (
          <>
            <dt>Crosswalks</dt>
            <dd>
              {props.usedBy.map((c, i) => (
                <span key={c.id}>
                  {i > 0 && ", "}
                  <Link ctx={ctx} to={`crosswalks/${c.id}.html`}>
                    {c.title}
                  </Link>
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      <p>
        "Family display text" is the code in everyday words, as views for parents and children show it. A record may
        carry a code only between its "Valid from" and "Valid to" dates (empty means open); the schemas accept every
        code a list has ever had, and a quality rule checks the dates.
      </p>
      <Table
        label={`Codes of ${list.title}`}
        head={[
          "Code",
          "Label",
          "Family display text",
          "Definition",
          "Valid from",
          "Valid to",
          "Status",
          ...(hasParents ? ["Parent"] : []),
          "Source",
        ]}
      >
        {list.codes.map((c) => (
          <tr key={c.code} id={`code-${c.code}`}>
            <td>
              <code>{c.code}</code>
            </td>
            <td>{c.label}</td>
            <td>{c.familyLabel}</td>
            <td>{dash(c.definition)}</td>
            <td>{dash(c.validFrom)}</td>
            <td>{dash(c.validTo)}</td>
            <td>{dash(c.status)}</td>
            {hasParents && <td>{c.parent ? <code>{c.parent}</code> : "—"}</td>}
            <td>{dash(c.source)}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function CodeRef(props: { ctx: PageContext; list: CodeList | undefined; code: string }) {
  const entry = props.list?.codes.find((c) => c.code === props.code);
  if (!props.list || !entry) return <code>{props.code}</code>;
  return (
    <>
      <Link ctx={props.ctx} to={`code-lists/${props.list.id}.html`} fragment={`code-${props.code}`}>
        <code>{props.code}</code>
      </Link>{" "}
      {entry.label}
    </>
  );
}

function CrosswalkPage(props: { ctx: PageContext; cw: Crosswalk; from?: CodeList; to?: CodeList }) {
  const { ctx, cw } = props;
  return (
    <>
      <h1>{cw.title}</h1>
      {cw.description && <p class="lede">{cw.description}</p>}
      <dl class="facts">
        <dt>From</dt>
        <dd>
          {props.from ? (
            <Link ctx={ctx} to={`code-lists/${cw.fromList}.html`}>
              {props.from.title}
            </Link>
          ) : (
            cw.fromList
          )}
        </dd>
        <dt>To</dt>
        <dd>
          {props.to ? (
            <Link ctx={ctx} to={`code-lists/${cw.toList}.html`}>
              {props.to.title}
            </Link>
          ) : (
            cw.toList
          )}
        </dd>
        <dt>Version</dt>
        <dd>{cw.version}</dd>
        <dt>Source</dt>
        <dd>{dash(cw.source)}</dd>
        <dt>JSON</dt>
        <dd>
          <Link ctx={ctx} to={`crosswalks/${cw.id}.json`}>
            {cw.id}.json
          </Link>
        </dd>
      </dl>
      <h2>Links</h2>
      <p>A link marked for professional review is never applied automatically: a practitioner confirms it.</p>
      <Table label={`Links of ${cw.title}`} head={["From", "To", "Strength", "Professional review", "Note", "Source"]}>
        {cw.links.map((l) => (
          <tr key={`${l.from}>${l.to}`}>
            <td>
              <CodeRef ctx={ctx} list={props.from} code={l.from} />
            </td>
            <td>
              <CodeRef ctx={ctx} list={props.to} code={l.to} />
            </td>
            <td>{l.strength}</td>
            <td>{l.needsProfessionalReview ? <strong>yes — needs professional review</strong> : "no"}</td>
            <td>{dash(l.note)}</td>
            <td>{dash(l.source)}</td>
          </tr>
        ))}
      </Table>
      <h2>Unmapped codes</h2>
      {(cw.unmapped ?? []).length === 0 ? (
        <p>Every code has at least one link.</p>
      ) : (
        <Table label={`Unmapped codes of ${cw.title}`} head={["From", "Reason (never guessed)"]}>
          {(cw.unmapped ?? []).map((u) => (
            <tr key={u.from}>
              <td>
                <CodeRef ctx={ctx} list={props.from} code={u.from} />
              </td>
              <td>{u.reason}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

export function vocabPages(sources: Sources, standardVersion: string): Map<string, string> {
  const out = new Map<string, string>();
  const lists = [...sources.codeLists].sort((a, b) => a.id.localeCompare(b.id));
  const byId = new Map(lists.map((l) => [l.id, l]));
  for (const list of lists) {
    const ctx = { path: `code-lists/${list.id}.html`, standardVersion };
    const usedBy = sources.crosswalks.filter((c) => c.fromList === list.id || c.toList === list.id);
    out.set(`code-lists/${list.id}.json`, JSON.stringify(list, null, 2));
    out.set(ctx.path, renderPage(ctx, list.title, <CodeListPage ctx={ctx} list={list} usedBy={usedBy} />));
  }
  let ctx: PageContext = { path: "code-lists/index.html", standardVersion };
  out.set(
    ctx.path,
    renderPage(
      ctx,
      "Code lists",
      <>
        <h1>Code lists</h1>
        <p class="lede">
          Every set of codes the documents use, {lists.length} lists. Each code has a label for practitioners, a family
          display text in everyday words, a source and the dates it is valid between.
        </p>
        <Table label="Code lists" head={["List", "Title", "Codes", "Version"]}>
          {lists.map((l) => (
            <tr key={l.id}>
              <td>
                <Link ctx={ctx} to={`code-lists/${l.id}.html`}>
                  {l.id}
                </Link>
              </td>
              <td>{l.title}</td>
              <td>{l.codes.length}</td>
              <td>{l.version}</td>
            </tr>
          ))}
        </Table>
      </>,
    ),
  );
  for (const cw of sources.crosswalks) {
    const c = { path: `crosswalks/${cw.id}.html`, standardVersion };
    out.set(`crosswalks/${cw.id}.json`, JSON.stringify(cw, null, 2));
    out.set(
      c.path,
      renderPage(c, cw.title, <CrosswalkPage ctx={c} cw={cw} from={byId.get(cw.fromList)} to={byId.get(cw.toList)} />),
    );
  }
  ctx = { path: "crosswalks/index.html", standardVersion };
  out.set(
    ctx.path,
    renderPage(
      ctx,
      "Crosswalks",
      <>
        <h1>Crosswalks</h1>
        <p class="lede">
          Many-to-many mappings between code lists, for bringing legacy records forward. A crosswalk suggests; a person
          decides.
        </p>
        <Table label="Crosswalks" head={["Crosswalk", "From", "To", "Links", "Unmapped"]}>
          {sources.crosswalks.map((cw) => (
            <tr key={cw.id}>
              <td>
                <Link ctx={ctx} to={`crosswalks/${cw.id}.html`}>
                  {cw.title}
                </Link>
              </td>
              <td>{cw.fromList}</td>
              <td>{cw.toList}</td>
              <td>{cw.links.length}</td>
              <td>{(cw.unmapped ?? []).length}</td>
            </tr>
          ))}
        </Table>
      </>,
    ),
  );
  return out;
}
