import { describe, expect, it } from "vitest";
import { updateInstant, withServerProvenance } from "./server-provenance.ts";

const NOW = new Date("2031-03-04T05:06:07.089Z");

describe("withServerProvenance", () => {
  it("sets updatedAt to the time of the write and changeReason, keeping the rest and the caller's object", () => {
    const sent = { id: "x", provenance: { createdAt: "2030-01-01T00:00:00Z", updatedAt: "2001-01-02T00:00:00Z" } };
    const stored = { provenance: { createdAt: "2030-01-01T00:00:00Z", updatedAt: "2030-06-01T00:00:00Z" } };
    expect((withServerProvenance(sent, NOW, "Annual review", stored) as typeof sent).provenance).toEqual({
      createdAt: "2030-01-01T00:00:00Z",
      updatedAt: "2031-03-04T05:06:07.089Z",
      changeReason: "Annual review",
    });
    expect(sent.provenance.updatedAt).toBe("2001-01-02T00:00:00Z");
  });

  it.each([[null], [[]], ["text"], [{ id: "x" }], [{ provenance: "odd" }], [{ provenance: [] }]])(
    "returns %j as it is (no provenance object)",
    (body) => {
      expect(withServerProvenance(body, NOW, "r")).toBe(body);
    },
  );
});

describe("updateInstant: never before the record's own dates", () => {
  it("is the stored version's updatedAt when that is later than the clock", () => {
    const stored = { provenance: { createdAt: "2031-01-01T00:00:00Z", updatedAt: "2032-02-02T00:00:00Z" } };
    expect(updateInstant(NOW, { provenance: {} }, stored)).toBe("2032-02-02T00:00:00.000Z");
  });
  it("is the body's createdAt when that is later than the clock", () => {
    expect(updateInstant(NOW, { provenance: { createdAt: "2033-01-01T00:00:00Z" } }, undefined)).toBe(
      "2033-01-01T00:00:00.000Z",
    );
  });
  it("ignores what the body claims as updatedAt, and dates that are not dates", () => {
    const body = { provenance: { createdAt: "soon", updatedAt: "2040-01-01T00:00:00Z" } };
    expect(updateInstant(NOW, body, { provenance: { updatedAt: 7 } })).toBe(NOW.toISOString());
  });
});
