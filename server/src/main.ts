// `npm start`: the reference server on PGlite in DATA_DIR (or PostgreSQL at DATABASE_URL), in one of two modes
// (config/server-config.ts). Demo (the default): dev signer, worked examples, printed tokens, loopback, and a banner
// on every start saying it is not for real data. Production (NODE_ENV=production): the configured identity provider
// only, no demo data, no tokens, and no start at all until every required setting is there. Both: DATA_DIR 0700 with
// files 0600, transfer private keys encrypted at rest, one JSON log line per request, graceful SIGTERM/SIGINT.
// Faults for the conformance self-test are NOT configurable here, deliberately: only tests can make the server
// misbehave.
import { serve } from "@hono/node-server";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
// Only what is needed before the database is opened is imported statically; the rest (the app, the SDK's validators,
// the demo loader) is imported while the database opens, so tsx's compiling (in its loader thread) and PGlite's WASM
// compile and file reads overlap instead of running one after the other.
import { secureDataDir, tightenTree } from "./config/data-dir.ts";
import { loadOrCreateKeyEncryptionKey } from "./config/key-encryption-key.ts";
import { configProblemMessage, readServerConfig } from "./config/server-config.ts";
import type { DemoSummary } from "./demo/seed.ts";
import type { TransferService } from "./transfers/service.ts";

const log = (msg: string, fields: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ level: "info", msg, time: new Date().toISOString(), ...fields })}\n`);

async function ensureSpecArtefacts(DEFAULT_OPENAPI_PATH: string, DEFAULT_DOCS_PATH: string): Promise<void> {
  // The docs are built from the generated OpenAPI file; build whichever is missing (a fresh clone has no docs), and
  // rebuild the docs when the OpenAPI file is newer (after a pull that changed the API), so /docs is never stale.
  if (!existsSync(DEFAULT_OPENAPI_PATH)) {
    const { buildOpenApi, serialiseOpenApi } = await import("../../spec/build-openapi.ts");
    const { writeFileSync } = await import("node:fs");
    mkdirSync(resolve(DEFAULT_OPENAPI_PATH, ".."), { recursive: true });
    writeFileSync(DEFAULT_OPENAPI_PATH, serialiseOpenApi(buildOpenApi()));
  }
  const docsStale =
    !existsSync(DEFAULT_DOCS_PATH) || statSync(DEFAULT_DOCS_PATH).mtimeMs < statSync(DEFAULT_OPENAPI_PATH).mtimeMs;
  if (docsStale) {
    const { buildDocs } = await import("../../spec/build-docs.ts");
    try {
      buildDocs(DEFAULT_DOCS_PATH, DEFAULT_OPENAPI_PATH);
    } catch (err) {
      log("docs build failed; /docs will answer 503", { error: err instanceof Error ? err.message : String(err) });
    }
  }
}

const DEMO_BANNER = [
  "",
  "=====================================================================================",
  "  DEMO MODE: NOT FOR REAL DATA. This server trusts a development signer whose keys are",
  "  in DATA_DIR and prints tokens anyone can copy. Never put real children's records in",
  "  it. For real use: NODE_ENV=production with an identity provider (server/README.md).",
  "=====================================================================================",
  "",
].join("\n");

/** The URL to print for a listening address (0.0.0.0/:: are reachable as localhost too). */
function displayUrl(host: string, port: number): string {
  const h = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

/**
 * Why the port cannot be listened on, checked before the database is opened: a busy port should fail in a second
 * with one line, not after the embedded database has started, and never as a raw EADDRINUSE stack.
 */
function listenProblem(port: number, host: string): Promise<string | undefined> {
  if (port === 0) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (err: NodeJS.ErrnoException) => resolve(listenErrorText(err, port, host)));
    probe.listen(port, host, () => probe.close(() => resolve(undefined)));
  });
}

function listenErrorText(err: NodeJS.ErrnoException, port: number, host: string): string {
  if (err.code === "EADDRINUSE")
    return `port ${port} on ${host} is already in use (is another server running?): stop it, or start with PORT=<a free port>`;
  if (err.code === "EACCES")
    return `no permission to listen on port ${port} on ${host}: use a port above 1023 (PORT=8080)`;
  if (err.code === "EADDRNOTAVAIL") return `HOST=${host} is not an address of this machine`;
  return `cannot listen on ${host}:${port}: ${err.message}`;
}

function refuseToStart(reason: string): never {
  process.stderr.write(`Cannot start the SEND Interchange server: ${reason}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const read = readServerConfig();
  if (!read.ok) {
    // A configuration mistake is one plain message and a non-zero exit: no stack, nothing opened or written.
    process.stderr.write(configProblemMessage(read));
    process.exit(2);
  }
  const config = read.config;
  const demo = config.mode === "demo";
  const busy = await listenProblem(config.port, config.host);
  if (busy) refuseToStart(busy);
  if (demo) process.stdout.write(`${DEMO_BANNER}\n`);
  // The data directory is needed for PGlite and, in the demo, for the dev signer and key-encryption key.
  const usesDataDir = !config.databaseUrl || demo;
  if (usesDataDir) secureDataDir(config.dataDir);
  const pgliteDir = join(config.dataDir, "pglite");
  // Progress, so a first start (PGlite unpacks and initialises its database) is never silent.
  const pgliteIsNew = !config.databaseUrl && !existsSync(pgliteDir);
  log(
    config.databaseUrl
      ? "connecting to PostgreSQL"
      : pgliteIsNew
        ? "creating the embedded database (first start: this takes a while)"
        : "opening the embedded database",
    { dataDir: config.dataDir },
  );
  const opening = import("./storage/open-store.ts").then(({ openStore }) =>
    openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: pgliteDir }),
  );
  const [
    store,
    { createApp, DEFAULT_DOCS_PATH, DEFAULT_OPENAPI_PATH },
    { validate },
    { loadOrCreateDevSigner },
    { seedDemo, seedDemoOnce },
    { demoTokens, demoFrontPage },
    { transferConfigFromEnv },
  ] = await Promise.all([
    opening,
    import("./app.ts"),
    import("../../sdk/src/index.ts"),
    import("./auth/dev-signer.ts"),
    import("./demo/seed.ts"),
    import("./demo/tokens.ts"),
    import("./transfers/config.ts"),
  ]);
  if (!config.databaseUrl) tightenTree(pgliteDir); // PGlite unpacks its initial files 0666 (see config/data-dir.ts)
  const signer = demo ? await loadOrCreateDevSigner(config.dataDir) : undefined;
  const keys = demo ? signer!.keys : config.identityProvider!;
  const keyEncryptionKey = config.keyEncryptionKey ?? loadOrCreateKeyEncryptionKey(config.dataDir); // production always has one
  let summary: DemoSummary | undefined;
  if (demo) {
    const examplesDir = fileURLToPath(new URL("../../examples/worked", import.meta.url));
    log("loading the worked examples (demo data)");
    // On PGlite a marker next to the database skips the checking once these examples are in it; a PostgreSQL
    // database may be swapped behind the same URL, so there the (idempotent) seed always runs.
    summary = config.databaseUrl
      ? await seedDemo(store, validate, examplesDir)
      : await seedDemoOnce(store, validate, examplesDir, {
          markerFile: join(config.dataDir, "demo-seed.json"),
          databaseIsNew: pgliteIsNew,
        });
  }
  await ensureSpecArtefacts(DEFAULT_OPENAPI_PATH, DEFAULT_DOCS_PATH);
  // Transfers: TRANSFER_CONFIG (inline JSON or @file) names other systems' inboxes and JWKS URLs; deliveries that a
  // restart interrupted are resumed.
  let transfers: TransferService | undefined;
  // RATE_LIMIT_PER_MINUTE: requests per minute per caller (default 6000; 0 turns limiting off).
  // TRUSTED_PROXIES: reverse proxies whose X-Forwarded-For names the client for the per-address limit.
  const rateLimit =
    config.rateLimitPerMinute !== undefined || config.trustedProxies
      ? {
          ...(config.rateLimitPerMinute !== undefined ? { perMinute: config.rateLimitPerMinute } : {}),
          ...(config.trustedProxies ? { trustedProxies: config.trustedProxies } : {}),
        }
      : undefined;
  const transferConfig = { ...(await transferConfigFromEnv()), keyEncryptionKey };
  // The trust anchor: production believes only TRUST_ANCHOR_JWKS (public keys; the server never holds the private
  // half). The demo runs its own small anchor, key in DATA_DIR, so a local tool can onboard a system by publishing
  // an anchor-signed issue of the list (`send-conformance reference-config` does, for the suite's receiver).
  if (demo && !transferConfig.trustAnchor) {
    const { loadOrCreateDemoTrustAnchor } = await import("./transfers/demo-trust-anchor.ts");
    const anchor = await loadOrCreateDemoTrustAnchor(config.dataDir);
    transferConfig.trustAnchor = {
      keys: [{ kid: anchor.kid, jwk: anchor.publicJwk, owner: "demo trust anchor" }],
      ...(process.env.TRUST_LIST_SOURCE ? { source: process.env.TRUST_LIST_SOURCE } : {}),
    };
  }
  // Demo mode: the tokens printed below also feed the browser front page at `/` (production has neither).
  const tokens = demo ? await demoTokens(signer!, summary!) : [];
  const frontPage = demo ? { demoFrontPage: await demoFrontPage(store, tokens, summary!) } : {};
  const app = createApp({
    store,
    keys,
    rateLimit,
    transfers: transferConfig,
    onTransfers: (t) => (transfers = t),
    ...frontPage,
  });
  void transfers
    ?.resumePending()
    .catch((err: unknown) => log("resuming transfer deliveries failed", { error: String(err) }));

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, async (info) => {
    const url = displayUrl(config.host, info.port);
    log("listening", {
      url,
      docs: `${url}/docs`,
      mode: config.mode,
      host: config.host,
      database: config.databaseUrl ? "postgresql" : `pglite:${pgliteDir}`,
      ...(demo ? { demoRecordsLoaded: summary!.loaded.length } : { issuer: keys.issuer, audience: keys.audience }),
    });
    if (!demo) return; // production prints no tokens: it has none to print
    // Human-readable block: these are development tokens signed by the dev signer in DATA_DIR, never for production.
    process.stdout.write(
      `\nSEND Interchange reference server (DEMO, not for real data): ${url}\nIn a browser: ` +
        `${url}/ (pick a role, open the plan views)\nAPI docs: ${url}/docs\nDevelopment tokens ` +
        `(dev signer in ${config.dataDir}; valid 30 days):\n`,
    );
    for (const t of tokens)
      process.stdout.write(`\n  ${t.role}  ${JSON.stringify({ ...t.claims, scope: undefined })}\n  ${t.token}\n`);
    process.stdout.write(`\nTry: curl -H "Authorization: Bearer <setting-staff token>" ${url}/isps\n`);
    process.stdout.write(`${DEMO_BANNER}\n`);
  });

  // The port was free a moment ago; if something took it since, say so the same way.
  server.once("error", (err: NodeJS.ErrnoException) => refuseToStart(listenErrorText(err, config.port, config.host)));

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
  process.stderr.write(
    JSON.stringify({ level: "error", msg: "startup failed", error: err instanceof Error ? err.stack : String(err) }) +
      "\n",
  );
  process.exit(1);
});
