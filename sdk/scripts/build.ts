// `npm run build --workspace sdk`: compiles the published entries to sdk/dist (ES modules + .d.ts) with tsc
// (tsconfig.build.json), then adds what tsc does not emit: the plain-JavaScript modules (the generated validators and
// formats-runtime.js) with their declarations. Declarations keep the sources' `.ts` specifiers, so they are
// rewritten to `.js` to resolve for consumers without allowImportingTsExtensions. `--out <dir>` builds elsewhere
// (tests build into a temporary folder). dist/ is not committed.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import ts from "typescript";
import { withBuildLock } from "./build-lock.ts";

export const SDK_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Plain JavaScript modules the entries import, copied beside their declarations (paths relative to sdk/): the
 * validators of every supported schemaVersion (validators.js, validators-<version>.js) and formats-runtime.js. */
function plainJsModules(): string[] {
  const validators = readdirSync(join(SDK_DIR, "generated"))
    .filter((f) => /^validators(-[\d.]+)?\.js$/u.test(f))
    .map((f) => `generated/${f}`);
  return [...validators.sort(), "src/identifiers/formats-runtime.js"];
}

/** Where a file of sdk/ lands in the output (rootDir is the repo root, so dist mirrors it under sdk/). */
export function outputPath(outDir: string, sdkRelative: string): string {
  return join(outDir, "sdk", sdkRelative);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** `from "./x.ts"` / `import("./x.tsx")` → `.js`, for relative specifiers only (the views are .tsx). */
export function rewriteDeclarationSpecifiers(text: string): string {
  return text.replace(/((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']*?)\.tsx?(["'])/gu, "$1$2.js$3");
}

/**
 * Compiles a package's tsconfig.build.json into outDir (emptied first) with tsc, throwing with the diagnostics on any
 * error, then rewrites the declarations' `.ts` specifiers to `.js`. Shared by the SDK's and the suite's builds.
 */
export function compileProject(configPath: string, outDir: string): void {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    { outDir },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  rmSync(outDir, { recursive: true, force: true });
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length > 0 || emitted.emitSkipped) {
    const host = {
      getCanonicalFileName: (f: string) => f,
      getCurrentDirectory: () => dirname(configPath),
      getNewLine: () => "\n",
    };
    throw new Error(`tsc failed:\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
  rewriteDeclarations(outDir);
}

/** Applies rewriteDeclarationSpecifiers to every .d.ts under dir. */
export function rewriteDeclarations(dir: string): void {
  for (const file of filesUnder(dir).filter((f) => f.endsWith(".d.ts"))) {
    const text = readFileSync(file, "utf8");
    const rewritten = rewriteDeclarationSpecifiers(text);
    if (rewritten !== text) writeFileSync(file, rewritten);
  }
}

export function buildSdk(outDir: string): void {
  compileProject(join(SDK_DIR, "tsconfig.build.json"), outDir);
  for (const rel of plainJsModules()) {
    for (const file of [rel, rel.replace(/\.js$/u, ".d.ts")]) {
      const target = outputPath(outDir, file);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(SDK_DIR, file), target);
    }
  }
  rewriteDeclarations(outDir);
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
  const outDir = resolve(values.out ?? join(SDK_DIR, "dist"));
  try {
    withBuildLock(() => buildSdk(outDir));
    console.log(`build: ${outDir}`);
  } catch (error) {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
