// Public routes: discovery, liveness, readiness, the OpenAPI description and the HTML docs.
import { readFile } from "node:fs/promises";
import manifest from "../../../schemas/manifest.json" with { type: "json" };
import serverPackage from "../../package.json" with { type: "json" };
import { PROBLEM_BASE } from "../../../spec/problems.ts";
import type { AppDeps } from "../deps.ts";
import { HttpProblem } from "../http/problems.ts";
import type { Handler } from "./resource-handlers.ts";
import { renderDemoFrontPage } from "../demo/front-page.tsx";
import { prefersHtml } from "../views/negotiate.ts";

/** Collection paths of the document types this server stores. */
const STORED_AT: Record<string, string> = {
  isp: "/isps",
  ehcp: "/ehcps",
  "legacy-ehcp": "/legacy-ehcps",
  "development-profile": "/development-profiles",
  spp: "/spps",
};

/** How the reference server names itself at GET / (`implementation.name`). */
export const REFERENCE_SERVER_NAME = "SEND Interchange reference server";

export function discoveryBody() {
  return {
    standard: manifest.standard,
    standardVersion: manifest.standardVersion,
    schemaVersions: { current: manifest.schemaVersions.current, supported: [...manifest.schemaVersions.supported] },
    documentTypes: manifest.documentTypes.map((d) => ({
      documentType: d.documentType,
      title: d.title,
      schema: manifest.baseUri + d.schema,
      ...(STORED_AT[d.documentType] ? { path: STORED_AT[d.documentType] } : {}),
    })),
    openapi: "/openapi.json",
    docs: "/docs",
    problemTypes: PROBLEM_BASE,
    // Declared so that a conformance certificate can name the product without the vendor repeating it in flags.
    implementation: { name: REFERENCE_SERVER_NAME, version: serverPackage.version },
  };
}

export function discoveryHandlers(deps: AppDeps) {
  const getDiscovery: Handler = async (c) => {
    // Demo mode: a browser (which asks for text/html first) gets the front page; API clients keep the JSON.
    if (deps.demoFrontPage && prefersHtml(c.req.header("accept")))
      return c.body(renderDemoFrontPage(deps.demoFrontPage), 200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        vary: "Accept",
      });
    return c.json(discoveryBody(), 200);
  };
  const getHealth: Handler = async (c) => c.json({ status: "ok" }, 200);
  const getReadiness: Handler = async (c) => {
    const ready = await deps.store.isReady().catch(() => false);
    if (!ready) throw new HttpProblem("service-unavailable", "The database is not reachable.");
    return c.json({ status: "ready" }, 200);
  };
  const getOpenApi: Handler = async (c) => {
    const text = await readFile(deps.openapiPath, "utf8").catch(() => undefined);
    if (text === undefined)
      throw new HttpProblem("service-unavailable", "The OpenAPI description has not been built (npm run build:spec).");
    return c.body(text, 200, { "content-type": "application/json; charset=utf-8" });
  };
  const getDocs: Handler = async (c) => {
    const html = await readFile(deps.docsPath, "utf8").catch(() => undefined);
    if (html === undefined) throw new HttpProblem("service-unavailable", "The HTML documentation has not been built.");
    return c.body(html, 200, { "content-type": "text/html; charset=utf-8" });
  };
  return { getDiscovery, getHealth, getReadiness, getOpenApi, getDocs };
}
