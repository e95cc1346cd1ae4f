// Writes conformance/COVERAGE.md, the clause-by-clause listing of what the suite asserts (src/clauses.ts). Run it after
// changing a test's requirements or src/clauses.ts; conformance/src/clauses.test.ts fails while the file is stale.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderClauseListing } from "../src/clauses.ts";
import { ALL_TESTS } from "../src/profiles/index.ts";
import { loadRequirements } from "../src/requirements.ts";

export const COVERAGE_FILE = fileURLToPath(new URL("../COVERAGE.md", import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(COVERAGE_FILE, renderClauseListing(ALL_TESTS, loadRequirements()));
  console.log(`wrote ${COVERAGE_FILE}`);
}
