// bundleRuleErrors runs families that share a pass (identifiers + code-validity: one document walk) once per pass;
// its findings must be those of every family run on its own, in registry order, errors only, pointers prefixed.
import { describe, expect, it } from "vitest";
import { rulesFor } from "../rules/index.ts";
import type { Finding } from "../rules/finding.ts";
import { bundleRuleErrors } from "./document-rules.ts";
import { packBundle } from "./pack.ts";
import { packInput, WORKED_ISP } from "./test-fixtures.ts";

/** Each family run on its own, as bundleRuleErrors did before shared passes. */
function oneByOne(bundle: { documents: readonly unknown[] }): Finding[] {
  const errors = (document: unknown, type: string, prefix: string, keep: (generic: boolean) => boolean): Finding[] =>
    rulesFor(type)
      .filter((family) => keep(family.appliesTo.includes("any")))
      .flatMap((family) => family.run(document))
      .filter((f) => f.severity === "error")
      .map((f) => ({ ...f, pointer: `${prefix}${f.pointer}` }));
  return [
    ...errors(bundle, "transfer-bundle", "", (generic) => !generic),
    ...errors({ ...bundle, documents: [] }, "transfer-bundle", "", (generic) => generic),
    ...bundle.documents.flatMap((document, index) =>
      errors(document, (document as { documentType: string }).documentType, `/documents/${index}`, () => true),
    ),
  ];
}

const bundle = await packBundle(packInput());
// An ISP dated before its codes were valid: code-validity errors, found through the shared walk.
const early = structuredClone(WORKED_ISP) as { provenance: Record<string, unknown> };
early.provenance["createdAt"] = "2020-03-01T09:00:00Z";
early.provenance["updatedAt"] = "2020-03-01T09:00:00Z";
const tampered = structuredClone(bundle);
tampered.contents[0]!.digest.value = "0".repeat(64);

describe("bundleRuleErrors", () => {
  it.each([
    { name: "a clean bundle", value: bundle },
    { name: "a document with codes not yet valid", value: { ...bundle, documents: [early, WORKED_ISP] } },
    { name: "a wrong digest", value: tampered },
  ])("gives each family's own errors for $name", ({ value }) => {
    const expected = oneByOne(value as unknown as { documents: unknown[] });
    expect(bundleRuleErrors(value as unknown as { documents: unknown[] })).toEqual(expected);
  });

  it("finds the code-validity errors of a document dated before its codes", () => {
    const found = bundleRuleErrors({ ...bundle, documents: [early] } as unknown as { documents: unknown[] });
    expect(found.some((f) => f.ruleId.startsWith("any.code-validity") && f.pointer.startsWith("/documents/0/"))).toBe(
      true,
    );
  });
});
