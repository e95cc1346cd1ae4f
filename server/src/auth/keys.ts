// What the server trusts for bearer tokens: one issuer, one audience, and where that issuer's public keys are (a
// static JWKS for the dev signer and tests; an identity provider's JWKS URL, or its OIDC discovery document, in
// production), plus the policy every token must meet (algorithms, lifetime, claim names).
import type { JSONWebKeySet } from "jose";
import type { ClaimNames } from "./claim-names.ts";

export interface AuthKeys {
  issuer: string;
  audience: string;
  /** Static public keys (the dev signer, tests). */
  jwks?: JSONWebKeySet;
  /**
   * The identity provider's JWKS URL; fetched, cached, and fetched again when a token names an unknown `kid`.
   * Neither `jwks` nor `jwksUrl`: `jwks_uri` is read from `${issuer}/.well-known/openid-configuration`.
   */
  jwksUrl?: string;
  /** Signature algorithms accepted (never `none`, never a symmetric one: the keys are public). */
  algorithms: readonly string[];
  /** Upper bound on a token's lifetime in seconds: exp − iat, and exp − now. */
  maxTokenLifetimeSeconds: number;
  /** Where the claims of spec/roles.ts TOKEN_CLAIMS are found in this issuer's tokens (default: the same names). */
  claimNames?: Partial<ClaimNames>;
  /** Remote JWKS: how long keys are cached, the least time between two fetches, and the fetch timeout. */
  jwksCacheMaxAgeMs?: number;
  jwksCooldownMs?: number;
  fetchTimeoutMs?: number;
}

export const DEV_ISSUER = "urn:send-interchange:dev-signer";
export const DEFAULT_AUDIENCE = "urn:send-interchange:reference-server";

/** RFC 9068 access tokens carry `typ: at+jwt`; an ID token (typ JWT) cannot be replayed as an access token. */
export const ACCESS_TOKEN_TYPE = "at+jwt";

/** Asymmetric JWS algorithms (RFC 7518, RFC 8037); the default allow-list for an identity provider. */
export const ASYMMETRIC_ALGORITHMS: readonly string[] = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
  "Ed25519",
];
