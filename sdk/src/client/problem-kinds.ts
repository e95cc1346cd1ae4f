// The problem kinds the API answers with (RFC 9457 `type` = PROBLEM_BASE + kind). Kept in the SDK because the SDK
// depends only on schemas/; a test checks this list against spec/problems.ts so the two cannot drift.

export const PROBLEM_BASE = "https://schemas.send-interchange.org.uk/1/problems/";

export const PROBLEM_KINDS = [
  "validation-failed",
  "malformed-json",
  "invalid-encoding",
  "invalid-parameter",
  "too-deep",
  "unauthorized",
  "forbidden",
  "not-found",
  "conflict",
  "precondition-failed",
  "payload-too-large",
  "unsupported-media-type",
  "precondition-required",
  "rate-limited",
  "internal",
  "service-unavailable",
] as const;

export type ProblemKind = (typeof PROBLEM_KINDS)[number];

/** `unknown` when the response was not problem+json or named a type this SDK does not know. */
export type ProblemKindOrUnknown = ProblemKind | "unknown";

export function kindOfType(type: string | undefined): ProblemKindOrUnknown {
  if (!type?.startsWith(PROBLEM_BASE)) return "unknown";
  const kind = type.slice(PROBLEM_BASE.length);
  return (PROBLEM_KINDS as readonly string[]).includes(kind) ? (kind as ProblemKind) : "unknown";
}
