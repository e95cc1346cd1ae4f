// problem+json answers of the mock, with the same type URIs, titles and statuses as the reference server
// (spec/problems.ts; a test checks the titles agree).
import { PROBLEM_BASE, type ProblemKind } from "../client/problem-kinds.ts";

export const PROBLEM_STATUS_TITLE: Record<ProblemKind, { status: number; title: string }> = {
  "malformed-json": { status: 400, title: "Request body is not valid JSON" },
  "invalid-encoding": { status: 400, title: "Request body is not valid UTF-8" },
  "invalid-parameter": { status: 400, title: "Invalid request parameter" },
  "too-deep": { status: 400, title: "Request body nests too deeply" },
  unauthorized: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Operation not permitted for this role" },
  "not-found": { status: 404, title: "Resource not found" },
  conflict: { status: 409, title: "Request conflicts with the current state" },
  "precondition-failed": { status: 412, title: "Resource has changed" },
  "payload-too-large": { status: 413, title: "Request body too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "validation-failed": { status: 422, title: "Document failed validation" },
  "precondition-required": { status: 428, title: "If-Match header required" },
  "rate-limited": { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal server error" },
  "service-unavailable": { status: 503, title: "Service unavailable" },
};

export interface MockProblemItem {
  pointer: string;
  ruleId: string;
  message: string;
}

/** Thrown inside a mock handler; turned into a problem+json response by the dispatcher. */
export class MockProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly extra: { errors?: MockProblemItem[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
  }
}

export function problemResponse(p: MockProblem, correlationId: string): Response {
  const { status, title } = PROBLEM_STATUS_TITLE[p.kind];
  const body = {
    type: PROBLEM_BASE + p.kind,
    title,
    status,
    detail: p.detail,
    correlationId,
    ...(p.extra.errors ? { errors: p.extra.errors } : {}),
  };
  const headers = new Headers({ "content-type": "application/problem+json", "x-correlation-id": correlationId });
  for (const [k, v] of Object.entries(p.extra.headers ?? {})) headers.set(k, v);
  return new Response(JSON.stringify(body), { status, headers });
}

export const invalidParameter = (pointer: string, detail: string) =>
  new MockProblem("invalid-parameter", detail, { errors: [{ pointer, ruleId: "api.parameter", message: detail }] });

export const notFound = () => new MockProblem("not-found", "No resource exists at this address that you may see.");
