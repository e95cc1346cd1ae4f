// The development signer: an ES256 key pair that signs tokens for local use and tests. `npm start` keeps it in the
// data directory (created on first start) so tokens printed once stay valid across restarts. Never for production:
// a real deployment configures its identity provider's public keys instead.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from "jose";
import { role, type RoleId } from "../../../spec/roles.ts";
import { DEFAULT_AUDIENCE, DEV_ISSUER, type AuthKeys } from "./keys.ts";

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
  scope?: string;
}

const KID = "dev-signer-1";

async function fromPrivateJwk(privateJwk: JWK): Promise<DevSigner> {
  const key = await importJWK(privateJwk, "ES256");
  const { d: _d, ...publicJwk } = privateJwk; // the public half: drop the private scalar
  const keys: AuthKeys = { jwks: { keys: [{ ...publicJwk, kid: KID, alg: "ES256", use: "sig" }] }, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE };
  return {
    keys,
    async sign(claims, opts = {}) {
      const scope = claims.scope ?? role(claims.send_role).scopes.join(" ");
      return new SignJWT({ ...claims, scope })
        .setProtectedHeader({ alg: "ES256", kid: KID, typ: "JWT" })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEFAULT_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(opts.expiresIn ?? "30d")
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
