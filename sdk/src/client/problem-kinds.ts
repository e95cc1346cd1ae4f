// The problem kinds the API answers with (RFC 9457 `type` = PROBLEM_BASE + kind), generated from spec/problems.ts.
import { PROBLEM_BASE, PROBLEM_KINDS, type ProblemKind } from "../../generated/problems.ts";

export { PROBLEM_BASE, PROBLEM_KINDS, type ProblemKind } from "../../generated/problems.ts";

/** `unknown` when the response was not problem+json or named a type this SDK does not know. */
export type ProblemKindOrUnknown = ProblemKind | "unknown";

export function kindOfType(type: string | undefined): ProblemKindOrUnknown {
  if (!type?.startsWith(PROBLEM_BASE)) return "unknown";
  const kind = type.slice(PROBLEM_BASE.length);
  return (PROBLEM_KINDS as readonly string[]).includes(kind) ? (kind as ProblemKind) : "unknown";
}
