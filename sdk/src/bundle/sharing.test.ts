// Sharing-label redaction tables: input document + purpose → kept values and redaction records.
import { describe, expect, it } from "vitest";
import { applySharing } from "./sharing.ts";

const ID = "11111111-1111-4111-8111-111111111111";
const base = { documentType: "isp", id: ID };

interface Case {
  name: string;
  document: Record<string, unknown>;
  include?: string[];
  expectKept: Record<string, unknown>;
  expectRedactions: { pointer: string; label: string }[];
}

const cases: Case[] = [
  {
    name: "education data stays under the default purpose",
    document: { ...base, barriers: [{ id: "b1" }] },
    expectKept: { barriers: [{ id: "b1" }] },
    expectRedactions: [],
  },
  {
    name: "an item labelled safeguarding is dropped by default; its siblings stay",
    document: { ...base, voice: [{ id: "v1" }, { id: "v2", sharing: ["safeguarding"] }, { id: "v3" }] },
    expectKept: { voice: [{ id: "v1" }, { id: "v3" }] },
    expectRedactions: [{ pointer: "/voice/1", label: "safeguarding" }],
  },
  {
    name: "mixed labels go only if every label is included",
    document: { ...base, voice: [{ id: "v1", sharing: ["education", "safeguarding"] }] },
    expectKept: { voice: [] },
    expectRedactions: [{ pointer: "/voice/0", label: "safeguarding" }],
  },
  {
    name: "safeguarding included explicitly is kept",
    document: { ...base, voice: [{ id: "v1", sharing: ["safeguarding"] }] },
    include: ["education", "safeguarding"],
    expectKept: { voice: [{ id: "v1", sharing: ["safeguarding"] }] },
    expectRedactions: [],
  },
  {
    name: "a root section entry empties a whole array section",
    document: { ...base, actionLog: [{ id: "a1" }], sharing: [{ section: "/actionLog", labels: ["social-care"] }] },
    include: ["education"],
    expectKept: { actionLog: [], sharing: [{ section: "/actionLog", labels: ["social-care"] }] },
    expectRedactions: [{ pointer: "/actionLog", label: "social-care" }],
  },
  {
    name: "the longest section entry wins",
    document: {
      ...base,
      keyPeople: [{ id: "k1" }, { id: "k2" }],
      sharing: [
        { section: "/keyPeople", labels: ["health"] },
        { section: "/keyPeople/1", labels: ["education"] },
      ],
    },
    include: ["education"],
    expectKept: {
      keyPeople: [],
      sharing: [
        { section: "/keyPeople", labels: ["health"] },
        { section: "/keyPeople/1", labels: ["education"] },
      ],
    },
    expectRedactions: [{ pointer: "/keyPeople", label: "health" }],
  },
  {
    name: "an item-level label beats the section entry",
    document: {
      ...base,
      keyPeople: [{ id: "k1", sharing: ["education"] }],
      sharing: [{ section: "/keyPeople/0", labels: ["health"] }],
    },
    include: ["education"],
    expectKept: {
      keyPeople: [{ id: "k1", sharing: ["education"] }],
      sharing: [{ section: "/keyPeople/0", labels: ["health"] }],
    },
    expectRedactions: [],
  },
  {
    name: "schema default (x-send-sharing) applies: EHCP health provision withheld from an education-only purpose",
    document: { documentType: "ehcp", id: ID, healthProvision: [{ id: "h1" }], guaranteedProvision: [{ id: "g1" }] },
    include: ["education"],
    expectKept: { healthProvision: [], guaranteedProvision: [{ id: "g1" }] },
    expectRedactions: [{ pointer: "/healthProvision", label: "health" }],
  },
  {
    name: "a non-array object section is deleted",
    document: {
      ...base,
      transitionPlan: { summary: "x" },
      sharing: [{ section: "/transitionPlan", labels: ["safeguarding"] }],
    },
    expectKept: { sharing: [{ section: "/transitionPlan", labels: ["safeguarding"] }] },
    expectRedactions: [{ pointer: "/transitionPlan", label: "safeguarding" }],
  },
  {
    name: "pointer tokens are escaped (RFC 6901)",
    document: { ...base, extensions: { "uk.co.v": {} }, "a/b": { sharing: ["health"] } },
    include: ["education"],
    expectKept: { extensions: { "uk.co.v": {} } },
    expectRedactions: [{ pointer: "/a~1b", label: "health" }],
  },
];

describe("applySharing", () => {
  it.each(cases)("$name", ({ document, include, expectKept, expectRedactions }) => {
    const frozen = structuredClone(document);
    const result = applySharing(
      document,
      include === undefined ? { purpose: "Move to secondary" } : { purpose: "Move to secondary", include },
    );
    expect(result.document).toEqual({ ...base, documentType: document["documentType"], ...expectKept });
    expect(result.redactions.map((r) => ({ pointer: r.pointer, label: r.label }))).toEqual(expectRedactions);
    for (const r of result.redactions) {
      expect(r.documentId).toBe(ID);
      expect(r.reason).toContain("Move to secondary");
    }
    expect(document).toEqual(frozen); // pure: input untouched
  });
});

describe("applySharing copies", () => {
  it("keep an own __proto__ member as an own member (JSON.parse makes one; assigning it would set the copy's prototype)", () => {
    const document = JSON.parse(
      `{"documentType":"isp","id":"${ID}","extensions":{"uk.co.vendor":{"__proto__":{"x":1},"b":2}},"notes":{"__proto__":{"y":2}}}`,
    ) as Record<string, unknown>;
    const { document: copy } = applySharing(document, { purpose: "Move to secondary" });
    const vendor = (copy.extensions as Record<string, Record<string, unknown>>)["uk.co.vendor"]!;
    expect(Object.getPrototypeOf(vendor)).toBe(Object.prototype);
    expect(Object.keys(vendor)).toEqual(["__proto__", "b"]);
    expect(JSON.stringify(vendor)).toBe('{"__proto__":{"x":1},"b":2}');
    const notes = copy.notes as Record<string, unknown>;
    expect(Object.getPrototypeOf(notes)).toBe(Object.prototype);
    expect(JSON.stringify(notes)).toBe('{"__proto__":{"y":2}}');
  });

  it("list every object's members in sorted key order without changing a value", () => {
    const document = { documentType: "isp", id: ID, zeta: { b: 1, a: [{ d: 1, c: 2 }] }, alpha: "x" };
    const { document: copy } = applySharing(document, { purpose: "Move to secondary" });
    expect(JSON.stringify(copy)).toBe(
      `{"alpha":"x","documentType":"isp","id":"${ID}","zeta":{"a":[{"c":2,"d":1}],"b":1}}`,
    );
    expect(copy).toEqual(document);
  });
});
