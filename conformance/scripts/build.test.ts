// The suite's package description, checked without building: the exports map and bin name the compiled output of
// the build's roots, pack and a repository install build first, and the data the build copies exists. The built and
// packed package itself is tested from the outside in installed-package.test.ts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CONFORMANCE_DIR, runtimeDataFiles } from "./build.ts";

interface ExportConditions {
  "send-interchange:source": string;
  types: string;
  default: string;
}
const pkg = JSON.parse(readFileSync(join(CONFORMANCE_DIR, "package.json"), "utf8")) as {
  exports: Record<string, ExportConditions>;
  types: string;
  bin: Record<string, string>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
const sdkPkg = JSON.parse(readFileSync(join(CONFORMANCE_DIR, "../sdk/package.json"), "utf8")) as {
  name: string;
  version: string;
};
const buildConfig = JSON.parse(readFileSync(join(CONFORMANCE_DIR, "tsconfig.build.json"), "utf8")) as {
  files: string[];
};
/** dist/conformance/<source without .ts>: where tsc (rootDir = repo root) puts a source's output. */
const built = (source: string, ext: ".js" | ".d.ts") =>
  `./dist/conformance/${source.replace(/^\.\//u, "").replace(/\.ts$/u, ext)}`;

describe("conformance/package.json", () => {
  it("every export has a source condition for the workspace and the built .d.ts / .js of that source for consumers", () => {
    expect(Object.keys(pkg.exports)).toEqual(["."]);
    for (const [name, conditions] of Object.entries(pkg.exports)) {
      expect(Object.keys(conditions), name).toEqual(["send-interchange:source", "types", "default"]);
      const source = conditions["send-interchange:source"];
      expect(existsSync(join(CONFORMANCE_DIR, source)), name).toBe(true);
      expect(buildConfig.files, name).toContain(source.replace(/^\.\//u, ""));
      expect(conditions.types, name).toBe(built(source, ".d.ts"));
      expect(conditions.default, name).toBe(built(source, ".js"));
    }
    expect(pkg.types).toBe(pkg.exports["."]?.types);
  });

  it("the bin is the compiled CLI entry with a node shebang; pack and a repository install build first", () => {
    expect(pkg.bin).toEqual({ "send-conformance": built("src/bin.ts", ".js").slice(2) });
    expect(buildConfig.files).toContain("src/bin.ts");
    expect(readFileSync(join(CONFORMANCE_DIR, "src/bin.ts"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(pkg.scripts.prepare).toBe("npm run build");
  });

  it("depends on the SDK by name at exactly the workspace's version, and on nothing by a range", () => {
    expect(pkg.dependencies[sdkPkg.name]).toBe(sdkPkg.version);
    for (const [name, version] of Object.entries(pkg.dependencies)) expect(version, name).toMatch(/^\d+\.\d+\.\d+$/u);
  });

  it("the data copied into dist/ includes the requirements, the configuration and certificate schemas, the schemas and every worked example", () => {
    const files = runtimeDataFiles();
    expect(files).toEqual(
      expect.arrayContaining([
        "spec/requirements/requirements.json",
        "spec/generated/openapi.json",
        "conformance/config.schema.json",
        "conformance/certificate.schema.json",
        "schemas/isp.schema.json",
        "examples/worked/isp-year4-targeted.json",
      ]),
    );
    expect(files.filter((f) => f.endsWith(".test.ts"))).toEqual([]);
  });
});

describe("conformance/src", () => {
  it("imports nothing from outside conformance/ by a relative path: the SDK by its package name, data through the build", () => {
    const sources = readdirSync(join(CONFORMANCE_DIR, "src"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
      .map((e) => join(e.parentPath, e.name));
    expect(sources.length).toBeGreaterThan(20);
    const outside: string[] = [];
    for (const file of sources) {
      for (const { fileName: specifier } of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
        if (specifier.startsWith(".") && relative(CONFORMANCE_DIR, resolve(dirname(file), specifier)).startsWith(".."))
          outside.push(`${relative(CONFORMANCE_DIR, file)} → ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
