// JSON.parse with a position a person can use: line and column of the first fault.
import { jsonErrorOffset } from "./json-error-offset.ts";

export type ParseOutcome = { ok: true; value: unknown } | { ok: false; message: string };

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

export function parseJson(text: string): ParseOutcome {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const { line, column } = lineColumn(text, jsonErrorOffset(text));
    // V8's reason, without its own position or its quoted excerpt of the text.
    const reason = raw.replace(/ in JSON at position \d+.*$/su, "").replace(/, "[\s\S]*" is not valid JSON$/u, "");
    return { ok: false, message: `malformed JSON at line ${line}, column ${column}: ${reason}` };
  }
}
