// Checks of path, query and header parameters, derived from their one definition (spec/api-parameters.ts), so a
// malformed id, version, cursor or filter is a 400 invalid-parameter before it reaches the database. Ids that are
// UUIDs are normalised to lower case: the same UUID written in another case names the same record.
import type { SchemaObject } from "openapi3-ts/oas31";
import { PARAMETERS } from "../../../spec/api-parameters.ts";
import codes from "../../../schemas/generated/codes.schema.json" with { type: "json" };
import type { ParamName } from "../../../spec/routes.ts";

/** Where a parameter travels, as in its problem pointer (`/path/id`, `/query/cursor`, `/header/Change-Reason`). */
export type ParameterLocation = "path" | "query" | "header";

export type ParameterCheck = (raw: string) => { value: string } | { refused: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** C0 controls, DEL and C1 controls: never part of an id, filter or cursor (NUL is refused by PostgreSQL itself). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** A UTF-16 surrogate without its partner: not text, and PostgreSQL refuses its UTF-8 form. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Any value longer than this is refused whatever its schema (query values are already capped at 256). */
const MAX_LENGTH = 4500;

export function hasControlCharacter(s: string): boolean {
  return CONTROL.test(s);
}

export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/** A parameter schema that names a code list (`#/components/schemas/LayerOfSupport`) takes its codes from it. */
function enumOf(schema: SchemaObject & { $ref?: string }): readonly string[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum as string[];
  const defName = schema.$ref?.match(/^#\/components\/schemas\/(\w+)$/)?.[1];
  return defName ? (codes as { $defs: Record<string, { enum?: string[] }> }).$defs[defName]?.enum : undefined;
}

/** The check for one parameter schema: its type, format, pattern, code list, length and range. */
export function checkFor(name: string, schema: SchemaObject): ParameterCheck {
  const codeList = enumOf(schema);
  const pattern = typeof schema.pattern === "string" ? new RegExp(schema.pattern, "u") : undefined;
  return (raw) => {
    if (raw.length > MAX_LENGTH) return { refused: `${name} is too long.` };
    if (hasControlCharacter(raw) || hasLoneSurrogate(raw))
      return { refused: `${name} contains a control character or is not valid text.` };
    if (schema.type === "integer") {
      const n = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
      const min = schema.minimum ?? Number.NEGATIVE_INFINITY;
      const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
      if (!Number.isSafeInteger(n) || n < min || n > max) {
        return {
          refused: `${name} must be a whole number${schema.minimum !== undefined ? ` from ${schema.minimum}` : ""}${schema.maximum !== undefined ? ` to ${schema.maximum}` : ""}.`,
        };
      }
      return { value: String(n) };
    }
    if (schema.format === "uuid")
      return UUID.test(raw) ? { value: raw.toLowerCase() } : { refused: `${name} must be a UUID.` };
    if (schema.format === "date" && !DATE.test(raw)) return { refused: `${name} must be a date (YYYY-MM-DD).` };
    if (schema.format === "date-time" && (!(DATE.test(raw) || INSTANT.test(raw)) || Number.isNaN(Date.parse(raw)))) {
      return { refused: `${name} must be a date or date-time (RFC 3339).` };
    }
    if (pattern && !pattern.test(raw)) return { refused: `${name} is not in the expected form.` };
    if (codeList && !codeList.includes(raw)) return { refused: `${name} must be one of: ${codeList.join(", ")}.` };
    if (schema.minLength !== undefined && raw.length < schema.minLength)
      return { refused: `${name} must not be empty.` };
    if (schema.maxLength !== undefined && raw.length > schema.maxLength)
      return { refused: `${name} is at most ${schema.maxLength} characters.` };
    return { value: raw };
  };
}

export interface ParameterRule {
  /** The parameter's own name (`childId` for both the path and the query filter). */
  name: string;
  in: ParameterLocation;
  check: ParameterCheck;
}

/** One rule per parameter of the spec, built once. */
export const PARAMETER_RULES: Readonly<Record<ParamName, ParameterRule>> = Object.fromEntries(
  (Object.entries(PARAMETERS) as [ParamName, (typeof PARAMETERS)[ParamName]][]).map(([key, p]) => [
    key,
    { name: p.name, in: p.in as ParameterLocation, check: checkFor(p.name, (p.schema ?? {}) as SchemaObject) },
  ]),
) as Record<ParamName, ParameterRule>;
