// The stored resource kinds as configuration: what body each accepts, how its id, search facts and tenancy are found
// (the query filters each offers are the filter table's, spec/search-filters.ts). The handlers in resource-handlers.ts are the same for all of them.
import type { AppDeps } from "../deps.ts";
import type { ProblemErrorItem } from "../http/problems.ts";
import { documentErrors } from "../documents/check-document.ts";
import { childRecordErrors, settingErrors } from "../documents/directory-records.ts";
import { extractSearchFacts } from "../documents/search-facts.ts";
import type { ResourceKind, SearchFacts, Store, TenantScope } from "../storage/store.ts";
import { referencedChildId } from "../../../sdk/src/documents/record-id.ts";
import { voiceAuthorshipErrors } from "../../../sdk/src/documents/voice-authorship.ts";

export interface ResourceConfig {
  kind: ResourceKind;
  basePath: string;
  /** Personal data: tenancy filters apply and every read is audited. SPPs and settings are public directory data. */
  personal: boolean;
  /** POST gives the record a fresh server-assigned id, whatever id the body carries (personal kinds: a create must
   *  answer alike whether or not a record, perhaps another tenant's, has that id). Otherwise the body's key is the
   *  id, and a key in use is 409 (public directory data, whose keys are public anyway). */
  assignsIds: boolean;
  /** The child record a body refers to (a document's child.personId), lower case; the caller must be able to see it. */
  childReferenceOf?(body: unknown): string | undefined;
  /** Errors for a voice statement the caller's role may not add (at `pointer` in the document); documents only. */
  voiceErrors?(callerRole: string, statement: unknown, pointer: string): ProblemErrorItem[];
  bodyErrors(deps: AppDeps, body: unknown): ProblemErrorItem[];
  idOf(body: unknown): string | undefined;
  factsOf(body: unknown, id: string): SearchFacts;
  /** Where the record is filed (owning setting, responsible LA), falling back to the child's directory record. */
  tenantOf(store: Store, facts: SearchFacts): Promise<TenantScope>;
}

const stringField = (body: unknown, key: string): string | undefined => {
  if (body === null || typeof body !== "object") return undefined;
  const v = (body as Record<string, unknown>)[key];
  return typeof v === "string" ? v : undefined;
};

/**
 * A plan's tenancy: its own setting/LA facts, completed from the child's record and the setting's directory entry.
 * `laFromChild`: for setting-written plans (ISP, profile) the responsible LA is the child's, which can differ from
 * the LA the setting is in (a child placed out of area); an EHCP names its owning LA itself.
 */
async function planTenant(store: Store, facts: SearchFacts, laFromChild = false): Promise<TenantScope> {
  const tenant: TenantScope = {};
  if (facts.settingUrn) tenant.settingUrn = facts.settingUrn;
  if (facts.laCode && !laFromChild) tenant.laCode = facts.laCode;
  if ((!tenant.settingUrn || !tenant.laCode) && facts.childId) {
    const child = await store.get<Record<string, unknown>>("child", facts.childId);
    if (child) {
      tenant.settingUrn ??= child.tenant.settingUrn;
      tenant.laCode ??= child.tenant.laCode;
    }
  }
  if (!tenant.laCode && facts.laCode) tenant.laCode = facts.laCode;
  if (!tenant.laCode && tenant.settingUrn) {
    const setting = await store.get<Record<string, unknown>>("setting", tenant.settingUrn);
    if (setting?.tenant.laCode) tenant.laCode = setting.tenant.laCode;
  }
  return tenant;
}

function documentKind(kind: "isp" | "ehcp" | "legacy-ehcp" | "development-profile", basePath: string): ResourceConfig {
  return {
    kind,
    basePath,
    personal: true,
    assignsIds: true,
    childReferenceOf: referencedChildId,
    voiceErrors: voiceAuthorshipErrors,
    bodyErrors: (deps, body) => documentErrors(deps.validate, body, kind),
    idOf: (body) => stringField(body, "id"),
    factsOf: (body) => extractSearchFacts(body),
    tenantOf: (store, facts) => planTenant(store, facts, kind === "isp" || kind === "development-profile"),
  };
}

export const RESOURCES = {
  isp: documentKind("isp", "/isps"),
  ehcp: documentKind("ehcp", "/ehcps"),
  "legacy-ehcp": documentKind("legacy-ehcp", "/legacy-ehcps"),
  "development-profile": documentKind("development-profile", "/development-profiles"),
  spp: {
    kind: "spp",
    basePath: "/spps",
    personal: false,
    assignsIds: false,
    bodyErrors: (deps, body) => documentErrors(deps.validate, body, "spp"),
    idOf: (body) => stringField(body, "id"),
    factsOf: (body) => {
      const status = stringField(body, "status");
      return status ? { status } : {};
    },
    tenantOf: async () => ({}),
  },
  child: {
    kind: "child",
    basePath: "/children",
    personal: true,
    assignsIds: true,
    bodyErrors: (_deps, body) => childRecordErrors(body),
    idOf: (body) => stringField(body, "id"),
    factsOf: (body, id) => extractSearchFacts(body, { childId: id }),
    tenantOf: async (store, facts) => planTenant(store, { ...facts, childId: undefined }),
  },
  setting: {
    kind: "setting",
    basePath: "/settings",
    personal: false,
    assignsIds: false,
    bodyErrors: (_deps, body) => settingErrors(body),
    idOf: (body) => stringField(body, "urn"),
    factsOf: (body) => {
      const facts: SearchFacts = {};
      const urn = stringField(body, "urn");
      const la = stringField(body, "laCode");
      if (urn) facts.settingUrn = urn;
      if (la) facts.laCode = la;
      return facts;
    },
    tenantOf: async (_store, facts) => ({ settingUrn: facts.settingUrn, laCode: facts.laCode }),
  },
} as const satisfies Record<ResourceKind, ResourceConfig>;
