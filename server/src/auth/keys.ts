// The keys and claims the server trusts for bearer tokens. Any JWKS (public keys) works; the dev signer supplies one.
import type { JSONWebKeySet } from "jose";

export interface AuthKeys {
  /** Public keys that may sign tokens. */
  jwks: JSONWebKeySet;
  issuer: string;
  audience: string;
}

export const DEV_ISSUER = "urn:send-interchange:dev-signer";
export const DEFAULT_AUDIENCE = "urn:send-interchange:reference-server";
