// Builds the self-contained HTML documentation (Redoc, via @redocly/cli build-docs --inlineBundle: the Redoc
// script is inlined, so the page loads nothing from a CDN). The HTML is large and fully derived from
// spec/generated/openapi.json, so it is NOT committed: it is built on demand into spec/generated/docs.html
// (gitignored) by the server's start-up and by spec/docs.test.ts.
//   npx tsx spec/build-docs.ts [output.html]
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { OPENAPI_PATH, REPO_ROOT } from "./build-openapi.ts";

export const DOCS_PATH = "spec/generated/docs.html";

/** Runs redocly build-docs and returns the absolute path of the HTML it wrote. Throws if the CLI fails. */
export function buildDocs(
  output: string = join(REPO_ROOT, DOCS_PATH),
  input: string = join(REPO_ROOT, OPENAPI_PATH),
): string {
  mkdirSync(dirname(output), { recursive: true });
  const cli = join(REPO_ROOT, "node_modules", ".bin", "redocly");
  execFileSync(
    cli,
    [
      "build-docs",
      input,
      "--inlineBundle",
      "--title",
      "SEND Interchange API",
      "-o",
      output,
      "--config",
      join(REPO_ROOT, "spec", "redocly.yaml"),
    ],
    // Telemetry off: this network is closed and builds must not phone home.
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    },
  );
  writeFileSync(output, withImagePolicy(readFileSync(output, "utf8")));
  return output;
}

// Redoc's sidebar shows a Redocly logo that its script loads from Redocly's CDN once the page runs. The page must
// need nothing from elsewhere, so a Content-Security-Policy lets it load images only from its own origin or data:
// URLs; the logo's request is then never made (Redoc hides the image when it fails to load).
export const IMAGE_POLICY = `<meta http-equiv="Content-Security-Policy" content="img-src 'self' data:">`;

/** Inserts IMAGE_POLICY at the start of the page's <head>. Throws if the HTML has no <head> to put it in. */
export function withImagePolicy(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error("Redoc's HTML has no <head>: cannot add the image policy");
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}${IMAGE_POLICY}${html.slice(at)}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = buildDocs(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(`wrote ${out}\n`);
}
