// Writes examples/cases/REPORT.md from the cases (npm run cases:report); with --check, fails when it is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { casesDir, loadCases, renderReport } from "./fidelity.ts";

const path = `${casesDir}REPORT.md`;
const text = renderReport(loadCases());
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(path, "utf8");
  } catch {
    // a missing report is stale
  }
  if (current !== text) {
    console.error("examples/cases/REPORT.md is stale: run npm run cases:report");
    process.exit(1);
  }
} else {
  writeFileSync(path, text);
  console.log(text.split("\n").find((l) => l.startsWith("**Overall")));
}
