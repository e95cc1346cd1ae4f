// Helpers for the tests that use the packages as a stranger gets them (sdk/scripts/installed-package.test.ts,
// conformance/scripts/installed-package.test.ts): `npm pack` (under the build lock, since packing runs the builds
// that replace sdk/dist), an empty project in the OS temp directory with nothing of this repository around it, commands run with
// a stranger's environment, and the checks both packages share (imports resolve inside the package, bare imports are
// declared dependencies, a consumer type-checks against the installed declarations).
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, posix, relative, resolve } from "node:path";
import ts from "typescript";
import { SDK_DIR } from "./build.ts";
import { withBuildLock } from "./build-lock.ts";

export const REPO_ROOT = resolve(SDK_DIR, "..");

export interface PackageJson {
  name: string;
  version: string;
  bin: Record<string, string>;
  exports: Record<string, { types: string; default: string }>;
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
}

/** The environment of someone outside the repo: no npm lifecycle variables, nothing of this repository on PATH. */
export function strangerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const keep = new Set(["npm_config_cache", "npm_config_registry", "npm_config_userconfig"]);
  for (const [key, value] of Object.entries(process.env)) {
    if (key.toLowerCase().startsWith("npm_") && !keep.has(key.toLowerCase())) continue;
    env[key] = value;
  }
  env.PATH = (env.PATH ?? "")
    .split(delimiter)
    .filter((p) => p !== "" && relative(REPO_ROOT, resolve(p)).startsWith(".."))
    .join(delimiter);
  return env;
}

export function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: strangerEnv(), encoding: "utf8", timeout: 180_000 });
  if (result.error) throw new Error(`${command} ${args.join(" ")}: ${result.error.message}`);
  return result;
}

export function mustRun(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** A fresh folder in the OS temp directory that sees no node_modules of this repository (or any) above it. */
export function strangerWorkspace(prefix: string): string {
  const npm = spawnSync("npm", ["--version"], { encoding: "utf8" });
  if (npm.error || npm.status !== 0) {
    throw new Error(
      `npm is not available (${npm.error?.message ?? npm.stderr}): this test packs and installs with npm, which Node ships with`,
    );
  }
  const work = mkdtempSync(join(tmpdir(), prefix));
  if (!relative(REPO_ROOT, work).startsWith("..")) throw new Error(`${work} is inside the repository`);
  for (let dir = work; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dirname(dir), "node_modules")))
      throw new Error(`${dirname(dir)} has a node_modules folder the test project would see`);
  }
  return work;
}

export interface Packed {
  pkg: PackageJson;
  tarball: string;
  /** Paths inside the package, without the tarball's `package/` prefix. */
  files: string[];
}

/** The second Node line the packages are tried on: npm's node-<platform>-<arch> package ships its binary. */
export const NODE_22 = "22.23.5";
export const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;
/** Where a Node 22 binary can be had from npm without system changes. */
export const NODE_22_AVAILABLE = process.platform === "linux" || process.platform === "darwin";

/** Installs Node 22 from npm into `work`/node22 (from the npm cache where it can); returns the path of its binary. */
export function installNode22(work: string): string {
  const nodeDir = join(work, "node22");
  mkdirSync(nodeDir);
  writeFileSync(join(nodeDir, "package.json"), JSON.stringify({ name: "node22", version: "1.0.0", private: true }));
  mustRun(
    "npm",
    ["install", `${NODE_PACKAGE}@${NODE_22}`, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
    nodeDir,
  );
  const binary = join(nodeDir, "node_modules", NODE_PACKAGE, "bin", "node");
  const version = mustRun(binary, ["--version"], work).trim();
  if (version !== `v${NODE_22}`) throw new Error(`${binary} is ${version}, not v${NODE_22}`);
  return binary;
}

/** `npm pack` of each package folder, in order (its prepare build included), into packDir, under the build lock. */
/** The worked example both installed-package tests validate, as `isp.json` (valid) and `broken-isp.json` (no child). */
const WORKED_ISP = join(REPO_ROOT, "examples/worked/isp-year4-targeted.json");

/**
 * An empty ES-module project `project/` in `work` holding `isp.json` and `broken-isp.json`, with the tarballs
 * installed as a stranger installs them (from the npm cache where it can).
 */
export function strangerProject(work: string, tarballs: readonly string[]): string {
  const project = join(work, "project");
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "stranger", version: "1.0.0", private: true, type: "module" }),
  );
  copyFileSync(WORKED_ISP, join(project, "isp.json"));
  const broken = JSON.parse(readFileSync(WORKED_ISP, "utf8")) as Record<string, unknown>;
  delete broken.child;
  writeFileSync(join(project, "broken-isp.json"), JSON.stringify(broken, null, 2));
  mustRun("npm", ["install", ...tarballs, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], project);
  return project;
}

export function packPackages(dirs: readonly string[], packDir: string): Packed[] {
  mkdirSync(packDir, { recursive: true });
  // Held across the builds and the packing, so no other build rewrites a dist/ between the two.
  return withBuildLock(() =>
    dirs.map((dir) => {
      const pkg = readPackageJson(dir);
      const before = new Set(readdirSync(packDir));
      mustRun("npm", ["pack", "--pack-destination", packDir], dir);
      const made = readdirSync(packDir).filter((f) => !before.has(f));
      if (made.length !== 1 || made[0] !== `${pkg.name}-${pkg.version}.tgz`)
        throw new Error(`npm pack in ${dir} made ${JSON.stringify(made)}`);
      const tarball = join(packDir, made[0]);
      const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => line.replace(/^package\//u, ""));
      return { pkg, tarball, files };
    }),
  );
}

/** Packed files that are tests, test support or TypeScript sources (declarations excepted). */
export function testsOrSources(files: readonly string[]): string[] {
  return files.filter(
    (f) => /(^|\/)(test-support|__tests__)\/|\.test\.|test-fixtures|\.(?:c|m)?ts$/u.test(f) && !f.endsWith(".d.ts"),
  );
}

/** The package name a bare specifier belongs to (`ajv/dist/x.js` → ajv, `@scope/a/b` → @scope/a). */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

const isBuiltin = (specifier: string) => specifier.startsWith("node:") || builtinModules.includes(specifier);

/**
 * The imports of an installed package's .js and .d.ts files: relative ones that name no packed file, and the
 * packages the bare ones belong to.
 */
export function importsOf(installed: string, files: readonly string[]): { unresolved: string[]; packages: string[] } {
  const present = new Set(files);
  const packages = new Set<string>();
  const unresolved: string[] = [];
  for (const file of files.filter((f) => f.endsWith(".js") || f.endsWith(".d.ts"))) {
    const text = readFileSync(join(installed, file), "utf8");
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      if (specifier.startsWith(".")) {
        const target = posix.join(posix.dirname(file), specifier);
        if (!present.has(target) && !present.has(target.replace(/\.js$/u, ".d.ts")))
          unresolved.push(`${file} → ${specifier}`);
      } else if (!isBuiltin(specifier)) packages.add(packageOf(specifier));
    }
  }
  return { unresolved, packages: [...packages].sort() };
}

/**
 * Type-checks consumer files of a project with the repository's tsc, strict and NodeNext, against what is installed
 * in the project. Returns the diagnostics and the files the program read outside TypeScript's own lib folder.
 */
export function typecheckConsumer(
  project: string,
  consumers: readonly string[],
): { diagnostics: string[]; files: string[] } {
  const program = ts.createProgram([...consumers], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    types: [],
    skipLibCheck: false,
  });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  const libDir = dirname(ts.getDefaultLibFilePath({}));
  const files = program
    .getSourceFiles()
    .map((f) => resolve(f.fileName))
    .filter((f) => dirname(f) !== libDir);
  const outside = files.filter((f) => !consumers.includes(f) && !f.startsWith(`${join(project, "node_modules")}/`));
  if (outside.length > 0)
    diagnostics.push(`read files that are neither the consumers nor installed: ${outside.join(", ")}`);
  return { diagnostics, files };
}
