// The example PDFs (npm run views:pdf) as a reader and a screen reader meet them: a tagged PDF (a structure tree, so
// assistive technology can follow headings and lists), titled with the page's title, whose text can be extracted.
// Not compared byte for byte: Chromium stamps a creation time and a random id into every PDF (print-examples.ts).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { chromiumPath } from "../../../.ci/chromium.ts";
import { chromiumPrinter, type PdfPrinter } from "./pdf-printer.ts";
import { EXAMPLE_VIEWS_DIR, printExampleViews } from "./print-examples.ts";

let printer: PdfPrinter;
let outDir = "";
let files: string[] = [];

beforeAll(async () => {
  printer = chromiumPrinter(chromiumPath());
  outDir = mkdtempSync(join(tmpdir(), "views-pdf-"));
  files = await printExampleViews(outDir, printer);
}, 120_000);

afterAll(async () => {
  await printer?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** The text of every page, and the document's title, as a PDF reader extracts them. */
async function readPdf(bytes: Uint8Array): Promise<{ title: unknown; text: string; pages: number }> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const meta = await pdf.getMetadata();
    let text = "";
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      text += `${content.items.map((item) => ("str" in item ? item.str : "")).join(" ")}\n`;
    }
    return { title: (meta.info as { Title?: unknown }).Title, text: text.replace(/\s+/g, " "), pages: pdf.numPages };
  } finally {
    await pdf.destroy();
  }
}

describe("example views printed to PDF", () => {
  it("prints one PDF per example view", () => {
    expect(files.map((f) => basename(f))).toEqual([
      "ehcp-specialist-base.family.pdf",
      "isp-year4-targeted.classroom.pdf",
      "isp-year4-targeted.family.pdf",
      "isp-year4-targeted.young-person.pdf",
      "legacy-ehcp-year6-transition-2029.family.pdf",
    ]);
  });

  it("each is a tagged PDF with the page's title and extractable text", async () => {
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const raw = Buffer.from(bytes).toString("latin1");
      expect(raw.startsWith("%PDF-"), file).toBe(true);
      expect(raw, `${file}: no structure tree`).toContain("/StructTreeRoot");
      const html = readFileSync(join(EXAMPLE_VIEWS_DIR, basename(file).replace(/\.pdf$/, ".html")), "utf8");
      const title = /<title>([^<]*)<\/title>/
        .exec(html)![1]!
        .replace(/&#39;|&#x27;/g, "'")
        .replace(/&amp;/g, "&");
      const { title: pdfTitle, text, pages } = await readPdf(bytes);
      expect(pdfTitle, file).toBe(title);
      expect(pages).toBeGreaterThan(0);
      // The first heading is on the page as text, not as an image of text.
      const h1 = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)![1]!.replace(/&#39;|&#x27;/g, "'");
      expect(text, file).toContain(h1);
    }
  }, 60_000);

  it("the classroom view prints on one A4 page", async () => {
    const classroom = files.find((f) => f.endsWith(".classroom.pdf"))!;
    expect((await readPdf(new Uint8Array(readFileSync(classroom)))).pages).toBe(1);
  });
});
