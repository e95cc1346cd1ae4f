// Problem+json responses (RFC 9457) as typed errors: one class, told apart by `kind`, carrying the pointers of every
// individual failure and the correlation id to quote when asking the server's operators.
import { kindOfType, type ProblemKind, type ProblemKindOrUnknown } from "./problem-kinds.ts";

/** One failure inside a problem: where (JSON Pointer into the body, or /query|/path|/header/<name>) and which rule. */
export interface ProblemErrorItem {
  pointer: string;
  ruleId: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  correlationId?: string;
  errors: ProblemErrorItem[];
}

export class ApiProblemError extends Error {
  override readonly name = "ApiProblemError";
  readonly kind: ProblemKindOrUnknown;
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly correlationId: string | undefined;
  readonly errors: readonly ProblemErrorItem[];
  /** The method and URL that failed, for logs. */
  readonly request: { method: string; url: string };
  /** Response headers (e.g. the current ETag on a 412, Retry-After on a 429). */
  readonly headers: Headers;

  constructor(problem: ProblemDetails, request: { method: string; url: string }, headers: Headers) {
    super(
      `${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ""} (${request.method} ${request.url})`,
    );
    this.kind = kindOfType(problem.type);
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.correlationId = problem.correlationId;
    this.errors = problem.errors;
    this.request = request;
    this.headers = headers;
  }

  /** Narrowing check, e.g. `if (err.is("precondition-failed"))`. */
  is(kind: ProblemKind): boolean {
    return this.kind === kind;
  }
}

/** True when `err` is an API problem, optionally of one kind. */
export function isApiProblem(err: unknown, kind?: ProblemKind): err is ApiProblemError {
  return err instanceof ApiProblemError && (kind === undefined || err.kind === kind);
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function errorItems(v: unknown): ProblemErrorItem[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((e): e is Record<string, unknown> => e !== null && typeof e === "object")
    .map((e) => ({
      pointer: str(e.pointer) ?? "",
      ruleId: str(e.ruleId) ?? "",
      // The spec names it `message`; accept `detail` too, as some RFC 9457 producers use that name.
      message: str(e.message) ?? str(e.detail) ?? "",
    }));
}

/**
 * Builds the error for a non-2xx response. A body that is not problem+json (a proxy's HTML 502, say) still becomes
 * an ApiProblemError of kind "unknown", so callers handle one error type.
 */
export async function problemFromResponse(
  res: Response,
  request: { method: string; url: string },
): Promise<ApiProblemError> {
  const headerId = res.headers.get("x-correlation-id") ?? undefined;
  let body: Record<string, unknown> = {};
  const text = await res.text().catch(() => "");
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed))
        body = parsed as Record<string, unknown>;
    } catch {
      body = { detail: text.slice(0, 500) };
    }
  }
  const problem: ProblemDetails = {
    type: str(body.type) ?? "about:blank",
    title: str(body.title) ?? (res.statusText || `HTTP ${res.status}`),
    status: typeof body.status === "number" ? body.status : res.status,
    errors: errorItems(body.errors),
  };
  const detail = str(body.detail);
  if (detail !== undefined) problem.detail = detail;
  const instance = str(body.instance);
  if (instance !== undefined) problem.instance = instance;
  const correlationId = str(body.correlationId) ?? headerId;
  if (correlationId !== undefined) problem.correlationId = correlationId;
  return new ApiProblemError(problem, request, res.headers);
}
