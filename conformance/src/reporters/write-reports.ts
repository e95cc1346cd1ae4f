// Writes report.json, junit.xml and report.html into the report folder.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunReport } from "./report-model.ts";
import { renderJunit } from "./junit.ts";
import { renderHtml } from "./html.ts";

export function writeReports(dir: string, report: RunReport): string[] {
  mkdirSync(dir, { recursive: true });
  const files = {
    "report.json": `${JSON.stringify(report, null, 2)}\n`,
    "junit.xml": renderJunit(report),
    "report.html": renderHtml(report),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return Object.keys(files).map((n) => join(dir, n));
}
