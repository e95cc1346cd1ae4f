// Where each claim of spec/roles.ts TOKEN_CLAIMS is found in an issuer's tokens. TOKEN_CLAIMS stays the one list of
// what the server reads; a deployment may only rename (an identity provider that emits `https://example.org/role`
// rather than `send_role`), never add. Claim names are taken literally (no dotted paths: namespaced claim names
// are URLs and contain dots).
import { TOKEN_CLAIMS } from "../../../spec/roles.ts";

export type ClaimName = keyof typeof TOKEN_CLAIMS;
export type ClaimNames = Record<ClaimName, string>;

export const CLAIM_NAMES = Object.keys(TOKEN_CLAIMS) as ClaimName[];

export const DEFAULT_CLAIM_NAMES: ClaimNames = Object.fromEntries(CLAIM_NAMES.map((n) => [n, n])) as ClaimNames;

export function claimNames(overrides: Partial<ClaimNames> = {}): ClaimNames {
  return { ...DEFAULT_CLAIM_NAMES, ...overrides };
}

/** The environment variable that renames a claim: send_role → OIDC_CLAIM_SEND_ROLE. */
export const claimEnvVar = (name: ClaimName): string => `OIDC_CLAIM_${name.toUpperCase()}`;
