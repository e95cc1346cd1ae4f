// Every counter-example case is well formed and validate() reports exactly its expected (ruleId, pointer) pairs
// among errors and findings of severity error or warning.
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { validate } from "../sdk/src/index.ts";
import { counterCaseFiles, readJson } from "./load-examples.ts";

interface Case {
  description: string;
  requirement: string;
  base: string;
  expected: Array<{ ruleId: string; pointer: string }>;
  document: unknown;
}

const cases = counterCaseFiles();
const checkCase = new Ajv2020({ strict: true, allErrors: true }).compile(
  readJson("counter/case.schema.json") as object,
);
const key = (i: { ruleId: string; pointer: string }): string => `${i.ruleId} ${i.pointer}`;

describe("counter-examples", () => {
  it("exist (at least 45)", () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
  });

  it.each(cases.map((c) => [c.file, c.json] as const))("%s matches case.schema.json", (_file, json) => {
    expect(checkCase(json) ? [] : checkCase.errors).toEqual([]);
  });

  it("have unique descriptions", () => {
    const descriptions = cases.map((c) => (c.json as Case).description);
    expect(descriptions.filter((d, i) => descriptions.indexOf(d) !== i)).toEqual([]);
  });

  it.each(cases.map((c) => [c.file, c.json as Case] as const))("%s reports exactly the expected issues", (_file, c) => {
    const result = validate(c.document);
    const reported = [...result.errors, ...result.findings]
      .filter((i) => i.severity !== "info")
      .map(key)
      .sort();
    expect(reported).toEqual(c.expected.map(key).sort());
    // Warnings alone leave a document valid; any error-severity issue makes it invalid.
    expect(result.valid).toBe(!reported.some((r) => isError(result, r)));
  });
});

/** True if the issue named `k` has severity error. */
function isError(result: ReturnType<typeof validate>, k: string): boolean {
  return [...result.errors, ...result.findings].some((i) => key(i) === k && i.severity === "error");
}
