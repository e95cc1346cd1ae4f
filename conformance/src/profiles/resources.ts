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
  /** Short name used in titles. */
  noun: string;
}

export const RESOURCE_SPECS: readonly ResourceSpec[] = [
  { kind: "isp", path: "/isps", writer: { tenant: 0, role: "setting-staff" }, personal: true, noun: "ISP" },
  {
    kind: "development-profile",
    path: "/development-profiles",
    writer: { tenant: 0, role: "setting-staff" },
    personal: true,
    noun: "profile",
  },
  { kind: "ehcp", path: "/ehcps", writer: { tenant: 0, role: "la-officer" }, personal: true, noun: "EHCP" },
  {
    kind: "legacy-ehcp",
    path: "/legacy-ehcps",
    writer: { tenant: 0, role: "la-officer" },
    personal: true,
    noun: "legacy EHCP",
  },
  { kind: "spp", path: "/spps", writer: { tenant: 0, role: "dfe-publisher" }, personal: false, noun: "SPP" },
];

export function resourceSpec(kind: ResourceKind): ResourceSpec {
  const r = RESOURCE_SPECS.find((x) => x.kind === kind);
  if (!r) throw new Error(`unknown resource ${kind}`);
  return r;
}
