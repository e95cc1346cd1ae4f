// The status codes a search may filter by, per stored kind, read from the document schemas (their `status` property's
// code list in schemas/generated/codes.schema.json): a typo such as `?status=activ` is a 400 naming the codes, not an
// empty list that looks like "no plans".
import codes from "../../../schemas/generated/codes.schema.json" with { type: "json" };
import isp from "../../../schemas/isp.schema.json" with { type: "json" };
import ehcp from "../../../schemas/ehcp.schema.json" with { type: "json" };
import legacyEhcp from "../../../schemas/legacy-ehcp.schema.json" with { type: "json" };
import developmentProfile from "../../../schemas/development-profile.schema.json" with { type: "json" };
import spp from "../../../schemas/spp.schema.json" with { type: "json" };

type Schema = { properties?: Record<string, { $ref?: string; enum?: string[] } | undefined> };
const CODE_LISTS = (codes as { $defs: Record<string, { enum?: string[] }> }).$defs;

/** The codes of a schema's `status` property: its enum, or the code list its `$ref` names; [] when it has none. */
export function statusCodesOf(schema: Schema): readonly string[] {
  const status = schema.properties?.status;
  if (!status) return [];
  if (status.enum) return status.enum;
  const defName = status.$ref?.match(/^generated\/codes\.schema\.json#\/\$defs\/(\w+)$/)?.[1];
  return (defName && CODE_LISTS[defName]?.enum) || [];
}

/** Stored document kinds → the statuses their records can have. */
export const STATUS_CODES: Readonly<Record<string, readonly string[]>> = {
  isp: statusCodesOf(isp as Schema),
  ehcp: statusCodesOf(ehcp as Schema),
  "legacy-ehcp": statusCodesOf(legacyEhcp as Schema),
  "development-profile": statusCodesOf(developmentProfile as Schema),
  spp: statusCodesOf(spp as Schema),
};
