// The typed API client (browser-safe ESM: fetch, URL, AbortSignal and WebCrypto only).
export {
  createClient,
  type SendClient,
  type ClientOptions,
  type CallArgs,
  type CallResult,
  type DocumentResource,
  type VoiceResource,
  type ReadOptions,
  type WriteOptions,
  type CreateOptions,
  type UpdateWithRetryOptions,
} from "./create-client.ts";
export { ApiProblemError, isApiProblem, type ProblemDetails, type ProblemErrorItem } from "./problem.ts";
export { PROBLEM_KINDS, PROBLEM_BASE, type ProblemKind, type ProblemKindOrUnknown } from "./problem-kinds.ts";
export { OPERATIONS, type OperationId, type OperationSpec } from "./operations.ts";
export { Paged } from "./paged.ts";
export { EtagCache } from "./etag-cache.ts";
export { parseRetryAfter, type RetryOptions } from "./retry.ts";
export type { ApiResponse, RequestOptions, TokenProvider, FetchLike } from "./transport.ts";
export type * from "./api-types.ts";
export type * from "./filters.ts";
