// The route table (spec/routes.ts) and the server's handlers must be the same set, in both directions.
import { describe, expect, it } from "vitest";
import { ROUTES } from "../../../spec/routes.ts";
import { PRODUCTION_ACCESS } from "../app-parts.ts";
import type { AppDeps } from "../deps.ts";
import type { Store } from "../storage/store.ts";
import { buildHandlers } from "./handlers.ts";
import { createApp, honoPath } from "../app.ts";
import { createDevSigner } from "../auth/dev-signer.ts";
import { defaultTransferConfig } from "../transfers/config.ts";
import { TransferService } from "../transfers/service.ts";

// Handlers are only built here, never called, so the store is never touched.
const unusedStore = new Proxy(
  {},
  {
    get: () => () => {
      throw new Error("not used");
    },
  },
) as Store;
const clock = () => new Date();
const deps: AppDeps = {
  store: unusedStore,
  clock,
  validate: () => ({ valid: true, documentType: null, schemaVersion: null, errors: [], findings: [] }),
  openapiPath: "",
  docsPath: "",
  access: PRODUCTION_ACCESS,
  resource: (cfg) => cfg,
  transfers: new TransferService(unusedStore, defaultTransferConfig(), clock),
};

describe("route table ↔ handlers", () => {
  const handlers = buildHandlers(deps);
  it.each(ROUTES.map((r) => [r.operationId, r.method.toUpperCase(), r.path]))(
    "%s (%s %s) has a handler",
    (operationId) => {
      expect(handlers[operationId]).toBeTypeOf("function");
    },
  );
  it("has no handler for an operation the spec does not define", () => {
    const specified = new Set(ROUTES.map((r) => r.operationId));
    expect(Object.keys(handlers).filter((id) => !specified.has(id))).toEqual([]);
  });
  it("registers every route with Hono at its OpenAPI path", async () => {
    const app = createApp({ store: unusedStore, keys: (await createDevSigner()).keys, logSink: () => undefined });
    const registered = new Set(app.routes.map((r) => `${r.method} ${r.path}`));
    for (const r of ROUTES)
      expect(registered.has(`${r.method.toUpperCase()} ${honoPath(r.path)}`), r.operationId).toBe(true);
  });
});
