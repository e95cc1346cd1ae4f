// The envelope types are the spec's component schemas compiled, not a copy kept by hand: every API schema and every
// body the route table names has its type, and the shapes follow the schemas (records that extend a $def keep its
// members, pages are the one Page<T>, binary bodies are bytes, "any JSON value" is unknown).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { apiSchemas } from "../../../spec/api-schemas.ts";
import { ROUTES } from "../../../spec/routes.ts";
import type * as Api from "../../generated/api-types.ts";
import type { Setting } from "../../generated/types.ts";
import type { ChildRecord, ReportFinding, SettingEntry, TransferReasonItem } from "../../src/client/api-types.ts";
import { REPO_ROOT } from "./fixture-root.ts";

const generated = readFileSync(join(REPO_ROOT, "sdk/generated/api-types.ts"), "utf8");
const exported = new Set([...generated.matchAll(/^export (?:interface|type) (\w+)/gmu)].map((m) => m[1]));
const schemaTypesBlock = /export interface SchemaTypes \{([^}]*)\}/u.exec(generated)?.[1] ?? "";
const schemaTypeKeys = new Set([...schemaTypesBlock.matchAll(/^\s+(\w+):/gmu)].map((m) => m[1]));

describe("sdk/generated/api-types.ts", () => {
  it("exports a type for every component schema of spec/api-schemas.ts", () => {
    const names = Object.keys(apiSchemas(["IndividualSupportPlan"]));
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((n) => !exported.has(n))).toEqual([]);
  });

  it("maps every body the route table names in SchemaTypes", () => {
    const bodies = ROUTES.flatMap((r) => [
      ...(r.requestBody ? [r.requestBody.schema, ...(r.requestBody.alternatives ?? []).map((a) => a.schema)] : []),
      ...r.responses.flatMap((x) =>
        x.body ? [x.body.schema, ...(x.body.alternatives ?? []).map((a) => a.schema)] : [],
      ),
    ]);
    expect(bodies.filter((n) => !schemaTypeKeys.has(n))).toEqual([]);
  });

  it("refers to document and record bodies by their types.ts names instead of re-declaring them", () => {
    expect(generated).toMatch(/^import type \{[^}]*\bIndividualSupportPlan,[^}]*\} from "\.\/types\.ts";/mu);
    expect(exported.has("IndividualSupportPlan")).toBe(false);
    expect(exported.has("ChildRecord")).toBe(false);
  });

  it("follows the schemas' shapes", () => {
    expectTypeOf<SettingEntry>().toMatchTypeOf<Setting & { urn: string; laCode: string }>();
    expectTypeOf<Api.SettingPage>().toEqualTypeOf<Api.Page<SettingEntry>>();
    expectTypeOf<Api.ChildPage["items"][number]>().toEqualTypeOf<ChildRecord>();
    expectTypeOf<Api.PdfDocument>().toEqualTypeOf<Uint8Array>();
    expectTypeOf<Api.ValidationInput>().toEqualTypeOf<unknown>();
    expectTypeOf<ReportFinding["severity"]>().toEqualTypeOf<"error" | "warning" | "info">();
    expectTypeOf<TransferReasonItem>().toHaveProperty("code");
    // The settings-directory record extends the shared Setting $def ($ref beside properties): json2ts alone would
    // keep only urn and laCode.
    expect(readFileSync(join(REPO_ROOT, "sdk/generated/types.ts"), "utf8")).toMatch(
      /export type SettingEntry = \(Setting & \{/u,
    );
  });
});
