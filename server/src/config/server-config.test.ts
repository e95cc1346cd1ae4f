// Reading the environment: the two modes, every missing or wrong production setting named, and the claim mapping.
import { describe, expect, it } from "vitest";
import { CLAIM_NAMES, claimEnvVar } from "../auth/claim-names.ts";
import { DEV_ISSUER } from "../auth/keys.ts";
import { TOKEN_CLAIMS } from "../../../spec/roles.ts";
import { configProblemMessage, readServerConfig } from "./server-config.ts";
import { parseKeyEncryptionKey } from "./key-encryption-key.ts";

const KEK = Buffer.alloc(32, 1).toString("base64");
const PROD = {
  NODE_ENV: "production",
  OIDC_ISSUER: "https://idp.example.org/realms/send",
  OIDC_AUDIENCE: "https://send.example.org/api",
  KEY_ENCRYPTION_KEY: KEK,
};

describe("readServerConfig", () => {
  it("demo by default: loopback, port 8080, no identity provider", () => {
    const r = readServerConfig({});
    expect(r).toMatchObject({ ok: true, config: { mode: "demo", host: "127.0.0.1", port: 8080 } });
    if (r.ok) expect(r.config.identityProvider).toBeUndefined();
    expect(readServerConfig({ NODE_ENV: "test" })).toMatchObject({ ok: true, config: { mode: "demo" } });
  });

  it("production with its settings: the provider, a one-hour lifetime bound, default claim names", () => {
    const r = readServerConfig(PROD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.mode).toBe("production");
    expect(r.config.identityProvider).toMatchObject({
      issuer: PROD.OIDC_ISSUER,
      audience: PROD.OIDC_AUDIENCE,
      maxTokenLifetimeSeconds: 3600,
    });
    expect(r.config.identityProvider?.jwksUrl).toBeUndefined(); // discovery
    expect(r.config.identityProvider?.claimNames).toBeUndefined();
    expect(r.config.keyEncryptionKey).toHaveLength(32);
  });

  it("production without settings names each one missing", () => {
    const r = readServerConfig({ NODE_ENV: "production" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = configProblemMessage(r);
    for (const name of ["OIDC_ISSUER", "OIDC_AUDIENCE", "KEY_ENCRYPTION_KEY"])
      expect(text).toContain(`${name} is missing`);
  });

  it.each([
    [{ OIDC_ISSUER: "http://idp.example.org" }, /OIDC_ISSUER must be https/],
    [{ OIDC_ISSUER: DEV_ISSUER }, /dev signer, which production never trusts/],
    [{ OIDC_JWKS_URL: "http://keys.example.org/jwks" }, /OIDC_JWKS_URL must be https/],
    [{ OIDC_JWKS_URL: "https://user:pw@keys.example.org/jwks" }, /OIDC_JWKS_URL must not carry credentials/],
    [{ OIDC_MAX_TOKEN_LIFETIME_SECONDS: "0" }, /OIDC_MAX_TOKEN_LIFETIME_SECONDS must be 1 to 86400/],
    [{ OIDC_MAX_TOKEN_LIFETIME_SECONDS: "604800" }, /OIDC_MAX_TOKEN_LIFETIME_SECONDS must be 1 to 86400/],
    [{ OIDC_ALGORITHMS: "HS256" }, /OIDC_ALGORITHMS may name only/],
    [{ OIDC_ALGORITHMS: "none" }, /OIDC_ALGORITHMS may name only/],
    [{ KEY_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") }, /KEY_ENCRYPTION_KEY is not a 32-byte key/],
    [{ PORT: "80x" }, /PORT must be a port number/],
  ])("production refuses %j", (over, message) => {
    const r = readServerConfig({ ...PROD, ...over });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join("\n")).toMatch(message);
  });

  it("http is allowed for a provider on loopback (tests, a provider on the same host)", () => {
    expect(readServerConfig({ ...PROD, OIDC_ISSUER: "http://127.0.0.1:9000" }).ok).toBe(true);
  });

  it("every TOKEN_CLAIMS claim can be renamed, and only those", () => {
    expect(CLAIM_NAMES.sort()).toEqual(Object.keys(TOKEN_CLAIMS).sort());
    const env: Record<string, string> = { ...PROD };
    for (const name of CLAIM_NAMES) env[claimEnvVar(name)] = `https://send.example.org/${name}`;
    const r = readServerConfig(env);
    expect(r.ok).toBe(true);
    if (r.ok)
      for (const name of CLAIM_NAMES)
        expect(r.config.identityProvider?.claimNames?.[name]).toBe(`https://send.example.org/${name}`);
  });

  it("TRUSTED_PROXIES: a list of IP addresses, read into the rate limiter's trusted proxies; anything else is named", () => {
    const ok = readServerConfig({ TRUSTED_PROXIES: "10.0.0.5, ::1" });
    expect(ok.ok && ok.config.trustedProxies).toEqual(["10.0.0.5", "::1"]);
    const bad = readServerConfig({ TRUSTED_PROXIES: "10.0.0.5,proxy.internal" });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.join("\n")).toContain("TRUSTED_PROXIES must be a comma-separated list of IP addresses");
    const unset = readServerConfig({});
    expect(unset.ok && unset.config.trustedProxies).toBeUndefined();
  });

  it("the demo refuses identity-provider settings rather than ignoring them", () => {
    const r = readServerConfig({ OIDC_ISSUER: "https://idp.example.org" });
    expect(r.ok).toBe(false);
  });
});

describe("parseKeyEncryptionKey", () => {
  it("takes 32 bytes as base64 or base64url, padded or not, and nothing else", () => {
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => 250 - i));
    for (const text of [
      bytes.toString("base64"),
      bytes.toString("base64url"),
      bytes.toString("base64").replace(/=$/, ""),
    ]) {
      expect(Buffer.from(parseKeyEncryptionKey(text)!)).toEqual(bytes);
    }
    for (const text of [
      "",
      "short",
      bytes.toString("hex"),
      Buffer.alloc(33).toString("base64"),
      `${bytes.toString("base64")}!`,
    ]) {
      expect(parseKeyEncryptionKey(text)).toBeUndefined();
    }
  });
});
