// Rendered examples of the plan views (send-interchange/views) for three worked examples, so a reader can open a
// page without running anything; regenerated and checked fresh with every other generated file. PDFs are not kept:
// Chromium writes the time and a random id into each one, so they could not be checked byte for byte.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { renderClassroomView, renderFamilyView, renderYoungPersonView } from "../../src/views/index.ts";
import { GENERATED_NOTICE, mdHeader } from "./header.ts";

export const VIEW_EXAMPLES_DIR = "examples/views";

const RENDER = { family: renderFamilyView, "young-person": renderYoungPersonView, classroom: renderClassroomView };

/** Worked example → the views rendered for it. */
const EXAMPLES: readonly [string, readonly (keyof typeof RENDER)[]][] = [
  ["isp-year4-targeted", ["family", "young-person", "classroom"]],
  ["ehcp-specialist-base", ["family"]],
  ["legacy-ehcp-year6-transition-2029", ["family"]],
];

export function generateViewExamples(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const rows: string[] = [];
  for (const [example, views] of EXAMPLES) {
    const source = join(root, "examples", "worked", `${example}.json`);
    if (!existsSync(source)) continue;
    const doc = JSON.parse(readFileSync(source, "utf8")) as unknown;
    for (const view of views) {
      const html = RENDER[view](doc, { viewerRole: "parent-carer" });
      const name = `${example}.${view}.html`;
      files.set(
        `${VIEW_EXAMPLES_DIR}/${name}`,
        html.replace(
          "<!doctype html>\n",
          `<!doctype html>\n<!-- ${GENERATED_NOTICE} (examples/worked/${example}.json) -->\n`,
        ),
      );
      rows.push(`| [${name}](${name}) | examples/worked/${example}.json | ${view} |`);
    }
  }
  if (rows.length === 0) return files;
  files.set(
    `${VIEW_EXAMPLES_DIR}/README.md`,
    `${mdHeader}

# Rendered plan views

The family, young-person and classroom views (\`send-interchange/views\`) of three worked examples, as a parent would
get them from \`GET /isps/{id}/views/family\` and the other view routes. Open a file in a browser; print it (or ask
the server with \`?format=pdf\`) for the PDF. \`npm run views:pdf\` prints all of them into \`pdf/\` (tagged PDFs, not kept
in git: Chromium stamps a creation time and a random id into each, so no two runs give the same bytes;
\`server/src/views/pdf-printer.test.ts\` checks the structure tree, title and text instead).

| page | from | view |
|---|---|---|
${rows.join("\n")}
`,
  );
  return files;
}
