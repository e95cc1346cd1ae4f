// How a server takes part in transfers: its settings directory of OTHER systems (URN → inbox base URL + JWKS URL),
// statically trusted keys, delivery retry bounds, and the system name it signs receipts as. Keys are fetched only
// from the JWKS URLs configured here, never from a URL a bundle names.
import manifest from "../../../schemas/manifest.json" with { type: "json" };
import type { JWK, TrustedKey } from "../../../sdk/src/bundle/index.ts";
import type { TrustAnchorConfig } from "./anchored-trust-list.ts";
import { parseNonSchoolDates } from "./school-days.ts";

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
  /** Acknowledgement follow-up (acknowledgement-sweep.ts): escalation of transfers received but not integrated. */
  escalation: {
    /** School days after receipt within which the receiver should record integration (GP2GP: 8 days). */
    schoolDays: number;
    /** Weekdays that are not school days (YYYY-MM-DD), e.g. bank holidays and the school holidays of the area. */
    nonSchoolDates: string[];
  };
  /** How long a bundle may stay undelivered (prepared or sent to a named receiver) before it expires (MESH). */
  expireUndeliveredAfterMs: number;
  /** How often the sweep (escalation and expiry) runs; 0 = only on demand. */
  sweepIntervalMs: number;
}

export function defaultTransferConfig(overrides: Partial<TransferConfig> = {}): TransferConfig {
  return {
    directory: [],
    trustedKeys: [],
    system: { name: "SEND Interchange reference server", version: manifest.standardVersion },
    delivery: { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 8_000, timeoutMs: 30_000 },
    jwksCacheMs: 5 * 60_000,
    loopbackOnly: false,
    escalation: { schoolDays: 8, nonSchoolDates: [] },
    expireUndeliveredAfterMs: 5 * 86_400_000,
    sweepIntervalMs: 15 * 60_000,
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

/** A whole number ≥ min from an environment variable, or undefined when it is not set; anything else is an error. */
function envNumber(env: NodeJS.ProcessEnv, name: string, min: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, not ${raw}`);
  return n;
}

/**
 * The acknowledgement follow-up settings from the environment, over those of TRANSFER_CONFIG:
 * TRANSFER_ESCALATION_SCHOOL_DAYS (default 8), TRANSFER_NON_SCHOOL_DATES (comma-separated YYYY-MM-DD, or @file with a
 * JSON array), TRANSFER_EXPIRY_HOURS (undelivered bundles expire after this; default 120) and
 * TRANSFER_SWEEP_SECONDS (how often escalation and expiry are checked; default 900, 0 = on demand only).
 */
async function followUpFromEnv(env: NodeJS.ProcessEnv, base: TransferConfig): Promise<Partial<TransferConfig>> {
  const days = envNumber(env, "TRANSFER_ESCALATION_SCHOOL_DAYS", 1);
  const hours = envNumber(env, "TRANSFER_EXPIRY_HOURS", 1);
  const sweep = envNumber(env, "TRANSFER_SWEEP_SECONDS", 0);
  const rawDates = env.TRANSFER_NON_SCHOOL_DATES;
  const dates = rawDates
    ? parseNonSchoolDates(
        rawDates.startsWith("@")
          ? ((await jsonOrFile(rawDates)) as unknown[])
          : rawDates.split(",").map((d) => d.trim()),
      )
    : undefined;
  return {
    escalation: {
      schoolDays: days ?? base.escalation.schoolDays,
      nonSchoolDates: dates ?? parseNonSchoolDates(base.escalation.nonSchoolDates),
    },
    ...(hours !== undefined ? { expireUndeliveredAfterMs: hours * 3_600_000 } : {}),
    ...(sweep !== undefined ? { sweepIntervalMs: sweep * 1000 } : {}),
  };
}

/** TRANSFER_CONFIG: inline JSON or `@/path/to/file.json` with any of { directory, trustedKeys, delivery, loopbackOnly,
 *  escalation, expireUndeliveredAfterMs, sweepIntervalMs }; the follow-up variables above override it. */
export async function transferConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<TransferConfig> {
  const raw = env.TRANSFER_CONFIG;
  const trustAnchor = await trustAnchorFromEnv(env);
  const text = raw ? (raw.startsWith("@") ? (await import("node:fs")).readFileSync(raw.slice(1), "utf8") : raw) : "{}";
  const parsed = JSON.parse(text) as Partial<TransferConfig>;
  const base = defaultTransferConfig();
  const merged: TransferConfig = {
    ...base,
    ...parsed,
    directory: parsed.directory ?? [],
    trustedKeys: parsed.trustedKeys ?? [],
    delivery: { ...base.delivery, ...(parsed.delivery ?? {}) },
    escalation: { ...base.escalation, ...(parsed.escalation ?? {}) },
    ...(trustAnchor ? { trustAnchor } : {}),
  };
  return { ...merged, ...(await followUpFromEnv(env, merged)) };
}
