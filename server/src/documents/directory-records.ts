// The two directory records the API stores that are not standard documents, checked against their schemas in schemas/
// (child-record.schema.json, setting-record.schema.json: the same schemas the OpenAPI names for these bodies) through
// the SDK's ajv setup, so identifiers get their check-digit formats:
// - child record: the child plus where their records are filed (settingUrn and/or laCode); plans name the child by
//   child.personId = record id;
// - settings-directory entry: a Setting, which here must carry its urn (the key) and laCode (tenancy).
import { readFileSync } from "node:fs";
import type { ErrorObject } from "ajv";
import manifest from "../../../schemas/manifest.json" with { type: "json" };
import { createAjv } from "../../../sdk/src/validate/create-ajv.ts";
import { schemaIssues } from "../../../sdk/src/validate/schema-errors.ts";
import type { ProblemErrorItem } from "../http/problems.ts";

type JsonObject = Record<string, unknown>;

const schemaFile = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../schemas/${name}`, import.meta.url), "utf8")) as JsonObject;

const ajv = createAjv();
ajv.addSchema(schemaFile("generated/codes.schema.json"));
ajv.addSchema(schemaFile("common.schema.json"));

function recordCheck(defName: string) {
  const entry = manifest.recordTypes.find((r) => r.defName === defName);
  if (!entry) throw new Error(`schemas/manifest.json has no record type ${defName}`);
  const schema = schemaFile(entry.schema);
  ajv.addSchema(schema);
  return { check: ajv.getSchema(String(schema.$id))!, schema };
}

const childRecord = recordCheck("ChildRecord");
const settingEntry = recordCheck("SettingEntry");

/** The subschema an error's schemaPath ("#/not") names, when it is in the record's own schema. */
function subschemaAt(schema: JsonObject, schemaPath: string): JsonObject | undefined {
  if (!schemaPath.startsWith("#/")) return undefined;
  let node: unknown = schema;
  for (const token of schemaPath.slice(2).split("/")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as JsonObject)[token.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node !== null && typeof node === "object" ? (node as JsonObject) : undefined;
}

function errorsOf(record: typeof childRecord, body: unknown): ProblemErrorItem[] {
  if (record.check(body)) return [];
  // A failed `not` says only "must NOT be valid"; the schema's own description of the rule says what is wrong.
  const errors = (record.check.errors ?? []).map((e: ErrorObject) => {
    const description = e.keyword === "not" ? subschemaAt(record.schema, e.schemaPath)?.description : undefined;
    return typeof description === "string" ? { ...e, message: description } : e;
  });
  const items = schemaIssues(errors).map((i) => ({ pointer: i.pointer, ruleId: i.ruleId, message: i.message }));
  return items.length > 0 ? items : [{ pointer: "", ruleId: "schema", message: "The record is not valid." }];
}

export const childRecordErrors = (body: unknown): ProblemErrorItem[] => errorsOf(childRecord, body);
export const settingErrors = (body: unknown): ProblemErrorItem[] => errorsOf(settingEntry, body);
