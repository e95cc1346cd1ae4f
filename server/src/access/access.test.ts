// Tenancy, projection and the governor's sample: pure functions, checked case by case.
import { describe, expect, it } from "vitest";
import type { Principal } from "../auth/principal.ts";
import { canSee, visibleTo } from "./tenancy.ts";
import { projectBySharing } from "./projection.ts";
import { academicYear, redactForGovernor, sampleIds } from "./governor-sample.ts";

const staff: Principal = { subject: "s", role: "setting-staff", settingUrn: "100001", childIds: [] };
const parent: Principal = { subject: "p", role: "parent-carer", childIds: ["c1"] };
const la: Principal = { subject: "l", role: "la-officer", laCode: "873", childIds: [] };
const governor: Principal = { subject: "g", role: "governor", settingUrn: "100001", childIds: [] };
const auditor: Principal = { subject: "a", role: "auditor", childIds: [] };
const integration: Principal = { subject: "i", role: "system-integration", laCode: "873", childIds: [] };

describe("canSee", () => {
  const mine = { tenant: { settingUrn: "100001", laCode: "873" }, childId: "c1" };
  const theirs = { tenant: { settingUrn: "200002", laCode: "926" }, childId: "c2" };
  it.each([
    ["setting staff, own setting", staff, mine, true],
    ["setting staff, other setting", staff, theirs, false],
    ["parent, own child", parent, mine, true],
    ["parent, other child", parent, theirs, false],
    ["LA officer, own LA", la, mine, true],
    ["LA officer, other LA", la, theirs, false],
    ["governor never reads whole records", governor, mine, false],
    ["auditor: all", auditor, theirs, true],
    ["integration acting for an LA", integration, mine, true],
    ["integration, other LA", integration, theirs, false],
  ] as const)("%s → %s", (_label, p, record, expected) => {
    expect(canSee(p, record)).toBe(expected);
  });
  it("search restriction follows the same rule", () => {
    expect(visibleTo(staff)).toEqual({ settingUrns: ["100001"] });
    expect(visibleTo(parent)).toEqual({ childIds: ["c1"] });
    expect(visibleTo(auditor)).toEqual({ all: true });
    expect(visibleTo(governor)).toEqual({ settingUrns: [], laCodes: [], childIds: [] });
  });
});

describe("projectBySharing", () => {
  const ehcp = {
    documentType: "ehcp",
    id: "e1",
    child: { legalName: { given: "A" } },
    guaranteedProvision: [{ id: "g1" }],
    healthProvision: [{ id: "h1" }, { id: "h2", sharing: ["social-care"] }],
    socialCareProvision: [{ id: "s1" }],
    sharing: [{ section: "/guaranteedProvision", labels: ["education", "health"] }],
  };
  it("keeps the frame, health-labelled sections (schema default or document label), and drops the rest", () => {
    const out = projectBySharing(ehcp, ["health"]) as Record<string, unknown>;
    expect(out.id).toBe("e1");
    expect(out.child).toEqual(ehcp.child);
    expect(out.guaranteedProvision).toEqual([{ id: "g1" }]); // labelled health in the document
    expect(out.healthProvision).toEqual([{ id: "h1" }]); // item-level label overrides the section's
    expect(out.socialCareProvision).toBeUndefined();
  });
});

describe("governor sample", () => {
  it("is deterministic and order-independent", () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    expect(sampleIds(ids, "seed", 3)).toEqual(sampleIds([...ids].reverse(), "seed", 3));
    expect(sampleIds(ids, "seed", 3)).toHaveLength(3);
    expect(sampleIds(ids, "seed", 10)).toHaveLength(6);
  });
  it.each([
    ["2026-09-01", "2026/27"],
    ["2027-08-31", "2026/27"],
    ["2030-01-15", "2029/30"],
  ])("academic year of %s is %s", (date, year) => {
    expect(academicYear(new Date(`${date}T12:00:00Z`))).toBe(year);
  });
  it("removes names, identifiers, dates of birth and contacts; pseudonymises the child id", () => {
    const doc = {
      id: "p1",
      child: {
        personId: "c1",
        legalName: { given: "X" },
        dateOfBirth: "2020-01-01",
        identifiers: { upn: "U" },
        contacts: [{}],
      },
      links: { childId: "c1" },
      barriers: [{ id: "b" }],
    };
    const out = redactForGovernor(doc, "seed", "c1");
    const text = JSON.stringify(out);
    for (const gone of ["legalName", "dateOfBirth", "identifiers", "contacts", '"c1"'])
      expect(text).not.toContain(gone);
    expect(out.barriers).toEqual([{ id: "b" }]);
    expect(out.child.personId).toMatch(/^pseudo-/);
  });
  it("masks the names the plan carries wherever they appear in free text", () => {
    const doc = {
      id: "p2",
      child: {
        legalName: { givenNames: ["Amira", "Joy"], familyName: "Okafor-Reid" },
        preferredName: "Mimi",
        contacts: [{ name: { fullName: "Grace Okafor-Reid" } }],
      },
      barriers: [
        {
          id: "b1",
          description: "Amira finds busy corridors hard; MIMI covers her ears. Grace says mornings are worst.",
        },
      ],
      reviews: [{ changesAgreed: ["Okafor-Reid family to share the sensory diary", "Amirah's group unchanged"] }],
      provenance: { createdBy: { displayName: "Hannah Lowther" } },
      classroomSummary: { needToKnow: "Hannah Lowther (SENCO) holds the plan; Joyful start routine." },
    };
    const out = redactForGovernor(doc, "seed", undefined);
    expect(out.barriers[0]!.description).toBe(
      "[name] finds busy corridors hard; [name] covers her ears. [name] says mornings are worst.",
    );
    expect(out.reviews[0]!.changesAgreed).toEqual([
      "[name] family to share the sensory diary",
      "Amirah's group unchanged",
    ]);
    expect(out.classroomSummary.needToKnow).toBe("[name] [name] (SENCO) holds the plan; Joyful start routine.");
    const text = JSON.stringify(out);
    for (const gone of ["Amira ", "Okafor", "Mimi", "Grace", "Lowther"]) expect(text).not.toContain(gone);
  });
});
