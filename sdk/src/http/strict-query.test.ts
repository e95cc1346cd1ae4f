import { describe, expect, it } from "vitest";
import { readStrictQuery } from "./strict-query.ts";

class Refused extends Error {
  constructor(
    readonly pointer: string,
    detail: string,
  ) {
    super(detail);
  }
}
const refuse = (pointer: string, detail: string) => new Refused(pointer, detail);
const read = (query: string, allowed: readonly string[]) =>
  readStrictQuery(new URLSearchParams(query), allowed, refuse);

describe("readStrictQuery", () => {
  it("returns the allowed parameters by name", () => {
    expect(read("status=active&limit=5", ["status", "limit"])).toEqual({ status: "active", limit: "5" });
  });

  it.each([
    ["stauts=active", ["status"], "/query/stauts", /Unknown query parameter "stauts"\. Allowed: status\./],
    ["x=1", [], "/query/x", /Allowed: none\./],
    ["status=a&status=b", ["status"], "/query/status", /given more than once/],
    ["status=", ["status"], "/query/status", /1 to 256 characters/],
    [`status=${"a".repeat(257)}`, ["status"], "/query/status", /1 to 256 characters/],
  ] as const)("refuses %s with the caller's error at the parameter", (query, allowed, pointer, detail) => {
    let thrown: unknown;
    try {
      read(query, allowed);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Refused);
    expect((thrown as Refused).pointer).toBe(pointer);
    expect((thrown as Refused).message).toMatch(detail);
  });
});
