// The SDK's browser entries bundle for the browser with nothing from Node, and the core entry gives the same answers
// in headless Chromium as in Node: every worked example and every counter-example, validated in a real browser page.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { builtinModules } from "node:module";
import { build, type Metafile } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { runChromium } from "../../.ci/chromium.ts";
import { validate } from "./index.ts";

const SDK = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = resolve(SDK, "..");

/** The package entries that must bundle for browsers (./types is types only). */
const BROWSER_ENTRIES: Record<string, string> = {
  ".": "src/index.ts",
  "./identifiers": "src/identifiers/index.ts",
  "./rules": "src/rules/index.ts",
  "./client": "src/client/index.ts",
  "./builders": "src/builders/index.ts",
  "./msw": "src/msw/index.ts",
  "./vocab": "src/vocab/index.ts",
  "./bundle": "src/bundle/index.ts",
  "./ctf": "src/ctf/index.ts",
  "./roles": "src/roles/index.ts",
};

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

async function bundleForBrowser(entry: string): Promise<{ text: string; metafile: Metafile }> {
  const result = await build({
    entryPoints: [join(SDK, entry)],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return { text: result.outputFiles[0]!.text, metafile: result.metafile };
}

describe("browser bundles", () => {
  it("the package exports exactly these browser entries besides ./types", () => {
    const pkg = JSON.parse(readFileSync(join(SDK, "package.json"), "utf8")) as { exports: Record<string, unknown> };
    expect(
      Object.keys(pkg.exports)
        .filter((k) => k !== "./types")
        .sort(),
    ).toEqual(Object.keys(BROWSER_ENTRIES).sort());
  });

  it.each(Object.entries(BROWSER_ENTRIES))(
    "%s (%s) bundles with platform browser and pulls in no Node built-in",
    async (_name, entry) => {
      const { text, metafile } = await bundleForBrowser(entry);
      expect(text.length).toBeGreaterThan(0);
      const inputs = Object.keys(metafile.inputs);
      expect(inputs.filter((i) => NODE_BUILTINS.has(i) || i.startsWith("node:"))).toEqual([]);
      // Every import esbuild saw was resolved to a file it bundled (an unresolvable require would stay a __require call).
      for (const [file, input] of Object.entries(metafile.inputs)) {
        for (const imported of input.imports)
          expect(imported.external ?? false, `${file} imports ${imported.path}`).toBe(false);
      }
      expect(text).not.toMatch(/\bcreateRequire\b|\bimport\.meta\.url\b/u);
    },
  );
});

/** Every worked example and every counter-example document, by file name. */
function documents(): Array<{ name: string; document: unknown }> {
  const worked = join(ROOT, "examples/worked");
  const counter = join(ROOT, "examples/counter");
  const out: Array<{ name: string; document: unknown }> = [];
  for (const f of readdirSync(worked)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    out.push({ name: `worked/${f}`, document: JSON.parse(readFileSync(join(worked, f), "utf8")) });
  }
  for (const f of readdirSync(counter)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    const file = JSON.parse(readFileSync(join(counter, f), "utf8")) as { document?: unknown };
    if (file.document !== undefined) out.push({ name: `counter/${f}`, document: file.document });
  }
  return out;
}

describe("the core entry in headless Chromium", () => {
  const scratch = mkdtempSync(join(tmpdir(), "sdk-browser-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("validates every worked example and counter-example exactly as Node does", async () => {
    const docs = documents();
    expect(docs.filter((d) => d.name.startsWith("worked/")).length).toBeGreaterThan(0);
    expect(docs.filter((d) => d.name.startsWith("counter/")).length).toBeGreaterThan(0);
    writeFileSync(join(scratch, "documents.json"), JSON.stringify(docs));
    // The page script imports the core entry by path, so the bundle is the real entry with its real dependencies.
    const pageEntry = join(scratch, "page.ts");
    writeFileSync(
      pageEntry,
      `import { validate } from ${JSON.stringify(join(SDK, "src/index.ts"))};
import docs from "./documents.json" with { type: "json" };
const results = (docs as Array<{ name: string; document: unknown }>).map(({ name, document }) => ({ name, result: validate(document) }));
const out = document.getElementById("results")!;
out.textContent = JSON.stringify(results);
out.setAttribute("data-done", "yes");
`,
    );
    const bundle = await build({
      entryPoints: [pageEntry],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    // Inline module script: Chromium refuses module scripts fetched from file:// (no CORS origin), inline ones run.
    const script = bundle.outputFiles[0]!.text.replaceAll("</script", "<\\/script");
    writeFileSync(
      join(scratch, "page.html"),
      `<!doctype html><html><body><pre id="results" data-done="no"></pre><script type="module">${script}</script></body></html>`,
    );
    const dom = runChromium(join(scratch, "profile"), ["--dump-dom", pathToFileURL(join(scratch, "page.html")).href], {
      maxBuffer: 256 * 1024 * 1024,
      timeout: 120_000,
    });
    const match = /<pre id="results" data-done="yes">([\s\S]*?)<\/pre>/u.exec(dom);
    expect(match, "the page ran its script").not.toBeNull();
    const text = match![1]!
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&quot;", '"')
      .replaceAll("&amp;", "&");
    const inBrowser = JSON.parse(text) as Array<{ name: string; result: unknown }>;
    const inNode = docs.map(({ name, document }) => ({
      name,
      result: JSON.parse(JSON.stringify(validate(document))) as unknown,
    }));
    expect(inBrowser).toEqual(inNode);
    // The comparison means something: worked examples pass; every counter-example reports an error or a finding.
    for (const { name, result } of inBrowser) {
      const r = result as { valid: boolean; errors: unknown[]; findings: unknown[] };
      if (name.startsWith("worked/")) expect(r.valid, name).toBe(true);
      else expect(r.errors.length + r.findings.length, name).toBeGreaterThan(0);
    }
  });
});
