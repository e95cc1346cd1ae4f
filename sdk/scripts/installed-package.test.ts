// send-interchange as a stranger gets it: `npm pack` in sdk/ (its prepack build included), the tarball installed into an
// empty project in the OS temp directory (no node_modules of this repository above it, no repository paths on PATH),
// then used through `import`, the TypeScript declarations and `npx send-interchange`. Dependencies come from npm's
// cache (`--prefer-offline`; the registry is used only for what the cache lacks).
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SDK_DIR } from "./build.ts";
import {
  importsOf,
  installNode22,
  mustRun,
  NODE_22,
  NODE_22_AVAILABLE,
  NODE_PACKAGE,
  packPackages,
  readPackageJson,
  run,
  strangerProject,
  strangerWorkspace,
  testsOrSources,
  typecheckConsumer,
} from "./installed-package-support.ts";

const pkg = readPackageJson(SDK_DIR);

let work: string;
let project: string;
let installed: string;
let packedFiles: string[];

beforeAll(() => {
  work = strangerWorkspace("send-interchange-package-");
  const [packed] = packPackages([SDK_DIR], join(work, "pack"));
  packedFiles = packed!.files;

  project = strangerProject(work, [packed!.tarball]);
  installed = join(project, "node_modules", pkg.name);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** What importAndValidate answers when every entry imports and validation works. */
const IMPORTED = { valid: true, errors: 0, broken: ["schema.required /child"], codes: true };

/** Imports every entry with `node` (but ./msw, whose optional peer msw a plain install leaves out) and validates the
 *  worked example (valid) and the broken one (pointer + rule id) through the package. */
function importAndValidate(node: string): unknown {
  const entriesWithoutPeers = Object.keys(pkg.exports)
    .filter((k) => k !== "./msw")
    .map((k) => posix.join(pkg.name, k));
  const script = `
    const { validate } = await import("send-interchange");
    const { readFileSync } = await import("node:fs");
    const read = (f) => JSON.parse(readFileSync(f, "utf8"));
    for (const entry of ${JSON.stringify(entriesWithoutPeers)}) await import(entry);
    const { getCodeList } = await import("send-interchange/vocab");
    const good = validate(read("isp.json"));
    const bad = validate(read("broken-isp.json"));
    console.log(JSON.stringify({ valid: good.valid, errors: good.errors.length, broken: bad.errors.map((e) => e.ruleId + " " + e.pointer), codes: getCodeList("isp-statuses").codes.length > 0 }));`;
  return JSON.parse(mustRun(node, ["--input-type=module", "-e", script], project).trim()) as unknown;
}

describe("the packed send-interchange", { timeout: 120_000 }, () => {
  it("holds compiled JavaScript, declarations, the validators, the standard's JSON, README and licence; no tests or TypeScript sources", () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        "package.json",
        "README.md",
        "API.md",
        "LICENCE",
        "dist/sdk/generated/validators.js",
        "dist/sdk/generated/validators.d.ts",
      ]),
    );
    for (const [name, entry] of Object.entries(pkg.exports)) {
      expect(packedFiles, name).toContain(posix.normalize(entry.types));
      expect(packedFiles, name).toContain(posix.normalize(entry.default));
    }
    for (const target of Object.values(pkg.bin)) expect(packedFiles).toContain(posix.normalize(target));
    expect(testsOrSources(packedFiles)).toEqual([]);
    expect(packedFiles.filter((f) => /\.(?:js|d\.ts|json|md)$/u.test(f) || f === "LICENCE")).toEqual(packedFiles);
  });

  it("every relative import resolves inside the package; every bare import is a declared dependency, and every dependency is imported", () => {
    const { unresolved, packages } = importsOf(installed, packedFiles);
    expect(unresolved).toEqual([]);
    const declared = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).sort();
    expect(packages).toEqual(declared);
    // Runtime needs come from dependencies alone: npm installed no build tool.
    for (const tool of ["typescript", "tsx", "vitest"])
      expect(existsSync(join(project, "node_modules", tool)), tool).toBe(false);
  });

  it("imports in plain Node from the package name and validates a worked example (valid) and a broken one (pointer + rule id)", () => {
    expect(importAndValidate(process.execPath)).toEqual(IMPORTED);
  });

  it("its declarations type-check a strict NodeNext consumer with the repository's tsc, and are real types", () => {
    const consumer = join(project, "consumer.ts");
    writeFileSync(
      consumer,
      `import { validate, type IndividualSupportPlan, type ValidationResult } from "send-interchange";
import type { Ehcp } from "send-interchange/types";
import { isValidUpn } from "send-interchange/identifiers";
import { createClient } from "send-interchange/client";
import { getCodeList } from "send-interchange/vocab";
import { canonicalJson, type VerifyResult } from "send-interchange/bundle";
import { startIsp } from "send-interchange/builders";
export const result: ValidationResult = validate({});
export const ok: boolean = result.valid && isValidUpn("P207000016049");
export const status: IndividualSupportPlan["status"] | undefined = undefined;
export const ehcp: Ehcp["documentType"] | undefined = undefined;
export const client = createClient({ baseUrl: "https://send.example.org" });
export const codes = getCodeList("isp-statuses");
export const text: string = canonicalJson({ a: 1 });
export const verified = (r: VerifyResult): boolean => r.ok;
export const builder: typeof startIsp = startIsp;
// @ts-expect-error valid is a boolean, not a number
export const wrong: number = result.valid;
`,
    );
    const { diagnostics, files } = typecheckConsumer(project, [consumer]);
    expect(diagnostics).toEqual([]);
    // typecheckConsumer also reports any file read from outside the project (TypeScript's own lib files apart).
    expect(files.filter((f) => f.startsWith(`${installed}/`) && f.endsWith(".d.ts")).length).toBeGreaterThan(10);
  });

  it("npx send-interchange: --help, --version and validate exit 0; an invalid document exits 1 with pointer and rule id", () => {
    const npx = (...args: string[]) => run("npx", ["--no", "--", "send-interchange", ...args], project);
    // npm's link for the bin, executed directly: the shebang must name node.
    const linked = (...args: string[]) => run(join(project, "node_modules", ".bin", "send-interchange"), args, project);
    const binTarget = join(installed, Object.values(pkg.bin)[0]!);
    expect(readFileSync(binTarget, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);

    const help = linked("--help");
    expect([help.status, help.stderr]).toEqual([0, ""]);
    expect(help.stdout).toContain("validate <file|dir>");
    const version = npx("--version");
    expect([version.status, version.stdout.trim()]).toEqual([0, pkg.version]);
    const valid = npx("validate", "isp.json");
    expect(valid.status, valid.stderr).toBe(0);
    expect(valid.stdout).toContain("isp.json: OK (isp)");
    const invalid = npx("validate", "broken-isp.json");
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toContain("broken-isp.json: /child [schema.required]");
  });

  it.runIf(NODE_22_AVAILABLE)(
    `on Node ${NODE_22} (${NODE_PACKAGE} from npm) too: the bin's --version and validate exits, every entry imports`,
    { timeout: 240_000 },
    () => {
      const node22 = installNode22(work);
      const bin = join(installed, Object.values(pkg.bin)[0]!);
      expect(mustRun(node22, [bin, "--version"], project).trim()).toBe(pkg.version);
      const valid = run(node22, [bin, "validate", "isp.json"], project);
      expect([valid.status, valid.stdout.includes("isp.json: OK (isp)")]).toEqual([0, true]);
      const invalid = run(node22, [bin, "validate", "broken-isp.json"], project);
      expect([invalid.status, invalid.stdout.includes("broken-isp.json: /child [schema.required]")]).toEqual([1, true]);
      expect(importAndValidate(node22)).toEqual(IMPORTED);
    },
  );
});
