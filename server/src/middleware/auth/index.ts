// Bearer JWT authentication: verifies the token against the configured issuer (auth/token-verifier.ts: signature,
// typ at+jwt, issuer, audience, expiry, bounded lifetime), then turns the claims into a Principal with the issuer's
// claim names. A bad token is 401 problem+json with a WWW-Authenticate challenge; an identity provider whose keys
// cannot be fetched is 503 (the token may be fine).
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import type { AuthKeys } from "../../auth/keys.ts";
import { claimNames } from "../../auth/claim-names.ts";
import { principalFromClaims } from "../../auth/principal.ts";
import {
  createTokenVerifier,
  KeySourceUnavailable,
  TokenRejected,
  type VerifyToken,
} from "../../auth/token-verifier.ts";
import { HttpProblem } from "../../http/problems.ts";

/** How many verified tokens to remember. A token string verified once verifies the same way until it expires. */
const CACHE_SIZE = 1024;

export const auth = (opts: { keys: AuthKeys; verify?: VerifyToken; clock?: () => Date }): MiddlewareHandler<AppEnv> => {
  const verify = opts.verify ?? createTokenVerifier(opts.keys, opts.clock ? { clock: opts.clock } : {});
  const names = claimNames(opts.keys.claimNames);
  const now = () => (opts.clock ? opts.clock() : new Date()).getTime() / 1000;
  // Signature checks are the costliest step of a read; remember verified claims until the token's own expiry.
  const verified = new Map<string, { claims: Record<string, unknown>; exp: number }>();
  const challenge = (error?: string) => ({
    headers: {
      "www-authenticate": error
        ? `Bearer realm="send-interchange", error="${error}"`
        : `Bearer realm="send-interchange"`,
    },
  });
  return async function auth(c, next) {
    const header = c.req.header("authorization");
    const match = header ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header) : null;
    if (!match) throw new HttpProblem("unauthorized", "Send a bearer token in the Authorization header.", challenge());
    const token = match[1]!;
    let claims: Record<string, unknown>;
    const cached = verified.get(token);
    if (cached && cached.exp > now()) {
      claims = cached.claims;
    } else {
      verified.delete(token);
      try {
        claims = await verify(token);
      } catch (err) {
        if (err instanceof KeySourceUnavailable) {
          process.stderr.write(
            `${JSON.stringify({
              level: "error",
              msg: "identity provider keys unavailable",
              error: err.message,
              correlationId: c.get("correlationId"),
            })}\n`,
          );
          throw new HttpProblem(
            "service-unavailable",
            "The identity provider's keys could not be fetched; retry later.",
            { headers: { "retry-after": "5" } },
          );
        }
        const why = err instanceof TokenRejected ? err.reason : "signature, type, issuer, audience or expiry";
        throw new HttpProblem("unauthorized", `The bearer token is not valid (${why}).`, challenge("invalid_token"));
      }
      // Every verified token has an exp (the verifier requires one); it is cached no longer than its issuer allowed.
      if (verified.size >= CACHE_SIZE) verified.delete(verified.keys().next().value!);
      verified.set(token, { claims, exp: claims.exp as number });
    }
    const { principal, reason } = principalFromClaims(claims, names);
    if (!principal)
      throw new HttpProblem("unauthorized", `The bearer token is not usable: ${reason}.`, challenge("invalid_token"));
    c.set("principal", principal);
    await next();
  };
};
