// The development signer: an ES256 key pair that signs tokens for local use and tests. `npm start` keeps it in the
// data directory (created on first start) so tokens printed once stay valid across restarts. Never for production:
// main.ts neither creates nor trusts it when NODE_ENV=production; a real deployment configures its identity
// provider instead (config/server-config.ts). Its tokens are RFC 9068 access tokens (typ at+jwt), like an IdP's.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from "jose";
import { role, type RoleId } from "../../../spec/roles.ts";
import { ACCESS_TOKEN_TYPE, DEFAULT_AUDIENCE, DEV_ISSUER, type AuthKeys } from "./keys.ts";

export interface DevSigner {
  keys: AuthKeys;
  /** Signs a token for `claims` (sub, send_role, …); scope defaults to the role's scopes. */
  sign(claims: DevClaims, opts?: { expiresIn?: string }): Promise<string>;
}

export interface DevClaims {
  sub: string;
  send_role: RoleId;
  setting_urn?: string;
  la_code?: string;
  child_ids?: string[];
  client_id?: string;
  /** The person's display name (OpenID Connect `name`). */
  name?: string;
  scope?: string;
}

const KID = "dev-signer-1";
/** Demo tokens are printed once and used for a month; an identity provider's live an hour (config/). */
export const DEV_TOKEN_LIFETIME = "30d";
const DEV_MAX_LIFETIME_SECONDS = 31 * 24 * 3600;

async function fromPrivateJwk(privateJwk: JWK): Promise<DevSigner> {
  const key = await importJWK(privateJwk, "ES256");
  const { d: _d, ...publicJwk } = privateJwk; // the public half: drop the private scalar
  const keys: AuthKeys = {
    jwks: { keys: [{ ...publicJwk, kid: KID, alg: "ES256", use: "sig" }] },
    issuer: DEV_ISSUER,
    audience: DEFAULT_AUDIENCE,
    algorithms: ["ES256"],
    maxTokenLifetimeSeconds: DEV_MAX_LIFETIME_SECONDS,
  };
  return {
    keys,
    async sign(claims, opts = {}) {
      const scope = claims.scope ?? role(claims.send_role).scopes.join(" ");
      return new SignJWT({ ...claims, scope })
        .setProtectedHeader({ alg: "ES256", kid: KID, typ: ACCESS_TOKEN_TYPE })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEFAULT_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(opts.expiresIn ?? DEV_TOKEN_LIFETIME)
        .sign(key);
    },
  };
}

/** A fresh in-memory signer (tests). */
export async function createDevSigner(): Promise<DevSigner> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  return fromPrivateJwk(await exportJWK(privateKey));
}

/** The signer kept in `dataDir/dev-signer.jwk.json`, created on first use (file mode 0600). */
export async function loadOrCreateDevSigner(dataDir: string): Promise<DevSigner> {
  const file = join(dataDir, "dev-signer.jwk.json");
  if (existsSync(file)) return fromPrivateJwk(JSON.parse(readFileSync(file, "utf8")) as JWK);
  mkdirSync(dataDir, { recursive: true });
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk = await exportJWK(privateKey);
  writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  return fromPrivateJwk(jwk);
}
