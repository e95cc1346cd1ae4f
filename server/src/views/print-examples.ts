// `npm run views:pdf`: prints the rendered example views (examples/views/*.html) to PDF with headless Chromium, into
// examples/views/pdf/. The PDFs are not kept in git: Chromium stamps a creation time and a random document id into
// each, so two runs never give the same bytes and a freshness check would always fail. pdf-printer.test.ts checks
// what matters instead: a tagged PDF, titled, whose text can be extracted.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumPath } from "../../../.ci/chromium.ts";
import { chromiumPrinter, type PdfPrinter } from "./pdf-printer.ts";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../../..");
export const EXAMPLE_VIEWS_DIR = join(ROOT, "examples/views");

/** Prints every example view; returns the files written. */
export async function printExampleViews(outDir: string, printer: PdfPrinter): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const file of readdirSync(EXAMPLE_VIEWS_DIR)
    .filter((f) => f.endsWith(".html"))
    .sort()) {
    const pdf = await printer.print(readFileSync(join(EXAMPLE_VIEWS_DIR, file), "utf8"));
    const out = join(outDir, file.replace(/\.html$/, ".pdf"));
    writeFileSync(out, pdf);
    written.push(out);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const printer = chromiumPrinter(chromiumPath());
  try {
    for (const f of await printExampleViews(join(EXAMPLE_VIEWS_DIR, "pdf"), printer)) console.log(`wrote ${f}`);
  } finally {
    await printer.close();
  }
}
