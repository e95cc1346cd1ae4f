// The catalogue of deliberate faults: realistic vendor bugs a reference server can be built with, only through this
// folder (faulty-app.ts), so the conformance suite can prove that it catches them (conformance/mutation.test.ts).
// Each id is stable; `caughtBy` names the conformance test ids (conformance/ids.lock) expected to fail, and `expect`
// the failure message they must fail with, so a kill is the fault's doing and not some other failure.
import { PARAMETERS } from "../../../spec/api-parameters.ts";
import { ROUTES } from "../../../spec/routes.ts";
import type { CreateAppOptions } from "../../src/app.ts";
import type { PartDecorators } from "../../src/app-parts.ts";
import { RESOURCES } from "../../src/routes/resources.ts";
import type { Store } from "../../src/storage/store.ts";
import { TRANSFER_KIND } from "../../src/storage/transfer-store.ts";
import {
  isProblem,
  onRequest,
  onResponse,
  problem,
  recordAt,
  rewritten,
  withHeaders,
  type HttpWrap,
} from "./http-faults.ts";
import {
  agreementRecordedAsFamily,
  childReferenceOnCreateOnly,
  createOverwriting,
  createOverwritingOnly,
  createRevealingIds,
  sentChildId,
  statusChangesIgnored,
  validateStoring,
  verifierWaving,
  youngPersonAgreesForAnyChild,
} from "./part-faults.ts";
import {
  auditDropping,
  auditWithoutCallerCorrelation,
  ceasedEhcpHistoryRewritten,
  decorateStore,
  searchQueryChanged,
  staleSearchHeads,
  withoutFilter,
} from "./store-faults.ts";
import * as transfer from "./transfer-faults.ts";
import { crossLaQueryLeakingDob, metricsLeakingNames, requestWithoutApproval } from "./lost-child-faults.ts";

/** How a faulty server differs from the production one: usually exactly one of these is set. */
export interface FaultBuild {
  /** Wraps the store the app is given. */
  store?: (store: Store) => Store;
  /** Wraps parts of the app (app-parts.ts); gets the (wrapped) store for faults that write. */
  decorate?: (store: Store) => PartDecorators;
  /** Sits in front of the app's fetch. */
  http?: HttpWrap;
  /** Options the production app is given differently. */
  options?: Partial<Pick<CreateAppOptions, "maxBodyBytes">>;
}

export interface FaultSpec {
  /** Stable, kebab-case. */
  id: string;
  /** One line: what the faulty server does wrong. */
  description: string;
  /** Conformance test ids that must catch it (at least one of them fails as MUST). */
  caughtBy: readonly string[];
  /** The failure message a catching test reports when it catches this fault. */
  expect: RegExp;
  build: FaultBuild;
}

/** The search parameters the spec offers on each stored kind's collection (spec/routes.ts, spec/api-parameters.ts). */
export const FILTERS_BY_KIND: ReadonlyMap<string, readonly string[]> = new Map(
  ROUTES.filter(
    (r) =>
      r.method === "get" &&
      r.resource &&
      r.resource in RESOURCES &&
      r.path === RESOURCES[r.resource as keyof typeof RESOURCES].basePath,
  ).map((r) => [
    r.resource!,
    r.parameters
      .map((p) => PARAMETERS[p])
      .filter((p) => p.in === "query" && p.name !== "limit" && p.name !== "cursor")
      .map((p) => p.name),
  ]),
);

export const SEARCH_FILTERS: readonly string[] = [...new Set([...FILTERS_BY_KIND.values()].flat())];

/** The conformance tests that search each document kind by every filter it offers. */
const FILTER_TESTS = ["isp", "development-profile", "ehcp", "legacy-ehcp"].map((kind) => ({
  kind,
  id: `send.api-core.${kind}.search-filters-subset-complete`,
}));
const filterCatchers = (name: string) =>
  FILTER_TESTS.filter((t) => FILTERS_BY_KIND.get(t.kind)?.includes(name)).map((t) => t.id);

const isVersionsList = (url: string) => /\/versions$/.test(recordAt(url)?.rest ?? "");
const writes = (action: string) => action === "create" || action === "update";

export const FAULT_CATALOGUE: readonly FaultSpec[] = [
  // Preconditions, validators, versions
  {
    id: "update-without-if-match-accepted",
    description: "PUT without If-Match is applied instead of 428.",
    caughtBy: ["send.api-core.isp.update-without-if-match-refused"],
    expect: /expected HTTP 428, got 2\d\d/,
    build: {
      http: onRequest(async (req, store) => {
        const at = req.method === "PUT" && !req.headers.get("if-match") ? recordAt(req.url) : undefined;
        const current = at && !at.rest ? await store.get(at.cfg.kind, at.id) : undefined;
        return current ? withHeaders(req, { "if-match": current.etag }) : req;
      }),
    },
  },
  {
    id: "stale-if-match-accepted",
    description: "A stale If-Match is ignored: the update overwrites the newer version instead of 412.",
    caughtBy: ["send.api-core.isp.update-stale-if-match-refused"],
    expect: /expected HTTP 412, got 2\d\d/,
    build: {
      http: onRequest(async (req, store) => {
        const at = req.method === "PUT" && req.headers.get("if-match") ? recordAt(req.url) : undefined;
        const current = at && !at.rest ? await store.get(at.cfg.kind, at.id) : undefined;
        return current ? withHeaders(req, { "if-match": current.etag }) : req;
      }),
    },
  },
  {
    id: "etag-unchanged-after-update",
    description: "A successful update answers with the ETag the client sent, not the new version's.",
    caughtBy: ["send.api-core.isp.update-writes-new-version", "send.api-core.isp.versions-contiguous-immutable"],
    expect: /ETag did not change after an update/,
    build: {
      http: onResponse((res, req) => {
        const sent = req.headers.get("if-match");
        if (req.method !== "PUT" || res.status !== 200 || !sent) return undefined;
        const h = new Headers(res.headers);
        h.set("etag", sent);
        return rewritten(res, h);
      }),
    },
  },
  {
    id: "weak-etag-on-read",
    description: "Reads carry a weak ETag (W/…), so If-Match cannot use it.",
    caughtBy: ["send.api-core.isp.read-returns-stored-document"],
    expect: /ETag W\/.* is weak/,
    build: {
      http: onResponse((res, req) => {
        const etag = res.headers.get("etag");
        if (req.method !== "GET" || !etag || etag.startsWith("W/")) return undefined;
        const h = new Headers(res.headers);
        h.set("etag", `W/${etag}`);
        return rewritten(res, h);
      }),
    },
  },
  {
    id: "if-none-match-ignored",
    description: "A conditional read never answers 304.",
    caughtBy: ["send.api-core.isp.if-none-match-not-modified"],
    expect: /expected HTTP 304, got 200/,
    build: {
      http: onRequest((req) => (req.method === "GET" ? withHeaders(req, { "if-none-match": undefined }) : req)),
    },
  },
  {
    id: "change-reason-optional",
    description: "Updates without a Change-Reason header are accepted.",
    caughtBy: ["send.api-core.isp.update-without-change-reason-refused"],
    expect: /without Change-Reason: expected HTTP 400, got 2\d\d/,
    build: {
      http: onRequest((req) =>
        req.method === "PUT" && !req.headers.get("change-reason")
          ? withHeaders(req, { "change-reason": "updated" })
          : req,
      ),
    },
  },
  {
    id: "versions-newest-first",
    description: "Version listings come newest first.",
    caughtBy: ["send.api-core.isp.versions-contiguous-immutable"],
    expect: /oldest first/,
    build: {
      store: (s) => decorateStore(s, { listVersions: async (kind, id) => (await s.listVersions(kind, id)).reverse() }),
    },
  },
  {
    id: "version-read-returns-current",
    description: "GET …/versions/{n} answers the current version whatever n is.",
    caughtBy: ["send.api-core.isp.versions-contiguous-immutable"],
    expect: /version 1 differs from what was written/,
    build: { store: (s) => decorateStore(s, { get: (kind, id) => s.get(kind, id) }) },
  },
  {
    id: "version-provenance-without-reason",
    description: "Version listings drop who made a version and why.",
    caughtBy: ["send.api-core.isp.versions-record-provenance"],
    expect: /records the reason undefined/,
    build: {
      http: onResponse(async (res, req) => {
        if (req.method !== "GET" || res.status !== 200 || !isVersionsList(req.url)) return undefined;
        const body = (await res.clone().json()) as { items: { version: number; etag: string; recordedAt?: string }[] };
        const items = body.items.map((v) => ({ version: v.version, etag: v.etag, recordedAt: v.recordedAt }));
        return rewritten(res, res.headers, { ...body, items });
      }),
    },
  },
  {
    id: "duplicate-create-overwrites",
    description: "POST with an id in use replaces that record (another tenant's too) instead of a fresh record or 409.",
    caughtBy: [
      "send.security.create-foreign-id-not-revealed",
      "send.api-core.isp.create-assigns-fresh-id",
      "send.api-core.spp.create-duplicate-id-conflict",
    ],
    expect: /a create must assign a fresh id/,
    build: { decorate: (store) => ({ handler: createOverwriting(store) }) },
  },
  {
    id: "status-changes-ignored",
    description: "Updates keep the stored status: closing an ISP answers 200 but the plan stays open.",
    caughtBy: ["send.api-core.closing-writes-new-version"],
    expect: /the ISP's status after closing is "\w+", expected "closed"/,
    build: { decorate: (store) => ({ handler: statusChangesIgnored(store) }) },
  },
  {
    id: "ehcp-ceased-in-place",
    description: "Ceasing an EHCP overwrites its history: every earlier version reads as the ceased plan.",
    caughtBy: ["send.api-core.ceasing-writes-new-version"],
    expect: /version 1 of the ceased EHCP has status "ceased" and a cessation, expected "\w+"/,
    build: { store: ceasedEhcpHistoryRewritten },
  },
  {
    id: "setting-create-overwrites",
    description: "POST /settings with a URN in use replaces that setting instead of 409.",
    caughtBy: ["send.api-core.setting-urn-in-use-conflict"],
    expect: /second POST \/settings with URN \d+ in use: expected HTTP 409, got 201/,
    build: { decorate: (store) => ({ handler: createOverwritingOnly(store, "createSetting") }) },
  },
  {
    id: "location-header-wrong",
    description: "201 Created names the collection in Location, not the new record.",
    caughtBy: ["send.api-core.isp.create-returns-location-etag"],
    expect: /Location .* does not name/,
    build: {
      http: onResponse((res, req) => {
        const location = res.headers.get("location");
        if (req.method !== "POST" || res.status !== 201 || !location) return undefined;
        const h = new Headers(res.headers);
        h.set("location", location.replace(/\/[^/]+$/, ""));
        return rewritten(res, h);
      }),
    },
  },
  {
    id: "extensions-dropped-on-read",
    description: "Reads silently drop the `extensions` the server does not understand.",
    caughtBy: ["send.api-core.isp.read-returns-stored-document", "send.api-core.isp.update-writes-new-version"],
    expect: /differs from the one stored, first at \/extensions/,
    build: {
      http: onResponse(async (res, req) => {
        const at = req.method === "GET" && res.status === 200 ? recordAt(req.url) : undefined;
        if (!at || at.rest) return undefined;
        const { extensions: _dropped, ...rest } = (await res.clone().json()) as Record<string, unknown>;
        return rewritten(res, res.headers, rest);
      }),
    },
  },
  // Validation and errors
  {
    id: "invalid-document-accepted",
    description: "A schema-invalid document is stored with 201 instead of 422.",
    caughtBy: ["send.api-core.isp.invalid-document-refused"],
    expect: /POST of a document with a schema error: expected HTTP 422, got 2\d\d/,
    build: {
      decorate: () => ({
        validate: (v) => (doc) => {
          const r = v(doc);
          return { ...r, errors: [], valid: !r.findings.some((f) => f.severity === "error") };
        },
      }),
    },
  },
  {
    id: "rule-error-accepted",
    description: "A schema-valid document that breaks an error-severity quality rule is stored instead of 422.",
    caughtBy: ["send.api-core.isp.invalid-document-refused"],
    expect: /POST of a document with an error-severity rule \(.*\): expected HTTP 422, got 201/,
    build: {
      decorate: () => ({
        validate: (v) => (doc) => {
          const r = v(doc);
          return { ...r, findings: r.findings.filter((f) => f.severity !== "error"), valid: r.errors.length === 0 };
        },
      }),
    },
  },
  {
    id: "rule-errors-checked-for-plans-only",
    description:
      "Quality rules run only on plans (ISPs, EHCPs): a development profile or SPP breaking an error rule is stored.",
    caughtBy: [
      "send.api-core.development-profile.invalid-document-refused",
      "send.api-core.spp.invalid-document-refused",
    ],
    expect: /POST of a document with an error-severity rule \(.*\): expected HTTP 422, got 201/,
    build: {
      decorate: () => ({
        validate: (v) => (doc) => {
          const r = v(doc);
          if (r.documentType !== "development-profile" && r.documentType !== "spp") return r;
          return { ...r, findings: r.findings.filter((f) => f.severity !== "error"), valid: r.errors.length === 0 };
        },
      }),
    },
  },
  {
    id: "validation-errors-without-pointers",
    description: "422 problems carry no errors[] with JSON pointers.",
    caughtBy: ["send.api-core.isp.invalid-document-refused"],
    expect: /a schema error: errors\[\] has no item pointing at \/schemaVersion .*\(got \[\]\)/,
    build: {
      http: onResponse(async (res) => {
        if (res.status !== 422 || !isProblem(res)) return undefined;
        const { errors, ...rest } = (await res.clone().json()) as { errors?: unknown[] };
        return rewritten(res, res.headers, { ...rest, detail: `The document has ${errors?.length ?? 0} error(s).` });
      }),
    },
  },
  {
    id: "validate-stores-document",
    description: "POST /$validate also stores a valid document.",
    caughtBy: ["send.api-core.validate-reports-without-storing"],
    expect: /read of a validated ([\w-]+|\(never created\) document): expected HTTP 404, got 200/,
    build: { decorate: (store) => ({ handler: validateStoring(store) }) },
  },
  {
    id: "errors-as-plain-text",
    description: "Error responses are text/plain instead of application/problem+json.",
    caughtBy: [
      "send.api-core.isp.update-without-if-match-refused",
      "send.api-core.malformed-json-refused",
      "send.security.no-token-unauthorised",
    ],
    expect: /expected Content-Type application\/problem\+json, got "text\/plain/,
    build: {
      http: onResponse(async (res) => {
        if (!isProblem(res)) return undefined;
        const body = (await res.clone().json()) as { title?: string; detail?: string };
        const h = new Headers(res.headers);
        h.set("content-type", "text/plain; charset=utf-8");
        h.delete("content-length");
        return new Response(`${body.title ?? "Error"}: ${body.detail ?? ""}`, { status: res.status, headers: h });
      }),
    },
  },
  {
    id: "malformed-json-crashes",
    description: "A body that is not JSON gives 500 instead of 400.",
    caughtBy: ["send.api-core.malformed-json-refused"],
    expect: /expected HTTP 400, got 500/,
    build: {
      http: onResponse(async (res) => {
        if (res.status !== 400 || !isProblem(res)) return undefined;
        const body = (await res.clone().json()) as { type?: string };
        if (!/malformed-json$/.test(body.type ?? "")) return undefined;
        return problem(500, "https://example.invalid/internal", "Internal Server Error", "Unexpected token.");
      }),
    },
  },
  {
    id: "any-media-type-accepted",
    description: "A JSON body sent as text/plain is accepted instead of 415.",
    caughtBy: ["send.api-core.unsupported-media-type-refused"],
    expect: /expected HTTP 415, got (2\d\d|422)/,
    build: {
      http: onRequest((req) =>
        /^text\/plain/.test(req.headers.get("content-type") ?? "")
          ? withHeaders(req, { "content-type": "application/json" })
          : req,
      ),
    },
  },
  {
    id: "body-limit-below-1mib",
    description: "Bodies over 256 KiB are refused with 413, below the 1 MiB every server must accept.",
    caughtBy: ["send.api-core.one-mib-body-accepted"],
    expect: /1 MiB .*expected HTTP 201, got 413/,
    build: { options: { maxBodyBytes: 256 * 1024 } },
  },
  {
    id: "no-body-limit",
    description: "Bodies of any size are read and processed.",
    caughtBy: ["send.api-core.oversized-body-refused"],
    expect: /expected HTTP 413, got (2\d\d|422)/,
    build: { options: { maxBodyBytes: Number.MAX_SAFE_INTEGER } },
  },
  {
    id: "readiness-never-ready",
    description: "GET /readyz answers 503 although the server serves requests.",
    caughtBy: ["send.api-core.health-and-readiness"],
    expect: /readyz: expected HTTP 200, got 503/,
    build: { store: (s) => decorateStore(s, { isReady: async () => false }) },
  },
  {
    id: "docs-load-from-cdn",
    description: "The /docs page loads its script from another origin.",
    caughtBy: ["send.api-core.openapi-and-docs-published"],
    expect: /loads from other origins: https:\/\/cdn\.example\.net/,
    build: {
      http: onResponse(async (res, req) => {
        if (new URL(req.url).pathname !== "/docs" || res.status !== 200) return undefined;
        const html = await res.clone().text();
        const h = new Headers(res.headers);
        h.delete("content-length");
        const script = '<script src="https://cdn.example.net/redoc.standalone.js"></script></head>';
        return new Response(html.replace("</head>", script), { status: 200, headers: h });
      }),
    },
  },
  {
    id: "correlation-id-not-echoed",
    description: "Responses carry no X-Correlation-Id header.",
    caughtBy: ["send.api-core.correlation-id-echoed"],
    expect: /did not echo the caller's X-Correlation-Id/,
    build: {
      http: onResponse((res) => {
        const h = new Headers(res.headers);
        h.delete("x-correlation-id");
        return rewritten(res, h);
      }),
    },
  },
  // Searches
  {
    id: "pagination-skips-items",
    description: "Each page with more after it loses its last item (the cursor points past it).",
    caughtBy: ["send.api-core.isp.search-pages-once-each"],
    expect: /expected exactly the 5 created records, got [0-4]:/,
    build: {
      store: (s) =>
        decorateStore(s, {
          search: async (q) => {
            const page = await s.search(q);
            return page.nextCursor ? { ...page, items: page.items.slice(0, -1) } : page;
          },
        }),
    },
  },
  {
    id: "pagination-without-next-link",
    description: "Search pages carry neither Link rel=next nor nextCursor.",
    caughtBy: ["send.api-core.isp.search-pages-once-each"],
    expect: /need at least 3 pages, got 1/,
    build: {
      store: (s) =>
        decorateStore(s, {
          search: async (q) => {
            const { nextCursor: _dropped, ...page } = await s.search(q);
            return page;
          },
        }),
    },
  },
  ...SEARCH_FILTERS.map(
    (name): FaultSpec => ({
      id: `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-filter-ignored`,
      description: `The ${name} search filter is silently ignored.`,
      caughtBy: filterCatchers(name),
      expect: new RegExp(
        `^\\S+ [^:]*\\b${name}\\b[^:]*: the (record\\(s\\) .* that do not match are returned|matching record\\(s\\) .* are not returned|expected exactly)`,
      ),
      build: { store: (s) => searchQueryChanged(s, withoutFilter(name)) },
    }),
  ),
  {
    id: "search-heads-stale",
    description: "Searches answer the first version of each record, not the current one, after an update.",
    caughtBy: ["send.api-core.isp.search-returns-current-version"],
    expect: /search answered a stale version/,
    build: { store: staleSearchHeads },
  },
  // Authentication
  {
    id: "record-looked-up-before-token",
    description: "Item addresses look the record up before the token is checked: anonymous callers get 404, not 401.",
    caughtBy: ["send.security.no-token-unauthorised"],
    expect: /(GET|PUT) \/isps\/[^ ]+ without a token: expected HTTP 401, got 404/,
    build: {
      http: onResponse(async (res, req, store) => {
        const at = res.status === 401 && !req.headers.get("authorization") ? recordAt(req.url) : undefined;
        if (!at || (await store.get(at.cfg.kind, at.id))) return undefined;
        return problem(404, "https://example.invalid/not-found", "Not Found", "No such record.");
      }),
    },
  },
  {
    id: "bad-signature-accepted",
    description: "Bearer tokens are decoded without checking the signature.",
    caughtBy: ["send.security.bad-signature-unauthorised"],
    expect: /tampered signature: expected HTTP 401, got 200/,
    build: { decorate: () => ({ verifyToken: verifierWaving((alg) => alg !== "none") }) },
  },
  {
    id: "unsigned-token-accepted",
    description: "Tokens with alg none are accepted.",
    caughtBy: ["send.security.unsigned-token-unauthorised"],
    expect: /alg=none token: expected HTTP 401, got 200/,
    build: { decorate: () => ({ verifyToken: verifierWaving((alg) => alg === "none") }) },
  },
  {
    id: "missing-token-gives-403",
    description: "A request without a token gets 403 without a WWW-Authenticate challenge.",
    caughtBy: ["send.security.no-token-unauthorised"],
    expect: /without a token: expected HTTP 401, got 403/,
    build: {
      http: onResponse((res, req) =>
        res.status === 401 && !req.headers.get("authorization")
          ? problem(403, "https://example.invalid/forbidden", "Forbidden", "Access denied.")
          : undefined,
      ),
    },
  },
  // Roles and tenancy
  {
    id: "foreign-tenant-read-allowed",
    description: "Reads return another tenant's record.",
    caughtBy: ["send.security.foreign-tenant-read-not-found", "send.security.parent-sees-only-own-children"],
    expect: /by tenant B: expected HTTP 404, got 200/,
    build: {
      decorate: () => ({
        access: (a) => ({ ...a, canSee: (p, r, action) => action === "read" || a.canSee(p, r, action) }),
      }),
    },
  },
  {
    id: "foreign-tenant-answers-403",
    description: "Another tenant's record answers 403, so its existence leaks.",
    caughtBy: ["send.security.foreign-tenant-read-not-found", "send.security.foreign-tenant-update-not-found"],
    expect: /expected HTTP 404, got 403/,
    build: {
      http: onResponse(async (res, req, store) => {
        const at = res.status === 404 ? recordAt(req.url) : undefined;
        if (!at || !(await store.get(at.cfg.kind, at.id))) return undefined;
        return problem(
          403,
          "https://example.invalid/forbidden",
          "Forbidden",
          "This record belongs to another organisation.",
        );
      }),
    },
  },
  {
    id: "foreign-tenant-update-allowed",
    description: "Another tenant's record can be updated.",
    caughtBy: ["send.security.foreign-tenant-update-not-found"],
    expect: /update of tenant A's ISP by tenant B: expected HTTP 404, got (2\d\d|422)/,
    build: {
      decorate: () => ({
        access: (a) => ({
          ...a,
          canSee: (p, r, action) => action === "update" || a.canSee(p, r, action),
          canFileUnder: () => true,
        }),
      }),
    },
  },
  {
    id: "foreign-tenant-in-search",
    description: "Searches ignore tenancy and return other tenants' records.",
    caughtBy: ["send.security.foreign-tenant-search-hidden"],
    expect: /returned tenant A's ISP/,
    build: {
      store: (s) =>
        searchQueryChanged(s, (q) => {
          const { visibleTo: _dropped, ...rest } = q;
          return rest;
        }),
    },
  },
  {
    id: "la-officer-reads-other-las",
    description: "A local authority officer may read records of every local authority, not only their own.",
    caughtBy: ["send.security.la-officer-sees-only-own-la"],
    expect: /by tenant A's local authority officer: expected HTTP 404, got 200/,
    build: {
      decorate: () => ({
        access: (a) => ({
          ...a,
          canSee: (p, r, action) => (p.role === "la-officer" && action === "read") || a.canSee(p, r, action),
        }),
      }),
    },
  },
  {
    id: "create-reveals-foreign-id",
    description: "POST keeps the client's id: one in use by another tenant answers 409, an unused one 201.",
    caughtBy: ["send.security.create-foreign-id-not-revealed"],
    expect: /expected HTTP 201, got 409/,
    build: { decorate: (store) => ({ handler: createRevealingIds(store) }) },
  },
  {
    id: "plan-child-reference-unchecked",
    description: "A plan may name any child id: another tenant's child (plan injection) or none that exists.",
    caughtBy: ["send.security.plan-for-foreign-child-refused"],
    expect: /naming tenant A's child: expected HTTP 422, got 201/,
    build: {
      decorate: () => ({
        resource: (r) => (cfg) => {
          const { childReferenceOf: _dropped, ...rest } = r(cfg);
          return rest as typeof cfg;
        },
      }),
    },
  },
  {
    id: "child-reference-checked-on-create-only",
    description: "An update may change a plan's child to any id: another tenant's child or none that exists.",
    caughtBy: ["send.security.update-naming-foreign-child-refused"],
    expect: /update of its ISP naming tenant B's child: expected HTTP 422, got (2\d\d|403)/,
    build: { decorate: () => childReferenceOnCreateOnly() },
  },
  {
    id: "child-reference-case-sensitive",
    description: "Child ids are compared as sent: a plan naming its child's id in upper case is refused.",
    caughtBy: ["send.security.child-reference-ignores-letter-case"],
    expect: /naming its child in upper case: expected HTTP 201, got 422/,
    build: {
      decorate: () => ({
        resource: (r) => (cfg) => {
          const c = r(cfg);
          if (!c.childReferenceOf) return c;
          return { ...c, childReferenceOf: (body: unknown) => sentChildId(body) ?? c.childReferenceOf?.(body) };
        },
      }),
    },
  },
  {
    id: "voice-author-role-unchecked",
    description: "A parent-carer may add a voice statement attributed to a professional.",
    caughtBy: ["send.security.parent-voice-as-professional-refused"],
    expect: /attributed to a professional: expected HTTP 422, got 201/,
    build: {
      decorate: () => ({
        resource: (r) => (cfg) => {
          const { voiceErrors: _dropped, ...rest } = r(cfg);
          return rest as typeof cfg;
        },
      }),
    },
  },
  {
    id: "agreement-on-behalf-unmarked",
    description: "A stance staff record on a family's behalf is stored as the family's own, without recorder or way.",
    caughtBy: ["send.security.staff-agreement-on-behalf"],
    expect: /a stance staff recorded is not marked as recorded for the family/,
    build: { decorate: (store) => ({ handler: agreementRecordedAsFamily(store) }) },
  },
  {
    id: "young-person-agrees-for-any-child",
    description: "A young person may record a stance on another child's plan (the role is checked, not whose plan).",
    caughtBy: ["send.security.young-person-records-agreement"],
    expect: /another child's young person's agreement: expected HTTP 404, got 201/,
    build: { decorate: (store) => ({ handler: youngPersonAgreesForAnyChild(store) }) },
  },
  {
    id: "parent-can-edit-provision",
    description: "A parent-carer may update their child's plan (provision), not only add views.",
    caughtBy: ["send.security.parent-cannot-edit-provision"],
    expect: /parent's update of the ISP: expected HTTP 403, got 200/,
    build: {
      decorate: () => ({
        permits: (permits) => (p, scope) =>
          permits(p, scope) ||
          (p.role === "parent-carer" && /^(isp|ehcp|legacy-ehcp|development-profile):write$/.test(scope)),
      }),
    },
  },
  {
    id: "audit-readable-by-any-role",
    description: "Every role may read the audit log.",
    caughtBy: ["send.security.role-matrix-enforced"],
    expect: /GET \/audit: expected 403, got 200/,
    build: { decorate: () => ({ permits: (permits) => (p, scope) => scope === "audit:read" || permits(p, scope) }) },
  },
  {
    id: "trust-list-publishable-by-any-role",
    description: "Every role may publish a trust-list issue, not only dfe-publisher.",
    caughtBy: ["send.security.role-matrix-every-operation"],
    expect: /setting-staff POST \/trust-list: expected 403, got (?!403)\d+/,
    build: {
      decorate: () => ({ permits: (permits) => (p, scope) => scope === "trust-list:publish" || permits(p, scope) }),
    },
  },
  {
    id: "cross-la-open-to-child-readers",
    description: "Any role that reads children may query and request held transfers across local authorities.",
    caughtBy: ["send.security.role-matrix-every-operation"],
    expect: /setting-staff POST \/cross-la\/queries: expected 403, got (?!403)\d+/,
    build: {
      decorate: () => ({
        permits: (permits) => (p, scope) =>
          permits(p, scope) || (scope === "transfers:cross-la" && permits(p, "children:read")),
      }),
    },
  },
  {
    id: "voice-scope-from-read",
    description: "Any role that reads a kind of plan may add views to it, whatever x-roles says.",
    caughtBy: ["send.security.role-matrix-every-operation"],
    expect: /la-officer POST \/isps\/\{id\}\/voice: expected 403, got (?!403)\d+/,
    build: {
      decorate: () => ({
        permits: (permits) => (p, scope) =>
          permits(p, scope) ||
          (scope.endsWith(":voice") && permits(p, scope.replace(/:voice$/, ":read") as typeof scope)),
      }),
    },
  },
  {
    id: "governor-sees-identifiers",
    description: "The governor's plan sample is not redacted (names, UPNs, dates of birth).",
    caughtBy: ["send.security.governor-sample-redacted"],
    expect: /the sample carries identifying members/,
    build: { decorate: () => ({ access: (a) => ({ ...a, redactForGovernor: (body) => body }) }) },
  },
  {
    id: "health-commissioner-sees-all-sections",
    description: "A health commissioner receives whole EHCPs, not only the health sections.",
    caughtBy: ["send.security.health-commissioner-health-only"],
    expect: /sections not labelled health reached the health commissioner/,
    build: { decorate: () => ({ access: (a) => ({ ...a, project: (_p, body) => ({ body, projected: false }) }) }) },
  },
  // Audit
  {
    id: "reads-not-audited",
    description: "Reads of plans are not written to the audit log.",
    caughtBy: ["send.security.plan-reads-audited", "send.security.parent-access-log-shows-reads"],
    expect: /read events for the ISP by .* found 0/,
    build: { store: (s) => auditDropping(s, (r) => r.action === "read" && r.outcome === "allowed") },
  },
  {
    id: "writes-not-audited",
    description: "Creates and updates are not written to the audit log.",
    caughtBy: ["send.security.writes-audited"],
    expect: /expected create and update events, found \[\]/,
    build: { store: (s) => auditDropping(s, (r) => writes(r.action) && r.outcome === "allowed") },
  },
  {
    id: "searches-not-audited",
    description: "Searches of plans are not written to the audit log.",
    caughtBy: ["send.security.searches-and-denials-audited"],
    expect: /no search event for the ISP the search returned/,
    build: { store: (s) => auditDropping(s, (r) => r.action === "search" && r.kind !== "audit") },
  },
  {
    id: "denied-requests-not-audited",
    description: "Requests refused for tenancy or role are not written to the audit log.",
    caughtBy: ["send.security.searches-and-denials-audited"],
    expect: /no denied event for tenant B's read of the ISP/,
    build: { store: (s) => auditDropping(s, (r) => r.outcome === "denied") },
  },
  {
    id: "audit-loses-correlation-id",
    description: "Audit records keep only the server's own request id, not the caller's X-Correlation-Id.",
    caughtBy: ["send.security.searches-and-denials-audited"],
    expect: /no search event carries the caller's X-Correlation-Id/,
    build: { store: auditWithoutCallerCorrelation },
  },
  {
    id: "audit-reads-not-audited",
    description: "Reading the audit log leaves no trace in it.",
    caughtBy: ["send.security.audit-reads-audited"],
    expect: /read of the audit log .* is not itself in the audit log/,
    build: { store: (s) => auditDropping(s, (r) => r.kind === "audit") },
  },
  // Transfers: the receiving side
  {
    id: "inbox-accepts-unsigned-bundle",
    description: "The inbox imports a bundle with alg none (no signature).",
    caughtBy: ["send.transfer-receiver.unsigned-bundle-rejected"],
    expect: /\(alg none\): expected the bundle to be refused with 4xx, got HTTP 200/,
    build: { decorate: () => ({ transfer: transfer.acceptsUnsigned }) },
  },
  {
    id: "inbox-accepts-tampered-bundle",
    description: "The inbox skips the digest check: a document changed after its digest was taken is imported.",
    caughtBy: ["send.transfer-receiver.tampered-bundle-rejected"],
    expect: /document changed after its digest was taken .*expected the bundle to be refused with 4xx, got HTTP 200/,
    build: { decorate: () => ({ transfer: transfer.acceptsTampered }) },
  },
  {
    id: "inbox-accepts-unknown-key",
    description: "The inbox imports a bundle signed by a key no trusted JWKS lists.",
    caughtBy: ["send.transfer-receiver.unknown-key-rejected"],
    expect: /\(unknown kid\): expected the bundle to be refused with 4xx, got HTTP 200/,
    build: { decorate: () => ({ transfer: transfer.acceptsUnknownKey }) },
  },
  {
    id: "inbox-ignores-encryption",
    description: "The inbox never decrypts: a bundle encrypted to the receiving setting's published key is refused.",
    caughtBy: ["send.transfer-receiver.encrypted-bundle-accepted"],
    expect: /\(compact JWE\): expected HTTP 200 or 201 or 202, got 422 .*bundle\.encrypted-no-key/,
    build: { decorate: () => ({ transfer: transfer.ignoresEncryption }) },
  },
  {
    id: "inbox-replay-duplicates",
    description: "A replayed bundle is imported again: a new version of every document and a new receipt.",
    caughtBy: ["send.transfer-receiver.replay-idempotent"],
    expect: /the replayed bundle got a different receipt/,
    build: { decorate: () => ({ transfer: transfer.reimports("accepted") }) },
  },
  {
    id: "inbox-409-missing",
    description: "A different bundle under an already imported bundle id is imported instead of 409.",
    caughtBy: ["send.transfer-receiver.same-id-different-content-conflict"],
    expect: /same bundle id, different content\): expected HTTP 409, got 200/,
    build: { decorate: () => ({ transfer: transfer.reimports("conflict") }) },
  },
  {
    id: "import-re-tenants-matched-child",
    description:
      "The inbox matches the bundle's child by UPN across every tenant and re-files the match under the receiver.",
    caughtBy: ["send.transfer-receiver.foreign-child-not-re-tenanted"],
    expect: /the import moved it/,
    build: { decorate: () => ({ transfer: transfer.reTenantsMatchedChild }) },
  },
  {
    id: "import-matches-by-upn-only",
    description:
      "The inbox matches the child by UPN only: a plan naming a known child by ULN or NHS number gets a new child.",
    caughtBy: ["send.transfer-receiver.child-matched-by-uln-or-nhs-number"],
    expect: /the imported ISP is not filed under tenant A's child with the same ULN/,
    build: { decorate: () => ({ transfer: transfer.matchesByUpnOnly }) },
  },
  {
    id: "no-receipt",
    description: "The inbox answers 200 without a receipt.",
    caughtBy: ["send.transfer-receiver.valid-bundle-accepted", "send.transfer-sender.round-trip-fidelity"],
    expect: /the answer carries no receipt/,
    build: { decorate: () => ({ transfer: transfer.noReceipt }) },
  },
  {
    id: "receipt-unsigned",
    description: "Receipts are sent unsigned (alg none).",
    caughtBy: ["send.transfer-receiver.valid-bundle-accepted", "send.transfer-receiver.replay-idempotent"],
    expect: /the receipt is not signed/,
    build: { decorate: () => ({ transfer: transfer.receiptUnsigned }) },
  },
  // Transfers: the trust list
  {
    id: "trust-accepts-unlisted-key",
    description: "The inbox trusts a setting the trust list names whatever key signed its bundle.",
    caughtBy: ["send.transfer-receiver.trust-unlisted-key-refused"],
    expect: /entry does not list\): expected the bundle to be refused with 4xx, got HTTP 200/,
    build: { decorate: (store) => ({ transfer: transfer.trustsListedSettingAnyKey(store) }) },
  },
  {
    id: "trust-ignores-validity",
    description: "The inbox ignores the notBefore and notAfter the trust list gives a key.",
    caughtBy: [
      "send.transfer-receiver.trust-key-not-yet-valid-refused",
      "send.transfer-receiver.trust-key-expired-refused",
    ],
    expect: /lists? only (from tomorrow|until an hour ago)\): expected the bundle to be refused with 4xx, got HTTP 200/,
    build: { decorate: () => ({ transfer: transfer.ignoresKeyValidity }) },
  },
  {
    id: "trust-ignores-revocation",
    description: "The inbox ignores the trust list's revocations.",
    caughtBy: ["send.transfer-receiver.trust-key-revoked-refused", "send.transfer-receiver.trust-list-older-refused"],
    expect: /revoked[^)]*\): expected the bundle to be refused with 4xx, got HTTP 200/,
    build: { decorate: () => ({ transfer: transfer.ignoresRevocation }) },
  },
  {
    id: "trust-ignores-closure",
    description: "The inbox believes the keys of a setting the trust list says has closed.",
    caughtBy: ["send.transfer-receiver.trust-closed-setting-key-refused"],
    expect: /closed yesterday\): expected the bundle to be refused with 4xx, got HTTP 200/,
    build: { decorate: () => ({ transfer: transfer.ignoresSettingClosure }) },
  },
  {
    id: "trust-list-unsigned-accepted",
    description: "POST /trust-list believes a list whatever signed it: another key, a broken signature or none.",
    caughtBy: ["send.transfer-receiver.trust-list-forged-refused"],
    expect:
      /POST \/trust-list \(signed by a key that is not the trust anchor's\): expected a 4xx refusal, got HTTP 200/,
    build: { decorate: () => ({ transfer: transfer.trustListSignatureUnchecked }) },
  },
  {
    id: "trust-list-replay-accepted",
    description: "POST /trust-list lets an older issue replace a newer one, bringing back a revoked key.",
    caughtBy: ["send.transfer-receiver.trust-list-older-refused"],
    expect:
      /POST \/trust-list \(issue \d+ again, after issue \d+ revoked a key\): expected a 4xx refusal, got HTTP 200/,
    build: { decorate: () => ({ transfer: transfer.trustListReplayAccepted }) },
  },
  {
    id: "no-successor-delivery",
    description:
      "Successor links are ignored: bundles for a converted setting go to (and are refused for) its old URN.",
    caughtBy: ["send.transfer-sender.trust-successor-receives", "send.transfer-receiver.trust-successor-receives"],
    expect:
      /was delivered to the inbox of \d+, not to its successor|which converted; successor \d+\): expected HTTP 200 or 201 or 202, got 422/,
    build: { decorate: () => ({ transfer: transfer.noSuccessorDelivery }) },
  },
  {
    id: "delivers-to-closed-setting",
    description: "A setting that closed with no successor is sent to as if it were open.",
    caughtBy: ["send.transfer-sender.trust-closed-receiver-not-sent"],
    expect: /closed with no successor/,
    build: { decorate: () => ({ transfer: transfer.deliversToClosedSetting }) },
  },
  // Transfers: the sending side
  {
    id: "unclaimed-queue-by-upn-only",
    description:
      "The unclaimed queue ignores the ULN and NHS number filters: every unclaimed bundle of the LA answers.",
    caughtBy: ["send.transfer-sender.unclaimed-found-by-uln-or-nhs-number"],
    expect: /is found by a ULN that is not its child's/,
    build: {
      store: (s) =>
        searchQueryChanged(s, (q) =>
          q.kind === TRANSFER_KIND ? withoutFilter("nhsNumber")(withoutFilter("uln")(q)) : q,
        ),
    },
  },
  {
    id: "self-addressed-transfer-allowed",
    description: "A setting may send a child's records to itself.",
    caughtBy: ["send.transfer-sender.self-addressed-refused"],
    expect: /addressed to the caller's own setting .*expected a 4xx refusal, got HTTP 201/,
    build: { decorate: () => ({ transfer: transfer.selfAddressedAllowed }) },
  },
  {
    id: "sender-ignores-receipt",
    description: "The sender marks a transfer accepted without keeping the receiver's receipt.",
    caughtBy: ["send.transfer-sender.receipt-recorded"],
    expect: /does not hold the receipt the suite sent \(receipt absent\)/,
    build: { decorate: () => ({ transfer: transfer.senderIgnoresReceipt }) },
  },
  {
    id: "export-includes-safeguarding",
    description: "Safeguarding-labelled sections are sent by default.",
    caughtBy: ["send.transfer-sender.safeguarding-withheld-and-recorded"],
    expect: /was sent although the transfer did not include safeguarding/,
    build: { decorate: () => ({ transfer: transfer.exportIncludesSafeguarding }) },
  },
  {
    id: "redaction-not-recorded",
    description: "Sections left out by sharing labels are not recorded as redactions.",
    caughtBy: ["send.transfer-sender.safeguarding-withheld-and-recorded"],
    expect: /no redaction records .* as withheld/,
    build: { decorate: () => ({ transfer: transfer.redactionNotRecorded }) },
  },
  {
    id: "export-drops-field",
    description: "The exporter forgets a field: an ISP's key people are not sent.",
    caughtBy: ["send.transfer-sender.documents-sent-unchanged", "send.transfer-sender.round-trip-fidelity"],
    expect: /differs from the stored ISP at \/keyPeople/,
    build: { decorate: () => ({ transfer: transfer.exportDropsField }) },
  },
  {
    id: "metrics-leaks-names",
    description: "The transfer metrics list the children behind the figures by name.",
    caughtBy: ["send.transfer-sender.metrics-no-personal-data"],
    expect: /the metrics reveal a child's given name/,
    build: { decorate: (store) => ({ handler: metricsLeakingNames(store) }) },
  },
  {
    id: "cross-la-query-leaks-dob",
    description: "A cross-LA query's matches give the held child's date of birth.",
    caughtBy: ["send.transfer-sender.cross-la-query-reveals-nothing-new"],
    expect: /the query answer reveals the child's date of birth/,
    build: { decorate: (store) => ({ handler: crossLaQueryLeakingDob(store) }) },
  },
  {
    id: "request-without-approval",
    description:
      "The requesting LA can approve its own request, so a bundle is released without the holding LA's approval.",
    caughtBy: ["send.transfer-sender.cross-la-release-needs-approval"],
    expect: /the requesting local authority approved its own request \(HTTP 200\)/,
    build: { decorate: (store) => ({ handler: requestWithoutApproval(store) }) },
  },
  // Transfers: the two-stage acknowledgement (issue 16)
  {
    id: "ack-unsigned",
    description: "Integration acknowledgements are sent to the sender unsigned (alg none).",
    caughtBy: [
      "send.transfer-receiver.integration-acknowledgement-signed",
      "send.transfer-receiver.not-integrated-needs-reason",
    ],
    expect: /acknowledgement .*does not verify.*alg "none" is not ES256/,
    build: { decorate: () => ({ transfer: transfer.acknowledgementUnsigned }) },
  },
  {
    id: "ack-not-verified",
    description: "The sender believes an integration acknowledgement without checking its signature.",
    caughtBy: ["send.transfer-sender.integration-acknowledgement-forged-refused"],
    expect: /signed by another key under the receiver's kid: expected a 4xx refusal, got HTTP 200/,
    build: { decorate: () => ({ transfer: transfer.acknowledgementNotVerified }) },
  },
  {
    id: "escalation-never",
    description: "A transfer received but never integrated is never escalated to the local authority.",
    caughtBy: ["send.transfer-sender.escalation-listed-for-la"],
    expect: /is not in GET \/transfers\/escalated 40 days later/,
    build: { decorate: () => ({ transfer: transfer.escalationNever }) },
  },
];

export const FAULT_IDS: readonly string[] = FAULT_CATALOGUE.map((f) => f.id);
