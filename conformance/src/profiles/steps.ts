// Steps shared by tests: create a fixture record and check the create answer, read, update. Each step checks the
// behaviour it relies on, so a failure names the first broken step.
import type { TestContext, RoleNeed } from "../model.ts";
import type { HttpResponse } from "../http/client.ts";
import { tokenFor } from "../config.ts";
import { check, expectStatus, header } from "../check.ts";
import type { ChildFixture } from "../fixtures/factory.ts";
import type { Json } from "../fixtures/templates.ts";
import type { ResourceSpec } from "./resources.ts";

export function token(ctx: TestContext, need: RoleNeed): string {
  const t = tokenFor(ctx.config, need.tenant, need.role);
  if (!t) throw new Error(`no credential for ${need.role} in tenant ${need.tenant}`); // the runner checks this first
  return t;
}

export interface Created {
  doc: Json;
  id: string;
  /** Absolute URL of the record, from Location. */
  url: string;
  etag: string;
  res: HttpResponse;
}

/** POSTs a fresh fixture (for `child`, or a fresh child in the writer's tenant) and checks 201 + Location + ETag. */
export async function createRecord(
  ctx: TestContext,
  spec: ResourceSpec,
  child?: ChildFixture,
  as: RoleNeed = spec.writer,
  prepare: (doc: Json) => Json = (d) => d,
): Promise<Created> {
  const doc = prepare(ctx.fixtures.document(spec.kind, spec.personal ? (child ?? ctx.fixtures.newChild(as.tenant)) : undefined));
  const res = await ctx.http.post(spec.path, { token: token(ctx, as), body: doc, headers: { "change-reason": "conformance fixture" } });
  expectStatus(res, 201, `POST ${spec.path}`);
  const location = header(res, "location", `POST ${spec.path}`);
  const etag = header(res, "etag", `POST ${spec.path}`);
  const url = ctx.http.resolve(location);
  const id = String(doc.id);
  check(new URL(url).pathname.replace(/\/$/, "").endsWith(`${spec.path}/${encodeURIComponent(id)}`), `POST ${spec.path}: Location "${location}" does not name ${spec.path}/${id}`);
  return { doc, id, url, etag, res };
}

export function itemPath(spec: ResourceSpec, id: string): string {
  return `${spec.path}/${encodeURIComponent(id)}`;
}

export async function readRecord(ctx: TestContext, spec: ResourceSpec, id: string, as: RoleNeed = spec.writer): Promise<HttpResponse> {
  return ctx.http.get(itemPath(spec, id), { token: token(ctx, as) });
}

export async function updateRecord(
  ctx: TestContext,
  spec: ResourceSpec,
  id: string,
  body: unknown,
  opts: { ifMatch?: string; reason?: string | null; as?: RoleNeed } = {},
): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  if (opts.ifMatch !== undefined) headers["if-match"] = opts.ifMatch;
  if (opts.reason !== null) headers["change-reason"] = opts.reason ?? "conformance update";
  return ctx.http.put(itemPath(spec, id), { token: token(ctx, opts.as ?? spec.writer), body, headers });
}

/** Follows rel="next" links from `first`, returning every page's items. Guards against loops. */
export async function walkPages(ctx: TestContext, first: string, tokenValue: string, nextOf: (r: HttpResponse) => string | undefined, itemsOf: (r: HttpResponse) => Json[]): Promise<{ pages: Json[][]; responses: HttpResponse[] }> {
  const pages: Json[][] = [];
  const responses: HttpResponse[] = [];
  const seen = new Set<string>();
  let url: string | undefined = first;
  while (url !== undefined) {
    check(!seen.has(url), `pagination loops: ${url} was returned as "next" twice`);
    check(pages.length < 200, "pagination did not end after 200 pages");
    seen.add(url);
    const res = await ctx.http.get(url, { token: tokenValue });
    expectStatus(res, 200, `GET ${url}`);
    responses.push(res);
    pages.push(itemsOf(res));
    url = nextOf(res);
  }
  return { pages, responses };
}
