// An identity provider's signing keys, fetched over HTTP: jose's createRemoteJWKSet (cached, fetched again when a
// token names a kid it does not know, at most once per cooldown) behind a fetch that never follows a redirect, gives
// up after a timeout and reads at most MAX_DOCUMENT_BYTES. The JWKS URL is configured or read from the issuer's OIDC
// discovery document, which must name the same issuer (OpenID Connect Discovery 1.0 §4.3).
import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from "jose";

/** Discovery documents and key sets are a few KB; anything much larger is not one. */
export const MAX_DOCUMENT_BYTES = 256 * 1024;

/** The key source could not be reached or answered nonsense: the token may be fine, so this is not a 401. */
export class KeySourceUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "KeySourceUnavailable";
  }
}

export const isLoopbackHost = (hostname: string): boolean =>
  hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || /^127(\.\d{1,3}){3}$/.test(hostname);

/** https, or http on a loopback address (tests, a provider on the same host). Why not, or undefined when fine. */
export function unsafeUrlReason(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not a URL";
  }
  if (url.username || url.password) return "must not carry credentials";
  if (url.protocol === "https:") return undefined;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return undefined;
  return "must be https (http only on a loopback address)";
}

/** fetch with redirect "error", a timeout, and a size cap; the answer is re-wrapped so jose reads the capped bytes. */
export function boundedFetch(fetchImpl: typeof fetch, timeoutMs: number): typeof fetch {
  return async (input, init = {}) => {
    const signal = init.signal
      ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
      : AbortSignal.timeout(timeoutMs);
    const res = await fetchImpl(input, { ...init, redirect: "error", signal });
    const reader = res.body?.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > MAX_DOCUMENT_BYTES) {
          await reader.cancel();
          throw new KeySourceUnavailable(`response from ${String(input)} is larger than ${MAX_DOCUMENT_BYTES} bytes`);
        }
        chunks.push(value);
      }
    }
    return new Response(Buffer.concat(chunks), { status: res.status, headers: res.headers });
  };
}

/** Reads `jwks_uri` from the issuer's discovery document, checking that it names this issuer. */
export async function discoverJwksUri(issuer: string, fetchImpl: typeof fetch): Promise<string> {
  const url = `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
  let doc: unknown;
  try {
    const res = await fetchImpl(url, { headers: { accept: "application/json" } });
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    doc = await res.json();
  } catch (err) {
    throw new KeySourceUnavailable(
      `OIDC discovery at ${url} failed: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  const meta = (doc && typeof doc === "object" ? doc : {}) as Record<string, unknown>;
  if (meta.issuer !== issuer)
    throw new KeySourceUnavailable(
      `OIDC discovery at ${url} names issuer ${JSON.stringify(meta.issuer)}, not ${issuer}`,
    );
  const jwksUri = meta.jwks_uri;
  if (typeof jwksUri !== "string") throw new KeySourceUnavailable(`OIDC discovery at ${url} has no jwks_uri`);
  const unsafe = unsafeUrlReason(jwksUri);
  if (unsafe) throw new KeySourceUnavailable(`jwks_uri ${jwksUri} from ${url} ${unsafe}`);
  return jwksUri;
}

export interface RemoteKeyOptions {
  issuer: string;
  jwksUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  cacheMaxAgeMs?: number;
  cooldownMs?: number;
}

/** jose errors that say something about the token (no such key, algorithm not usable), not about the key source. */
const TOKEN_ERROR_CODES = new Set([
  "ERR_JWKS_NO_MATCHING_KEY",
  "ERR_JWKS_MULTIPLE_MATCHING_KEYS",
  "ERR_JOSE_NOT_SUPPORTED",
  "ERR_JOSE_ALG_NOT_ALLOWED",
]);

/** A jose key getter for a remote JWKS; failures to reach or read it are KeySourceUnavailable. */
export function remoteKeys(opts: RemoteKeyOptions): JWTVerifyGetKey {
  const fetchImpl = boundedFetch(opts.fetch ?? fetch, opts.timeoutMs ?? 5_000);
  let getter: Promise<JWTVerifyGetKey> | undefined;
  const build = async (): Promise<JWTVerifyGetKey> => {
    const uri = opts.jwksUrl ?? (await discoverJwksUri(opts.issuer, fetchImpl));
    return createRemoteJWKSet(new URL(uri), {
      timeoutDuration: opts.timeoutMs ?? 5_000,
      cacheMaxAge: opts.cacheMaxAgeMs ?? 10 * 60_000,
      cooldownDuration: opts.cooldownMs ?? 30_000,
      [customFetch]: fetchImpl,
    });
  };
  return async (header, token) => {
    // Discovery is retried on the next token when it fails (the provider may be briefly down at start).
    getter ??= build().catch((err: unknown) => {
      getter = undefined;
      throw err;
    });
    const get = await getter;
    try {
      return await get(header, token);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (typeof code === "string" && TOKEN_ERROR_CODES.has(code)) throw err;
      if (err instanceof KeySourceUnavailable) throw err;
      throw new KeySourceUnavailable(
        `the identity provider's keys could not be fetched: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
  };
}
