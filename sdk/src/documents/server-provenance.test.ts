import { describe, expect, it } from "vitest";
import { withServerProvenance } from "./server-provenance.ts";

const AT = new Date("2027-03-04T05:06:07.089Z");

describe("withServerProvenance", () => {
  it("sets updatedAt and changeReason, keeping the rest and leaving the caller's object alone", () => {
    const sent = { id: "x", provenance: { createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-02T00:00:00Z" } };
    const out = withServerProvenance(sent, AT, "Annual review") as typeof sent & {
      provenance: { changeReason: string };
    };
    expect(out.provenance).toEqual({
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2027-03-04T05:06:07.089Z",
      changeReason: "Annual review",
    });
    expect(sent.provenance.updatedAt).toBe("2026-01-02T00:00:00Z");
  });

  it.each([[null], [[]], ["text"], [{ id: "x" }], [{ provenance: "odd" }], [{ provenance: [] }]])(
    "returns %j as it is (no provenance object)",
    (body) => {
      expect(withServerProvenance(body, AT, "r")).toBe(body);
    },
  );
});
