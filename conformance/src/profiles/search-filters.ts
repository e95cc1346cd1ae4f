// Search filters as the standard defines them (spec/generated/openapi.json: the query parameters of each collection's
// list operation), and probes that show a filter is applied: a search scoped to one child's records with a value
// those records do not have must match none of them; with their own value, all of them.
import { readFileSync } from "node:fs";
import { getCodeList } from "send-interchange/vocab";
import type { TenantConfig } from "../config.ts";
import type { Json } from "../fixtures/templates.ts";
import { isObj } from "../fixtures/factory.ts";

export const OPENAPI_PATH = new URL("../../../spec/generated/openapi.json", import.meta.url);

type Parameter = { name: string; in: string; $ref?: string };

/** The query parameters the standard's list operation at `path` takes, paging excluded. */
export function searchFilters(path: string, openapiPath: URL = OPENAPI_PATH): string[] {
  const doc = JSON.parse(readFileSync(openapiPath, "utf8")) as {
    paths: Record<string, { get?: { parameters?: Parameter[] } }>;
    components: { parameters: Record<string, Parameter> };
  };
  const params = doc.paths[path]?.get?.parameters ?? [];
  return params
    .map((p) => (p.$ref ? doc.components.parameters[p.$ref.split("/").pop()!]! : p))
    .filter((p) => p.in === "query" && p.name !== "limit" && p.name !== "cursor")
    .map((p) => p.name);
}

export interface FilterProbe {
  /** A value none of the records has: the scoped search must match nothing. */
  miss: string;
  /** The records' own value, when they all share one: the scoped search must match them all. */
  match?: string;
}

const STATUS_LISTS: Record<string, string> = {
  isp: "isp-statuses",
  ehcp: "ehcp-statuses",
  "legacy-ehcp": "ehcp-statuses",
  spp: "spp-statuses",
};

function codes(listId: string | undefined): string[] {
  return listId ? (getCodeList(listId)?.codes.map((c) => c.code) ?? []) : [];
}

/** Values that test filter `name` on `docs` (one kind, one child, filed under `own`); undefined when none is known. */
export function probeFor(
  name: string,
  kind: string,
  docs: readonly Json[],
  own: TenantConfig,
  other: TenantConfig,
): FilterProbe | undefined {
  switch (name) {
    case "uln":
      return { miss: "9999999999" };
    case "nhsNumber":
      return { miss: "9434765919" }; // a valid NHS number (modulus 11) that no fixture carries
    case "settingUrn":
      // Only the miss: which setting a plan names differs by kind (a legacy EHCP's named placement, an ISP's owner).
      return own.setting.urn === other.setting.urn ? undefined : { miss: other.setting.urn };
    case "laCode":
      return own.setting.laCode === other.setting.laCode
        ? undefined
        : { miss: other.setting.laCode, match: own.setting.laCode };
    case "reviewDueBefore":
      return { miss: "1900-01-01" };
    case "status": {
      const statuses = new Set(docs.map((d) => d.status));
      const miss = codes(STATUS_LISTS[kind]).find((c) => !statuses.has(c));
      if (!miss) return undefined;
      const [only] = [...statuses];
      return statuses.size === 1 && typeof only === "string" ? { miss, match: only } : { miss };
    }
    case "layer": {
      const used = new Set(
        docs.flatMap((d) =>
          Array.isArray(d.layersOfSupport) ? d.layersOfSupport.filter(isObj).map((p) => p.layer) : [],
        ),
      );
      const miss = codes("layers-of-support").find((c) => !used.has(c));
      return miss ? { miss } : undefined;
    }
    default:
      return undefined;
  }
}
