// The mock's copies of spec data (roles, scopes, tenancy, problem titles) agree with spec/roles.ts and spec/problems.ts.
import { describe, expect, it } from "vitest";
import { ROLES } from "../../../spec/roles.ts";
import { PROBLEM_TYPES } from "../../../spec/problems.ts";
import { MOCK_ROLES } from "./roles.ts";
import { PROBLEM_STATUS_TITLE } from "./problems.ts";

describe("mock roles", () => {
  it.each(ROLES.map((r) => [r.id, r] as const))("%s has the spec's tenancy and scopes", (id, spec) => {
    const mock = MOCK_ROLES[id as keyof typeof MOCK_ROLES];
    expect(mock.tenancy).toBe(spec.tenancy);
    expect([...mock.scopes].sort()).toEqual([...spec.scopes].sort());
  });
  it("knows no role the spec does not", () => {
    expect(Object.keys(MOCK_ROLES).sort()).toEqual(ROLES.map((r) => r.id).sort());
  });
});

describe("mock problems", () => {
  it.each(PROBLEM_TYPES.map((p) => [p.kind, p] as const))("%s has the spec's status and title", (kind, spec) => {
    expect(PROBLEM_STATUS_TITLE[kind]).toEqual({ status: spec.status, title: spec.title });
  });
});
