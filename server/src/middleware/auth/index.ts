// Bearer JWT authentication: verifies signature, issuer, audience and expiry with jose against the configured keys,
// then turns the claims into a Principal. Any failure is 401 problem+json with a WWW-Authenticate challenge.
import type { MiddlewareHandler } from "hono";
import { createLocalJWKSet, jwtVerify } from "jose";
import type { AppEnv } from "../../env.ts";
import type { AuthKeys } from "../../auth/keys.ts";
import { principalFromClaims } from "../../auth/principal.ts";
import { HttpProblem } from "../../http/problems.ts";

export const auth = (opts: { keys: AuthKeys }): MiddlewareHandler<AppEnv> => {
  const keySet = createLocalJWKSet(opts.keys.jwks);
  const challenge = (error?: string) => ({
    headers: { "www-authenticate": error ? `Bearer realm="send-interchange", error="${error}"` : `Bearer realm="send-interchange"` },
  });
  return async function auth(c, next) {
    const header = c.req.header("authorization");
    const match = header ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header) : null;
    if (!match) throw new HttpProblem("unauthorized", "Send a bearer token in the Authorization header.", challenge());
    let claims: Record<string, unknown>;
    try {
      const verified = await jwtVerify(match[1]!, keySet, { issuer: opts.keys.issuer, audience: opts.keys.audience });
      claims = verified.payload as Record<string, unknown>;
    } catch {
      throw new HttpProblem("unauthorized", "The bearer token is not valid (signature, issuer, audience or expiry).", challenge("invalid_token"));
    }
    const { principal, reason } = principalFromClaims(claims);
    if (!principal) throw new HttpProblem("unauthorized", `The bearer token is not usable: ${reason}.`, challenge("invalid_token"));
    c.set("principal", principal);
    await next();
  };
};
