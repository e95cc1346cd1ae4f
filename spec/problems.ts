// The catalogue of RFC 9457 problem types the API returns. One entry per error kind; the server builds its
// problem+json bodies from this table and the OpenAPI builder documents every error response from it.

/** Base of every problem `type` URI. Each type URI is dereferenceable documentation of that error kind. */
export const PROBLEM_BASE = "https://schemas.send-interchange.org.uk/1/problems/";

export type ProblemKind =
  | "validation-failed"
  | "malformed-json"
  | "invalid-encoding"
  | "invalid-parameter"
  | "too-deep"
  | "unauthorized"
  | "forbidden"
  | "not-found"
  | "not-acceptable"
  | "conflict"
  | "precondition-failed"
  | "payload-too-large"
  | "unsupported-media-type"
  | "precondition-required"
  | "rate-limited"
  | "internal"
  | "service-unavailable";

export interface ProblemTypeSpec {
  kind: ProblemKind;
  status: number;
  title: string; // the fixed `title` for this kind (RFC 9457 §3.1.3: does not change between occurrences)
  description: string; // when the server returns it
}

export const PROBLEM_TYPES: readonly ProblemTypeSpec[] = [
  {
    kind: "malformed-json",
    status: 400,
    title: "Request body is not valid JSON",
    description: "The body could not be parsed as JSON (RFC 8259). Nothing was stored.",
  },
  {
    kind: "invalid-encoding",
    status: 400,
    title: "Request body is not valid UTF-8",
    description:
      "The body (JSON, JOSE or XML) contains bytes that are not valid UTF-8. Nothing was stored: " +
      "the server never replaces bad bytes with U+FFFD and keeps the text.",
  },
  {
    kind: "invalid-parameter",
    status: 400,
    title: "Invalid request parameter",
    description:
      "A query parameter, path parameter or request header is missing or malformed (for example " +
      "`limit` out of range, an unknown `cursor`, a missing `Change-Reason` on an update). " +
      "`errors[].pointer` names the parameter as `/query/<name>`, `/path/<name>` or " +
      "`/header/<name>`.",
  },
  {
    kind: "too-deep",
    status: 400,
    title: "Request body nests too deeply",
    description:
      "The JSON body nests objects or arrays deeper than the server's limit (at least 64 levels " +
      "are always accepted). Guards the parser against resource exhaustion.",
  },
  {
    kind: "unauthorized",
    status: 401,
    title: "Authentication required",
    description:
      "No bearer token, or the token is expired, badly signed or for another audience. The response carries `WWW-Authenticate: Bearer` (RFC 6750).",
  },
  {
    kind: "forbidden",
    status: 403,
    title: "Operation not permitted for this role",
    description:
      "The token is valid but lacks the scope the operation requires (see the role × operation " +
      "matrix). A record outside the caller's tenancy is answered with `not-found`, never " +
      "`forbidden`, so that its existence is not revealed.",
  },
  {
    kind: "not-found",
    status: 404,
    title: "Resource not found",
    description:
      "No such resource, or a resource the caller may not see (another setting's, another local " +
      "authority's or another family's record). The two cases are indistinguishable by design.",
  },
  {
    kind: "conflict",
    status: 409,
    title: "Request conflicts with the current state",
    description:
      "A create whose `id` already exists, an update whose body `id` differs from the path, or a status change the resource's lifecycle does not allow.",
  },
  {
    kind: "precondition-failed",
    status: 412,
    title: "Resource has changed",
    description:
      "The `If-Match` ETag is not the current version's ETag: someone else changed the resource " +
      "since you read it. Read it again, merge, and retry with the new ETag.",
  },
  {
    kind: "not-acceptable",
    status: 406,
    title: "Not acceptable",
    description:
      "The `Accept` header asks only for representations the operation cannot produce (a plan view is `text/html` or `application/pdf`). Ask for " +
      "one it lists, or send `*/*`.",
  },
  {
    kind: "payload-too-large",
    status: 413,
    title: "Request body too large",
    description:
      "The body exceeds the server's limit (at least 1 MiB is always accepted; the reference server's limit is 2 MiB).",
  },
  {
    kind: "unsupported-media-type",
    status: 415,
    title: "Unsupported media type",
    description: "The request body is not `application/json` (or `application/merge-patch+json` where documented).",
  },
  {
    kind: "validation-failed",
    status: 422,
    title: "Document failed validation",
    description:
      "The body is JSON but not a valid document: it breaks the JSON Schema or an error-severity " +
      "quality rule. `errors[]` lists each failure with a JSON Pointer into the body and a " +
      "`ruleId` (`schema.<keyword>` or a rule id from the quality-rule catalogue). Nothing was " +
      "stored.",
  },
  {
    kind: "precondition-required",
    status: 428,
    title: "If-Match header required",
    description: "Updates must be conditional (RFC 6585 §3): send `If-Match` with the ETag of the version you edited.",
  },
  {
    kind: "rate-limited",
    status: 429,
    title: "Too many requests",
    description: "The caller exceeded its request rate. `Retry-After` says how many seconds to wait.",
  },
  {
    kind: "internal",
    status: 500,
    title: "Internal server error",
    description: "An unexpected failure. Quote `correlationId` when reporting it; the server's logs carry the same id.",
  },
  {
    kind: "service-unavailable",
    status: 503,
    title: "Service unavailable",
    description: "The server is starting, stopping or has lost its database. Retry later; `/readyz` reports readiness.",
  },
];

export function problemType(kind: ProblemKind): ProblemTypeSpec {
  const spec = PROBLEM_TYPES.find((p) => p.kind === kind);
  if (!spec) throw new Error(`unknown problem kind ${kind}`);
  return spec;
}

export function problemTypeUri(kind: ProblemKind): string {
  return PROBLEM_BASE + kind;
}
