// The documents profile: offline checks of files a producer exchanges (no server). The document set is the config's
// documents.paths, the paths given to `send-conformance validate`, or else the worked examples shipped with the suite.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { validateJson, DOCUMENT_TYPES } from "send-interchange";
import type { TestContext, TestDef } from "../model.ts";
import { check } from "../check.ts";
import { WORKED_EXAMPLES_DIR } from "../fixtures/templates.ts";

/** Every .json file under the given files/folders, sorted, relative paths resolved against `baseDir`. */
export function collectDocumentFiles(paths: readonly string[], baseDir: string): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    const s = statSync(p);
    if (s.isDirectory()) for (const f of readdirSync(p).sort()) visit(join(p, f));
    else if (p.endsWith(".json")) out.push(p);
  };
  for (const p of paths) visit(resolve(baseDir, p));
  return out;
}

function documentFiles(ctx: TestContext): string[] {
  const paths = ctx.config.documents?.paths;
  const files =
    paths && paths.length > 0
      ? collectDocumentFiles(paths, ctx.config.baseDir)
      : collectDocumentFiles([WORKED_EXAMPLES_DIR], "/");
  check(files.length > 0, "the document set is empty: no .json files found");
  ctx.note(`${files.length} document(s) checked`);
  return files;
}

/** Runs `per` over each file and fails with every problem found (not just the first). */
function eachFile(ctx: TestContext, per: (file: string, text: string) => string[]): void {
  const problems = documentFiles(ctx).flatMap((f) => per(f, readFileSync(f, "utf8")).map((p) => `${f}: ${p}`));
  check(
    problems.length === 0,
    problems.slice(0, 20).join("\n") + (problems.length > 20 ? `\n… and ${problems.length - 20} more` : ""),
  );
}

/** The quality-rule findings of one severity, as problem lines. Schema errors are the schema-valid test's, and rules
 *  run on valid documents only, so a schema-invalid document has none here. */
function findingsOf(text: string, severity: "error" | "warning"): string[] {
  const r = validateJson(text);
  if (r.errors.length > 0) return [];
  return r.findings.filter((x) => x.severity === severity).map((x) => `${x.pointer || "/"} ${x.ruleId}: ${x.message}`);
}

const base = { profile: "documents" as const };

export const DOCUMENT_TESTS: readonly TestDef[] = [
  {
    ...base,
    id: "send.documents.root-identifies-document",
    title: "Each document is JSON with a known documentType and schemaVersion",
    level: "MUST",
    requirements: ["SI-API-042"],
    async run(ctx) {
      eachFile(ctx, (_f, text) => {
        let doc: unknown;
        try {
          doc = JSON.parse(text);
        } catch (err) {
          return [`not JSON: ${err instanceof Error ? err.message : String(err)}`];
        }
        if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return ["the root is not a JSON object"];
        const d = doc as Record<string, unknown>;
        const problems: string[] = [];
        if (!DOCUMENT_TYPES.includes(d.documentType as never))
          problems.push(`unknown documentType ${JSON.stringify(d.documentType)}`);
        for (const key of ["schemaVersion", "id", "provenance"])
          if (!(key in d)) problems.push(`no ${key} at the root`);
        return problems;
      });
    },
  },
  {
    ...base,
    id: "send.documents.schema-valid",
    title: "Each document validates against its JSON Schema",
    level: "MUST",
    requirements: ["SI-API-039"],
    async run(ctx) {
      eachFile(ctx, (_f, text) =>
        validateJson(text).errors.map((e) => `${e.pointer || "/"} ${e.ruleId}: ${e.message}`),
      );
    },
  },
  {
    ...base,
    id: "send.documents.no-error-findings",
    title: "No document has an error-severity quality-rule finding",
    level: "MUST",
    requirements: ["SI-API-040"],
    async run(ctx) {
      eachFile(ctx, (_f, text) => findingsOf(text, "error"));
    },
  },
  {
    ...base,
    id: "send.documents.no-warning-findings",
    title: "No document has a warning-severity quality-rule finding",
    level: "SHOULD",
    requirements: ["SI-API-043"],
    async run(ctx) {
      eachFile(ctx, (_f, text) => findingsOf(text, "warning"));
    },
  },
];
