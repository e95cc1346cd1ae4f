// Readiness over real HTTP (SI-API-021): /readyz answers 200 while the database serves and 503 problem+json once it is
// gone, while /healthz, which only says the process runs, stays 200. The conformance suite cannot take a vendor's
// storage away, so this is the proof for the reference server; run once per database (readiness.*.test.ts).
import { afterAll, describe, expect, it } from "vitest";
import { PROBLEM_BASE } from "../../../spec/problems.ts";
import type { Store } from "../storage/store.ts";
import { startTestServer, type TestServer } from "./harness.ts";

export interface ReadinessCaseOptions {
  name: string;
  /** A fresh store, and how to make its database unreachable (closed, or its server stopped). */
  open(): Promise<{ store: Store; takeDown(): Promise<void> }>;
}

export function runReadinessCases(opts: ReadinessCaseOptions): void {
  describe(`readiness on ${opts.name}`, () => {
    let server: TestServer | undefined;
    afterAll(async () => {
      await server?.close();
    });

    it("GET /readyz answers 200, then 503 service-unavailable once the database is gone; /healthz stays 200", async () => {
      const { store, takeDown } = await opts.open();
      server = await startTestServer(store);
      const ready = await server.call("GET", "/readyz");
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ready" });

      await takeDown();
      const down = await server.call("GET", "/readyz");
      expect(down.status).toBe(503);
      expect(down.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(((await down.json()) as { type: string }).type).toBe(`${PROBLEM_BASE}service-unavailable`);
      const health = await server.call("GET", "/healthz");
      expect(health.status).toBe(200);
    }, 60_000);
  });
}
