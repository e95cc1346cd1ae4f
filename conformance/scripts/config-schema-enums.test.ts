// The configuration schema's closed lists follow their sources: a role added to spec/roles.ts (or a feature, profile
// or resource added to the suite) reaches config.schema.json through `npm run generate`, and check:generated fails
// until it has.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROLES } from "../../spec/roles.ts";
import { FEATURES } from "../src/features.ts";
import { configSchemaWithEnums } from "./config-schema-enums.ts";

const text = readFileSync(new URL("../config.schema.json", import.meta.url), "utf8");
type Schema = {
  properties: { capabilities: { properties: Record<string, { items: { enum: string[] } }> } };
  $defs: { Tenant: { properties: { credentials: { propertyNames: { enum: string[] } } } } };
};
const credentialRoles = (s: Schema) => s.$defs.Tenant.properties.credentials.propertyNames.enum;

describe("config.schema.json enums", () => {
  it("are what the generator writes (the file is fresh)", () => {
    expect(configSchemaWithEnums(text)).toBe(text);
  });
  it("bring back a role or feature dropped from the schema", () => {
    const stale = JSON.parse(text) as Schema;
    credentialRoles(stale).splice(0, 1);
    stale.properties.capabilities.properties.features!.items.enum = ["audit"];
    const fresh = JSON.parse(configSchemaWithEnums(JSON.stringify(stale))) as Schema;
    expect(credentialRoles(fresh)).toEqual(ROLES.map((r) => r.id));
    expect(fresh.properties.capabilities.properties.features!.items.enum).toEqual([...FEATURES]);
  });
});
