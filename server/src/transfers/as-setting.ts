// A settings-directory entry reduced to the standard's Setting (the entry may carry extensions the Setting lacks), for
// bundles and receipts that name a setting.
import type { Setting } from "../../../sdk/generated/types.ts";

const SETTING_FIELDS = [
  "name",
  "urn",
  "ukprn",
  "laestab",
  "laCode",
  "phases",
  "settingType",
  "inclusionBases",
] as const;

export function asSetting(entry: Record<string, unknown>): Setting {
  const out: Record<string, unknown> = {};
  for (const f of SETTING_FIELDS) if (entry[f] !== undefined) out[f] = entry[f];
  return out as unknown as Setting;
}
