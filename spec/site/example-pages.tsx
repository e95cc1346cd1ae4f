/** @jsxImportSource preact */
// Worked examples (valid, rule-clean documents) and counter-examples (a document with the errors a validator must
// report), one page each with the JSON beside it, and an index of both.
import { JsonBlock, Link, type PageContext, Table, renderPage } from "./layout.tsx";
import type { Json, Sources } from "./sources.ts";

type Example = Sources["worked"][number];

const str = (v: Json | undefined) => (typeof v === "string" ? v : "");

function WorkedPage(props: { ctx: PageContext; ex: Example; typeTitle: string }) {
  const { ctx, ex } = props;
  return (
    <>
      <h1>Worked example: {ex.name}</h1>
      <p class="lede">
        A valid, rule-clean {props.typeTitle || str(ex.json.documentType)} ({str(ex.json.documentType)}). Every name and
        identifier is invented.
      </p>
      <p>
        <Link ctx={ctx} to={`examples/worked/${ex.name}.json`}>
          Download {ex.name}.json
        </Link>
      </p>
      <h2>Document</h2>
      <JsonBlock label={`JSON of ${ex.name}`} text={ex.text} />
    </>
  );
}

interface Expected {
  ruleId?: string;
  pointer?: string;
}

function CounterPage(props: { ctx: PageContext; ex: Example; workedNames: ReadonlySet<string> }) {
  const { ctx, ex } = props;
  const expected = (Array.isArray(ex.json.expected) ? ex.json.expected : []) as Expected[];
  const base = str(ex.json.base)
    .replace(/^worked\//, "")
    .replace(/\.json$/, "");
  const document = ex.json.document ?? ex.json;
  return (
    <>
      <h1>Counter-example {ex.name}</h1>
      <p class="lede">{str(ex.json.description)}</p>
      <dl class="facts">
        <dt>Requirement</dt>
        <dd>{str(ex.json.requirement) || "—"}</dd>
        {base && (
          <>
            <dt>Based on</dt>
            <dd>
              {props.workedNames.has(base) ? (
                <Link ctx={ctx} to={`examples/worked/${base}.html`}>
                  {base}
                </Link>
              ) : (
                base
              )}
            </dd>
          </>
        )}
        <dt>Case file</dt>
        <dd>
          <Link ctx={ctx} to={`examples/counter/${ex.name}.json`}>
            {ex.name}.json
          </Link>
        </dd>
      </dl>
      <h2>Errors a validator must report</h2>
      <Table label={`Expected errors of ${ex.name}`} head={["Rule id", "JSON pointer"]}>
        {expected.map((e) => (
          <tr key={`${e.ruleId}${e.pointer}`}>
            <td>
              <code>{e.ruleId ?? ""}</code>
            </td>
            <td>
              <code>{e.pointer ?? ""}</code>
            </td>
          </tr>
        ))}
      </Table>
      <h2>Document</h2>
      <JsonBlock label={`JSON of ${ex.name}`} text={JSON.stringify(document, null, 2)} />
    </>
  );
}

export function examplePages(sources: Sources, standardVersion: string): Map<string, string> {
  const out = new Map<string, string>();
  const typeTitle = (ex: Example) =>
    sources.manifest.documentTypes.find((d) => d.documentType === ex.json.documentType)?.title ?? "";
  const workedNames = new Set(sources.worked.map((w) => w.name));
  for (const ex of sources.worked) {
    const ctx = { path: `examples/worked/${ex.name}.html`, standardVersion };
    out.set(`examples/worked/${ex.name}.json`, ex.text);
    out.set(ctx.path, renderPage(ctx, ex.name, <WorkedPage ctx={ctx} ex={ex} typeTitle={typeTitle(ex)} />));
  }
  for (const ex of sources.counter) {
    const ctx = { path: `examples/counter/${ex.name}.html`, standardVersion };
    out.set(`examples/counter/${ex.name}.json`, ex.text);
    out.set(
      ctx.path,
      renderPage(ctx, `Counter-example ${ex.name}`, <CounterPage ctx={ctx} ex={ex} workedNames={workedNames} />),
    );
  }
  const ctx = { path: "examples/index.html", standardVersion };
  out.set(
    ctx.path,
    renderPage(
      ctx,
      "Examples",
      <>
        <h1>Examples</h1>
        <p class="lede">
          Worked examples are valid documents that raise no quality-rule finding; counter-examples are documents with
          the errors a validator must report. All of them are synthetic.
        </p>
        <h2>Worked examples</h2>
        <Table label="Worked examples" head={["Example", "Document type"]}>
          {sources.worked.map((ex) => (
            <tr key={ex.name}>
              <td>
                <Link ctx={ctx} to={`examples/worked/${ex.name}.html`}>
                  {ex.name}
                </Link>
              </td>
              <td>{typeTitle(ex) || str(ex.json.documentType)}</td>
            </tr>
          ))}
        </Table>
        <h2>Counter-examples</h2>
        <Table label="Counter-examples" head={["Case", "What is wrong", "Expected rule ids"]}>
          {sources.counter.map((ex) => (
            <tr key={ex.name}>
              <td>
                <Link ctx={ctx} to={`examples/counter/${ex.name}.html`}>
                  {ex.name}
                </Link>
              </td>
              <td>{str(ex.json.description)}</td>
              <td>
                {((Array.isArray(ex.json.expected) ? ex.json.expected : []) as Expected[])
                  .map((e) => e.ruleId ?? "")
                  .join(", ")}
              </td>
            </tr>
          ))}
        </Table>
      </>,
    ),
  );
  return out;
}
