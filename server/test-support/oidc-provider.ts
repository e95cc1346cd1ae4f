// Test support: a real OpenID provider (the certified `oidc-provider` package) on a loopback port, configured as a
// deployment would configure its IdP for the reference server: the server is a resource (RFC 8707) whose access
// tokens are JWTs (RFC 9068, typ at+jwt) carrying the SEND claims (spec/roles.ts TOKEN_CLAIMS) of the client (for
// client_credentials) or of the signed-in person (for authorization code + PKCE). Tokens are obtained over HTTP by
// the standard flows, driving the provider's own login and consent pages as a browser would.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import Provider, { type ClientMetadata } from "oidc-provider";

export interface IdpClient {
  clientId: string;
  /** Confidential client (client_credentials); absent for a public client using PKCE. */
  secret?: string;
  /** The SEND claims this client's tokens carry (client_credentials). */
  claims?: Record<string, unknown>;
  /** Access token lifetime for this client (seconds); default 300. */
  accessTokenTTL?: number;
}

export interface TestIdp {
  issuer: string;
  audience: string;
  /** The provider's current private signing keys (tests forge tokens with them to isolate one check at a time). */
  signingKeys(): JWK[];
  clientCredentials(clientId: string, opts?: { scope?: string; resource?: string }): Promise<string>;
  /** Signs `accountId` in through the provider's login and consent pages; returns both tokens. */
  authorizationCode(
    clientId: string,
    accountId: string,
    opts?: { scope?: string },
  ): Promise<{ accessToken: string; idToken: string }>;
  /** Publishes a new signing key (kept first, so it signs) next to the old ones. */
  rotate(): Promise<void>;
  close(): Promise<void>;
}

export const REDIRECT_URI = "http://127.0.0.1/callback";

async function signingKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: `es-${randomBytes(6).toString("hex")}`, alg: "ES256", use: "sig" };
}

async function idTokenKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
  return { ...(await exportJWK(privateKey)), kid: `rs-${randomBytes(6).toString("hex")}`, alg: "RS256", use: "sig" };
}

/**
 * Starts a provider. `issuer` lets a second provider claim the first one's issuer (with its own keys);
 * `accounts` maps an account id to the SEND claims of that person.
 */
export async function startTestIdp(opts: {
  audience: string;
  clients: IdpClient[];
  accounts?: Record<string, Record<string, unknown>>;
  scopes: readonly string[];
  issuer?: string;
}): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = opts.issuer ?? `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let keys: JWK[] = [await signingKey(), await idTokenKey()];
  const clientsById = new Map(opts.clients.map((c) => [c.clientId, c]));

  const build = (): Provider => {
    const clients: ClientMetadata[] = opts.clients.map((c) =>
      c.secret
        ? {
            client_id: c.clientId,
            client_secret: c.secret,
            grant_types: ["client_credentials"],
            response_types: [],
            redirect_uris: [],
          }
        : {
            client_id: c.clientId,
            token_endpoint_auth_method: "none",
            application_type: "native",
            grant_types: ["authorization_code"],
            response_types: ["code"],
            redirect_uris: [REDIRECT_URI],
          },
    );
    const provider = new Provider(issuer, {
      clients,
      jwks: { keys: keys as never },
      findAccount: (_ctx, id) => (opts.accounts?.[id] ? { accountId: id, claims: () => ({ sub: id }) } : undefined),
      features: {
        clientCredentials: { enabled: true },
        devInteractions: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => opts.audience,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, resource, client) => ({
            scope: opts.scopes.join(" "),
            audience: resource,
            accessTokenFormat: "jwt",
            accessTokenTTL: clientsById.get(client.clientId)?.accessTokenTTL ?? 300,
            jwt: { sign: { alg: "ES256" } },
          }),
        },
      },
      // The SEND claims: a client's own (client_credentials) or the signed-in person's (authorization code).
      extraTokenClaims: (_ctx, token) => {
        const accountId = (token as { accountId?: string }).accountId;
        if (accountId) return opts.accounts?.[accountId];
        return clientsById.get(token.clientId!)?.claims;
      },
      pkce: { required: () => true },
      // Lifetimes of the provider's own artefacts (access tokens' come from getResourceServerInfo).
      ttl: {
        AccessToken: 300,
        ClientCredentials: (_ctx, _token, client) => clientsById.get(client.clientId)?.accessTokenTTL ?? 300,
        IdToken: 300,
        Interaction: 600,
        Session: 600,
        Grant: 600,
        AuthorizationCode: 60,
      },
    });
    provider.proxy = false;
    return provider;
  };
  let current = build();
  server.on("request", (req, res) => void current.callback()(req, res));

  const tokenRequest = async (
    body: Record<string, string>,
    basic?: { id: string; secret: string },
  ): Promise<Record<string, unknown>> => {
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
    if (basic)
      headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(basic.id)}:${encodeURIComponent(basic.secret)}`).toString("base64")}`;
    const res = await fetch(`${base()}/token`, { method: "POST", headers, body: new URLSearchParams(body) });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status !== 200) throw new Error(`token endpoint ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    audience: opts.audience,
    signingKeys: () => keys.filter((k) => k.alg === "ES256"),
    async clientCredentials(clientId, o = {}) {
      const client = clientsById.get(clientId);
      if (!client?.secret) throw new Error(`${clientId} is not a confidential client`);
      const body: Record<string, string> = { grant_type: "client_credentials", resource: o.resource ?? opts.audience };
      if (o.scope) body.scope = o.scope;
      const json = await tokenRequest(body, { id: clientId, secret: client.secret });
      return json.access_token as string;
    },
    async authorizationCode(clientId, accountId, o = {}) {
      const verifier = randomBytes(32).toString("base64url");
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      const jar = new Map<string, string>();
      // A browser's part: follow redirects by hand, keeping the provider's cookies.
      const step = async (url: string, init: RequestInit = {}): Promise<Response> => {
        const headers = new Headers(init.headers);
        if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
        const res = await fetch(new URL(url, base()), { ...init, headers, redirect: "manual" });
        for (const c of res.headers.getSetCookie()) {
          const [pair] = c.split(";");
          const eq = pair!.indexOf("=");
          jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
        }
        return res;
      };
      const auth = new URL(`${base()}/auth`);
      const params = {
        client_id: clientId,
        response_type: "code",
        redirect_uri: REDIRECT_URI,
        scope: o.scope ?? `openid ${opts.scopes.join(" ")}`,
        code_challenge: challenge,
        code_challenge_method: "S256",
        resource: opts.audience,
        state: randomBytes(8).toString("hex"),
      };
      for (const [k, v] of Object.entries(params)) auth.searchParams.set(k, v);
      let res = await step(auth.href);
      for (let hops = 0; hops < 10; hops++) {
        const location = res.headers.get("location");
        if (!location) throw new Error(`authorization stopped with ${res.status}: ${(await res.text()).slice(0, 500)}`);
        if (location.startsWith(REDIRECT_URI)) {
          const code = new URL(location).searchParams.get("code");
          if (!code) throw new Error(`no code in ${location}`);
          const json = await tokenRequest({
            grant_type: "authorization_code",
            code,
            redirect_uri: REDIRECT_URI,
            client_id: clientId,
            code_verifier: verifier,
            resource: opts.audience,
          });
          return { accessToken: json.access_token as string, idToken: json.id_token as string };
        }
        const match = /\/interaction\/([^/?]+)$/.exec(new URL(location, base()).pathname);
        if (match) {
          const page = await step(location);
          const html = await page.text();
          // The provider's own pages: a login form, then a consent form.
          const prompt: Record<string, string> = html.includes('name="login"')
            ? { prompt: "login", login: accountId, password: "x" }
            : { prompt: "consent" };
          res = await step(`/interaction/${match[1]}`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams(prompt),
          });
        } else {
          res = await step(location);
        }
      }
      throw new Error("too many redirects in the authorization flow");
    },
    async rotate() {
      keys = [await signingKey(), ...keys];
      current = build();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
