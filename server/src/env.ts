// The Hono environment shared by every middleware and route: what each request carries after the middleware chain.
import type { Principal } from "./auth/principal.ts";

export interface AppVariables {
  /** The server's own id for this request (audit, provenance, logs); see middleware/correlation-id. */
  correlationId: string;
  /** The caller's X-Correlation-Id when well-formed: echoed on the response (SI-API-023), recorded apart. */
  callerCorrelationId?: string;
  /** The verified caller; set by the auth middleware, absent on public routes. */
  principal: Principal;
  /** The parsed JSON body; set by the json-body middleware on requests that carry one. */
  body: unknown;
  /** The body as text, when the body-limit middleware read it straight from the Node request (http/request-body.ts). */
  rawBody?: string;
  /** Path parameters as checked by the parameters middleware (UUIDs in lower case); see pathParam. */
  params?: Record<string, string>;
  /** Query parameters of the route's spec as checked by the parameters middleware; readQuery returns these. */
  query?: Record<string, string>;
}

export interface AppEnv {
  Variables: AppVariables;
}
