// Steps shared by tests: create a fixture record and check the create answer, read, update. Each step checks the
// behaviour it relies on, so a failure names the first broken step.
import type { TestContext, RoleNeed } from "../model.ts";
import type { HttpResponse } from "../http/client.ts";
import { tokenFor } from "../config.ts";
import { check, expectStatus, header } from "../check.ts";
import { isObj, type ChildFixture } from "../fixtures/factory.ts";
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

/**
 * Registers the child's directory record (POST /children) unless it exists already, and adopts the id the
 * implementation assigned into the fixture: records of children get server-assigned ids (SI-API-057), and a plan may
 * only name a registered child (SI-API-058).
 */
export async function registerChild(
  ctx: TestContext,
  child: ChildFixture,
  as: RoleNeed = { tenant: child.tenant, role: "setting-staff" },
): Promise<ChildFixture> {
  if (child.registered) return child;
  const res = await ctx.http.post("/children", {
    token: token(ctx, as),
    body: ctx.fixtures.childRecord(child),
    headers: { "change-reason": "conformance fixture" },
  });
  expectStatus(res, 201, "POST /children");
  check(
    isObj(res.json) && typeof res.json.id === "string" && res.json.id.length > 0,
    "POST /children: the stored child record carries no id",
  );
  child.childId = res.json.id;
  child.registered = true;
  return child;
}

/** A fresh child of tenant `i`, registered by `as` (a role that writes child records there). */
export async function registeredChild(
  ctx: TestContext,
  i: 0 | 1,
  as: RoleNeed = { tenant: i, role: "setting-staff" },
): Promise<ChildFixture> {
  return registerChild(ctx, ctx.fixtures.newChild(i), as);
}

/**
 * POSTs a fresh fixture (for `child`, registered first when it is not yet, or a fresh registered child in the
 * writer's tenant) and checks 201 + Location + ETag. The record's id is the one the answer names (personal records
 * get server-assigned ids); it is written into the returned `doc`, which is then what the implementation stored.
 */
export async function createRecord(
  ctx: TestContext,
  spec: ResourceSpec,
  child?: ChildFixture,
  as: RoleNeed = spec.writer,
  prepare: (doc: Json) => Json = (d) => d,
): Promise<Created> {
  const owner = spec.personal ? await registerChild(ctx, child ?? ctx.fixtures.newChild(as.tenant), as) : undefined;
  const doc = prepare(ctx.fixtures.document(spec.kind, owner));
  const res = await ctx.http.post(spec.path, {
    token: token(ctx, as),
    body: doc,
    headers: { "change-reason": "conformance fixture" },
  });
  expectStatus(res, 201, `POST ${spec.path}`);
  const location = header(res, "location", `POST ${spec.path}`);
  const etag = header(res, "etag", `POST ${spec.path}`);
  const url = ctx.http.resolve(location);
  check(
    isObj(res.json) && typeof res.json.id === "string" && res.json.id.length > 0,
    `POST ${spec.path}: the stored record carries no id`,
  );
  const id = res.json.id;
  if (!spec.personal)
    check(
      id === doc.id,
      `POST ${spec.path}: the catalogue entry was stored as ${id}, not under its own id ${String(doc.id)}`,
    );
  doc.id = id;
  check(
    new URL(url).pathname.replace(/\/$/, "").endsWith(`${spec.path}/${encodeURIComponent(id)}`),
    `POST ${spec.path}: Location "${location}" does not name ${spec.path}/${id}`,
  );
  return { doc, id, url, etag, res };
}

export function itemPath(spec: ResourceSpec, id: string): string {
  return `${spec.path}/${encodeURIComponent(id)}`;
}

export async function readRecord(
  ctx: TestContext,
  spec: ResourceSpec,
  id: string,
  as: RoleNeed = spec.writer,
): Promise<HttpResponse> {
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
export async function walkPages(
  ctx: TestContext,
  first: string,
  tokenValue: string,
  nextOf: (r: HttpResponse) => string | undefined,
  itemsOf: (r: HttpResponse) => Json[],
): Promise<{ pages: Json[][]; responses: HttpResponse[] }> {
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
