// `npm run build --workspace conformance`: compiles the suite's entries (src/index.ts, src/bin.ts) to conformance/dist
// with tsc (tsconfig.build.json, the SDK's compile step), then copies in the standard's data the suite reads at run
// time, at the same place relative to the modules as in this repository (dist/ mirrors the repository root):
// schemas for sharing labels and receiver-side fields, the worked examples (fixtures and the default documents),
// the requirements catalogue, and the configuration schema. The SDK is not compiled in: `send-interchange` resolves
// to its built declarations, and the package depends on it by name. `--out <dir>` builds elsewhere. dist/ is not
// committed.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { buildSdk, compileProject, SDK_DIR } from "../../sdk/scripts/build.ts";
import { withBuildLock } from "../../sdk/scripts/build-lock.ts";

export const CONFORMANCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REPO_ROOT = resolve(CONFORMANCE_DIR, "..");

/** Data the suite's modules read through `new URL(…, import.meta.url)`: folder (repo-relative) → which files. */
export const RUNTIME_DATA: readonly { dir: string; match: RegExp }[] = [
  { dir: "schemas", match: /\.schema\.json$/u },
  { dir: "examples/worked", match: /\.json$/u },
  { dir: "spec/requirements", match: /^requirements\.json$/u },
  { dir: "spec/generated", match: /^openapi\.json$/u },
  { dir: "conformance", match: /^(?:config|certificate)\.schema\.json$/u },
];

/** The repository-relative data files the build copies. */
export function runtimeDataFiles(): string[] {
  return RUNTIME_DATA.flatMap(({ dir, match }) =>
    readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })
      .filter((e) => e.isFile() && match.test(e.name))
      .map((e) => `${dir}/${e.name}`)
      .sort(),
  );
}

export function buildConformance(outDir: string): void {
  // A fresh workspace install may prepare this package before (or while) it prepares the SDK: the suite compiles
  // against the SDK's declarations, so it builds them first when they are missing (callers hold the build lock).
  if (!existsSync(join(SDK_DIR, "dist/sdk/src/index.d.ts"))) buildSdk(join(SDK_DIR, "dist"));
  compileProject(join(CONFORMANCE_DIR, "tsconfig.build.json"), outDir);
  for (const file of runtimeDataFiles()) {
    const target = join(outDir, file);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(REPO_ROOT, file), target);
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
  const outDir = resolve(values.out ?? join(CONFORMANCE_DIR, "dist"));
  try {
    withBuildLock(() => buildConformance(outDir));
    console.log(`build: ${outDir}`);
  } catch (error) {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
