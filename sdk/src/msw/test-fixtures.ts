// Test data for the client and mock tests: valid ISPs made from a worked example with fresh ids, filed at one of two
// settings (two tenants), and the bearer tokens the mock accepts for them. Test-only (reads a file with node:fs).
import { readFileSync } from "node:fs";
import type { IndividualSupportPlan } from "../../generated/types.ts";
import type { MockPrincipal } from "./roles.ts";

export const SETTING_A = {
  urn: "152984",
  laCode: "873",
  laestab: "8733012",
  name: "Fenbrook Primary School and Nursery",
};
export const SETTING_B = { urn: "121350", laCode: "926", laestab: "9262417", name: "Marsh Lane Primary School" };

const example = JSON.parse(
  readFileSync(new URL("../../../examples/worked/isp-nursery-targeted-slc.json", import.meta.url), "utf8"),
) as IndividualSupportPlan;

/** A valid ISP with a fresh id, filed at `setting`, naming no child record. */
export function freshIsp(
  setting: typeof SETTING_A = SETTING_A,
  id: string = crypto.randomUUID(),
): IndividualSupportPlan {
  const isp = structuredClone(example);
  isp.id = id;
  // No child.personId: a document that names a child must name a registered one on the reference server
  // (SI-API-058), and the mock has no child directory.
  delete isp.child.personId;
  isp.owner = {
    ...isp.owner,
    name: setting.name,
    urn: setting.urn,
    laCode: setting.laCode,
    laestab: setting.laestab,
  };
  return isp;
}

export const MOCK_TOKENS: Record<string, MockPrincipal> = {
  "staff-a": { role: "setting-staff", sub: "senco-a", settingUrn: SETTING_A.urn },
  "staff-b": { role: "setting-staff", sub: "senco-b", settingUrn: SETTING_B.urn },
  governor: { role: "governor", sub: "governor-a", settingUrn: SETTING_A.urn },
};
