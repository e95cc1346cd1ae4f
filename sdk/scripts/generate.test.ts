import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendFileSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { generate } from "./generate.ts";
import { planGeneratedFiles } from "./generate/plan.ts";
import { makeFixtureRoot, REPO_ROOT } from "./generate/fixture-root.ts";

/** Type-checks one file on its own with the repo's strict settings; returns the diagnostics as text. */
function typeErrors(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("generate on the fixture standard", () => {
  let root: string;
  beforeAll(async () => {
    root = makeFixtureRoot();
    await generate(root, false);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("is deterministic: a second plan is byte-identical and --check finds nothing", async () => {
    const first = await planGeneratedFiles(root);
    const second = await planGeneratedFiles(root);
    expect([...second]).toEqual([...first]);
    expect(await generate(root, true)).toEqual({ changed: [], missing: [], stale: [] });
  });

  it("produces every output with the generated header and one trailing newline", async () => {
    const plan = await planGeneratedFiles(root);
    expect([...plan.keys()].sort()).toEqual([
      "schemas/generated/codes.schema.json",
      "sdk/generated/document-types.ts",
      "sdk/generated/types.ts",
      "sdk/generated/validators-by-version.ts",
      "sdk/generated/validators.d.ts",
      "sdk/generated/validators.js",
      "spec/reference/README.md",
      "spec/reference/code-lists.md",
      "spec/reference/crosswalks.md",
      "spec/reference/isp.md",
      "spec/reference/spp.md",
    ]);
    for (const [path, text] of plan) {
      expect(text.endsWith("\n") && !text.endsWith("\n\n"), path).toBe(true);
      expect(text.slice(0, 300), path).toMatch(/generated .*do not edit/u);
    }
  });

  it("--check reports changed, missing and stale files, and generate repairs them", async () => {
    appendFileSync(join(root, "spec/reference/isp.md"), "hand edit\n");
    unlinkSync(join(root, "sdk/generated/types.ts"));
    writeFileSync(join(root, "spec/reference/old-type.md"), "stale\n");
    expect(await generate(root, true)).toEqual({
      changed: ["spec/reference/isp.md"],
      missing: ["sdk/generated/types.ts"],
      stale: ["spec/reference/old-type.md"],
    });
    await generate(root, false);
    expect(await generate(root, true)).toEqual({ changed: [], missing: [], stale: [] });
  });

  it("emits one type per $def and document (no duplicates such as Uuid1), and the file type-checks", () => {
    const types = readFileSync(join(root, "sdk/generated/types.ts"), "utf8");
    for (const name of [
      "IndividualSupportPlan",
      "SpecialistProvisionPackage",
      "Child",
      "Provenance",
      "Contact",
      "Uuid",
      "LayerOfSupport",
      "Barrier",
    ]) {
      expect(types).toMatch(new RegExp(`export (interface|type) ${name}\\b`, "u"));
    }
    expect(types).not.toMatch(/export (interface|type) \w+1\b/u);
    expect(typeErrors(join(root, "sdk/generated/types.ts"))).toEqual([]);
  });

  it("is an ES module with static imports only: no require(), the SEND formats through a relative path", () => {
    const js = readFileSync(join(root, "sdk/generated/validators.js"), "utf8");
    expect(js).not.toMatch(/\brequire\(/u);
    const imports = [...js.matchAll(/^import [^;]* from "([^"]+)";$/gmu)].map((m) => m[1]);
    expect(imports).toContain("ajv/dist/runtime/ucs2length.js");
    const formats = imports.filter((spec) => spec?.endsWith("/formats-runtime.js"));
    expect(formats).toHaveLength(1);
    expect(formats[0]).toMatch(/^\.\.?\//u);
    for (const spec of imports)
      expect(spec, "nothing Node-specific").not.toMatch(/^node:|^(fs|path|module|url|crypto)$/u);
  });

  it("documents fields with pointers, code-list links and escaped pipes; crosswalks show review flags", () => {
    const isp = readFileSync(join(root, "spec/reference/isp.md"), "utf8");
    expect(isp).toContain("| `/child/dateOfBirth` | string (date) | yes |");
    expect(isp).toContain("[layers-of-support](code-lists.md#layers-of-support)");
    expect(isp).toContain("| `/barriers/*/layers` | array of code | no |");
    const lists = readFileSync(join(root, "spec/reference/code-lists.md"), "utf8");
    expect(lists).toContain("For some \\| with a pipe.");
    expect(lists).toContain("| `targeted` | Targeted |");
    const cw = readFileSync(join(root, "spec/reference/crosswalks.md"), "utf8");
    expect(cw).toContain("needs professional review");
    expect(cw).toContain("| `N` | No SEN. |");
  });
});

describe("generate on this repository", () => {
  // Precompiles the validators of every live schemaVersion (two since 2.0.0): slow on a loaded machine.
  it("committed generated files match a fresh generation (npm run check:generated)", async () => {
    expect(await generate(REPO_ROOT, true)).toEqual({ changed: [], missing: [], stale: [] });
  }, 240_000);
});
