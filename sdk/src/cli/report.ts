// Turning per-file validation results into text or a JSON report. Pure: results in, strings out.
import type { Finding } from "../rules/finding.ts";
import type { ValidationResult } from "../validate/result.ts";

export interface FileResult {
  file: string;
  result: ValidationResult;
}

export interface JsonReport {
  valid: boolean;
  summary: { files: number; valid: number; invalid: number; errors: number; warnings: number; infos: number };
  files: Array<{
    file: string;
    valid: boolean;
    documentType: string | null;
    schemaVersion: string | null;
    problems: Finding[];
  }>;
}

function problems(result: ValidationResult): Finding[] {
  return [...result.errors, ...result.findings];
}

export function buildJsonReport(results: readonly FileResult[]): JsonReport {
  const all = results.flatMap((r) => problems(r.result));
  const valid = results.filter((r) => r.result.valid).length;
  return {
    valid: valid === results.length,
    summary: {
      files: results.length,
      valid,
      invalid: results.length - valid,
      errors: all.filter((p) => p.severity === "error").length,
      warnings: all.filter((p) => p.severity === "warning").length,
      infos: all.filter((p) => p.severity === "info").length,
    },
    files: results.map((r) => ({
      file: r.file,
      valid: r.result.valid,
      documentType: r.result.documentType,
      schemaVersion: r.result.schemaVersion,
      problems: problems(r.result),
    })),
  };
}

/** `file: pointer [ruleId] message (severity)`; the root pointer shows as "/" so the column is never empty. */
export function formatProblem(file: string, p: Finding): string {
  return `${file}: ${p.pointer === "" ? "/" : p.pointer} [${p.ruleId}] ${p.message} (${p.severity})`;
}

export function formatText(results: readonly FileResult[], quiet: boolean): string[] {
  const lines: string[] = [];
  for (const { file, result } of results) {
    const list = problems(result).filter((p) => !quiet || p.severity === "error");
    if (result.valid && !quiet) lines.push(`${file}: OK${result.documentType ? ` (${result.documentType})` : ""}`);
    for (const p of list) lines.push(formatProblem(file, p));
  }
  const report = buildJsonReport(results);
  const s = report.summary;
  lines.push(
    `${s.files} file(s): ${s.valid} valid, ${s.invalid} invalid; ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info`,
  );
  return lines;
}
