// The one way to build a faulty reference server: the production createApp with one fault's wrappers around it
// (catalogue.ts). Production code never imports this folder; server/src/app-parts.test.ts checks that.
import { createApp, type CreateAppOptions } from "../../src/app.ts";
import { FAULT_CATALOGUE, type FaultSpec } from "./catalogue.ts";
import type { Fetch } from "./http-faults.ts";

export { FAULT_CATALOGUE, FAULT_IDS, SEARCH_FILTERS, type FaultSpec } from "./catalogue.ts";

export function faultById(id: string): FaultSpec {
  const f = FAULT_CATALOGUE.find((x) => x.id === id);
  if (!f) throw new Error(`unknown fault id: ${id}`);
  return f;
}

/** The app with fault `id` (or none, for the baseline): its fetch, ready for @hono/node-server's serve. */
export function faultyApp(opts: CreateAppOptions, id?: string, env: NodeJS.ProcessEnv = process.env): { fetch: Fetch } {
  // Defence in depth: even code that reaches this folder cannot make a non-test process misbehave.
  if (id !== undefined && env.NODE_ENV !== "test")
    throw new Error("faults are for the conformance self-test only (NODE_ENV=test)");
  const build = id === undefined ? {} : faultById(id).build;
  const store = build.store ? build.store(opts.store) : opts.store;
  const app = createApp({
    ...opts,
    ...build.options,
    store,
    ...(build.decorate ? { decorate: build.decorate(store) } : {}),
  });
  const fetch: Fetch = (req, env) => app.fetch(req, env) as Promise<Response>;
  return { fetch: build.http ? build.http(fetch, store) : fetch };
}
