// `npm start`: the reference server on PGlite in DATA_DIR (or PostgreSQL at DATABASE_URL). Runs migrations, loads the
// worked examples on first start, prints the URL, the docs URL and a development token per demo role, logs one JSON
// line per request, and shuts down gracefully on SIGTERM/SIGINT. Faults for the conformance self-test are NOT
// configurable here, deliberately: only tests can make the server misbehave.
import { serve } from "@hono/node-server";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { validate } from "../../sdk/src/index.ts";
import { createApp, DEFAULT_DOCS_PATH, DEFAULT_OPENAPI_PATH } from "./app.ts";
import { loadOrCreateDevSigner } from "./auth/dev-signer.ts";
import { seedDemo } from "./demo/seed.ts";
import { demoTokens } from "./demo/tokens.ts";
import { openStore } from "./storage/open-store.ts";
import { transferConfigFromEnv } from "./transfers/config.ts";
import type { TransferService } from "./transfers/service.ts";

const log = (msg: string, fields: Record<string, unknown> = {}) =>
  process.stdout.write(JSON.stringify({ level: "info", msg, time: new Date().toISOString(), ...fields }) + "\n");

async function ensureSpecArtefacts(): Promise<void> {
  // The docs are built from the generated OpenAPI file; build whichever is missing (a fresh clone has no docs), and
  // rebuild the docs when the OpenAPI file is newer (after a pull that changed the API), so /docs is never stale.
  if (!existsSync(DEFAULT_OPENAPI_PATH)) {
    const { buildOpenApi, serialiseOpenApi } = await import("../../spec/build-openapi.ts");
    const { writeFileSync } = await import("node:fs");
    mkdirSync(resolve(DEFAULT_OPENAPI_PATH, ".."), { recursive: true });
    writeFileSync(DEFAULT_OPENAPI_PATH, serialiseOpenApi(buildOpenApi()));
  }
  const docsStale = !existsSync(DEFAULT_DOCS_PATH) || statSync(DEFAULT_DOCS_PATH).mtimeMs < statSync(DEFAULT_OPENAPI_PATH).mtimeMs;
  if (docsStale) {
    const { buildDocs } = await import("../../spec/build-docs.ts");
    try {
      buildDocs(DEFAULT_DOCS_PATH, DEFAULT_OPENAPI_PATH);
    } catch (err) {
      log("docs build failed; /docs will answer 503", { error: err instanceof Error ? err.message : String(err) });
    }
  }
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const dataDir = resolve(process.env.DATA_DIR ?? "./.data");
  const databaseUrl = process.env.DATABASE_URL || undefined;
  mkdirSync(dataDir, { recursive: true }); // PGlite creates its own directory but not the parents
  const store = await openStore(databaseUrl ? { databaseUrl } : { dataDir: join(dataDir, "pglite") });
  const signer = await loadOrCreateDevSigner(dataDir);
  const examplesDir = fileURLToPath(new URL("../../examples/worked", import.meta.url));
  const summary = await seedDemo(store, validate, examplesDir);
  await ensureSpecArtefacts();
  // Transfers: TRANSFER_CONFIG (inline JSON or @file) names other systems' inboxes and JWKS URLs; deliveries that a
  // restart interrupted are resumed.
  let transfers: TransferService | undefined;
  // RATE_LIMIT_PER_MINUTE: requests per minute per caller (default 6000; 0 turns limiting off).
  const rateLimit = process.env.RATE_LIMIT_PER_MINUTE ? { perMinute: Number(process.env.RATE_LIMIT_PER_MINUTE) } : undefined;
  const app = createApp({ store, keys: signer.keys, rateLimit, transfers: await transferConfigFromEnv(), onTransfers: (t) => (transfers = t) });
  void transfers?.resumePending().catch((err: unknown) => log("resuming transfer deliveries failed", { error: String(err) }));

  const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? "0.0.0.0" }, async (info) => {
    const url = `http://localhost:${info.port}`;
    log("listening", {
      url,
      docs: `${url}/docs`,
      database: databaseUrl ? "postgresql" : `pglite:${join(dataDir, "pglite")}`,
      demoRecordsLoaded: summary.loaded.length,
    });
    const tokens = await demoTokens(signer, summary);
    // Human-readable block: these are development tokens signed by the dev signer in DATA_DIR, never for production.
    process.stdout.write(`\nSEND Interchange reference server: ${url}\nAPI docs: ${url}/docs\nDevelopment tokens (dev signer in ${dataDir}; valid 30 days):\n`);
    for (const t of tokens) process.stdout.write(`\n  ${t.role}  ${JSON.stringify({ ...t.claims, scope: undefined })}\n  ${t.token}\n`);
    process.stdout.write(`\nTry: curl -H "Authorization: Bearer <setting-staff token>" ${url}/isps\n\n`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log("shutting down", { signal });
    // Stop accepting; in-flight requests finish; idle keep-alive sockets are closed so close() can complete.
    transfers?.stop();
    server.close(async () => {
      await store.close();
      log("stopped");
      process.exit(0);
    });
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((err) => {
  process.stderr.write(JSON.stringify({ level: "error", msg: "startup failed", error: err instanceof Error ? err.stack : String(err) }) + "\n");
  process.exit(1);
});
