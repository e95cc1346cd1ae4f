// JSON.parse with a position a person can use: line and column of the first fault.
import { jsonErrorOffset } from "./json-error-offset.ts";

export type ParseOutcome = { ok: true; value: unknown } | { ok: false; message: string };

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Characters a reader cannot see (controls, format characters such as U+FEFF, separators) as \u escapes. */
export function visible(text: string): string {
  return text.replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu,
    (ch) => `\\u${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

export function parseJson(input: string): ParseOutcome {
  // RFC 8259 §8.1: a parser MAY ignore a byte order mark; editors on Windows still write one.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const { line, column } = lineColumn(text, jsonErrorOffset(text));
    // V8's reason, without its own position or its quoted excerpt of the text.
    const reason = raw.replace(/ in JSON at position \d+.*$/su, "").replace(/, "[\s\S]*" is not valid JSON$/u, "");
    return { ok: false, message: `malformed JSON at line ${line}, column ${column}: ${visible(reason)}` };
  }
}
