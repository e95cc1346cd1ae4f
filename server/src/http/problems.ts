// Problem+json (RFC 9457) for the server. The kinds, statuses and titles come from the spec's catalogue
// (spec/problems.ts), so the OpenAPI document and the server cannot disagree.
import { problemType, problemTypeUri, type ProblemKind } from "../../../spec/problems.ts";

export type { ProblemKind };

/** One validation error as sent to clients: where, which rule, what is wrong. */
export interface ProblemErrorItem {
  pointer: string;
  ruleId: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  correlationId: string;
  errors?: ProblemErrorItem[];
}

/** Thrown anywhere in request handling; the error handler turns it into problem+json. */
export class HttpProblem extends Error {
  constructor(
    public readonly kind: ProblemKind,
    public readonly detail: string,
    public readonly extra: { errors?: ProblemErrorItem[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
  }
}

export function problemBody(
  kind: ProblemKind,
  detail: string,
  correlationId: string,
  errors?: ProblemErrorItem[],
): ProblemBody {
  const { status, title } = problemType(kind);
  const body: ProblemBody = { type: problemTypeUri(kind), title, status, detail, correlationId };
  if (errors) body.errors = errors;
  return body;
}

export function problemResponse(
  kind: ProblemKind,
  detail: string,
  correlationId: string,
  extra: HttpProblem["extra"] = {},
): Response {
  const body = problemBody(kind, detail, correlationId, extra.errors);
  const headers = new Headers({ "content-type": "application/problem+json", "x-correlation-id": correlationId });
  for (const [k, v] of Object.entries(extra.headers ?? {})) headers.set(k, v);
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

/** The not-found answer, used both for missing records and for records of another tenant: the two look the same. */
export function notFound(): HttpProblem {
  return new HttpProblem("not-found", "No resource exists at this address that you may see.");
}

export function invalidParameter(pointer: string, detail: string): HttpProblem {
  return new HttpProblem("invalid-parameter", detail, {
    errors: [{ pointer, ruleId: "api.parameter", message: detail }],
  });
}
