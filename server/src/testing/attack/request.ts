// Building attack requests and the task shape the run executes: a task is one request or a short sequence (a
// legitimate scenario needs the ETag of its own create before its update).
import type { WireResponse } from "./client.ts";
import type { AttackRequest, Expectation } from "./oracle.ts";
import type { TenantIndex } from "./targets.ts";
import type { Caller, World } from "./world.ts";

export interface Ctx {
  world: World;
  idx: TenantIndex;
  send(req: AttackRequest): Promise<WireResponse>;
  /** Files a violation a task judged from several responses (e.g. two creates that must answer alike). */
  violation(kind: string, cls: string, op: string, example: string): void;
}

export interface Task {
  cls: string;
  run(ctx: Ctx): Promise<void>;
}

export interface BuildOptions {
  /** A JS value sent as JSON. */
  json?: unknown;
  /** Bytes or text sent as they are. */
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  contentType?: string;
  raw?: boolean;
  /** Replace the caller's bearer token (a forged one), or send none (null). */
  token?: string | null;
}

export function build(
  caller: Caller,
  method: string,
  path: string,
  o: BuildOptions,
  cls: string,
  op: string,
  expect: Expectation,
): AttackRequest {
  const headers: Record<string, string> = {};
  const token = o.token === undefined ? caller.token : o.token;
  if (token) headers.authorization = `Bearer ${token}`;
  const body = o.json !== undefined ? JSON.stringify(o.json) : o.body;
  if (body !== undefined) headers["content-type"] = o.contentType ?? "application/json";
  Object.assign(headers, o.headers ?? {});
  return {
    cls,
    op,
    caller,
    method,
    path,
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(o.raw ? { raw: true } : {}),
    expect,
  };
}

export const single = (req: AttackRequest): Task => ({ cls: req.cls, run: async (ctx) => void (await ctx.send(req)) });

export function json(res: WireResponse): Record<string, unknown> {
  try {
    return JSON.parse(res.text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** A check that the body is JSON whose `id` is `id` (case-insensitively the same UUID). */
export const hasId =
  (id: string) =>
  (res: WireResponse): string | undefined => {
    const got = json(res).id;
    return typeof got === "string" && got.toLowerCase() === id.toLowerCase()
      ? undefined
      : `body id ${String(got)} is not ${id}`;
  };

/** A check that a page's items include `id`. */
export const listsId =
  (id: string) =>
  (res: WireResponse): string | undefined => {
    const items = json(res).items;
    return Array.isArray(items) && items.some((x) => (x as Record<string, unknown>).id === id)
      ? undefined
      : `page does not list ${id}`;
  };

/** A check that a page is non-empty and lists only documents about child `childId`. */
export const onlyChild =
  (childId: string) =>
  (res: WireResponse): string | undefined => {
    const items = json(res).items;
    if (!Array.isArray(items) || items.length === 0) return "page is empty";
    const other = items.find(
      (x) =>
        String(
          ((x as Record<string, unknown>).child as Record<string, unknown> | undefined)?.personId ?? "",
        ).toLowerCase() !== childId.toLowerCase(),
    );
    return other ? `page lists ${String((other as Record<string, unknown>).id)} about another child` : undefined;
  };
