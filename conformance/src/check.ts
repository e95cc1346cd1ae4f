// Checks used by tests. Each throws CheckFailure with a message that says what was expected and what came back.
import { CheckFailure } from "./model.ts";
import type { HttpResponse } from "./http/client.ts";
import { isObj } from "./fixtures/factory.ts";
import { problemTypes } from "./standard-api.ts";

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailure(message);
}

export function expectStatus(res: HttpResponse, expected: number | readonly number[], what: string): void {
  const ok = typeof expected === "number" ? res.status === expected : expected.includes(res.status);
  if (!ok) {
    const want = typeof expected === "number" ? String(expected) : expected.join(" or ");
    throw new CheckFailure(`${what}: expected HTTP ${want}, got ${res.status}${problemSuffix(res)}`);
  }
}

function problemSuffix(res: HttpResponse): string {
  if (!isObj(res.json)) return "";
  const t = typeof res.json.title === "string" ? res.json.title : "";
  const d = typeof res.json.detail === "string" ? res.json.detail : "";
  return t || d ? ` (${[t, d].filter(Boolean).join(": ")})` : "";
}

export function header(res: HttpResponse, name: string, what: string): string {
  const v = res.headers.get(name);
  if (v === null || v.trim() === "") throw new CheckFailure(`${what}: the response has no ${name} header`);
  return v;
}

/** RFC 9457: media type application/problem+json and a body with type/title/status; returns the body. */
export function expectProblem(
  res: HttpResponse,
  status: number | readonly number[],
  what: string,
  kind?: string,
): Record<string, unknown> {
  expectStatus(res, status, what);
  const ct = res.headers.get("content-type") ?? "";
  check(
    /^application\/problem\+json\b/i.test(ct),
    `${what}: expected Content-Type application/problem+json, got "${ct}"`,
  );
  check(isObj(res.json), `${what}: the problem body is not a JSON object`);
  const body = res.json;
  check(typeof body.type === "string" && body.type.length > 0, `${what}: the problem has no "type"`);
  // SI-API-013: the type is one of the published problem types, and the one for this status when only one has it.
  const catalogue = problemTypes();
  const known = catalogue.find((p) => p.type === body.type);
  check(known, `${what}: the problem type ${JSON.stringify(body.type)} is not in the published problem-type catalogue`);
  const forStatus = catalogue.filter((p) => p.status === res.status);
  const expected = kind ?? (forStatus.length === 1 ? forStatus[0]!.kind : undefined);
  check(
    expected === undefined || known.kind === expected,
    `${what}: expected problem type ${expected}, got ${known.kind}`,
  );
  check(typeof body.title === "string", `${what}: the problem has no "title"`);
  check(typeof body.detail === "string", `${what}: the problem has no "detail"`);
  const echoed = res.headers.get("x-correlation-id");
  check(
    typeof body.correlationId === "string" && body.correlationId === echoed,
    `${what}: the problem's correlationId ${JSON.stringify(body.correlationId)} is not the X-Correlation-Id header ${JSON.stringify(echoed)}`,
  );
  check(
    body.status === res.status,
    `${what}: the problem's "status" (${String(body.status)}) differs from the HTTP status ${res.status}`,
  );
  return body;
}

/** Members of a stored document the server maintains on every update (the OpenAPI's PUT description): a document read
 *  back after an update may differ from the one sent exactly here. */
export const SERVER_MAINTAINED = ["/provenance/updatedAt", "/provenance/changeReason"] as const;

/** Deep equality of JSON values, reporting the first differing JSON pointer (or undefined when equal); differences at
 *  the pointers in `ignore` (and below them) do not count. */
export function firstDifference(
  a: unknown,
  b: unknown,
  pointer = "",
  ignore: readonly string[] = [],
): string | undefined {
  if (a === b || ignore.includes(pointer)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${pointer || "/"} (array length ${a.length} vs ${b.length})`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${pointer}/${i}`, ignore);
      if (d) return d;
    }
    return undefined;
  }
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) {
      const p = `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (ignore.includes(p)) continue;
      if (!(k in a)) return `${p} (added)`;
      if (!(k in b)) return `${p} (missing)`;
      const d = firstDifference(a[k], b[k], p, ignore);
      if (d) return d;
    }
    return undefined;
  }
  return `${pointer || "/"} (${JSON.stringify(a)?.slice(0, 60)} vs ${JSON.stringify(b)?.slice(0, 60)})`;
}

/** The `rel="next"` target of an RFC 8288 Link header, if any. */
export function nextLinkOf(res: HttpResponse): string | undefined {
  const link = res.headers.get("link");
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (m && /\brel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(m[2]!)) return m[1];
  }
  return undefined;
}

export function itemsOf(res: HttpResponse, what: string): Record<string, unknown>[] {
  check(isObj(res.json) && Array.isArray(res.json.items), `${what}: expected a JSON object with an "items" array`);
  return (res.json.items as unknown[]).filter(isObj);
}
