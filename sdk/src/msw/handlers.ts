// msw request handlers that behave like the SEND Interchange API for the stored document kinds, SPPs, validation
// and discovery: bearer tokens mapped to roles, scope checks (403), tenancy (404 for foreign records), validation
// with the SDK's own validate() (422 problem+json with pointers), ETags with 428/412 on updates and 304 on reads,
// immutable versions, and cursor pagination with Link rel="next". Front ends can be tested without a server.
// Plans get server-assigned ids, voice authorship follows the caller's role, and families' agreements are recorded
// with the server's rules (the agreements route comes from the generated route table); the mock holds no
// child directory, so it does not check that a plan's child.personId names a registered child (SI-API-058).
import { http, type HttpHandler } from "msw";
import { CURRENT_SCHEMA_VERSION, STANDARD_VERSION, SUPPORTED_SCHEMA_VERSIONS } from "../../generated/document-types.ts";
import { validate as sdkValidate } from "../validate/index.ts";
import type { ValidationResult } from "../validate/index.ts";
import { MemoryStore, type MockActor, type MockKind, type MockVersion } from "./memory-store.ts";
import { extractSearchFacts, type SearchFacts } from "../documents/search-facts.ts";
import { filterNamesOf, matchesFilters, readFilters } from "../documents/search-filters.ts";
import { readStrictQuery } from "../http/strict-query.ts";
import { readChangeReason } from "../http/change-reason.ts";
import { invalidParameter, MockProblem, notFound, problemResponse, type MockProblemItem } from "./problems.ts";
import { canSee, mayUse, type MockPrincipal } from "./roles.ts";
import { newRecordId, withAssignedId } from "../documents/record-id.ts";
import { updateInstant, withServerProvenance } from "../documents/server-provenance.ts";
import { appendVoice, type VoiceDocumentType } from "../documents/voice.ts";
import { voiceAuthorshipErrors } from "../documents/voice-authorship.ts";
import { appendAgreement, AGREEMENT_HOLDERS, type AgreementDocumentType } from "../documents/agreement.ts";
import { OPERATIONS, type OperationSpec } from "../../generated/operations.ts";
import { getCodeList } from "../vocab/index.ts";

export interface SendHandlersOptions {
  /** Where the mocked API lives (the same baseUrl the client is given). */
  baseUrl: string;
  /** Documents stored as version 1 before the first request (their kind comes from `documentType`). */
  seed?: readonly unknown[];
  /** Bearer token → who it stands for. A request with an unknown token is 401. */
  tokens?: Readonly<Record<string, MockPrincipal>>;
  /** Validation used for writes (default: the SDK's validate()). */
  validate?: (document: unknown) => ValidationResult;
  clock?: () => Date;
}

export type SendHandlers = HttpHandler[] & {
  /** The in-memory records, for assertions and resets. */
  store: MemoryStore;
  /** Resolves once the seed documents are stored. */
  ready: Promise<void>;
};

interface KindConfig {
  kind: MockKind;
  path: string;
  personal: boolean;
  readScope: string;
  writeScope: string;
  voiceScope?: string;
}

const plan = (kind: Exclude<MockKind, "spp">, path: string): KindConfig => ({
  kind,
  path,
  personal: true,
  readScope: `${kind}:read`,
  writeScope: `${kind}:write`,
  voiceScope: `${kind}:voice`,
});

const KINDS: readonly KindConfig[] = [
  plan("isp", "/isps"),
  plan("ehcp", "/ehcps"),
  plan("legacy-ehcp", "/legacy-ehcps"),
  plan("development-profile", "/development-profiles"),
  {
    kind: "spp",
    path: "/spps",
    personal: false,
    readScope: "spp:read",
    writeScope: "spp:publish",
  },
];

const STORED_DOCUMENT_TYPES: ReadonlySet<string> = new Set(KINDS.map((k) => k.kind));
const WELL_FORMED_CORRELATION_ID = /^[A-Za-z0-9._:-]{8,128}$/;

interface Ctx {
  request: Request;
  url: URL;
  correlationId: string;
  principal?: MockPrincipal;
  body?: unknown;
  params: Record<string, string>;
}

type Route = {
  method: string;
  pattern: RegExp;
  names: readonly string[];
  scope?: string;
  hasBody?: boolean;
  run: (ctx: Ctx) => Promise<Response>;
};

const b64url = (s: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const unb64url = (s: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

function readQuery(url: URL, allowed: readonly string[]): Record<string, string> {
  return readStrictQuery(url.searchParams, allowed, invalidParameter);
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 20;
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= 100)) throw invalidParameter("/query/limit", "limit must be a whole number from 1 to 100.");
  return n;
}

function parseCursor(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(raw))
    throw invalidParameter("/query/cursor", "cursor is not one this server issued.");
  try {
    return unb64url(raw);
  } catch {
    throw invalidParameter("/query/cursor", "cursor is not one this server issued.");
  }
}

function nextLink(url: URL, cursor: string | undefined): Record<string, string> {
  if (!cursor) return {};
  const next = new URL(url);
  next.searchParams.set("cursor", cursor);
  return { link: `<${next.pathname}${next.search}>; rel="next"` };
}

const ifMatchSatisfied = (header: string, etag: string) =>
  header
    .split(",")
    .map((s) => s.trim())
    .some((t) => t === "*" || (!t.startsWith("W/") && t === etag));
const opaque = (t: string) => (t.startsWith("W/") ? t.slice(2) : t);
const ifNoneMatchHits = (header: string | null, etag: string) =>
  !!header &&
  header
    .split(",")
    .map((s) => s.trim())
    .some((t) => t === "*" || opaque(t) === opaque(etag));

export function createSendHandlers(options: SendHandlersOptions): SendHandlers {
  const base = new URL(`${options.baseUrl.replace(/\/+$/, "")}/`);
  const basePath = base.pathname.replace(/\/$/, "");
  const store = new MemoryStore();
  const tokens = options.tokens ?? {};
  const validate = options.validate ?? sdkValidate;
  const now = () => (options.clock ?? (() => new Date()))().toISOString();

  const ready = (async () => {
    for (const doc of options.seed ?? []) {
      const type = (doc as { documentType?: unknown }).documentType;
      const id = (doc as { id?: unknown }).id;
      if (typeof type !== "string" || !STORED_DOCUMENT_TYPES.has(type) || typeof id !== "string") {
        throw new TypeError(
          `seed documents must be stored kinds with an id (${[...STORED_DOCUMENT_TYPES].join(", ")})`,
        );
      }
      await store.write(type as MockKind, id, doc, {
        at: now(),
        by: { subject: "seed", role: "system-integration" },
        reason: "seeded",
        correlationId: "seed",
      });
    }
  })();
  ready.catch(() => undefined); // surfaced on the first request instead of as an unhandled rejection

  function documentErrors(body: unknown, expected: string): MockProblemItem[] {
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      return [{ pointer: "", ruleId: "schema.type", message: "The body must be a JSON object (a document)." }];
    }
    const declared = (body as { documentType?: unknown }).documentType;
    if (declared !== expected) {
      return [
        {
          pointer: "/documentType",
          ruleId: "schema.document-type",
          message: `This address stores "${expected}" documents; the body declares ${JSON.stringify(declared ?? null)}.`,
        },
      ];
    }
    const result = validate(body);
    if (result.valid) return [];
    const items: MockProblemItem[] = result.errors.map((e) => ({
      pointer: e.pointer,
      ruleId: e.ruleId,
      message: e.message,
    }));
    for (const f of result.findings)
      if (f.severity === "error") items.push({ pointer: f.pointer, ruleId: f.ruleId, message: f.message });
    return items.length > 0 ? items : [{ pointer: "", ruleId: "schema", message: "The document is not valid." }];
  }

  const validationProblem = (errors: MockProblemItem[]) =>
    new MockProblem("validation-failed", `The document has ${errors.length} error(s); nothing was stored.`, { errors });

  function actor(p: MockPrincipal): MockActor {
    return { subject: p.sub ?? p.role, role: p.role, ...(p.system ? { system: p.system } : {}) };
  }

  /** A record's tenancy, with gaps filled from the caller (a setting files its own plans). */
  function scopeOf(v: { facts: SearchFacts }, p?: MockPrincipal) {
    return {
      settingUrn: v.facts.settingUrn ?? p?.settingUrn,
      laCode: v.facts.laCode ?? p?.laCode,
      childId: v.facts.childId,
    };
  }

  function changeReason(req: Request, required: boolean, fallback: string): string {
    return readChangeReason(req.headers.get("change-reason"), required, fallback, invalidParameter);
  }

  function kindRoutes(cfg: KindConfig): Route[] {
    const visible = (ctx: Ctx, v: MockVersion) =>
      !cfg.personal ||
      canSee(ctx.principal!, { settingUrn: v.facts.settingUrn, laCode: v.facts.laCode, childId: v.facts.childId });
    const load = (ctx: Ctx, id: string, version?: number): MockVersion => {
      const v = store.get(cfg.kind, id, version);
      if (!v || !visible(ctx, v)) throw notFound();
      return v;
    };
    const answerRead = (ctx: Ctx, v: MockVersion): Response => {
      const headers = { etag: v.etag };
      if (ifNoneMatchHits(ctx.request.headers.get("if-none-match"), v.etag))
        return new Response(null, { status: 304, headers });
      return json(v.body, 200, headers);
    };
    const itemPath = (id: string) => `${basePath}${cfg.path}/${encodeURIComponent(id)}`;

    async function writeNext(
      ctx: Ctx,
      requireIfMatch: boolean,
      next: (current: MockVersion) => unknown,
    ): Promise<MockVersion> {
      const p = ctx.principal!;
      const ifMatch = ctx.request.headers.get("if-match");
      if (requireIfMatch && !ifMatch)
        throw new MockProblem("precondition-required", "Send If-Match with the ETag of the version you edited.");
      const reason = changeReason(ctx.request, true, "");
      const id = ctx.params.id!;
      const current = load(ctx, id);
      if (ifMatch && !ifMatchSatisfied(ifMatch, current.etag)) {
        throw new MockProblem(
          "precondition-failed",
          "The resource has changed since you read it; read it again and retry.",
          { headers: { etag: current.etag } },
        );
      }
      // Server-maintained provenance, as on the reference server; the document is judged as it will be stored.
      const at = now();
      const body = withServerProvenance(next(current), new Date(at), reason, current.body);
      const errors = documentErrors(body, cfg.kind);
      if (errors.length > 0) throw validationProblem(errors);
      if ((body as { id?: unknown }).id !== id)
        throw new MockProblem("conflict", "The body's id differs from the id in the address.");
      const facts = extractSearchFacts(body);
      if (cfg.personal && !canSee(p, scopeOf({ facts }, p))) {
        throw new MockProblem(
          "forbidden",
          "A record cannot be moved outside your own setting or local authority; use a transfer.",
        );
      }
      return store.write(cfg.kind, id, body, {
        at,
        by: actor(p),
        reason,
        correlationId: ctx.correlationId,
        facts: { ...facts, ...scopeOf({ facts }, p) },
      });
    }

    const routes: Route[] = [
      {
        method: "GET",
        pattern: new RegExp(`^${escapeRegExp(cfg.path)}$`),
        names: [],
        scope: cfg.readScope,
        run: async (ctx) => {
          const q = readQuery(ctx.url, [...filterNamesOf(cfg.kind), "limit", "cursor"]);
          const limit = parseLimit(q.limit);
          const after = parseCursor(q.cursor);
          const filters = readFilters(cfg.kind, q, invalidParameter);
          const matches = store
            .current(cfg.kind)
            .filter(
              (v) => visible(ctx, v) && (after === undefined || v.id > after) && matchesFilters(v.facts, filters),
            );
          const page = matches.slice(0, limit);
          const nextCursor = matches.length > limit ? b64url(page.at(-1)!.id) : undefined;
          return json(
            { items: page.map((v) => v.body), ...(nextCursor ? { nextCursor } : {}) },
            200,
            nextLink(ctx.url, nextCursor),
          );
        },
      },
      {
        method: "POST",
        pattern: new RegExp(`^${escapeRegExp(cfg.path)}$`),
        names: [],
        scope: cfg.writeScope,
        hasBody: true,
        run: async (ctx) => {
          const p = ctx.principal!;
          // Plans get a fresh server-assigned id whatever id the body carries, as on the server (SI-API-057); SPPs
          // keep their catalogue id, and one in use is 409.
          const body = cfg.personal ? withAssignedId(ctx.body, newRecordId(), false) : ctx.body;
          const errors = documentErrors(body, cfg.kind);
          if (errors.length > 0) throw validationProblem(errors);
          const id = (body as { id: string }).id;
          const facts = extractSearchFacts(body);
          const scope = scopeOf({ facts }, p);
          if (cfg.personal && !canSee(p, scope))
            throw new MockProblem("forbidden", "You may only file records under your own setting or local authority.");
          if (store.get(cfg.kind, id))
            throw new MockProblem(
              "conflict",
              `A record with id ${JSON.stringify(id)} already exists; update it with PUT instead.`,
            );
          const stored = await store.write(cfg.kind, id, body, {
            at: now(),
            by: actor(p),
            reason: changeReason(ctx.request, false, "created"),
            correlationId: ctx.correlationId,
            facts: { ...facts, ...scope },
          });
          return json(stored.body, 201, { location: itemPath(id), etag: stored.etag });
        },
      },
      {
        method: "GET",
        pattern: new RegExp(`^${escapeRegExp(cfg.path)}/([^/]+)$`),
        names: ["id"],
        scope: cfg.readScope,
        run: async (ctx) => {
          if (cfg.personal) checkPurpose(ctx.url);
          return answerRead(ctx, load(ctx, ctx.params.id!));
        },
      },
      {
        method: "PUT",
        pattern: new RegExp(`^${escapeRegExp(cfg.path)}/([^/]+)$`),
        names: ["id"],
        scope: cfg.writeScope,
        hasBody: true,
        run: async (ctx) => {
          const stored = await writeNext(ctx, true, () => ctx.body);
          return json(stored.body, 200, {
            etag: stored.etag,
            "content-location": `${itemPath(stored.id)}/versions/${stored.version}`,
          });
        },
      },
      {
        method: "GET",
        pattern: new RegExp(`^${escapeRegExp(cfg.path)}/([^/]+)/versions$`),
        names: ["id"],
        scope: cfg.readScope,
        run: async (ctx) => {
          const q = readQuery(ctx.url, ["limit", "cursor"]);
          const limit = parseLimit(q.limit);
          const rawCursor = parseCursor(q.cursor);
          const current = load(ctx, ctx.params.id!);
          const after = rawCursor === undefined ? 0 : Number(rawCursor);
          if (!Number.isInteger(after) || after < 0)
            throw invalidParameter("/query/cursor", "cursor is not one this server issued.");
          const page = store
            .versions(cfg.kind, current.id)
            .filter((v) => v.version > after)
            .slice(0, limit);
          const last = page.at(-1);
          const nextCursor = last && last.version < current.version ? b64url(String(last.version)) : undefined;
          const items = page.map((v) => ({
            version: v.version,
            etag: v.etag,
            recordedAt: v.recordedAt,
            recordedBy: v.recordedBy,
            ...(v.reason ? { reason: v.reason } : {}),
            ...(v.facts.status ? { status: v.facts.status } : {}),
            correlationId: v.correlationId,
          }));
          return json({ items, ...(nextCursor ? { nextCursor } : {}) }, 200, nextLink(ctx.url, nextCursor));
        },
      },
      {
        method: "GET",
        pattern: new RegExp(`^${escapeRegExp(cfg.path)}/([^/]+)/versions/([^/]+)$`),
        names: ["id", "version"],
        scope: cfg.readScope,
        run: async (ctx) => {
          const raw = ctx.params.version!;
          if (!/^[1-9]\d{0,8}$/.test(raw))
            throw invalidParameter("/path/version", "version must be a whole number from 1.");
          if (cfg.personal) checkPurpose(ctx.url);
          load(ctx, ctx.params.id!); // tenancy is decided on the current version
          return answerRead(ctx, load(ctx, ctx.params.id!, Number(raw)));
        },
      },
    ];
    if (cfg.voiceScope) {
      routes.push({
        method: "POST",
        pattern: new RegExp(`^${escapeRegExp(cfg.path)}/([^/]+)/voice$`),
        names: ["id"],
        scope: cfg.voiceScope,
        hasBody: true,
        run: async (ctx) => {
          const contribution = ctx.body;
          const stored = await writeNext(ctx, false, (current) => {
            const { document, statement, pointer } = appendVoice(
              cfg.kind as VoiceDocumentType,
              current.body,
              contribution,
            );
            const errors = voiceAuthorshipErrors(ctx.principal!.role, statement, pointer);
            if (errors.length > 0) throw validationProblem(errors);
            return document;
          });
          return json(stored.body, 201, {
            etag: stored.etag,
            location: `${itemPath(stored.id)}/versions/${stored.version}`,
          });
        },
      });
    }
    const agreements = agreementOperation(cfg.path);
    if (agreements && cfg.kind in AGREEMENT_HOLDERS) {
      routes.push({
        method: agreements.method.toUpperCase(),
        pattern: new RegExp(`^${escapeRegExp(cfg.path)}/([^/]+)/agreements$`),
        names: ["id"],
        scope: agreements.scope,
        hasBody: true,
        run: async (ctx) => {
          const p = ctx.principal!;
          const stored = await writeNext(ctx, false, (current) => {
            // The author is the caller, as on the server: a family member for themselves, staff only on their behalf.
            const made = appendAgreement(cfg.kind as AgreementDocumentType, current.body, ctx.body, {
              role: p.role,
              subject: p.sub ?? p.role,
              // The day this version is written, as its provenance will say.
              today: updateInstant(new Date(now()), current.body, current.body).slice(0, 10),
            });
            if (made.errors.length > 0) throw validationProblem(made.errors);
            return made.document;
          });
          return json(stored.body, 201, {
            etag: stored.etag,
            location: `${itemPath(stored.id)}/versions/${stored.version}`,
          });
        },
      });
    }
    return routes;
  }

  const routes: Route[] = [
    {
      method: "GET",
      pattern: /^\/$/,
      names: [],
      run: async () =>
        json(
          {
            standard: "SEND Interchange",
            standardVersion: STANDARD_VERSION,
            schemaVersions: { current: CURRENT_SCHEMA_VERSION, supported: [...SUPPORTED_SCHEMA_VERSIONS] },
            documentTypes: KINDS.map((k) => ({
              documentType: k.kind,
              title: k.kind,
              schema: `https://schemas.send-interchange.org.uk/1/${k.kind}.schema.json`,
              path: k.path,
            })),
            openapi: "/openapi.json",
            docs: "/docs",
            problemTypes: "https://schemas.send-interchange.org.uk/1/problems/",
          },
          200,
        ),
    },
    { method: "GET", pattern: /^\/healthz$/, names: [], run: async () => json({ status: "ok" }, 200) },
    { method: "GET", pattern: /^\/readyz$/, names: [], run: async () => json({ status: "ready" }, 200) },
    {
      method: "POST",
      pattern: /^\/\$validate$/,
      names: [],
      scope: "documents:validate",
      hasBody: true,
      run: async (ctx) => {
        const r = validate(ctx.body);
        return json(
          { valid: r.valid, documentType: r.documentType ?? null, errors: r.errors, findings: r.findings },
          200,
        );
      },
    },
    ...KINDS.flatMap(kindRoutes),
  ];

  async function dispatch(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    if (url.origin !== base.origin || !url.pathname.startsWith(basePath)) return undefined;
    const path = url.pathname.slice(basePath.length) || "/";
    let route: Route | undefined;
    let match: RegExpExecArray | null = null;
    for (const r of routes) {
      if (r.method !== request.method) continue;
      match = r.pattern.exec(path);
      if (match) {
        route = r;
        break;
      }
    }
    if (!route || !match) return undefined; // not an operation the mock knows: let msw treat it as unhandled
    const offered = request.headers.get("x-correlation-id");
    const correlationId =
      offered && WELL_FORMED_CORRELATION_ID.test(offered) ? offered : globalThis.crypto.randomUUID();
    const params: Record<string, string> = {};
    route.names.forEach((n, i) => {
      params[n] = decodeURIComponent(match![i + 1]!);
    });
    const ctx: Ctx = { request, url, correlationId, params };
    let res: Response;
    try {
      await ready;
      if (route.scope) {
        const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
        if (!m)
          throw new MockProblem("unauthorized", "Send a bearer token in the Authorization header.", {
            headers: { "www-authenticate": 'Bearer realm="send-interchange"' },
          });
        const principal = tokens[m[1]!];
        if (!principal)
          throw new MockProblem(
            "unauthorized",
            "The bearer token is not valid (signature, issuer, audience or expiry).",
            { headers: { "www-authenticate": 'Bearer realm="send-interchange", error="invalid_token"' } },
          );
        if (!mayUse(principal, route.scope))
          throw new MockProblem(
            "forbidden",
            `The ${principal.role} role may not do this (it needs the ${route.scope} scope).`,
          );
        ctx.principal = principal;
      }
      if (route.hasBody) {
        const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
        if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
          throw new MockProblem("unsupported-media-type", "Send the body as application/json.", {
            headers: { "accept-post": "application/json" },
          });
        }
        try {
          ctx.body = JSON.parse(await request.text());
        } catch {
          throw new MockProblem("malformed-json", "The body could not be parsed as JSON.");
        }
      }
      res = await route.run(ctx);
    } catch (err) {
      if (!(err instanceof MockProblem)) throw err;
      res = problemResponse(err, correlationId);
    }
    res.headers.set("x-correlation-id", correlationId);
    return res;
  }

  const origin = base.origin + basePath;
  const handlers: HttpHandler[] = [
    http.all(`${origin}/`, ({ request }) => dispatch(request)),
    http.all(`${origin}/*`, ({ request }) => dispatch(request)),
  ];
  return Object.assign(handlers, { store, ready });
}

/** The agreements operation of the plans at `path` in the generated route table (spec/agreement-routes.ts), if any. */
function agreementOperation(path: string): OperationSpec | undefined {
  const ops: readonly OperationSpec[] = Object.values(OPERATIONS);
  return ops.find((op) => op.path === `${path}/{id}/agreements`);
}

/** Why a plan is read (`purpose` on plan reads): the mock keeps no audit, but refuses a code outside the list as the
 *  server does. */
const ACCESS_PURPOSES: readonly string[] = getCodeList("access-purposes")!.codes.map((c) => c.code);
function checkPurpose(url: URL): void {
  const purpose = url.searchParams.get("purpose");
  if (purpose !== null && !ACCESS_PURPOSES.includes(purpose))
    throw invalidParameter("/query/purpose", `purpose must be one of: ${ACCESS_PURPOSES.join(", ")}.`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
