// The build's pieces that need no build: declaration specifier rewriting and the exports map's shape. The built and
// packed package itself is tested from the outside, installed as a stranger would, in installed-package.test.ts.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rewriteDeclarationSpecifiers, SDK_DIR } from "./build.ts";

interface ExportConditions {
  "send-interchange:source": string;
  types: string;
  default: string;
}
const pkg = JSON.parse(readFileSync(join(SDK_DIR, "package.json"), "utf8")) as {
  exports: Record<string, ExportConditions>;
  types: string;
  bin: Record<string, string>;
  scripts: Record<string, string>;
};

describe("rewriteDeclarationSpecifiers", () => {
  it.each([
    ['export { a } from "./a.ts";', 'export { a } from "./a.js";'],
    ["import type { B } from '../b/index.ts';", "import type { B } from '../b/index.js';"],
    ['export type X = import("./x.ts").X;', 'export type X = import("./x.js").X;'],
    ['export { renderFamilyView } from "./family.tsx";', 'export { renderFamilyView } from "./family.js";'],
    ['import type { E } from "ajv";', 'import type { E } from "ajv";'],
    ['import data from "./data.json";', 'import data from "./data.json";'],
  ])("%s", (input, expected) => expect(rewriteDeclarationSpecifiers(input)).toBe(expected));
});

describe("sdk/package.json", () => {
  const buildConfig = JSON.parse(readFileSync(join(SDK_DIR, "tsconfig.build.json"), "utf8")) as { files: string[] };
  /** dist/sdk/<source without .ts>: where tsc (rootDir = repo root) puts a source's output. */
  const built = (source: string, ext: ".js" | ".d.ts") =>
    `./dist/sdk/${source.replace(/^\.\//u, "").replace(/\.ts$/u, ext)}`;

  it("every export has a source condition for the workspace and the built .d.ts / .js of that source for consumers", () => {
    expect(Object.keys(pkg.exports).length).toBeGreaterThan(0);
    for (const [name, conditions] of Object.entries(pkg.exports)) {
      expect(Object.keys(conditions), name).toEqual(["send-interchange:source", "types", "default"]);
      const source = conditions["send-interchange:source"];
      expect(existsSync(join(SDK_DIR, source)), name).toBe(true);
      expect(buildConfig.files, name).toContain(source.replace(/^\.\//u, ""));
      expect(conditions.types, name).toBe(built(source, ".d.ts"));
      expect(conditions.default, name).toBe(built(source, ".js"));
    }
    expect(pkg.types).toBe(pkg.exports["."]?.types);
  });

  it("the bin is the compiled CLI entry, built from a root of the build; pack and a repository install build first", () => {
    expect(pkg.bin).toEqual({ "send-interchange": "dist/sdk/src/cli/bin.js" });
    expect(buildConfig.files).toContain("src/cli/bin.ts");
    expect(readFileSync(join(SDK_DIR, "src/cli/bin.ts"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(pkg.scripts.prepare).toBe("npm run build");
  });
});
