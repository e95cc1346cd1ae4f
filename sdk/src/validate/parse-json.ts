// JSON.parse with a position a person can use: V8 reports "at position N", people want line and column.

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
    const position = /position (\d+)/u.exec(raw);
    // Node 20 says "Unexpected end of JSON input" with no position: the fault is at the end.
    const offset = position ? Number(position[1]) : /end of JSON/u.test(raw) ? text.length : undefined;
    if (offset === undefined) return { ok: false, message: `malformed JSON: ${raw}` };
    const { line, column } = lineColumn(text, offset);
    const reason = raw.replace(/ in JSON at position \d+.*$/u, "").replace(/ at position \d+.*$/u, "");
    return { ok: false, message: `malformed JSON at line ${line}, column ${column}: ${reason}` };
  }
}
