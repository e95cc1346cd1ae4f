// The server's settings, read from the environment and checked before anything is opened. Two modes:
//   demo        (NODE_ENV unset or anything but "production"): zero configuration; dev signer, demo data, printed
//               tokens, a key-encryption key generated into DATA_DIR. Loopback only by default.
//   production  (NODE_ENV=production): trusts only the configured identity provider and never the dev signer; needs
//               OIDC_ISSUER, OIDC_AUDIENCE and KEY_ENCRYPTION_KEY, and names every one that is missing or wrong.
// Pure: the environment in, a config or a list of problems out.
import { isIP } from "node:net";
import { resolve } from "node:path";
import { ASYMMETRIC_ALGORITHMS, DEV_ISSUER, type AuthKeys } from "../auth/keys.ts";
import { CLAIM_NAMES, claimEnvVar, type ClaimNames } from "../auth/claim-names.ts";
import { unsafeUrlReason } from "../auth/remote-keys.ts";
import { KEY_ENCRYPTION_KEY_HINT, parseKeyEncryptionKey } from "./key-encryption-key.ts";

export type Mode = "demo" | "production";

export interface ServerConfig {
  mode: Mode;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Production: the identity provider. Demo: undefined (the dev signer in DATA_DIR is used). */
  identityProvider?: AuthKeys;
  /** Production: from KEY_ENCRYPTION_KEY. Demo: undefined unless set (then generated into DATA_DIR). */
  keyEncryptionKey?: Uint8Array;
  rateLimitPerMinute?: number;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed for rate limiting (TRUSTED_PROXIES). */
  trustedProxies?: string[];
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; mode: Mode; problems: string[] };

/** An identity provider's tokens live an hour unless configured otherwise. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 3600;
export const DEFAULT_HOST = "127.0.0.1";

/** Every variable a production start reads for its identity provider, with what it means (README lists the same). */
export const IDENTITY_PROVIDER_VARIABLES = {
  OIDC_ISSUER: "the identity provider's issuer URL, exactly as in its tokens' `iss` (https; http only on loopback)",
  OIDC_AUDIENCE: "this server's audience (resource indicator) as in the tokens' `aud`",
  OIDC_JWKS_URL:
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${OIDC_ISSUER} names the variable to the reader; not a template.
    "optional: the provider's JWKS URL; default: `jwks_uri` from `${OIDC_ISSUER}/.well-known/openid-configuration`",
  OIDC_MAX_TOKEN_LIFETIME_SECONDS: `optional: longest accepted token lifetime (default ${DEFAULT_MAX_TOKEN_LIFETIME_SECONDS})`,
  OIDC_ALGORITHMS: `optional: comma-separated signature algorithms (default ${ASYMMETRIC_ALGORITHMS.join(",")})`,
} as const;

const positiveInt = (v: string): number | undefined => (/^[1-9][0-9]{0,9}$/.test(v) ? Number(v) : undefined);

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  const mode: Mode = env.NODE_ENV === "production" ? "production" : "demo";
  const problems: string[] = [];
  const set = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === "" ? undefined : v.trim();
  };

  const portText = set("PORT") ?? "8080";
  const port = portText === "0" ? 0 : positiveInt(portText);
  if (port === undefined || port > 65535)
    problems.push(`PORT must be a port number (0-65535), got ${JSON.stringify(portText)}`);

  let rateLimitPerMinute: number | undefined;
  const rate = set("RATE_LIMIT_PER_MINUTE");
  if (rate !== undefined) {
    rateLimitPerMinute = rate === "0" ? 0 : positiveInt(rate);
    if (rateLimitPerMinute === undefined)
      problems.push(`RATE_LIMIT_PER_MINUTE must be a whole number, got ${JSON.stringify(rate)}`);
  }

  // Behind a reverse proxy every request comes from the proxy's address, so the per-address limit (applied before
  // authentication) would be shared by all clients; naming the proxy lets the server read X-Forwarded-For from it.
  let trustedProxies: string[] | undefined;
  const proxies = set("TRUSTED_PROXIES");
  if (proxies !== undefined) {
    trustedProxies = proxies
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    const bad = trustedProxies.filter((a) => isIP(a) === 0);
    if (bad.length > 0 || trustedProxies.length === 0)
      problems.push(`TRUSTED_PROXIES must be a comma-separated list of IP addresses, got ${JSON.stringify(proxies)}`);
  }

  let keyEncryptionKey: Uint8Array | undefined;
  const kek = set("KEY_ENCRYPTION_KEY");
  if (kek !== undefined) {
    keyEncryptionKey = parseKeyEncryptionKey(kek);
    if (!keyEncryptionKey)
      problems.push(`KEY_ENCRYPTION_KEY is not a 32-byte key in base64 or base64url (${KEY_ENCRYPTION_KEY_HINT})`);
  } else if (mode === "production") {
    problems.push(
      `KEY_ENCRYPTION_KEY is missing: the key that encrypts transfer private keys at rest (${KEY_ENCRYPTION_KEY_HINT})`,
    );
  }

  const oidcSet = Object.keys(IDENTITY_PROVIDER_VARIABLES).filter((n) => set(n) !== undefined);
  let identityProvider: AuthKeys | undefined;
  if (mode === "demo") {
    // One mode, one source of trust: the demo trusts its dev signer only, so an IdP setting would silently do nothing.
    if (oidcSet.length > 0)
      problems.push(
        `${oidcSet.join(", ")} set without NODE_ENV=production: the demo trusts only its dev signer; set NODE_ENV=production to use an identity provider`,
      );
  } else {
    identityProvider = readIdentityProvider(set, problems);
  }

  const host = set("HOST") ?? DEFAULT_HOST;
  const dataDir = resolve(set("DATA_DIR") ?? "./.data");
  const databaseUrl = set("DATABASE_URL");
  if (problems.length > 0) return { ok: false, mode, problems };
  return {
    ok: true,
    config: {
      mode,
      port: port!,
      host,
      dataDir,
      ...(databaseUrl ? { databaseUrl } : {}),
      ...(identityProvider ? { identityProvider } : {}),
      ...(keyEncryptionKey ? { keyEncryptionKey } : {}),
      ...(rateLimitPerMinute !== undefined ? { rateLimitPerMinute } : {}),
      ...(trustedProxies ? { trustedProxies } : {}),
    },
  };
}

function readIdentityProvider(set: (name: string) => string | undefined, problems: string[]): AuthKeys | undefined {
  const issuer = set("OIDC_ISSUER");
  const audience = set("OIDC_AUDIENCE");
  const jwksUrl = set("OIDC_JWKS_URL");
  if (!issuer) problems.push(`OIDC_ISSUER is missing: ${IDENTITY_PROVIDER_VARIABLES.OIDC_ISSUER}`);
  else if (issuer === DEV_ISSUER)
    problems.push("OIDC_ISSUER names the demo's dev signer, which production never trusts");
  else {
    const unsafe = unsafeUrlReason(issuer);
    if (unsafe) problems.push(`OIDC_ISSUER ${unsafe}`);
  }
  if (!audience) problems.push(`OIDC_AUDIENCE is missing: ${IDENTITY_PROVIDER_VARIABLES.OIDC_AUDIENCE}`);
  if (jwksUrl) {
    const unsafe = unsafeUrlReason(jwksUrl);
    if (unsafe) problems.push(`OIDC_JWKS_URL ${unsafe}`);
  }
  let maxTokenLifetimeSeconds = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const lifetime = set("OIDC_MAX_TOKEN_LIFETIME_SECONDS");
  if (lifetime !== undefined) {
    const n = positiveInt(lifetime);
    if (n === undefined || n > 24 * 3600)
      problems.push(`OIDC_MAX_TOKEN_LIFETIME_SECONDS must be 1 to 86400, got ${JSON.stringify(lifetime)}`);
    else maxTokenLifetimeSeconds = n;
  }
  let algorithms = ASYMMETRIC_ALGORITHMS;
  const algs = set("OIDC_ALGORITHMS");
  if (algs !== undefined) {
    algorithms = algs
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    const bad = algorithms.filter((a) => !ASYMMETRIC_ALGORITHMS.includes(a));
    if (bad.length > 0 || algorithms.length === 0)
      problems.push(`OIDC_ALGORITHMS may name only ${ASYMMETRIC_ALGORITHMS.join(", ")}; got ${JSON.stringify(algs)}`);
  }
  const claimNames: Partial<ClaimNames> = {};
  for (const name of CLAIM_NAMES) {
    const renamed = set(claimEnvVar(name));
    if (renamed !== undefined) claimNames[name] = renamed;
  }
  if (!issuer || !audience) return undefined;
  return {
    issuer,
    audience,
    ...(jwksUrl ? { jwksUrl } : {}),
    algorithms,
    maxTokenLifetimeSeconds,
    ...(Object.keys(claimNames).length > 0 ? { claimNames } : {}),
  };
}

/** The one message a refused start prints: which mode, and every problem, one per line. */
export function configProblemMessage(result: { mode: Mode; problems: string[] }): string {
  const head =
    result.mode === "production" ? "Refusing to start in production mode (NODE_ENV=production):" : "Refusing to start:";
  return `${head}\n${result.problems.map((p) => `  - ${p}`).join("\n")}\nSee server/README.md, "Run it behind an identity provider".\n`;
}
