// Shared test inputs: the worked ISP and a ready pack input. Test-only helper (imported by *.test.ts).
import isp from "../../../examples/worked/isp-nursery-targeted-slc.json" with { type: "json" };
import type { PackInput } from "./pack.ts";

export const WORKED_ISP = isp as unknown as Record<string, unknown>;

export function packInput(overrides: Partial<PackInput> = {}): PackInput {
  return {
    documents: [WORKED_ISP],
    sender: {
      system: { name: "Larkspur SEND Records", version: "4.2.0" },
      setting: { name: "Fenbrook Primary School and Nursery", urn: "152984", settingType: "school-based-nursery" },
    },
    receiver: { setting: { name: "Oakfield Primary School", settingType: "mainstream-primary-school" } },
    reason: "phase-transition",
    sharing: {
      purpose: "Move to reception class",
      lawfulBasis: "UK GDPR 6(1)(e); Education (Pupil Information) (England) Regulations 2005",
    },
    createdAt: "2030-06-01T10:00:00Z",
    bundleId: "5f0c5d1e-7b7a-4d3e-9c43-2f1b8a6e0d11",
    ...overrides,
  };
}
