// `npm run bench`: runs every bench/*.ts except this one, one after another (so they do not share the 2 cores).
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const scripts = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "run-all.ts" && !f.endsWith(".test.ts"))
  .sort();
let failed = 0;
for (const script of scripts) {
  console.log(`\n## bench/${script}\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", join(here, script)], { stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
    console.log(`bench/${script} exited with ${r.status ?? r.signal}`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
