// createClient: the typed client of the SEND Interchange API. `call(operationId, args)` reaches every operation of
// the route table; resource groups (client.isps, client.children, …) wrap the common flows: read with revalidation,
// create, update with automatic If-Match, the 412 re-read/merge loop, searches and version histories as async
// iterators.
import type {
  DevelopmentProfile,
  Ehcp,
  IndividualSupportPlan,
  LegacyEhcp,
  SignedTransferBundle,
  SpecialistProvisionPackage,
} from "../../generated/types.ts";
import type {
  AccessLogEntry,
  AuditEvent,
  ChildRecord,
  Discovery,
  HealthStatus,
  OpenApiDocument,
  Page,
  PlanSample,
  SchemaName,
  SchemaTypes,
  SettingEntry,
  InboxResult,
  JsonWebKeySet,
  TransferRequest,
  TransferSummary,
  TransferView,
  ValidationReport,
  VersionSummary,
  VoiceContribution,
} from "./api-types.ts";
import { EtagCache } from "./etag-cache.ts";
import type {
  AccessLogFilters,
  AuditFilters,
  ChildFilters,
  DevelopmentProfileFilters,
  EhcpFilters,
  LegacyEhcpFilters,
  IspFilters,
  PageOptions,
  SettingFilters,
  SppFilters,
} from "./filters.ts";
import {
  fillPath,
  OPERATIONS,
  type OperationId,
  type Operations,
  type PathParamNames,
  type PathParams,
  type QueryParams,
} from "./operations.ts";
import { Paged } from "./paged.ts";
import { encodeChangeReason } from "../http/change-reason.ts";
import { isApiProblem } from "./problem.ts";
import { Transport, type ApiResponse, type RequestOptions, type TransportOptions } from "./transport.ts";

export type ClientOptions = TransportOptions;

/** Arguments of `client.call(operationId, …)`, derived from the operation table. */
export type CallArgs<O extends OperationId> = RequestOptions &
  ([PathParamNames<Operations[O]["path"]>] extends [never] ? { path?: undefined } : { path: PathParams<O> }) & {
    query?: QueryParams<O>;
    /** Overrides the cached ETag (updates) — pass "" to send no If-Match at all. */
    ifMatch?: string;
    ifNoneMatch?: string;
    changeReason?: string;
  } & (Operations[O] extends { request: infer R extends string } ? { body: SchemaType<R> } : { body?: undefined });

/** The TypeScript type of a body schema the operation table names (unknown for a schema the SDK has no type of). */
export type SchemaType<N> = N extends SchemaName ? SchemaTypes[N] : unknown;

export type CallResult<O extends OperationId> = ApiResponse<
  Operations[O] extends { response: infer R extends string } ? SchemaType<R> : undefined
>;

export interface ReadOptions extends RequestOptions {
  /** Send If-None-Match with the cached ETag and answer from memory on 304 (default true). */
  revalidate?: boolean;
}

export interface WriteOptions extends RequestOptions {
  /** Why the change is made; recorded in the new version's provenance (Change-Reason). */
  reason: string;
  /** The ETag of the version you edited; default: the last ETag this client saw for the resource. */
  ifMatch?: string;
}

export interface CreateOptions extends RequestOptions {
  reason?: string;
}

export interface UpdateWithRetryOptions extends RequestOptions {
  reason: string;
  /** Attempts before giving up with the last 412 (default 5). */
  maxAttempts?: number;
}

/** The operations every stored document kind offers. */
export interface DocumentResource<D, F> {
  /** The current version; revalidated against the cached ETag (a 304 answers from memory). */
  get(id: string, opts?: ReadOptions): Promise<D>;
  /** Lower level read: the whole response, including a 304 with no body. */
  read(id: string, opts?: RequestOptions & { ifNoneMatch?: string }): Promise<ApiResponse<D>>;
  create(document: D, opts?: CreateOptions): Promise<D>;
  /** Replaces the document; If-Match defaults to the last ETag seen for it (428 when there is none). */
  update(id: string, document: D, opts: WriteOptions): Promise<D>;
  /** Read, apply `change`, write; on 412 re-read and apply again, up to maxAttempts. */
  updateWithRetry(id: string, change: (current: D) => D | Promise<D>, opts: UpdateWithRetryOptions): Promise<D>;
  /** Every matching document across all pages (lazy). */
  search(filters?: F, opts?: RequestOptions): Paged<D>;
  /** Every version summary, oldest first (lazy). */
  versions(id: string, opts?: RequestOptions & PageOptions): Paged<VersionSummary>;
  /** The document as it was at server version `version`. */
  version(id: string, version: number, opts?: RequestOptions): Promise<D>;
}

export interface VoiceResource<D> {
  /** Appends the views of the child, young person, parent or carer, writing a new version. */
  addVoice(
    id: string,
    statement: VoiceContribution,
    opts: RequestOptions & { reason: string; ifMatch?: string },
  ): Promise<D>;
}

export interface SendClient {
  readonly baseUrl: string;
  /** ETags (and representations) this client has seen, by resource path. */
  readonly etags: EtagCache;
  /** Any operation of the route table by operationId. */
  call<O extends OperationId>(operationId: O, args: CallArgs<O>): Promise<CallResult<O>>;
  isps: DocumentResource<IndividualSupportPlan, IspFilters> & VoiceResource<IndividualSupportPlan>;
  ehcps: DocumentResource<Ehcp, EhcpFilters> & VoiceResource<Ehcp>;
  legacyEhcps: DocumentResource<LegacyEhcp, LegacyEhcpFilters> & VoiceResource<LegacyEhcp>;
  developmentProfiles: DocumentResource<DevelopmentProfile, DevelopmentProfileFilters> &
    VoiceResource<DevelopmentProfile>;
  spps: DocumentResource<SpecialistProvisionPackage, SppFilters>;
  children: Omit<DocumentResource<ChildRecord, ChildFilters>, "versions" | "version"> & {
    accessLog(childId: string, filters?: AccessLogFilters, opts?: RequestOptions): Paged<AccessLogEntry>;
  };
  settings: Omit<DocumentResource<SettingEntry, SettingFilters>, "versions" | "version">;
  audit: { list(filters?: AuditFilters, opts?: RequestOptions): Paged<AuditEvent> };
  governance: { planSample(size?: number, opts?: RequestOptions): Promise<PlanSample> };
  /** Sending and receiving a child's records (transfer bundles). */
  transfers: {
    /** Builds, signs and sends the child's records to the next setting (or to the unclaimed queue). */
    send(childId: string, request: TransferRequest, opts?: RequestOptions): Promise<TransferView>;
    get(id: string, opts?: RequestOptions): Promise<TransferView>;
    forChild(childId: string, opts?: RequestOptions & PageOptions): Paged<TransferSummary>;
    unclaimed(
      filters?: { upn?: string; uln?: string; nhsNumber?: string } & PageOptions,
      opts?: RequestOptions,
    ): Paged<TransferSummary>;
    /** The signed bundle as sent (JWS compact, or JWE when encrypted). */
    bundle(id: string, opts?: RequestOptions): Promise<SignedTransferBundle>;
    claim(id: string, opts?: RequestOptions): Promise<TransferView>;
    /** Delivers a signed bundle to this server's inbox (sent as JSON: the JWS flattened, or the compact form as a string). */
    receive(bundle: SignedTransferBundle, opts?: RequestOptions): Promise<InboxResult>;
    /** The server's public transfer keys (JWKS). */
    keys(opts?: RequestOptions): Promise<JsonWebKeySet>;
  };
  /** Validates any document on the server (schema + quality rules) without storing it. */
  validate(document: SchemaTypes["AnyDocument"], opts?: RequestOptions): Promise<ValidationReport>;
  discovery: {
    get(opts?: RequestOptions): Promise<Discovery>;
    health(opts?: RequestOptions): Promise<HealthStatus>;
    readiness(opts?: RequestOptions): Promise<HealthStatus>;
    openApi(opts?: RequestOptions): Promise<OpenApiDocument>;
  };
}

/** Untyped view of CallArgs used inside the client, where the operation id is a variable. */
interface LooseArgs extends RequestOptions {
  path?: Record<string, string | number>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  ifMatch?: string;
  ifNoneMatch?: string;
  changeReason?: string;
}

/** Bodies that are one stored record (whose ETag is worth remembering), as opposed to pages, reports and transfers. */
const RECORD_SCHEMAS: ReadonlySet<string> = new Set<SchemaName>([
  "IndividualSupportPlan",
  "Ehcp",
  "LegacyEhcp",
  "DevelopmentProfile",
  "SpecialistProvisionPackage",
  "ChildRecord",
  "SettingEntry",
]);
const isRecordSchema = (s: string) => RECORD_SCHEMAS.has(s);

export function createClient(options: ClientOptions): SendClient {
  const transport = new Transport(options);
  const etags = new EtagCache();

  async function invoke(operationId: OperationId, args: LooseArgs = {}): Promise<ApiResponse<unknown>> {
    const op: Operations[OperationId] = OPERATIONS[operationId];
    const path = fillPath(op.path, args.path ?? {});
    const headers: Record<string, string> = { ...(args.headers ?? {}) };
    const isVoice = op.path.endsWith("/voice");
    const resourcePath = isVoice ? path.slice(0, -"/voice".length) : path;
    if (op.method === "put" || isVoice) {
      const ifMatch = args.ifMatch ?? etags.etag(resourcePath);
      if (ifMatch) headers["if-match"] = ifMatch;
    }
    if (args.ifNoneMatch) headers["if-none-match"] = args.ifNoneMatch;
    if (args.changeReason !== undefined) headers["change-reason"] = encodeChangeReason(args.changeReason);
    const res = await transport.request<unknown>({
      method: op.method,
      path,
      query: args.query,
      body: args.body,
      headers,
      signal: args.signal,
      correlationId: args.correlationId,
    });
    if ("response" in op) remember(op.method, op.response, path, resourcePath, isVoice, res);
    return res;
  }

  /** Keeps the ETag of every record representation seen, keyed by the record's path. */
  function remember(
    method: string,
    schema: string,
    path: string,
    resourcePath: string,
    isVoice: boolean,
    res: ApiResponse<unknown>,
  ) {
    if (!res.etag || !isRecordSchema(schema) || path.includes("/versions/")) return;
    if (res.status === 304) {
      const cached = etags.get(path);
      if (cached) etags.set(path, res.etag, cached.body);
      return;
    }
    let key = resourcePath;
    if (method === "post" && !isVoice) {
      const location = res.headers.get("location");
      key = location
        ? new URL(location, transport.url("/")).pathname.replace(
            new URL(`${transport.baseUrl}/`).pathname.replace(/\/$/, ""),
            "",
          )
        : path;
    }
    etags.set(key, res.etag, isVoice ? undefined : res.body);
  }

  function paged<T>(operationId: OperationId, args: LooseArgs): Paged<T> {
    return new Paged<T>(async (next) => {
      if (next?.url) {
        return transport.request<Page<T>>({
          method: "get",
          path: next.url,
          signal: args.signal,
          correlationId: args.correlationId,
          headers: args.headers,
        });
      }
      const query = { ...(args.query ?? {}), ...(next?.cursor ? { cursor: next.cursor } : {}) };
      return (await invoke(operationId, { ...args, query })) as ApiResponse<Page<T>>;
    });
  }

  const must = <T>(res: ApiResponse<unknown>): T => res.body as T;

  interface OpNames {
    list: OperationId;
    create: OperationId;
    get: OperationId;
    update: OperationId;
    versions?: OperationId;
    version?: OperationId;
    voice?: OperationId;
    idParam: string;
    collectionPath: string;
  }

  function resource<D, F extends PageOptions>(ops: OpNames) {
    const itemPath = (id: string) => `${ops.collectionPath}/${encodeURIComponent(id)}`;
    const pathArgs = (id: string) => ({ [ops.idParam]: id });

    const read = async (id: string, opts: RequestOptions & { ifNoneMatch?: string } = {}) =>
      (await invoke(ops.get, { ...opts, path: pathArgs(id) })) as ApiResponse<D>;

    const get = async (id: string, opts: ReadOptions = {}): Promise<D> => {
      const { revalidate = true, ...rest } = opts;
      const cached = revalidate ? etags.get(itemPath(id)) : undefined;
      const res = await read(id, { ...rest, ...(cached?.body !== undefined ? { ifNoneMatch: cached.etag } : {}) });
      if (res.status === 304) {
        const again = etags.get(itemPath(id));
        if (again?.body !== undefined) return again.body as D;
        return get(id, { ...rest, revalidate: false }); // evicted meanwhile: read it unconditionally
      }
      return must<D>(res);
    };

    const update = async (id: string, document: D, opts: WriteOptions): Promise<D> => {
      const { reason, ifMatch, ...rest } = opts;
      return must<D>(
        await invoke(ops.update, {
          ...rest,
          path: pathArgs(id),
          body: document,
          changeReason: reason,
          ...(ifMatch !== undefined ? { ifMatch } : {}),
        }),
      );
    };

    return {
      read,
      get,
      async create(document: D, opts: CreateOptions = {}): Promise<D> {
        const { reason, ...rest } = opts;
        return must<D>(
          await invoke(ops.create, {
            ...rest,
            body: document,
            ...(reason !== undefined ? { changeReason: reason } : {}),
          }),
        );
      },
      update,
      async updateWithRetry(
        id: string,
        change: (current: D) => D | Promise<D>,
        opts: UpdateWithRetryOptions,
      ): Promise<D> {
        const { maxAttempts = 5, reason, ...rest } = opts;
        for (let attempt = 1; ; attempt++) {
          const current = await get(id, { ...rest, revalidate: false });
          const etag = etags.etag(itemPath(id));
          try {
            return await update(id, await change(structuredClone(current)), {
              ...rest,
              reason,
              ...(etag ? { ifMatch: etag } : {}),
            });
          } catch (err) {
            if (!isApiProblem(err, "precondition-failed") || attempt >= maxAttempts) throw err;
          }
        }
      },
      search(filters?: F, opts: RequestOptions = {}): Paged<D> {
        return paged<D>(ops.list, {
          ...opts,
          query: { ...(filters ?? {}) } as Record<string, string | number | undefined>,
        });
      },
      versions(id: string, opts: RequestOptions & PageOptions = {}): Paged<VersionSummary> {
        const { limit, ...rest } = opts;
        if (!ops.versions) throw new TypeError("this resource keeps no version history");
        return paged<VersionSummary>(ops.versions, { ...rest, path: pathArgs(id), query: { limit } });
      },
      async version(id: string, version: number, opts: RequestOptions = {}): Promise<D> {
        if (!ops.version) throw new TypeError("this resource keeps no version history");
        return must<D>(await invoke(ops.version, { ...opts, path: { ...pathArgs(id), version } }));
      },
      async addVoice(
        id: string,
        statement: VoiceContribution,
        opts: RequestOptions & { reason: string; ifMatch?: string },
      ): Promise<D> {
        if (!ops.voice) throw new TypeError("this resource takes no voice contributions");
        const { reason, ifMatch, ...rest } = opts;
        // Appending cannot conflict, so If-Match is only sent when the caller gives one explicitly.
        return must<D>(
          await invoke(ops.voice, {
            ...rest,
            path: pathArgs(id),
            body: statement,
            changeReason: reason,
            ifMatch: ifMatch ?? "",
          }),
        );
      },
    };
  }

  const documents = (noun: string, plural: string, collectionPath: string): OpNames => ({
    list: `list${plural}` as OperationId,
    create: `create${noun}` as OperationId,
    get: `get${noun}` as OperationId,
    update: `update${noun}` as OperationId,
    versions: `list${noun}Versions` as OperationId,
    version: `get${noun}Version` as OperationId,
    voice: `add${noun}Voice` as OperationId,
    idParam: "id",
    collectionPath,
  });

  const children = resource<ChildRecord, ChildFilters>({
    list: "listChildren",
    create: "createChild",
    get: "getChild",
    update: "updateChild",
    idParam: "childId",
    collectionPath: "/children",
  });
  const {
    versions: _sv,
    version: _sv2,
    addVoice: _sv3,
    ...settingsOps
  } = resource<SettingEntry, SettingFilters>({
    list: "listSettings",
    create: "createSetting",
    get: "getSetting",
    update: "updateSetting",
    idParam: "urn",
    collectionPath: "/settings",
  });
  const { addVoice: _spv, ...sppOps } = resource<SpecialistProvisionPackage, SppFilters>({
    list: "listSpps",
    create: "createSpp",
    get: "getSpp",
    update: "updateSpp",
    versions: "listSppVersions",
    version: "getSppVersion",
    idParam: "id",
    collectionPath: "/spps",
  });
  const { versions: _cv, version: _cv2, addVoice: _cv3, ...childOps } = children;

  return {
    baseUrl: transport.baseUrl,
    etags,
    call: (operationId, args) => invoke(operationId, args as LooseArgs) as Promise<never>,
    isps: resource<IndividualSupportPlan, IspFilters>(documents("Isp", "Isps", "/isps")),
    ehcps: resource<Ehcp, EhcpFilters>(documents("Ehcp", "Ehcps", "/ehcps")),
    legacyEhcps: resource<LegacyEhcp, LegacyEhcpFilters>(documents("LegacyEhcp", "LegacyEhcps", "/legacy-ehcps")),
    developmentProfiles: resource<DevelopmentProfile, DevelopmentProfileFilters>(
      documents("DevelopmentProfile", "DevelopmentProfiles", "/development-profiles"),
    ),
    spps: sppOps,
    children: {
      ...childOps,
      accessLog: (childId, filters = {}, opts = {}) =>
        paged<AccessLogEntry>("getChildAccessLog", { ...opts, path: { childId }, query: { ...filters } }),
    },
    settings: settingsOps,
    audit: {
      list: (filters = {}, opts = {}) => paged<AuditEvent>("listAuditEvents", { ...opts, query: { ...filters } }),
    },
    governance: {
      planSample: async (size, opts = {}) =>
        must<PlanSample>(await invoke("getPlanSample", { ...opts, query: { size } })),
    },
    transfers: {
      send: async (childId, request, opts = {}) =>
        must<TransferView>(await invoke("createTransfer", { ...opts, path: { childId }, body: request })),
      get: async (id, opts = {}) => must<TransferView>(await invoke("getTransfer", { ...opts, path: { id } })),
      forChild: (childId, opts = {}) => {
        const { limit, ...rest } = opts;
        return paged<TransferSummary>("listChildTransfers", { ...rest, path: { childId }, query: { limit } });
      },
      unclaimed: (filters = {}, opts = {}) =>
        paged<TransferSummary>("listUnclaimedTransfers", { ...opts, query: { ...filters } }),
      bundle: async (id, opts = {}) =>
        must<SignedTransferBundle>(await invoke("getTransferBundle", { ...opts, path: { id } })),
      claim: async (id, opts = {}) => must<TransferView>(await invoke("claimTransfer", { ...opts, path: { id } })),
      receive: async (bundle, opts = {}) =>
        must<InboxResult>(await invoke("receiveTransfer", { ...opts, body: bundle })),
      keys: async (opts = {}) => must<JsonWebKeySet>(await invoke("getTransferKeys", opts)),
    },
    validate: async (document, opts = {}) =>
      must<ValidationReport>(await invoke("validateDocument", { ...opts, body: document })),
    discovery: {
      get: async (opts = {}) => must<Discovery>(await invoke("getDiscovery", opts)),
      health: async (opts = {}) => must<HealthStatus>(await invoke("getHealth", opts)),
      readiness: async (opts = {}) => must<HealthStatus>(await invoke("getReadiness", opts)),
      openApi: async (opts = {}) => must<OpenApiDocument>(await invoke("getOpenApi", opts)),
    },
  };
}
