// Renders spec/requirements/README.md from requirements.json; `npm run generate` writes it and `npm test` checks it.
// spec/requirements/requirements.test.ts fails when the committed README differs from this rendering.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface Requirement {
  id: string;
  level: "MUST" | "SHOULD" | "MAY";
  area: string;
  text: string;
  source: string;
  status: "active" | "retired";
  notTestedReason?: string;
}

export const REQUIREMENTS_DIR = dirname(fileURLToPath(import.meta.url));

export function loadRequirements(dir: string = REQUIREMENTS_DIR): Requirement[] {
  return (JSON.parse(readFileSync(join(dir, "requirements.json"), "utf8")) as { requirements: Requirement[] })
    .requirements;
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

export function renderReadme(reqs: readonly Requirement[]): string {
  const areas = [...new Set(reqs.map((r) => r.area))];
  const sections = areas.map((area) => {
    const rows = reqs
      .filter((r) => r.area === area)
      .map(
        (r) =>
          `| ${r.status === "retired" ? `~~${r.id}~~` : r.id} | ${r.level} | ` +
          `${cell(r.text)}${r.notTestedReason ? ` _(not tested: ${cell(r.notTestedReason)})_` : ""} ` +
          `| ${cell(r.source)} |`,
      );
    return `## ${area}\n\n| id | level | requirement | source |\n|---|---|---|---|\n${rows.join("\n")}\n`;
  });
  const count = (l: string) => reqs.filter((r) => r.status === "active" && r.level === l).length;
  return `# SEND Interchange API requirements

<!-- generated from requirements.json by \`npm run generate\` — do not edit -->

The normative catalogue of what a SEND Interchange API implementation promises. The key words MUST, SHOULD and MAY
are to be read as in RFC 2119 and RFC 8174. Each requirement has an id that is stable forever: conformance tests cite
it, and an id is never renumbered or reused (\`ids.lock\` lists every id ever issued; retired ones stay, struck through).
Sources: \`D:NNN\` is a line of the SEND white paper; \`Q-…\` an open question in the requirements digest.

${count("MUST")} MUST, ${count("SHOULD")} SHOULD, ${count("MAY")} MAY.

${sections.join("\n")}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(join(REQUIREMENTS_DIR, "README.md"), renderReadme(loadRequirements()));
  process.stdout.write("wrote spec/requirements/README.md\n");
}
