/* generated from schemas/ by npm run generate — do not edit */
// The problem kinds the API answers with (spec/problems.ts): RFC 9457 `type` = PROBLEM_BASE + kind, with the fixed
// status and title of each.

export const PROBLEM_BASE = "https://schemas.send-interchange.org.uk/1/problems/";

export const PROBLEM_TYPES = [
  {"kind":"malformed-json","status":400,"title":"Request body is not valid JSON"},
  {"kind":"invalid-encoding","status":400,"title":"Request body is not valid UTF-8"},
  {"kind":"invalid-parameter","status":400,"title":"Invalid request parameter"},
  {"kind":"too-deep","status":400,"title":"Request body nests too deeply"},
  {"kind":"unauthorized","status":401,"title":"Authentication required"},
  {"kind":"forbidden","status":403,"title":"Operation not permitted for this role"},
  {"kind":"not-found","status":404,"title":"Resource not found"},
  {"kind":"conflict","status":409,"title":"Request conflicts with the current state"},
  {"kind":"precondition-failed","status":412,"title":"Resource has changed"},
  {"kind":"not-acceptable","status":406,"title":"Not acceptable"},
  {"kind":"payload-too-large","status":413,"title":"Request body too large"},
  {"kind":"unsupported-media-type","status":415,"title":"Unsupported media type"},
  {"kind":"validation-failed","status":422,"title":"Document failed validation"},
  {"kind":"precondition-required","status":428,"title":"If-Match header required"},
  {"kind":"rate-limited","status":429,"title":"Too many requests"},
  {"kind":"internal","status":500,"title":"Internal server error"},
  {"kind":"service-unavailable","status":503,"title":"Service unavailable"},
] as const;

export type ProblemKind = (typeof PROBLEM_TYPES)[number]["kind"];

export const PROBLEM_KINDS: readonly ProblemKind[] = PROBLEM_TYPES.map((p) => p.kind);
