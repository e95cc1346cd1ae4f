// The published build: every export of sdk/package.json gets JavaScript and declarations; the package npm would
// pack contains them; the built core runs in plain Node (no tsx) and its declarations type-check a consumer.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSdk, rewriteDeclarationSpecifiers, SDK_DIR } from "./build.ts";
import { REPO_ROOT } from "./generate/fixture-root.ts";

interface ExportConditions {
  "send-interchange:source": string;
  types: string;
  default: string;
}
const pkg = JSON.parse(readFileSync(join(SDK_DIR, "package.json"), "utf8")) as { exports: Record<string, ExportConditions>; files: string[]; types: string };
const WORKED_ISP = resolve(SDK_DIR, "../examples/worked/isp-year4-targeted.json");

describe("rewriteDeclarationSpecifiers", () => {
  it.each([
    ['export { a } from "./a.ts";', 'export { a } from "./a.js";'],
    ["import type { B } from '../b/index.ts';", "import type { B } from '../b/index.js';"],
    ['export type X = import("./x.ts").X;', 'export type X = import("./x.js").X;'],
    ['import type { E } from "ajv";', 'import type { E } from "ajv";'],
    ['import data from "./data.json";', 'import data from "./data.json";'],
  ])("%s", (input, expected) => expect(rewriteDeclarationSpecifiers(input)).toBe(expected));
});

describe("npm run build --workspace sdk", () => {
  // A scratch package: package.json and README beside a fresh build, as npm would pack it. It sits in the repo's
  // git-ignored tmp/ so the built modules resolve ajv, jose, msw from the repo's node_modules.
  let pkgDir: string;
  beforeAll(() => {
    mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
    pkgDir = mkdtempSync(join(REPO_ROOT, "tmp", "sdk-build-"));
    buildSdk(join(pkgDir, "dist"));
    copyFileSync(join(SDK_DIR, "package.json"), join(pkgDir, "package.json"));
    copyFileSync(join(SDK_DIR, "README.md"), join(pkgDir, "README.md"));
    copyFileSync(join(SDK_DIR, "API.md"), join(pkgDir, "API.md"));
  }, 120_000);
  afterAll(() => rmSync(pkgDir, { recursive: true, force: true }));

  it("every export has a source condition for the workspace and built .js + .d.ts for consumers", () => {
    expect(Object.keys(pkg.exports).length).toBeGreaterThan(0);
    for (const [name, conditions] of Object.entries(pkg.exports)) {
      expect(Object.keys(conditions), name).toEqual(["send-interchange:source", "types", "default"]);
      expect(existsSync(join(SDK_DIR, conditions["send-interchange:source"])), name).toBe(true);
      expect(conditions.types, name).toMatch(/^\.\/dist\/.*\.d\.ts$/u);
      expect(conditions.default, name).toBe(conditions.types.replace(/\.d\.ts$/u, ".js"));
      expect(existsSync(join(pkgDir, conditions.types)), conditions.types).toBe(true);
      expect(existsSync(join(pkgDir, conditions.default)), conditions.default).toBe(true);
    }
    expect(pkg.types).toBe(pkg.exports["."]?.types);
  });

  it("npm pack would ship every entry's .js and .d.ts, and no test files or TypeScript sources", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: pkgDir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const [report] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
    const files = new Set(report!.files.map((f) => f.path));
    for (const conditions of Object.values(pkg.exports)) {
      expect(files.has(conditions.types.replace(/^\.\//u, ""))).toBe(true);
      expect(files.has(conditions.default.replace(/^\.\//u, ""))).toBe(true);
    }
    expect(files.has("dist/sdk/generated/validators.js")).toBe(true);
    expect(files.has("dist/sdk/src/identifiers/formats-runtime.js")).toBe(true);
    expect([...files].filter((f) => f.endsWith(".test.js") || (f.endsWith(".ts") && !f.endsWith(".d.ts")))).toEqual([]);
  });

  it("the built entries load in plain Node (no tsx) and the core validates a worked example", () => {
    const urls = Object.values(pkg.exports).map((c) => pathToFileURL(join(pkgDir, c.default)).href);
    const core = pathToFileURL(join(pkgDir, pkg.exports["."]!.default)).href;
    const script = `
      for (const url of ${JSON.stringify(urls)}) await import(url);
      const { validate } = await import(${JSON.stringify(core)});
      const { readFileSync } = await import("node:fs");
      const doc = JSON.parse(readFileSync(${JSON.stringify(WORKED_ISP)}, "utf8"));
      const broken = { ...doc, child: undefined };
      console.log(JSON.stringify([validate(doc).valid, validate(broken).errors.map((e) => e.ruleId + " " + e.pointer)]));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(JSON.parse(out.trim())).toEqual([true, ["schema.required /child"]]);
  });

  it("the declarations type-check a strict NodeNext consumer, and are real types (a wrong use is an error)", () => {
    const consumer = join(pkgDir, "consumer.ts");
    const types = (entry: string) => JSON.stringify(`./${pkg.exports[entry]!.default.replace(/^\.\//u, "")}`);
    writeFileSync(consumer, `import { validate, type IndividualSupportPlan, type ValidationResult } from ${types(".")};
import { isValidUpn } from ${types("./identifiers")};
import { createClient } from ${types("./client")};
export const result: ValidationResult = validate({});
export const ok: boolean = result.valid && isValidUpn("P207000016049");
export const status: IndividualSupportPlan["status"] | undefined = undefined;
export const client = createClient({ baseUrl: "https://send.example.org" });
// @ts-expect-error valid is a boolean, not a number
export const wrong: number = result.valid;
`);
    const program = ts.createProgram([consumer], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
      types: [],
      skipLibCheck: false,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    expect(diagnostics).toEqual([]);
  });
});
