// createApp: the Hono application of the reference server. Routes come from spec/routes.ts (one handler per
// operationId); authorisation from spec/roles.ts; problem kinds from spec/problems.ts.
import { Hono, type MiddlewareHandler } from "hono";
import { fileURLToPath } from "node:url";
import { ROUTES, type RouteSpec } from "../../spec/routes.ts";
import { validate as sdkValidate } from "../../sdk/src/index.ts";
import type { AppEnv } from "./env.ts";
import type { AppDeps, ValidateDocument } from "./deps.ts";
import type { AuthKeys } from "./auth/keys.ts";
import type { Store } from "./storage/store.ts";
import { buildHandlers } from "./routes/handlers.ts";
import { correlationId } from "./middleware/correlation-id/index.ts";
import { requestLog, type LogSink } from "./middleware/request-log/index.ts";
import { bodyLimit } from "./middleware/body-limit/index.ts";
import { isJsonMediaType, mediaType } from "./middleware/media-type/index.ts";
import { jsonBody } from "./middleware/json-body/index.ts";
import { auth } from "./middleware/auth/index.ts";
import { authorise } from "./middleware/authorise/index.ts";
import { parameters } from "./middleware/parameters/index.ts";
import {
  addressRateLimit,
  addressRateLimiterFor,
  rateLimit,
  rateLimiterFor,
  type RateLimitOptions,
} from "./middleware/rate-limit/index.ts";
import { errorHandler, notFoundHandler } from "./middleware/error-handler/index.ts";
import { defaultTransferConfig, type TransferConfig } from "./transfers/config.ts";
import { TransferService } from "./transfers/service.ts";
import {
  assembleParts,
  PRODUCTION_ACCESS,
  PRODUCTION_TRANSFER_PARTS,
  productionPermits,
  type PartDecorators,
} from "./app-parts.ts";
import { createTokenVerifier } from "./auth/token-verifier.ts";

export interface CreateAppOptions {
  store: Store;
  keys: AuthKeys;
  clock?: () => Date;
  /** Wraps production parts (app-parts.ts); tests only (the conformance self-test's faulty servers). */
  decorate?: PartDecorators;
  validate?: ValidateDocument;
  openapiPath?: string;
  docsPath?: string;
  /** Where request logs go (default stdout); tests pass a collector. */
  logSink?: LogSink;
  maxBodyBytes?: number;
  maxDepth?: number;
  /** Transfers: settings directory of other systems, trusted keys, delivery bounds (default: none configured). */
  transfers?: TransferConfig;
  /** fetch used for JWKS and inbox delivery (tests may pass one). */
  fetch?: typeof fetch;
  /** Request rates (SI-API-034): per caller (default 6,000 a minute) and per client address before authentication
   *  (default five times that); `perMinute: 0` turns both off unless perAddressPerMinute is given. */
  rateLimit?: RateLimitOptions;
  /** Called with the transfer service once built (tests wait on deliveries; main resumes them). */
  onTransfers?: (service: TransferService) => void;
}

export const DEFAULT_OPENAPI_PATH = fileURLToPath(new URL("../../spec/generated/openapi.json", import.meta.url));
export const DEFAULT_DOCS_PATH = fileURLToPath(new URL("../../spec/generated/docs.html", import.meta.url));

/** Liveness and readiness probes: never rate limited. */

/** OpenAPI `/isps/{id}` → Hono `/isps/:id`. `$` in `/$validate` is literal for Hono's router. */
export function honoPath(openApiPath: string): string {
  return openApiPath.replace(/\{([A-Za-z]+)\}/g, ":$1");
}

export function createApp(opts: CreateAppOptions): Hono<AppEnv> {
  const clock = opts.clock ?? (() => new Date());
  const parts = assembleParts(
    {
      validate: opts.validate ?? sdkValidate,
      verifyToken: createTokenVerifier(opts.keys, opts.clock ? { clock: opts.clock } : {}),
      permits: productionPermits,
      access: PRODUCTION_ACCESS,
      resource: (cfg) => cfg,
      handler: (_operationId, handler) => handler,
      transfer: PRODUCTION_TRANSFER_PARTS,
    },
    opts.decorate,
  );
  const deps: AppDeps = {
    store: opts.store,
    clock,
    validate: parts.validate,
    openapiPath: opts.openapiPath ?? DEFAULT_OPENAPI_PATH,
    docsPath: opts.docsPath ?? DEFAULT_DOCS_PATH,
    access: parts.access,
    resource: parts.resource,
    transfers: new TransferService(
      opts.store,
      opts.transfers ?? defaultTransferConfig(),
      opts.transfers?.clock ?? clock,
      opts.fetch ?? fetch,
      parts.transfer,
    ),
  };
  opts.onTransfers?.(deps.transfers);
  const handlers = buildHandlers(deps);
  const app = new Hono<AppEnv>();
  app.onError(errorHandler({ sink: opts.logSink }));
  app.notFound(notFoundHandler());
  app.use("*", correlationId(), requestLog({ sink: opts.logSink }));

  const authenticate = auth({ keys: opts.keys, verify: parts.verifyToken, clock: opts.clock });
  const trusted = new Set(opts.rateLimit?.trustedProxies ?? []);
  const limiter = rateLimiterFor({ clock, ...opts.rateLimit });
  const limit = limiter ? [rateLimit(limiter, trusted)] : [];
  const addressLimiter = addressRateLimiterFor({ clock, ...opts.rateLimit });
  const addressLimit = addressLimiter ? [addressRateLimit(addressLimiter, trusted)] : [];
  const bodyMiddleware = [
    bodyLimit({ maxBytes: opts.maxBodyBytes }),
    mediaType(),
    jsonBody({ maxDepth: opts.maxDepth }),
  ];
  for (const route of ROUTES) register(app, route);
  return app;

  function register(app: Hono<AppEnv>, route: RouteSpec): void {
    const built = handlers[route.operationId];
    if (!built) throw new Error(`no handler for operation ${route.operationId}`);
    const handler = parts.handler(route.operationId, built);
    const chain: MiddlewareHandler<AppEnv>[] = [
      // Every request is limited by client address before authentication (a bad token costs a signature check), then
      // authenticated callers by token subject and client, public routes by address; the health probes, which
      // orchestrators call often and must always answer, are not limited: a public route is limited exactly when
      // spec/routes.ts declares it may answer `rate-limited`.
      // Parameters are checked before anything (authorisation's audit record included) takes them to the database.
      ...(route.scope
        ? [
            ...addressLimit,
            authenticate,
            ...limit,
            parameters(route),
            authorise({ scope: route.scope, route, store: deps.store, permits: parts.permits }),
          ]
        : [...(route.errors.includes("rate-limited") ? [...addressLimit, ...limit] : []), parameters(route)]),
      // A non-JSON body (JOSE at the transfer inbox, CTF XML) is read raw by its handler: only the size limit applies.
      ...(route.requestBody
        ? route.requestBody.contentType && !isJsonMediaType(route.requestBody.contentType)
          ? [bodyMiddleware[0]!]
          : bodyMiddleware
        : []),
    ];
    const run: MiddlewareHandler<AppEnv> = async (c) => handler(c);
    app.on([route.method.toUpperCase()], [honoPath(route.path)], ...chain, run);
  }
}
