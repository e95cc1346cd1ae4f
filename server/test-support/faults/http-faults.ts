// Request and response decorators for the conformance self-test's faulty servers: they sit in front of the production
// app's fetch, so the app itself runs unchanged and only what crosses the wire differs.
import { RESOURCES, type ResourceConfig } from "../../src/routes/resources.ts";
import type { Store } from "../../src/storage/store.ts";

export type Fetch = (req: Request, env?: unknown) => Promise<Response>;
export type HttpWrap = (next: Fetch, store: Store) => Fetch;

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

/** The stored kind and id a record address names (/isps/{id}, /isps/{id}/versions, …), if it names one. */
export function recordAt(url: string): { cfg: ResourceConfig; id: string; rest: string } | undefined {
  const path = new URL(url).pathname;
  for (const cfg of Object.values(RESOURCES) as ResourceConfig[]) {
    const m = new RegExp(`^${cfg.basePath}/(${UUID}|[^/]+)(/.*)?$`).exec(path);
    if (m) return { cfg, id: decodeURIComponent(m[1]!).toLowerCase(), rest: m[2] ?? "" };
  }
  return undefined;
}

/** The request with some headers set (or removed, for undefined), changed in place so the body the app reads (the
 *  Node request stream under @hono/node-server) is untouched. */
export function withHeaders(req: Request, set: Record<string, string | undefined>): Request {
  for (const [k, v] of Object.entries(set)) {
    if (v === undefined) req.headers.delete(k);
    else req.headers.set(k, v);
  }
  return req;
}

/** What a response decorator may know of its request: never the body, which the app reads. */
export interface RequestLine {
  method: string;
  url: string;
  headers: Headers;
}

/** The response with new headers and, when given, a new JSON body. */
export function rewritten(res: Response, headers: Headers, body?: unknown): Response {
  if (body === undefined) return new Response(res.body, { status: res.status, headers });
  const h = new Headers(headers);
  h.delete("content-length");
  return new Response(JSON.stringify(body), { status: res.status, headers: h });
}

export const isProblem = (res: Response) => /^application\/problem\+json/.test(res.headers.get("content-type") ?? "");

/** A response decorator: `change` sees each response (and its request) and may return a replacement. */
export const onResponse =
  (
    change: (res: Response, req: RequestLine, store: Store) => Promise<Response | undefined> | Response | undefined,
  ): HttpWrap =>
  (next, store) =>
  async (req, env) => {
    const line = { method: req.method, url: req.url, headers: new Headers(req.headers) };
    const res = await next(req, env);
    return (await change(res, line, store)) ?? res;
  };

/** A request decorator: `change` may replace the request (or answer it) before the app sees it. */
export const onRequest =
  (change: (req: Request, store: Store) => Promise<Request | Response> | Request | Response): HttpWrap =>
  (next, store) =>
  async (req, env) => {
    const out = await change(req, store);
    return out instanceof Response ? out : next(out, env);
  };

export function problem(status: number, type: string, title: string, detail: string): Response {
  return new Response(JSON.stringify({ type, title, status, detail }), {
    status,
    headers: { "content-type": "application/problem+json" },
  });
}
