// problem+json answers of the mock, with the same type URIs, titles and statuses as the reference server (both from
// spec/problems.ts; the SDK's copy is generated).
import { PROBLEM_TYPES } from "../../generated/problems.ts";
import { PROBLEM_BASE, type ProblemKind } from "../client/problem-kinds.ts";

export const PROBLEM_STATUS_TITLE = Object.fromEntries(
  PROBLEM_TYPES.map((p) => [p.kind, { status: p.status, title: p.title }]),
) as Record<ProblemKind, { status: number; title: string }>;

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
