/** @jsxImportSource preact */
// Pages written in Markdown in the repository (schema reference, decisions, guides, requirements digest, changelog),
// and the requirements catalogue and quality-rule catalogue rendered from their JSON. The reference's code-list and
// crosswalk pages are not rendered here: vocab-pages.tsx renders them from the data, with the family display texts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Html, Link, type PageContext, Table, renderPage } from "./layout.tsx";
import { renderMarkdown } from "./markdown.ts";
import type { SiteMap } from "./site-paths.ts";
import { listFiles, type Sources } from "./sources.ts";

/** Markdown folders published page per file: repository folder → site folder, files the site renders otherwise. */
const FOLDERS: readonly { dir: string; site: string; skip: readonly string[]; title: string; intro: string }[] = [
  {
    dir: "spec/reference",
    site: "reference",
    skip: ["code-lists.md", "crosswalks.md"],
    title: "Schema reference",
    intro: "",
  },
  { dir: "spec/decisions", site: "decisions", skip: [], title: "Decisions", intro: "" },
  {
    dir: "spec/guides",
    site: "guides",
    skip: [],
    title: "Guides",
    intro: "Guides for people meeting the standard for the first time.",
  },
];

export function docPages(sources: Sources, map: SiteMap, standardVersion: string): Map<string, string> {
  const out = new Map<string, string>();
  const md = (repoPath: string, sitePath: string) => {
    const text = readFileSync(join(sources.root, repoPath), "utf8");
    const ctx = { path: sitePath, standardVersion };
    const r = renderMarkdown(text, repoPath, sitePath, map);
    out.set(sitePath, renderPage(ctx, r.title, <Html html={r.html} />));
    return r.title;
  };
  for (const f of FOLDERS) {
    const titles: { page: string; title: string }[] = [];
    for (const file of listFiles(join(sources.root, f.dir))) {
      if (!file.endsWith(".md") || file.includes("/") || f.skip.includes(file)) continue;
      const page = file === "README.md" ? `${f.site}/index.html` : `${f.site}/${file.replace(/\.md$/, ".html")}`;
      const title = md(`${f.dir}/${file}`, page);
      if (file !== "README.md") titles.push({ page, title });
    }
    if (!out.has(`${f.site}/index.html`)) {
      const ctx = { path: `${f.site}/index.html`, standardVersion };
      out.set(
        ctx.path,
        renderPage(
          ctx,
          f.title,
          <>
            <h1>{f.title}</h1>
            {f.intro && <p class="lede">{f.intro}</p>}
            <ul>
              {titles.map((t) => (
                <li key={t.page}>
                  <Link ctx={ctx} to={t.page}>
                    {t.title}
                  </Link>
                </li>
              ))}
            </ul>
          </>,
        ),
      );
    }
  }
  md("schemas/CHANGELOG.md", "changelog.html");
  md("spec/requirements/requirements-digest.md", "requirements/digest.html");
  out.set("requirements/index.html", requirementsPage(sources, standardVersion));
  out.set("rules/index.html", rulesPage(sources, standardVersion));
  return out;
}

function requirementsPage(sources: Sources, standardVersion: string): string {
  const ctx: PageContext = { path: "requirements/index.html", standardVersion };
  const areas = [...new Set(sources.requirements.map((r) => r.area))];
  const count = (level: string) =>
    sources.requirements.filter((r) => r.level === level && r.status === "active").length;
  return renderPage(
    ctx,
    "Requirements",
    <>
      <h1>Requirements catalogue</h1>
      <p class="lede">
        What a SEND Interchange API implementation promises: {count("MUST")} MUST, {count("SHOULD")} SHOULD and{" "}
        {count("MAY")} MAY, read as in RFC 2119 and RFC 8174. Ids are stable forever; the conformance suite cites them.
        A retired requirement stays listed, struck through.
      </p>
      <p>
        The requirements digest behind the catalogue, with the white-paper lines (<code>D:NNN</code>) it cites:{" "}
        <Link ctx={ctx} to="requirements/digest.html">
          requirements digest
        </Link>
        .
      </p>
      {areas.map((area) => (
        <section key={area} aria-labelledby={`area-${area}`}>
          <h2 id={`area-${area}`}>{area}</h2>
          <Table label={`Requirements: ${area}`} head={["Id", "Level", "Requirement", "Source", "Status"]}>
            {sources.requirements
              .filter((r) => r.area === area)
              .map((r) => (
                <tr key={r.id} id={r.id}>
                  <td>{r.status === "retired" ? <s>{r.id}</s> : r.id}</td>
                  <td>{r.level}</td>
                  <td>{r.text}</td>
                  <td>{r.source}</td>
                  <td>{r.status}</td>
                </tr>
              ))}
          </Table>
        </section>
      ))}
    </>,
  );
}

function rulesPage(sources: Sources, standardVersion: string): string {
  const ctx: PageContext = { path: "rules/index.html", standardVersion };
  return renderPage(
    ctx,
    "Quality rules",
    <>
      <h1>Quality rules</h1>
      <p class="lede">
        Checks beyond the schemas that every validator runs on a schema-valid document. A finding of severity "error"
        makes the document invalid. Rule ids are stable forever.
      </p>
      <Table label="Quality rules" head={["Rule id", "Severity", "Applies to", "Title", "Description", "Rationale"]}>
        {sources.rules.map((r) => (
          <tr key={r.id} id={r.id}>
            <td>
              <code>{r.id}</code>
            </td>
            <td>{r.severity}</td>
            <td>{r.appliesTo.join(", ")}</td>
            <td>{r.title}</td>
            <td>{r.description}</td>
            <td>{r.rationale ?? "—"}</td>
          </tr>
        ))}
      </Table>
    </>,
  );
}
