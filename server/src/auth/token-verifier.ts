// Verifies a bearer token against the configured issuer: jose checks the signature with the issuer's keys (only
// the allowed asymmetric algorithms; `none`, a symmetric algorithm, a foreign kid and header-borne keys — jwk, jku,
// x5u — never select a key), issuer, audience, expiry, nbf and unknown `crit`; then this module requires what jose
// leaves optional: `typ` at+jwt (RFC 9068, so an ID token is not an access token), an `exp`, and a bounded lifetime.
import { createLocalJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";
import { ACCESS_TOKEN_TYPE, type AuthKeys } from "./keys.ts";
import { KeySourceUnavailable, remoteKeys } from "./remote-keys.ts";

/** The token is not acceptable; `reason` is safe to send back (it names a rule, never a key or a claim value). */
export class TokenRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "TokenRejected";
  }
}

export { KeySourceUnavailable };

export type VerifyToken = (token: string) => Promise<Record<string, unknown>>;

export function createTokenVerifier(
  keys: AuthKeys,
  opts: { clock?: () => Date; fetch?: typeof fetch } = {},
): VerifyToken {
  const getKey: JWTVerifyGetKey = keys.jwks
    ? createLocalJWKSet(keys.jwks)
    : remoteKeys({
        issuer: keys.issuer,
        ...(keys.jwksUrl ? { jwksUrl: keys.jwksUrl } : {}),
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
        ...(keys.fetchTimeoutMs !== undefined ? { timeoutMs: keys.fetchTimeoutMs } : {}),
        ...(keys.jwksCacheMaxAgeMs !== undefined ? { cacheMaxAgeMs: keys.jwksCacheMaxAgeMs } : {}),
        ...(keys.jwksCooldownMs !== undefined ? { cooldownMs: keys.jwksCooldownMs } : {}),
      });
  const algorithms = [...keys.algorithms];
  return async (token) => {
    const currentDate = opts.clock?.() ?? new Date();
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, getKey, {
        issuer: keys.issuer,
        audience: keys.audience,
        algorithms,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: ["exp"],
        currentDate,
      }));
    } catch (err) {
      if (err instanceof KeySourceUnavailable) throw err;
      throw new TokenRejected("signature, type, issuer, audience or expiry");
    }
    // A lifetime bound stops a leaked long-lived token from working for weeks. Both measures count: exp − iat is
    // what the issuer granted, exp − now stops a token whose iat is set in the future.
    const now = currentDate.getTime() / 1000;
    const exp = payload.exp as number;
    const iat = typeof payload.iat === "number" ? payload.iat : undefined;
    if (exp - now > keys.maxTokenLifetimeSeconds || (iat !== undefined && exp - iat > keys.maxTokenLifetimeSeconds)) {
      throw new TokenRejected(`lifetime longer than ${keys.maxTokenLifetimeSeconds} seconds`);
    }
    return payload as Record<string, unknown>;
  };
}
