// send-conformance as a stranger gets it: both packages packed (`npm pack` in sdk/ and conformance/, their prepare
// builds included), the two tarballs installed into an empty project in the OS temp directory (no node_modules of this
// repository above it, no repository paths on PATH), then used through `npx send-conformance`, `import` and the
// TypeScript declarations. The suite must find its SDK through the package name and its data (schemas, worked
// examples, requirements, configuration schema) inside its own package. Dependencies come from npm's cache
// (`--prefer-offline`; the registry is used only for what the cache lacks).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SDK_DIR } from "../../sdk/scripts/build.ts";
import {
  importsOf,
  installNode22,
  mustRun,
  NODE_22,
  NODE_22_AVAILABLE,
  NODE_PACKAGE,
  packPackages,
  REPO_ROOT,
  run,
  strangerProject,
  strangerWorkspace,
  testsOrSources,
  typecheckConsumer,
  type Packed,
} from "../../sdk/scripts/installed-package-support.ts";
import { ALL_TESTS } from "../src/profiles/index.ts";
import { loadTemplates } from "../src/fixtures/templates.ts";
import { CONFORMANCE_DIR } from "./build.ts";

let work: string;
let project: string;
let installed: string;
let sdk: Packed;
let suite: Packed;

beforeAll(() => {
  work = strangerWorkspace("send-conformance-package-");
  [sdk, suite] = packPackages([SDK_DIR, CONFORMANCE_DIR], join(work, "pack")) as [Packed, Packed];

  project = strangerProject(work, [sdk.tarball, suite.tarball]);
  installed = join(project, "node_modules", suite.pkg.name);
}, 360_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed send-conformance", { timeout: 120_000 }, () => {
  it("holds compiled JavaScript, declarations, the data it reads, README and licence; no tests or TypeScript sources", () => {
    const files = suite.files;
    expect(files).toEqual(
      expect.arrayContaining([
        "package.json",
        "README.md",
        "LICENCE",
        "dist/spec/requirements/requirements.json",
        "dist/spec/generated/openapi.json",
        "dist/conformance/config.schema.json",
        "dist/conformance/certificate.schema.json",
      ]),
    );
    for (const [name, entry] of Object.entries(suite.pkg.exports)) {
      expect(files, name).toContain(posix.normalize(entry.types));
      expect(files, name).toContain(posix.normalize(entry.default));
    }
    for (const target of Object.values(suite.pkg.bin)) expect(files).toContain(posix.normalize(target));
    // Every worked example is a fixture or a default document of the suite.
    for (const example of readdirSync(join(REPO_ROOT, "examples/worked")).filter((f) => f.endsWith(".json")))
      expect(files).toContain(`dist/examples/worked/${example}`);
    expect(testsOrSources(files)).toEqual([]);
    expect(files.filter((f) => /\.(?:js|d\.ts|json|md)$/u.test(f) || f === "LICENCE")).toEqual(files);
    // The SDK is a dependency, not compiled in.
    expect(files.filter((f) => f.startsWith("dist/sdk/"))).toEqual([]);
  });

  it(
    "every relative import and every file its modules locate from import.meta.url is in the " +
      "package; bare imports are exactly the declared dependencies",
    () => {
      const { unresolved, packages } = importsOf(installed, suite.files);
      expect(unresolved).toEqual([]);
      expect(packages).toEqual(Object.keys(suite.pkg.dependencies).sort());
      expect(suite.pkg.dependencies["send-interchange"]).toBe(sdk.pkg.version);
      for (const version of Object.values(suite.pkg.dependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/u);

      const located: string[] = [];
      for (const file of suite.files.filter((f) => f.endsWith(".js"))) {
        const text = readFileSync(join(installed, file), "utf8");
        for (const m of text.matchAll(/new URL\(\s*(["'`])(.*?)\1\s*,\s*import\.meta\.url\s*\)/gu)) {
          // A template literal names a file of a folder: the folder must hold packed files.
          const literal = m[2]!.split("${")[0]!;
          const target = posix.join(posix.dirname(file), literal);
          const found =
            literal.endsWith("/") || literal !== m[2]
              ? suite.files.some((f) => f.startsWith(target))
              : suite.files.includes(target);
          located.push(`${file} → ${m[2]}: ${found ? "packed" : "MISSING"}`);
        }
      }
      expect(located.length).toBeGreaterThan(3);
      expect(located.filter((l) => l.endsWith("MISSING"))).toEqual([]);

      // The SDK the suite uses is the packed one, not one from the registry; npm installed no build tool.
      const lock = JSON.parse(readFileSync(join(project, "package-lock.json"), "utf8")) as {
        packages: Record<string, { resolved?: string }>;
      };
      expect(lock.packages["node_modules/send-interchange"]?.resolved).toMatch(
        /^file:.*send-interchange-0\.1\.0\.tgz$/u,
      );
      expect(existsSync(join(installed, "node_modules", "send-interchange"))).toBe(false);
      for (const tool of ["typescript", "tsx", "vitest"])
        expect(existsSync(join(project, "node_modules", tool)), tool).toBe(false);
    },
  );

  it("npx send-conformance: --help and --version exit 0; ids lists every test; coverage reads the shipped requirements", () => {
    const npx = (...args: string[]) => run("npx", ["--no", "--", "send-conformance", ...args], project);
    // npm's link for the bin, executed directly: the shebang must name node.
    expect(
      readFileSync(join(installed, Object.values(suite.pkg.bin)[0]!), "utf8").startsWith("#!/usr/bin/env node\n"),
    ).toBe(true);
    const help = run(join(project, "node_modules", ".bin", "send-conformance"), ["--help"], project);
    expect([help.status, help.stderr]).toEqual([0, ""]);
    expect(help.stdout).toContain("send-conformance validate <file|dir>");
    const version = npx("--version");
    expect([version.status, version.stdout.trim()]).toEqual([0, suite.pkg.version]);

    const ids = npx("ids");
    expect(ids.status, ids.stderr).toBe(0);
    const listed = ids.stdout
      .trim()
      .split("\n")
      .map((line) => line.split("\t")[0]);
    expect(listed).toEqual(ALL_TESTS.map((t) => t.id));

    const coverage = npx("coverage");
    expect(coverage.status, coverage.stderr).toBe(0);
    expect(coverage.stdout).toMatch(/^Requirements with no test \(\d+\)/u);
  });

  it("npx send-conformance validate: a worked example exits 0; a broken document exits 3 naming the pointer and rule; a bad configuration exits 5", () => {
    const npx = (...args: string[]) => run("npx", ["--no", "--", "send-conformance", ...args], project);
    const valid = npx("validate", "isp.json");
    expect(valid.status, valid.stderr + valid.stdout).toBe(0);
    expect(valid.stderr).toMatch(/^CONFORMANT — /mu);
    const invalid = npx("validate", "broken-isp.json");
    expect(invalid.status).toBe(3);
    expect(invalid.stderr).toMatch(/^NOT CONFORMANT — /mu);
    expect(invalid.stderr).toContain("broken-isp.json: /child schema.required");
    writeFileSync(join(project, "empty-config.json"), "{}");
    const badConfig = npx("run", "--config", "empty-config.json");
    expect(badConfig.status).toBe(5);
    expect(badConfig.stderr).toContain("must have required property 'baseUrl'");
  });

  it(
    "npx send-conformance run --certificate: a conformant documents run is certified; " +
      "verify-certificate accepts the JSON and the page and refuses an edited copy with exit 8",
    () => {
      const npx = (...args: string[]) => run("npx", ["--no", "--", "send-conformance", ...args], project);
      const setting = (urn: string, laCode: string) => ({ urn, laCode, laestab: `${laCode}0000`, name: urn });
      writeFileSync(
        join(project, "documents-config.json"),
        JSON.stringify({
          baseUrl: "https://mis.example/send/v1",
          implementation: { name: "Stranger MIS", version: "1.0.0" },
          tenants: [
            { name: "A", setting: setting("100000", "100"), credentials: {} },
            { name: "B", setting: setting("100001", "101"), credentials: {} },
          ],
          capabilities: { profiles: ["documents"], resources: [] },
          documents: { paths: ["isp.json"] },
        }),
      );
      const issued = npx(
        "run",
        "--config",
        "documents-config.json",
        "--report",
        "cert-report",
        "--certificate",
        "cert.json",
      );
      expect(issued.status, issued.stderr).toBe(0);
      for (const f of ["cert.json", "cert.html", "cert.signing-key.json", "cert-report/report.json"])
        expect(existsSync(join(project, f)), f).toBe(true);
      const verified = npx("verify-certificate", "cert.json", "--report", "cert-report/report.json");
      expect(verified.status, verified.stderr).toBe(0);
      expect(verified.stdout).toContain("implementation: Stranger MIS 1.0.0");
      expect(verified.stdout).toContain(`made with send-conformance ${suite.pkg.version}`);
      expect(npx("verify-certificate", "cert.html").status).toBe(0);
      const file = JSON.parse(readFileSync(join(project, "cert.json"), "utf8")) as {
        certificate: { profiles: string[] };
      };
      file.certificate.profiles.push("security");
      writeFileSync(join(project, "edited.json"), JSON.stringify(file));
      const edited = npx("verify-certificate", "edited.json");
      expect(edited.status).toBe(8);
      expect(edited.stderr).toContain(
        "tampered: the readable certificate differs from the signed one at /certificate/profiles/1",
      );
    },
  );

  it("imports in plain Node from the package name, with its fixtures, schemas and requirements found inside the package", () => {
    const script = `
      const suite = await import("send-conformance");
      const { loadTemplates } = await import("./node_modules/send-conformance/dist/conformance/src/fixtures/templates.js");
      const { shippedReceiverSideFields } = await import("./node_modules/send-conformance/dist/conformance/src/transfer/fidelity.js");
      console.log(JSON.stringify({
        tests: suite.ALL_TESTS.length,
        version: suite.packageVersion(),
        templates: [...loadTemplates().keys()].sort(),
        receiverSideFields: shippedReceiverSideFields().size > 0,
        requirements: suite.loadRequirements().length > 0,
        mustFailed: suite.EXIT.mustFailed,
      }));`;
    const out = mustRun(process.execPath, ["--input-type=module", "-e", script], project);
    expect(JSON.parse(out.trim())).toEqual({
      tests: ALL_TESTS.length,
      version: suite.pkg.version,
      templates: [...loadTemplates().keys()].sort(),
      receiverSideFields: true,
      requirements: true,
      mustFailed: 3,
    });
  });

  it("its declarations type-check a strict NodeNext consumer of the suite and the SDK with the repository's tsc", () => {
    const consumer = join(project, "consumer.ts");
    writeFileSync(
      consumer,
      `import { ALL_TESTS, EXIT, buildReport, loadRequirements, parseConfig, runTests, selectTests, type ProfileId, type RunReport, type SuiteConfig, type TestResult } from "send-conformance";
import { validate } from "send-interchange";
export const ids: string[] = ALL_TESTS.map((t) => t.id);
export const profiles: readonly ProfileId[] = ["documents"];
export const failed: 3 = EXIT.mustFailed;
export const config = (raw: unknown): SuiteConfig => parseConfig(raw, ".");
export async function runDocuments(cfg: SuiteConfig): Promise<RunReport> {
  const results: TestResult[] = await runTests(selectTests(ALL_TESTS, profiles), cfg, { profiles });
  const started = new Date();
  return buildReport({ config: cfg, profiles, results, startedAt: started, finishedAt: new Date(), catalogue: loadRequirements() });
}
export const valid: boolean = validate({}).valid;
// @ts-expect-error not a profile of the suite
export const wrong: ProfileId = "no-such-profile";
`,
    );
    const { diagnostics, files } = typecheckConsumer(project, [consumer]);
    expect(diagnostics).toEqual([]);
    expect(files.filter((f) => f.startsWith(`${installed}/`) && f.endsWith(".d.ts")).length).toBeGreaterThan(5);
    expect(files.some((f) => f.startsWith(`${join(project, "node_modules", "send-interchange")}/`))).toBe(true);
  });

  it.runIf(NODE_22_AVAILABLE)(
    `on Node ${NODE_22} (${NODE_PACKAGE} from npm) too: both bins, validate exit 0 and 3, both packages import`,
    { timeout: 240_000 },
    () => {
      const node22 = installNode22(work);
      const bin = (pkg: Packed) => join(project, "node_modules", pkg.pkg.name, Object.values(pkg.pkg.bin)[0]!);

      expect(mustRun(node22, [bin(suite), "--version"], project).trim()).toBe(suite.pkg.version);
      expect(mustRun(node22, [bin(sdk), "--version"], project).trim()).toBe(sdk.pkg.version);
      expect(run(node22, [bin(suite), "validate", "isp.json"], project).status).toBe(0);
      const broken = run(node22, [bin(suite), "validate", "broken-isp.json"], project);
      expect([broken.status, broken.stderr.includes("broken-isp.json: /child schema.required")]).toEqual([3, true]);
      expect(run(node22, [bin(sdk), "validate", "isp.json"], project).status).toBe(0);
      const script = `
      const { ALL_TESTS, loadRequirements } = await import("send-conformance");
      const { validate } = await import("send-interchange");
      const { readFileSync } = await import("node:fs");
      console.log(JSON.stringify({ tests: ALL_TESTS.length, requirements: loadRequirements().length > 0, valid: validate(JSON.parse(readFileSync("isp.json", "utf8"))).valid }));`;
      expect(JSON.parse(mustRun(node22, ["--input-type=module", "-e", script], project).trim())).toEqual({
        tests: ALL_TESTS.length,
        requirements: true,
        valid: true,
      });
    },
  );
});
