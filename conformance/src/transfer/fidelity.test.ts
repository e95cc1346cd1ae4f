import { describe, expect, it } from "vitest";
import { compareDocument, fidelityReport, formatScore, leaves, shippedReceiverSideFields } from "./fidelity.ts";

const ignore = new Set(["importedAt", "importedFromBundleId"]);

describe("round-trip fidelity", () => {
  it("counts leaves, including empty containers, and skips receiver-side fields", () => {
    const l = leaves({ a: 1, b: [], c: { d: "x", importedAt: "t" }, e: [{ f: true }] }, ignore);
    expect([...l.keys()].sort()).toEqual(["/a", "/b", "/c/d", "/e/0/f"]);
  });

  it("scores an identical document 100% and lists nothing", () => {
    const doc = { id: "1", documentType: "isp", provenance: { importedFromBundleId: "b" }, x: [1, 2] };
    const returned = { ...doc, provenance: { importedFromBundleId: "other", importedAt: "now" } };
    const r = compareDocument(doc, returned, ignore, "f.json");
    expect(r.score).toBe(1);
    expect(r.differences).toEqual([]);
  });

  const cases = [
    {
      name: "a dropped field",
      sent: { id: "1", a: 1, b: 2, c: 3 },
      returned: { id: "1", a: 1, b: 2 },
      kind: "missing",
      matching: 3,
      total: 4,
    },
    {
      name: "a changed value",
      sent: { id: "1", a: 1, b: 2 },
      returned: { id: "1", a: 1, b: 5 },
      kind: "changed",
      matching: 2,
      total: 3,
    },
    {
      name: "an added field",
      sent: { id: "1", a: 1 },
      returned: { id: "1", a: 1, z: "new" },
      kind: "added",
      matching: 2,
      total: 3,
    },
  ] as const;
  for (const c of cases) {
    it(`lists ${c.name} and lowers the score`, () => {
      const r = compareDocument(c.sent, c.returned, ignore, "f.json");
      expect(r.differences.map((d) => d.kind)).toEqual([c.kind]);
      expect([r.matching, r.total]).toEqual([c.matching, c.total]);
    });
  }

  it("a document that never came back scores 0", () => {
    expect(compareDocument({ id: "1", a: 1 }, undefined, ignore, "f.json").score).toBe(0);
  });

  it("adds documents up into the overall score", () => {
    const r = fidelityReport(
      [
        compareDocument({ a: 1, b: 1 }, { a: 1, b: 1 }, ignore, "x"),
        compareDocument({ a: 1, b: 1 }, { a: 1 }, ignore, "y"),
      ],
      ignore,
    );
    expect(r.overall).toEqual({ matching: 3, total: 4, score: 0.75 });
    expect(formatScore(r.overall.score)).toBe("75.00%");
    expect(formatScore(0.99999)).toBe("99.99%");
  });

  it("reads the receiver-side fields from the shipped schemas", () => {
    expect(shippedReceiverSideFields()).toEqual(new Set(["importedAt", "importedFromBundleId"]));
  });
});
