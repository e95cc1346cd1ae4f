/** @jsxImportSource preact */
// The family view: a plan (ISP, EHCP or legacy EHCP) for parents and carers, as one standalone HTML page.
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { ehcpFamilySections, legacyFamilySections } from "./ehcp-family.tsx";
import type { ViewOptions } from "./facts.ts";
import { Viewer } from "./agreement.tsx";
import { Glossary, termsUsedIn } from "./glossary.tsx";
import { ispFamilySections } from "./isp-family.tsx";
import { Contents, Page, renderPage, Section } from "./page.tsx";
import { firstName, formatDate, isObj, str, type Obj } from "./text.ts";

export type SectionList = { id: string; title: string; body: VNode }[];

/** Today, for a pure function: the caller's date, else the day the document was last changed. */
export function todayFor(doc: Obj, opts: ViewOptions): string {
  const prov = isObj(doc.provenance) ? doc.provenance : {};
  const day = (opts.today ?? str(prov.updatedAt) ?? str(prov.createdAt) ?? "1970-01-01").slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : "1970-01-01";
}

/** The visible text of rendered sections, for the glossary and readability. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&[a-z#0-9]+;/gi, " ")
    .replace(/\s+/g, " ");
}

/** Sections plus a glossary of exactly the reform terms they, or the page's opening (title and first paragraph), use. */
export function withGlossary(sections: SectionList, heading: string, opening?: VNode): SectionList {
  const text = textOf(
    renderToString(
      <div>
        {opening}
        {sections.map((s) => [s.title, s.body])}
      </div>,
    ),
  );
  const terms = termsUsedIn(text);
  return terms.length === 0
    ? sections
    : [...sections, { id: "words", title: heading, body: <Glossary terms={terms} /> }];
}

export function Sections(props: { sections: SectionList }): VNode {
  return (
    <>
      <Contents sections={props.sections} />
      {props.sections.map((s) => (
        <Section key={s.id} id={s.id} title={s.title}>
          {s.body}
        </Section>
      ))}
    </>
  );
}

/** Where the page came from: the document's last change and system, never an id. */
export function Provenance(props: { doc: Obj }): VNode {
  const prov = isObj(props.doc.provenance) ? props.doc.provenance : {};
  const when = formatDate(prov.updatedAt ?? prov.createdAt);
  const system = isObj(prov.system) ? str(prov.system.name) : undefined;
  return (
    <p>
      This page shows the plan as it was recorded{when ? ` on ${when}` : ""}
      {system ? ` in ${system}` : ""}. If something is wrong or missing, please tell the people who wrote it.
    </p>
  );
}

const TITLES: Record<string, string> = {
  isp: "support plan",
  ehcp: "Education, Health and Care plan",
  "legacy-ehcp": "Education, Health and Care plan",
};

/** The family view of an ISP, EHCP or legacy EHCP as a complete HTML page. */
export function renderFamilyView(document: unknown, options: ViewOptions = {}): string {
  const doc: Obj = isObj(document) ? document : {};
  const type = String(doc.documentType ?? "");
  const name = firstName(doc.child);
  const today = todayFor(doc, options);
  const setting =
    doc.documentType === "isp" || doc.documentType === "development-profile"
      ? isObj(doc.owner)
        ? str(doc.owner.name)
        : undefined
      : undefined;
  const la =
    doc.documentType === "ehcp" || doc.documentType === "legacy-ehcp"
      ? isObj(doc.owner)
        ? str(doc.owner.name)
        : undefined
      : undefined;
  const owner = setting ?? (la ? `${la} council` : "the school");
  const sections =
    type === "isp"
      ? ispFamilySections(doc, name, setting ?? "the school", options, today)
      : type === "ehcp"
        ? ehcpFamilySections(doc, name, options, today)
        : type === "legacy-ehcp"
          ? legacyFamilySections(doc, name, options, today)
          : [];
  const title = `${name}'s ${TITLES[type] ?? "plan"}`;
  const status = str(doc.status);
  const opening = (
    <>
      <h1>{title}</h1>
      <p class="lede">
        This plan says what help {name} gets, and why. It was written with {name}'s family.
        {status === "draft" ? " It is a draft, so it may still change." : ""}
        {status === "closed" || status === "ceased" ? " It has now ended." : ""}
      </p>
    </>
  );
  return renderPage(
    <Viewer.Provider value={viewerOf(options)}>
      <Page
        title={title}
        banner={`A plan for ${name}'s family, from ${owner}`}
        kind="family"
        footer={<Provenance doc={doc} />}
      >
        {opening}
        <Sections sections={withGlossary(sections, "Words used in this plan", opening)} />
      </Page>
    </Viewer.Provider>,
  );
}

/** Who is reading, for the agreement lines ("You agreed on …"). */
export function viewerOf(options: ViewOptions): { subject?: string; role?: string } {
  return {
    ...(options.viewerSubject ? { subject: options.viewerSubject } : {}),
    ...(options.viewerRole ? { role: options.viewerRole } : {}),
  };
}
