// The document resources the api-core and security profiles exercise: where each lives and which role writes it.
import type { ResourceKind } from "../config.ts";
import type { RoleNeed } from "../model.ts";

export interface ResourceSpec {
  kind: ResourceKind;
  path: string;
  /** The role that creates, reads and updates it in tenant 0. */
  writer: RoleNeed;
  /** Whether records belong to a child (SPPs are national catalogue entries). */
  personal: boolean;
}

export const RESOURCE_SPECS: readonly ResourceSpec[] = [
  { kind: "isp", path: "/isps", writer: { tenant: 0, role: "setting-staff" }, personal: true },
  { kind: "development-profile", path: "/development-profiles", writer: { tenant: 0, role: "setting-staff" }, personal: true },
  { kind: "ehcp", path: "/ehcps", writer: { tenant: 0, role: "la-officer" }, personal: true },
  { kind: "legacy-ehcp", path: "/legacy-ehcps", writer: { tenant: 0, role: "la-officer" }, personal: true },
  { kind: "spp", path: "/spps", writer: { tenant: 0, role: "dfe-publisher" }, personal: false },
];

export function resourceSpec(kind: ResourceKind): ResourceSpec {
  const r = RESOURCE_SPECS.find((x) => x.kind === kind);
  if (!r) throw new Error(`unknown resource ${kind}`);
  return r;
}
