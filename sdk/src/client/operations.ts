// The API's operations as the client sees them: the table is generated from spec/routes.ts (sdk/generated/operations.ts);
// here are the types and helpers the client derives from it.
import type { OperationId, Operations } from "../../generated/operations.ts";

export { OPERATIONS, type OperationId, type Operations, type OperationSpec } from "../../generated/operations.ts";
export type HttpMethod = "get" | "post" | "put";

/** "/isps/{id}/versions/{version}" → "id" | "version". */
export type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

export type PathParams<O extends OperationId> = { [K in PathParamNames<Operations[O]["path"]>]: string | number };

export type QueryNames<O extends OperationId> = Operations[O] extends { query: readonly (infer Q extends string)[] }
  ? Q
  : never;

export type QueryParams<O extends OperationId> = Partial<Record<QueryNames<O>, string | number | undefined>>;

/** Fills a path template; every value is percent-encoded as one path segment. */
export function fillPath(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined || v === "") throw new TypeError(`missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(v));
  });
}
