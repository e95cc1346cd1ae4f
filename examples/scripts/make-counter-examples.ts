// Authoring script: writes examples/counter/NNN-<name>.json from a worked example plus a small patch per case.
// The committed JSON files are what the tests read; re-run after changing a worked example:
//   npx tsx examples/scripts/make-counter-examples.ts
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { counterCases } from "./counter-cases.ts";
import { applyPatch } from "./json-patch.ts";

const examplesDir = fileURLToPath(new URL("..", import.meta.url));
const counterDir = `${examplesDir}counter/`;

mkdirSync(counterDir, { recursive: true });
for (const f of readdirSync(counterDir)) if (/^\d{3}-.*\.json$/.test(f)) rmSync(counterDir + f);
counterCases.forEach((c, i) => {
  const base = JSON.parse(readFileSync(`${examplesDir}${c.base}`, "utf8")) as unknown;
  const document = applyPatch(base, c.patch);
  const file = `${String(i + 1).padStart(3, "0")}-${c.name}.json`;
  const out = { description: c.description, requirement: c.requirement, base: c.base, expected: c.expected, document };
  writeFileSync(counterDir + file, `${JSON.stringify(out, null, 2)}\n`);
});
console.log(`${counterCases.length} counter-examples written to ${counterDir}`);
