// The suite's own identity in transfers: the setting its loopback receiver stands for, and where that receiver
// listens. An implementation's settings directory lists this setting with the loopback inbox and JWKS URLs, so the
// implementation can send to the suite (transfer-sender) and trusts the suite's signing key (transfer-receiver).
import type { SuiteConfig } from "../config.ts";

export const DEFAULT_LOOPBACK_PORT = 47801;

/** A setting no real system hosts (URN 199301 is not a real establishment), in the second tenant's LA style. */
export const DEFAULT_SUITE_SETTING = {
  name: "SEND conformance suite receiver",
  urn: "199301",
  laestab: "9267301",
  laCode: "926",
  phases: ["primary"],
  settingType: "mainstream-primary-school",
} as const;

export interface SuiteTransferSettings {
  host: "127.0.0.1";
  port: number;
  setting: { name: string; urn: string; laestab: string; laCode: string; [k: string]: unknown };
  baseUrl: string;
  jwksUrl: string;
}

export function suiteTransferSettings(cfg: Pick<SuiteConfig, "transfers">): SuiteTransferSettings {
  const port = cfg.transfers?.loopbackPort ?? DEFAULT_LOOPBACK_PORT;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    host: "127.0.0.1",
    port,
    setting: { ...DEFAULT_SUITE_SETTING, ...(cfg.transfers?.suiteSetting ?? {}) },
    baseUrl,
    jwksUrl: `${baseUrl}/.well-known/jwks.json`,
  };
}

/**
 * What an implementation registers so it can send to and trust the suite: one settings-directory entry. For the
 * reference server this is exactly TRANSFER_CONFIG's `directory` (`send-conformance trust-registration`).
 */
export function trustRegistration(cfg: Pick<SuiteConfig, "transfers">): {
  directory: { urn: string; name: string; baseUrl: string; jwksUrl: string }[];
} {
  const s = suiteTransferSettings(cfg);
  return { directory: [{ urn: s.setting.urn, name: s.setting.name, baseUrl: s.baseUrl, jwksUrl: s.jwksUrl }] };
}
