// The public documents: /openapi.json (the generated spec, covering every route) and /docs (whatever HTML the spec
// build produced, served as-is).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTES } from "../../../spec/routes.ts";
import { createApp } from "../app.ts";
import { createDevSigner } from "../auth/dev-signer.ts";
import { createAjv } from "../../../sdk/src/validate/create-ajv.ts";
import { buildOpenApi } from "../../../spec/build-openapi.ts";
import serverPackage from "../../package.json" with { type: "json" };
import type { Store } from "../storage/store.ts";

const unusedStore = new Proxy(
  {},
  {
    get: () => () => {
      throw new Error("not used");
    },
  },
) as Store;

describe("GET /", () => {
  it("names the implementation (reference server, version of server/package.json), as the Discovery schema allows", async () => {
    const app = createApp({ store: unusedStore, keys: (await createDevSigner()).keys, logSink: () => undefined });
    const res = await app.request("/", { headers: { accept: "application/json" } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { implementation?: unknown };
    expect(body.implementation).toEqual({ name: "SEND Interchange reference server", version: serverPackage.version });
    const schemas = buildOpenApi().components!.schemas!;
    const ajv = createAjv();
    const check = ajv.compile(schemas.Discovery as object);
    expect(check(body), JSON.stringify(check.errors)).toBe(true);
    // Optional and closed: a discovery without it is still valid, an unknown member in it is not.
    const { implementation: _, ...without } = body as Record<string, unknown>;
    expect(check(without)).toBe(true);
    expect(check({ ...body, implementation: { name: "x", version: "1", vendor: "y" } })).toBe(false);
  });
});

describe("spec documents", () => {
  it("/openapi.json serves the generated OpenAPI 3.1 document with every route", async () => {
    const app = createApp({ store: unusedStore, keys: (await createDevSigner()).keys, logSink: () => undefined });
    const res = await app.request("/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.openapi).toMatch(/^3\.1/);
    const ops = new Set(Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId)));
    for (const r of ROUTES) expect(ops.has(r.operationId), r.operationId).toBe(true);
  });
  it("/docs serves the built HTML; a missing build is 503 problem+json, not a crash", async () => {
    const dir = mkdtempSync(join(tmpdir(), "send-docs-"));
    const html = "<!doctype html><title>SEND Interchange API</title><h1>API</h1>";
    writeFileSync(join(dir, "docs.html"), html);
    const keys = (await createDevSigner()).keys;
    const app = createApp({ store: unusedStore, keys, docsPath: join(dir, "docs.html"), logSink: () => undefined });
    const res = await app.request("/docs");
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toBe(html);
    const missing = createApp({
      store: unusedStore,
      keys,
      docsPath: join(dir, "absent.html"),
      logSink: () => undefined,
    });
    const r2 = await missing.request("/docs");
    expect(r2.status).toBe(503);
    expect(r2.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });
});
