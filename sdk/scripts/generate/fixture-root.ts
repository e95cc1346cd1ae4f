// Test helper: a throwaway checkout holding the mini fixture standard, inside the repo (under the git-ignored tmp/)
// so generated validators can still require ajv from the repo's node_modules.
import { cpSync, mkdirSync, mkdtempSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const FIXTURE = join(REPO_ROOT, "sdk/scripts/generate/fixtures/mini-standard/schemas");

export function makeFixtureRoot(): string {
  const base = join(REPO_ROOT, "tmp");
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(join(base, "generate-fixture-"));
  cpSync(FIXTURE, join(root, "schemas"), { recursive: true });
  return root;
}
