// How a server takes part in transfers: its settings directory of OTHER systems (URN → inbox base URL + JWKS URL),
// statically trusted keys, delivery retry bounds, and the system name it signs receipts as. Keys are fetched only
// from the JWKS URLs configured here, never from a URL a bundle names.
import manifest from "../../../schemas/manifest.json" with { type: "json" };
import type { JWK, TrustedKey } from "../../../sdk/src/bundle/index.ts";
import type { TrustAnchorConfig } from "./anchored-trust-list.ts";

export interface DirectoryEntry {
  /** URN (or "la:<code>" for a local authority's system, or a UKPRN) of a setting this other system hosts. */
  urn: string;
  name?: string;
  /** Base URL of that system's API; its inbox is `${baseUrl}/transfers/inbox`. */
  baseUrl: string;
  /** Where its public keys are; only these URLs are ever fetched. */
  jwksUrl: string;
  /** The system's keys are trusted only until this instant. */
  notAfter?: string;
  /** The inbox URL, when it is not `${baseUrl}/transfers/inbox` (trust-list entries name it). */
  inboxUrl?: string;
}

export interface StaticTrustedKey {
  kid: string;
  jwk: JWK;
  notBefore?: string;
  notAfter?: string;
  owner?: string;
}

export interface TransferConfig {
  /** Mutable on purpose: a test adds entries once it knows the other server's port. */
  directory: DirectoryEntry[];
  trustedKeys: StaticTrustedKey[];
  system: { name: string; version: string };
  delivery: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; timeoutMs: number };
  /** How long a fetched JWKS is cached before it is fetched again. */
  jwksCacheMs: number;
  /** Deliver only to loopback addresses (tests, local demos). */
  loopbackOnly: boolean;
  /** The transfers' own clock (bundle createdAt, verification instant); defaults to the app's. Tests set it. */
  clock?: () => Date;
  /** 32 bytes that encrypt transfer private keys at rest (keyring.ts); main.ts sets it from KEY_ENCRYPTION_KEY. */
  keyEncryptionKey?: Uint8Array;
  /** The trust anchor whose signed trust list this server believes (anchored-trust-list.ts); none = no list. */
  trustAnchor?: TrustAnchorConfig;
}

export function defaultTransferConfig(overrides: Partial<TransferConfig> = {}): TransferConfig {
  return {
    directory: [],
    trustedKeys: [],
    system: { name: "SEND Interchange reference server", version: manifest.standardVersion },
    delivery: { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 8_000, timeoutMs: 30_000 },
    jwksCacheMs: 5 * 60_000,
    loopbackOnly: false,
    ...overrides,
  };
}

/** Inline JSON, or `@/path/to/file` read as JSON. */
async function jsonOrFile(raw: string): Promise<unknown> {
  const text = raw.startsWith("@") ? (await import("node:fs")).readFileSync(raw.slice(1), "utf8") : raw;
  return JSON.parse(text) as unknown;
}

/**
 * The trust anchor from TRUST_ANCHOR_JWKS (the anchor's PUBLIC keys as a JWKS, inline or @file), TRUST_LIST_SOURCE
 * (URL or file path of the signed list) and TRUST_LIST_REFRESH_SECONDS; undefined when no anchor key is configured.
 */
export async function trustAnchorFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<TrustAnchorConfig | undefined> {
  if (!env.TRUST_ANCHOR_JWKS) return undefined;
  const jwks = (await jsonOrFile(env.TRUST_ANCHOR_JWKS)) as { keys?: (JWK & { kid?: string })[] };
  const keys: TrustedKey[] = (jwks.keys ?? [])
    .filter((k): k is JWK & { kid: string } => typeof k.kid === "string" && k.d === undefined)
    .map((jwk) => ({ kid: jwk.kid, jwk, owner: "trust-anchor" }));
  if (keys.length === 0) throw new Error("TRUST_ANCHOR_JWKS holds no public key with a kid");
  const refresh = Number(env.TRUST_LIST_REFRESH_SECONDS ?? "900");
  return {
    keys,
    ...(env.TRUST_LIST_SOURCE ? { source: env.TRUST_LIST_SOURCE } : {}),
    refreshMs: Number.isFinite(refresh) && refresh > 0 ? refresh * 1000 : 900_000,
  };
}

/** TRANSFER_CONFIG: inline JSON or `@/path/to/file.json` with any of { directory, trustedKeys, delivery, loopbackOnly }. */
export async function transferConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<TransferConfig> {
  const raw = env.TRANSFER_CONFIG;
  const trustAnchor = await trustAnchorFromEnv(env);
  if (!raw) return defaultTransferConfig(trustAnchor ? { trustAnchor } : {});
  const text = raw.startsWith("@") ? (await import("node:fs")).readFileSync(raw.slice(1), "utf8") : raw;
  const parsed = JSON.parse(text) as Partial<TransferConfig>;
  const base = defaultTransferConfig();
  return {
    ...base,
    ...parsed,
    directory: parsed.directory ?? [],
    trustedKeys: parsed.trustedKeys ?? [],
    delivery: { ...base.delivery, ...(parsed.delivery ?? {}) },
    ...(trustAnchor ? { trustAnchor } : {}),
  };
}
