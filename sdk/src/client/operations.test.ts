// The client's operation table and problem kinds against the spec (spec/routes.ts, spec/problems.ts): same
// operationIds, methods, paths, query parameters and body schemas, both ways.
import { describe, expect, it } from "vitest";
import { ROUTES } from "../../../spec/routes.ts";
import { PARAMETERS } from "../../../spec/api-parameters.ts";
import { PROBLEM_TYPES, PROBLEM_BASE as SPEC_PROBLEM_BASE } from "../../../spec/problems.ts";
import { OPERATIONS, type OperationSpec } from "./operations.ts";
import { PROBLEM_BASE, PROBLEM_KINDS } from "./problem-kinds.ts";

const ops = OPERATIONS as Record<string, OperationSpec>;

describe("operation table", () => {
  it("has exactly the spec's operationIds", () => {
    expect(Object.keys(ops).sort()).toEqual(ROUTES.map((r) => r.operationId).sort());
  });

  it.each(ROUTES.map((r) => [r.operationId, r] as const))("%s matches the route", (id, route) => {
    const op = ops[id]!;
    expect(op.method).toBe(route.method);
    expect(op.path).toBe(route.path);
    const query = route.parameters
      .map((p) => PARAMETERS[p])
      .filter((p) => p.in === "query")
      .map((p) => p.name);
    expect([...(op.query ?? [])].sort()).toEqual(query.sort());
    const headers = route.parameters
      .map((p) => PARAMETERS[p])
      .filter((p) => p.in === "header")
      .map((p) => p.name);
    expect([...(op.headers ?? [])].sort()).toEqual(headers.sort());
    expect(op.request).toBe(route.requestBody?.schema);
    const success = route.responses.find((r) => r.status >= 200 && r.status < 300);
    expect(op.response).toBe(success?.body?.schema);
  });
});

describe("problem kinds", () => {
  it("are the spec's, under the same base URI", () => {
    expect([...PROBLEM_KINDS].sort()).toEqual(PROBLEM_TYPES.map((p) => p.kind).sort());
    expect(PROBLEM_BASE).toBe(SPEC_PROBLEM_BASE);
  });
});
