// The reference server behind a real OpenID provider (oidc-provider, in-process on loopback), over real HTTP, on
// either store driver. Tokens obtained by the standard flows (client_credentials with a resource indicator; authorization code +
// PKCE through the provider's login and consent pages) are accepted with the right role and tenancy, found through
// OIDC discovery; every other token is refused: ID tokens, the dev signer's, a second provider claiming the same
// issuer, the wrong audience, no exp, too long a lifetime, typ JWT, alg none and header-borne keys. After the
// provider rotates its signing key, its new tokens are accepted (the JWKS is fetched again for the unknown kid).
import { serve, type ServerType } from "@hono/node-server";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../../spec/roles.ts";
import { startTestIdp, type TestIdp } from "../../test-support/oidc-provider.ts";
import { createApp } from "../app.ts";
import type { Store } from "../storage/store.ts";
import { childRecord, newChild, newIsp, settingEntry, TENANT_A, TENANT_B } from "../testing/fixtures.ts";
import { createDevSigner } from "./dev-signer.ts";
import { ASYMMETRIC_ALGORITHMS, type AuthKeys } from "./keys.ts";

const AUDIENCE = "urn:send-interchange:idp-test-api";
const ALL_SCOPES = [...new Set(ROLES.flatMap((r) => r.scopes))];
const SECRET = "a-long-client-secret-for-the-test-provider";
const childA = newChild(TENANT_A);

export function runIdentityProviderCases(opts: { name: string; newStore: () => Promise<Store> }): void {
  let store: Store;
  let idp: TestIdp;
  let impostor: TestIdp;
  const servers: { close(): Promise<void> }[] = [];

  async function serveApp(keys: AuthKeys): Promise<string> {
    const app = createApp({ store, keys, logSink: () => undefined, rateLimit: { perMinute: 0 } });
    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    servers.push({ close: () => new Promise<void>((r) => server.close(() => r())) });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** A loopback HTTP server answering every request with `handler` (redirecting or oversized key sources). */
  async function rawServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
    const server: Server = createServer(handler);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    servers.push({
      close: () =>
        new Promise<void>((r) => {
          server.closeAllConnections();
          server.close(() => r());
        }),
    });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const idpKeys = (over: Partial<AuthKeys> = {}): AuthKeys => ({
    issuer: idp.issuer,
    audience: AUDIENCE,
    algorithms: ASYMMETRIC_ALGORITHMS,
    maxTokenLifetimeSeconds: 3600,
    jwksCooldownMs: 0, // refetch at once on an unknown kid (production waits 30 s between fetches)
    ...over,
  });

  let api = "";
  const call = (path: string, token: string, init: RequestInit = {}, base = api) =>
    fetch(base + path, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(init.headers ?? {}) },
    });

  beforeAll(async () => {
    store = await opts.newStore();
    const clients = [
      { clientId: "dfe-catalogue", secret: SECRET, claims: { send_role: "dfe-publisher" } },
      {
        clientId: "mis-a",
        secret: SECRET,
        claims: { send_role: "system-integration", setting_urn: TENANT_A.settingUrn },
      },
      {
        clientId: "mis-b",
        secret: SECRET,
        claims: { send_role: "system-integration", setting_urn: TENANT_B.settingUrn },
      },
      {
        clientId: "long-lived",
        secret: SECRET,
        claims: { send_role: "system-integration", setting_urn: TENANT_A.settingUrn },
        accessTokenTTL: 7200,
      },
      {
        clientId: "renamed-claims",
        secret: SECRET,
        claims: {
          "https://send.example/role": "system-integration",
          "https://send.example/setting": TENANT_A.settingUrn,
        },
      },
      { clientId: "staff-portal" },
    ];
    const accounts = {
      "senco-a": { send_role: "setting-staff", setting_urn: TENANT_A.settingUrn },
      // Read when a token is issued: by then childA holds the id the server assigned (SI-API-057).
      "parent-a": {
        send_role: "parent-carer",
        get child_ids() {
          return [childA.childId];
        },
      },
    };
    idp = await startTestIdp({ audience: AUDIENCE, scopes: ALL_SCOPES, clients, accounts });
    // Same issuer string, same clients, its own keys: what an attacker's provider would be.
    impostor = await startTestIdp({ audience: AUDIENCE, scopes: ALL_SCOPES, clients, accounts, issuer: idp.issuer });
    api = await serveApp(idpKeys()); // no jwksUrl: found through OIDC discovery
  }, 60_000);

  afterAll(async () => {
    for (const s of servers) await s.close();
    await idp?.close();
    await impostor?.close();
    await store?.close();
  });

  /** A token signed with `key` (default: the provider's current signing key) with every claim right unless changed. */
  async function forged(
    opts: {
      header?: Record<string, unknown>;
      claims?: Record<string, unknown>;
      omit?: string[];
      key?: JWK;
      crit?: Record<string, boolean>;
    } = {},
  ): Promise<string> {
    const jwk = opts.key ?? idp.signingKeys()[0]!;
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: idp.issuer,
      aud: AUDIENCE,
      sub: "mis-a",
      client_id: "mis-a",
      send_role: "system-integration",
      setting_urn: TENANT_A.settingUrn,
      iat: now,
      exp: now + 300,
      ...opts.claims,
    };
    for (const k of opts.omit ?? []) delete claims[k];
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid: jwk.kid, typ: "at+jwt", ...opts.header } as never)
      .sign(await importJWK(jwk, "ES256"), opts.crit ? { crit: opts.crit } : {});
  }

  describe(`tokens from the identity provider (${opts.name})`, () => {
    let ispId = "";
    it("client_credentials: a DfE publisher system writes the settings directory", async () => {
      const token = await idp.clientCredentials("dfe-catalogue");
      expect(decodeProtectedHeader(token).typ).toBe("at+jwt");
      for (const t of [TENANT_A, TENANT_B])
        expect((await call("/settings", token, { method: "POST", body: JSON.stringify(settingEntry(t)) })).status).toBe(
          201,
        );
    });

    it("authorization code + PKCE: setting staff sign in, and write in their own setting only", async () => {
      const { accessToken } = await idp.authorizationCode("staff-portal", "senco-a");
      expect(decodeJwt(accessToken)).toMatchObject({ sub: "senco-a", send_role: "setting-staff", aud: AUDIENCE });
      const registered = await call("/children", accessToken, {
        method: "POST",
        body: JSON.stringify(childRecord(childA)),
      });
      expect(registered.status).toBe(201);
      childA.childId = ((await registered.json()) as { id: string }).id; // ids are the server's (SI-API-057)
      const created = await call("/isps", accessToken, { method: "POST", body: JSON.stringify(newIsp(childA)) });
      expect(created.status).toBe(201);
      ispId = ((await created.json()) as { id: string }).id;
      // The role from the token decides what the caller may do: staff do not read the audit log.
      expect((await call("/audit", accessToken)).status).toBe(403);
    });

    it("tenancy follows the token: system of setting A reads the plan, system of setting B gets 404", async () => {
      expect((await call(`/isps/${ispId}`, await idp.clientCredentials("mis-a"))).status).toBe(200);
      const b = await call(`/isps/${ispId}`, await idp.clientCredentials("mis-b"));
      expect(b.status).toBe(404);
    });

    it("authorization code + PKCE: a parent sees their own child's plan", async () => {
      const { accessToken } = await idp.authorizationCode("staff-portal", "parent-a");
      expect((await call(`/isps/${ispId}`, accessToken)).status).toBe(200);
      const list = (await (await call("/isps", accessToken)).json()) as { items: { id: string }[] };
      expect(list.items.map((i) => i.id)).toEqual([ispId]);
    });

    it("a scope narrower than the role is honoured (a token can narrow a role, not widen it)", async () => {
      const readOnly = await idp.clientCredentials("mis-a", { scope: "isp:read" });
      expect((await call(`/isps/${ispId}`, readOnly)).status).toBe(200);
      expect(
        (await call("/children", readOnly, { method: "POST", body: JSON.stringify(childRecord(newChild(TENANT_A))) }))
          .status,
      ).toBe(403);
    });

    it("claim names are configurable: the same token is refused with the default names, accepted once mapped", async () => {
      const token = await idp.clientCredentials("renamed-claims");
      expect((await call(`/isps/${ispId}`, token)).status).toBe(401);
      const mapped = await serveApp(
        idpKeys({
          claimNames: { send_role: "https://send.example/role", setting_urn: "https://send.example/setting" },
        }),
      );
      expect((await call(`/isps/${ispId}`, token, {}, mapped)).status).toBe(200);
    });

    it("a forged token with every claim right is accepted (the control for the refusals below)", async () => {
      expect((await call(`/isps/${ispId}`, await forged())).status).toBe(200);
    });
  });

  describe(`tokens that are refused (401 invalid_token) (${opts.name})`, () => {
    const refused = async (token: string) => {
      const res = await call("/isps", token);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/invalid_token/);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
      return ((await res.json()) as { detail: string }).detail;
    };

    it("the provider's ID token (typ JWT, audience the client) is not an access token", async () => {
      const { idToken } = await idp.authorizationCode("staff-portal", "senco-a");
      await refused(idToken);
    });
    it("typ JWT, with every other claim right", async () => refused(await forged({ header: { typ: "JWT" } })));
    it("no typ at all", async () => refused(await forged({ header: { typ: undefined } })));
    it("a token from another provider claiming the same issuer", async () =>
      refused(await impostor.clientCredentials("mis-a")));
    it("another key under the provider's own kid", async () => {
      const { privateKey } = await generateKeyPair("ES256", { extractable: true });
      await refused(await forged({ key: { ...(await exportJWK(privateKey)), kid: idp.signingKeys()[0]!.kid } }));
    });
    it("the dev signer's token, with the same claims", async () => {
      const dev = await createDevSigner();
      await refused(
        await dev.sign(
          { sub: "mis-a", send_role: "system-integration", setting_urn: TENANT_A.settingUrn },
          { expiresIn: "5m" },
        ),
      );
    });
    it("a token for another audience (resource indicator)", async () =>
      refused(await idp.clientCredentials("mis-a", { resource: "urn:another:api" })));
    it("no exp", async () => refused(await forged({ omit: ["exp"] })));
    it("a lifetime over the configured maximum, as the provider issued it", async () => {
      const long = await idp.clientCredentials("long-lived");
      const { iat, exp } = decodeJwt(long);
      expect(exp! - iat!).toBe(7200);
      expect(await refused(long)).toMatch(/lifetime longer than 3600 seconds/);
    });
    it("a short exp − iat whose iat is in the future", async () => {
      const later = Math.floor(Date.now() / 1000) + 2 * 86400;
      await refused(await forged({ claims: { iat: later, exp: later + 300 } }));
    });
    it("no iat and an exp too far away", async () =>
      refused(await forged({ omit: ["iat"], claims: { exp: Math.floor(Date.now() / 1000) + 7200 } })));
    it("expired", async () => refused(await forged({ claims: { exp: Math.floor(Date.now() / 1000) - 60 } })));
    it("alg none", async () => {
      const [, payload] = (await forged()).split(".");
      const header = Buffer.from(JSON.stringify({ alg: "none", typ: "at+jwt" })).toString("base64url");
      await refused(`${header}.${payload}.`);
    });
    it("HS256 with the provider's public key as the secret", async () => {
      const { d: _d, ...pub } = idp.signingKeys()[0]!;
      const token = await new SignJWT(decodeJwt(await forged()))
        .setProtectedHeader({ alg: "HS256", kid: pub.kid, typ: "at+jwt" })
        .sign(new TextEncoder().encode(JSON.stringify(pub)));
      await refused(token);
    });
    it("an attacker's key in the jwk header, a jku and an x5u naming the attacker's keys", async () => {
      const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
      const attacker = { ...(await exportJWK(privateKey)), kid: "attacker" };
      const attackerJwks = await rawServer((_req, res) =>
        res.end(JSON.stringify({ keys: [{ ...attacker, d: undefined }] })),
      );
      await refused(await forged({ key: attacker, header: { jwk: await exportJWK(publicKey) } }));
      await refused(await forged({ key: attacker, header: { jku: attackerJwks } }));
      await refused(await forged({ key: attacker, header: { x5u: attackerJwks } }));
    });
    it("an unknown critical header", async () =>
      refused(await forged({ header: { crit: ["x-unknown"], "x-unknown": 1 }, crit: { "x-unknown": true } })));
  });

  describe(`identity provider keys (${opts.name})`, () => {
    it("after the provider rotates its signing key, tokens signed with the new key are accepted", async () => {
      const before = await idp.clientCredentials("mis-a");
      expect((await call("/isps", before)).status).toBe(200); // the server now holds the old JWKS
      await idp.rotate();
      const after = await idp.clientCredentials("mis-a");
      expect(decodeProtectedHeader(after).kid).not.toBe(decodeProtectedHeader(before).kid);
      expect((await call("/isps", after)).status).toBe(200);
      expect((await call("/isps", before)).status).toBe(200); // the old key is still published
    });

    it("an explicit JWKS URL works like discovery", async () => {
      const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as {
        jwks_uri: string;
      };
      const explicit = await serveApp(idpKeys({ jwksUrl: discovery.jwks_uri }));
      expect((await call("/isps", await idp.clientCredentials("mis-a"), {}, explicit)).status).toBe(200);
    });

    it("a key source that redirects, is too large or is down gives 503, never a followed redirect or a 200", async () => {
      const token = await idp.clientCredentials("mis-a");
      const jwksUri = (
        (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as { jwks_uri: string }
      ).jwks_uri;
      const redirecting = await rawServer((_req, res) => res.writeHead(307, { location: jwksUri }).end());
      const huge = await rawServer((_req, res) =>
        res.end(JSON.stringify({ keys: [], pad: "x".repeat(2 * 1024 * 1024) })),
      );
      const down = await rawServer((req) => req.socket.destroy());
      for (const jwksUrl of [redirecting, huge, down]) {
        const base = await serveApp(idpKeys({ jwksUrl, fetchTimeoutMs: 2_000 }));
        const res = await call("/isps", token, {}, base);
        expect(res.status, jwksUrl).toBe(503);
        expect(res.headers.get("content-type")).toMatch(/problem\+json/);
      }
      // Discovery naming another issuer is not trusted either.
      const liar = await rawServer((_req, res) =>
        res.end(JSON.stringify({ issuer: "https://elsewhere.example", jwks_uri: jwksUri })),
      );
      const base = await serveApp(idpKeys({ issuer: liar }));
      expect((await call("/isps", await forged({ claims: { iss: liar } }), {}, base)).status).toBe(503);
    });
  });

  it("tokens record who acted: provenance carries the provider's subject and client", async () => {
    const { accessToken } = await idp.authorizationCode("staff-portal", "senco-a");
    const child = newChild(TENANT_A);
    const res = await call("/children", accessToken, { method: "POST", body: JSON.stringify(childRecord(child)) });
    expect(res.status).toBe(201);
    const stored = await store.get("child", ((await res.json()) as { id: string }).id);
    expect(stored?.provenance.actor).toMatchObject({
      subject: "senco-a",
      role: "setting-staff",
      system: "staff-portal",
    });
  });
}
