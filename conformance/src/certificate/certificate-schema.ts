// Checks a certificate file against conformance/certificate.schema.json (which takes the profile, resource and
// feature lists from config.schema.json, so they are written once). Returns each problem as "pointer message".
import { readFileSync } from "node:fs";
import Ajv2020Module from "ajv/dist/2020.js";
import type Ajv2020Class from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { FormatsPlugin } from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { CONFIG_SCHEMA_PATH } from "../config.ts";

// ajv and ajv-formats are CommonJS; under NodeNext their default export arrives wrapped (as in config.ts).
type Ajv2020Ctor = typeof Ajv2020Class.default;
const Ajv2020: Ajv2020Ctor =
  (Ajv2020Module as unknown as { default?: Ajv2020Ctor }).default ?? (Ajv2020Module as unknown as Ajv2020Ctor);
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  (addFormatsModule as unknown as FormatsPlugin);

export const CERTIFICATE_SCHEMA_PATH = new URL("../../certificate.schema.json", import.meta.url);

let compiled: { file: ValidateFunction; facts: ValidateFunction } | undefined;

function validators() {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, "utf8")) as object);
    const schema = JSON.parse(readFileSync(CERTIFICATE_SCHEMA_PATH, "utf8")) as { $id: string };
    ajv.addSchema(schema);
    compiled = {
      file: ajv.getSchema(schema.$id)!,
      facts: ajv.getSchema(`${schema.$id}#/$defs/Certificate`)!,
    };
  }
  return compiled;
}

function problems(check: ValidateFunction, value: unknown): string[] {
  if (check(value)) return [];
  return (check.errors ?? []).map((e) => {
    const extra =
      e.keyword === "additionalProperties"
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : e.keyword === "const"
          ? ` (${JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue)})`
          : "";
    return `${e.instancePath || "/"} ${e.message ?? "is invalid"}${extra}`;
  });
}

/** Problems of a whole certificate file ({certificate, jws}); empty when it conforms to the schema. */
export const certificateFileProblems = (value: unknown): string[] => problems(validators().file, value);

/** Problems of the signed facts alone (the JWS payload), pointers relative to the payload. */
export const certificateFactsProblems = (value: unknown): string[] => problems(validators().facts, value);
