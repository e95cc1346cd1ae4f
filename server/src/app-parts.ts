// The parts createApp assembles the server from, each a plain function or object with production's own as the
// default. A caller may decorate any of them (createApp's `decorate`): the conformance self-test builds its faulty
// servers this way (server/test-support/faults), so a faulty server runs the production code with one part changed.
// Nothing here knows about faults, and main.ts passes no decorators.
import type { Scope } from "../../spec/roles.ts";
import { roleAndTokenPermit } from "./middleware/authorise/index.ts";
import type { Principal } from "./auth/principal.ts";
import type { VerifyToken } from "./auth/token-verifier.ts";
import { projectFor } from "./access/projection.ts";
import { redactForGovernor } from "./access/governor-sample.ts";
import { canFileUnder, canSee, visibleTo, type RecordScope } from "./access/tenancy.ts";
import type { ValidateDocument } from "./deps.ts";
import type { Handler } from "./routes/resource-handlers.ts";
import type { ResourceConfig } from "./routes/resources.ts";
import { PRODUCTION_TRANSFER_PARTS, type TransferParts } from "./transfers/transfer-parts.ts";

/** What a caller is doing with a record when its tenancy is judged. */
export type RecordAction = "read" | "update" | "list-versions" | "reference";

/** Record-level access: tenancy (access/tenancy.ts) and the views a role receives (projection, governor redaction). */
export interface AccessPolicy {
  canSee(p: Principal, record: RecordScope, action: RecordAction): boolean;
  canFileUnder(p: Principal, record: RecordScope): boolean;
  visibleTo: typeof visibleTo;
  project: typeof projectFor;
  redactForGovernor: typeof redactForGovernor;
}

export const PRODUCTION_ACCESS: AccessPolicy = {
  canSee: (p, record) => canSee(p, record),
  canFileUnder,
  visibleTo,
  project: projectFor,
  redactForGovernor,
};

export interface AppParts {
  validate: ValidateDocument;
  /** Bearer token verification (auth/token-verifier.ts), built from the app's keys. */
  verifyToken: VerifyToken;
  /** Whether the caller holds a scope (spec/roles.ts, narrowed by the token's scope claim). */
  permits(p: Principal, scope: Scope): boolean;
  access: AccessPolicy;
  /** The configuration of each stored kind (routes/resources.ts). */
  resource<C extends ResourceConfig>(cfg: C): C;
  /** The handler of each operation (routes/handlers.ts), by operationId. */
  handler(operationId: string, handler: Handler): Handler;
  transfer: TransferParts;
}

/** Wraps production parts: each function receives production's part and returns the one to use. */
export type PartDecorators = { [K in keyof AppParts]?: (production: AppParts[K]) => AppParts[K] };

export function assembleParts(production: AppParts, decorate: PartDecorators = {}): AppParts {
  const out = { ...production } as Record<keyof AppParts, unknown>;
  for (const key of Object.keys(decorate) as (keyof AppParts)[]) {
    const wrap = decorate[key] as ((p: unknown) => unknown) | undefined;
    if (wrap) out[key] = wrap(production[key]);
  }
  return out as unknown as AppParts;
}

export const productionPermits = roleAndTokenPermit;
export { PRODUCTION_TRANSFER_PARTS };
