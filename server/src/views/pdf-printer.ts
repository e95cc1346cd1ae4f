// Prints a view to PDF with headless Chromium (playwright-core, never a downloaded browser). One browser is started
// on the first PDF and reused; each print gets its own page with JavaScript and the network turned off, so a page can
// fetch nothing while it is printed. A server without Chromium says so (available() is false → 503).
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

export interface PdfPrinter {
  /** Whether this server can print at all (a Chromium executable is present). */
  available(): boolean;
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

export function chromiumPrinter(executablePath: string = DEFAULT_CHROMIUM_PATH): PdfPrinter {
  let browser: Promise<Browser> | undefined;
  const launch = async (): Promise<Browser> => {
    const { chromium } = await import("playwright-core");
    const b = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox"] });
    b.on("disconnected", () => {
      browser = undefined; // the next print starts a fresh one
    });
    return b;
  };
  return {
    available: () => existsSync(executablePath),
    async print(html) {
      browser ??= launch().catch((err: unknown) => {
        browser = undefined;
        throw err;
      });
      const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        await page.route("**/*", (route) => route.abort()); // nothing leaves the page while it is printed
        await page.setContent(html, { waitUntil: "load" });
        await page.emulateMedia({ media: "print" });
        // Tagged (a structure tree, for screen readers and reflow) with an outline from the headings.
        return await page.pdf({
          format: "A4",
          printBackground: true,
          preferCSSPageSize: true,
          tagged: true,
          outline: true,
        });
      } finally {
        await context.close();
      }
    },
    async close() {
      const b = browser;
      browser = undefined;
      if (b) await (await b).close().catch(() => undefined);
    },
  };
}
