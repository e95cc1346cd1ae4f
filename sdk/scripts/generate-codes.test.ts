// The generated codes schema is fresh (equals what the generator makes now), well-formed, and mirrors the lists.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createAjv } from "../src/validate/create-ajv.ts";
import { buildCodesSchema, codesSchemaText, CODES_SCHEMA_PATH } from "./generate-codes.ts";

const schemasDir = resolve(fileURLToPath(import.meta.url), "../../../schemas");
const lists = readdirSync(join(schemasDir, "vocab"))
  .filter((name) => name.endsWith(".json"))
  .map(
    (name) =>
      JSON.parse(readFileSync(join(schemasDir, "vocab", name), "utf8")) as {
        id: string;
        defName: string;
        generateEnum?: boolean;
        codes: { code: string }[];
      },
  );

describe("generate-codes", () => {
  it("the committed schemas/generated/codes.schema.json is fresh (run `npx tsx sdk/scripts/generate-codes.ts`)", () => {
    expect(readFileSync(join(schemasDir, CODES_SCHEMA_PATH), "utf8")).toBe(codesSchemaText(schemasDir));
  });

  it("has the manifest base URI, the generated-file comment and 2020-12", () => {
    const schema = buildCodesSchema(schemasDir);
    const manifest = JSON.parse(readFileSync(join(schemasDir, "manifest.json"), "utf8")) as { baseUri: string };
    expect(schema.$id).toBe(`${manifest.baseUri}generated/codes.schema.json`);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$comment).toContain("do not edit");
  });

  it.each(lists)("$id: enum is every code, in file order, unless generateEnum is false", (list) => {
    const def = buildCodesSchema(schemasDir).$defs[list.defName];
    if (list.generateEnum === false) {
      expect(def).toBeUndefined();
    } else {
      expect(def?.enum).toEqual(list.codes.map((entry) => entry.code));
      expect(def?.["x-send-codeList"]).toBe(list.id);
    }
  });

  it("compiles under the project's strict ajv and checks codes", () => {
    const ajv = createAjv();
    ajv.addSchema(buildCodesSchema(schemasDir));
    const validate = ajv.getSchema(
      "https://schemas.send-interchange.org.uk/1/generated/codes.schema.json#/$defs/CensusSenType",
    );
    expect(validate?.("DS")).toBe(true);
    expect(validate?.("BESD")).toBe(false);
  });
});
