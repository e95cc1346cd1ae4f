// Loads and checks the suite configuration (conformance/config.schema.json). Configuration problems are reported all
// at once, before any test runs, and end the run with exit code 5.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import type Ajv2020Class from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { FormatsPlugin } from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { SUPPORTED_SCHEMA_VERSIONS } from "send-interchange";
import type { RoleId } from "send-interchange/roles";
import type { ProfileId } from "./model.ts";

// ajv and ajv-formats are CommonJS; under NodeNext their default export arrives wrapped (as in sdk/src/validate/create-ajv.ts).
type Ajv2020Ctor = typeof Ajv2020Class.default;
const Ajv2020: Ajv2020Ctor =
  (Ajv2020Module as unknown as { default?: Ajv2020Ctor }).default ?? (Ajv2020Module as unknown as Ajv2020Ctor);
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  (addFormatsModule as unknown as FormatsPlugin);

export type ResourceKind = "isp" | "ehcp" | "legacy-ehcp" | "development-profile" | "spp";
import type { Feature } from "./features.ts";
export type { Feature };

export interface SettingInfo {
  urn: string;
  laCode: string;
  laestab: string;
  name: string;
  [k: string]: unknown;
}

export interface TenantConfig {
  name: string;
  setting: SettingInfo;
  localAuthorityName?: string;
  parentChildIds?: string[];
  /** The young-person token's own child record id. */
  youngPersonChildId?: string;
  credentials: Partial<Record<RoleId, { token: string; subject?: string }>>;
}

export interface SuiteConfig {
  baseUrl: string;
  /** The schemaVersion of the documents the suite writes; default the SDK's current one (see FixtureFactory). */
  schemaVersion?: string;
  implementation?: { name?: string; version?: string };
  tenants: [TenantConfig, TenantConfig];
  capabilities: { profiles: ProfileId[]; resources: ResourceKind[]; features?: Feature[] };
  /** For the `rate-limit` feature: requests one caller may send before 429, and optionally a dedicated credential. */
  rateLimit?: { requests: number; token?: string };
  documents?: { paths?: string[] };
  http?: { timeoutMs?: number; concurrency?: number };
  /** The suite's loopback receiver for the transfer profiles (see suite-receiver-setting.ts). */
  transfers?: {
    loopbackPort?: number;
    suiteSetting?: Partial<SettingInfo>;
    signingKey?: Record<string, unknown>;
    /** A private key of the trust anchor the implementation believes (feature `trust-anchor`). */
    trustAnchor?: Record<string, unknown> & { kid: string; d: string };
  };
  /** Folder of the config file: documents.paths are relative to it. */
  baseDir: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`configuration is not usable:\n  - ${problems.join("\n  - ")}`);
  }
}

export const CONFIG_SCHEMA_PATH = new URL("../config.schema.json", import.meta.url);

let compiled: ValidateFunction | undefined;
function schemaCheck() {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, "utf8")) as object);
  }
  return compiled;
}

/** Checks a parsed configuration; throws ConfigError listing every problem. */
export function parseConfig(
  raw: unknown,
  baseDir: string,
  baseUrlOverride?: string,
  schemaVersionOverride?: string,
): SuiteConfig {
  const check = schemaCheck();
  if (!check(raw)) {
    throw new ConfigError((check.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`));
  }
  const cfg = { ...(raw as Omit<SuiteConfig, "baseDir">), baseDir } as SuiteConfig;
  if (baseUrlOverride) {
    if (!/^https?:\/\//.test(baseUrlOverride))
      throw new ConfigError([`--base-url ${baseUrlOverride} is not an http(s) URL`]);
    cfg.baseUrl = baseUrlOverride;
  }
  if (cfg.capabilities.features?.includes("trust-anchor") && !cfg.transfers?.trustAnchor)
    throw new ConfigError([
      "the feature trust-anchor needs transfers.trustAnchor (a private key of the anchor your implementation believes)",
    ]);
  if (schemaVersionOverride !== undefined) cfg.schemaVersion = schemaVersionOverride;
  if (cfg.schemaVersion !== undefined && !SUPPORTED_SCHEMA_VERSIONS.includes(cfg.schemaVersion))
    throw new ConfigError([
      `schemaVersion ${cfg.schemaVersion} is not one this suite knows (${SUPPORTED_SCHEMA_VERSIONS.join(", ")})`,
    ]);
  const [a, b] = cfg.tenants;
  if (a.setting.urn === b.setting.urn) throw new ConfigError(["the two tenants must be different settings (same urn)"]);
  return cfg;
}

export function loadConfig(file: string, baseUrlOverride?: string, schemaVersionOverride?: string): SuiteConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ConfigError([`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`]);
  }
  return parseConfig(raw, dirname(resolve(file)), baseUrlOverride, schemaVersionOverride);
}

/** The token for a role in a tenant, or undefined. */
export function tokenFor(cfg: SuiteConfig, tenant: 0 | 1, role: RoleId): string | undefined {
  return cfg.tenants[tenant].credentials[role]?.token;
}

/** The subject (actor id) of a credential: declared, else the JWT `sub` read without verification, else undefined. */
export function subjectFor(cfg: SuiteConfig, tenant: 0 | 1, role: RoleId): string | undefined {
  const cred = cfg.tenants[tenant].credentials[role];
  if (!cred) return undefined;
  if (cred.subject) return cred.subject;
  const payload = cred.token.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { sub?: unknown };
    return typeof claims.sub === "string" ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}
