// The two directory records the API stores that are not standard documents, checked with the standard's own
// definitions (common.schema.json) through the SDK's ajv setup, so identifiers get their check-digit formats:
// - child record: { id (uuid), child: Child, laCode (responsible LA), settingUrn? (setting attended), extensions? } — joins a child's plans up
//   (plans name the child by child.personId = record id) and carries tenancy;
// - settings-directory entry: a Setting, which here must carry its urn (the key) and laCode (tenancy).
import { readFileSync } from "node:fs";
import manifest from "../../../schemas/manifest.json" with { type: "json" };
import { createAjv } from "../../../sdk/src/validate/create-ajv.ts";
import { schemaIssues } from "../../../sdk/src/validate/schema-errors.ts";
import type { ProblemErrorItem } from "../http/problems.ts";

const schemaFile = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../schemas/${name}`, import.meta.url), "utf8")) as object;

const ajv = createAjv();
ajv.addSchema(schemaFile("generated/codes.schema.json"));
ajv.addSchema(schemaFile("common.schema.json"));

const COMMON = `${manifest.baseUri}common.schema.json`;

ajv.addSchema({
  $id: `${manifest.baseUri}api/child-record.schema.json`,
  type: "object",
  required: ["id", "child", "laCode"],
  properties: {
    id: { $ref: `${COMMON}#/$defs/Uuid` },
    child: { $ref: `${COMMON}#/$defs/Child` },
    settingUrn: { type: "string", format: "urn" },
    laCode: { type: "string", format: "la-code" },
    extensions: { $ref: `${COMMON}#/$defs/Extensions` },
  },
  additionalProperties: false,
});
ajv.addSchema({
  $id: `${manifest.baseUri}api/setting-entry.schema.json`,
  allOf: [
    { $ref: `${COMMON}#/$defs/Setting` },
    { type: "object", required: ["urn", "laCode"], properties: { urn: {}, laCode: {} } },
  ],
});

const childRecord = ajv.getSchema(`${manifest.baseUri}api/child-record.schema.json`)!;
const settingEntry = ajv.getSchema(`${manifest.baseUri}api/setting-entry.schema.json`)!;

function errorsOf(check: typeof childRecord, body: unknown): ProblemErrorItem[] {
  if (check(body)) return [];
  const issues = schemaIssues(check.errors);
  const items = issues.map((i) => ({ pointer: i.pointer, ruleId: i.ruleId, message: i.message }));
  return items.length > 0 ? items : [{ pointer: "", ruleId: "schema", message: "The record is not valid." }];
}

export const childRecordErrors = (body: unknown): ProblemErrorItem[] => errorsOf(childRecord, body);
export const settingErrors = (body: unknown): ProblemErrorItem[] => errorsOf(settingEntry, body);
