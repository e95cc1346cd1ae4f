// Builds the OpenAPI 3.1 description from the schemas (schemas/) and the route table (spec/routes.ts).
// `buildOpenApi()` is pure apart from reading schemas/ and examples/worked/; the central generator
// (npm run generate) calls it and writes/compares spec/generated/openapi.json. Run this file directly to write it:
//   npx tsx spec/build-openapi.ts          (write)     npx tsx spec/build-openapi.ts --check   (compare)
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  OpenApiBuilder,
  type ExampleObject,
  type MediaTypeObject,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
} from "openapi3-ts/oas31";
import { HEADERS, PARAMETERS } from "./api-parameters.ts";
import { apiSchemas } from "./api-schemas.ts";
import { TAG_DESCRIPTIONS, apiDescription } from "./describe-api.ts";
import { hoistSchemas, readManifest, readSchemaFiles } from "./hoist-schemas.ts";
import { PROBLEM_BASE, PROBLEM_TYPES, problemType, type ProblemKind } from "./problems.ts";
import { ROLES, SCOPES, SHARED_VIEW_FRAME, rolesWithScope } from "./roles.ts";
import { ROUTES, type BodySpec, type HeaderName, type RouteSpec, type TagName } from "./routes.ts";
import { versionedComponents } from "./versioned-schemas.ts";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OPENAPI_PATH = "spec/generated/openapi.json";
export const GENERATED_NOTE = "generated from schemas/ and spec/routes.ts by `npm run generate` — do not edit";

export interface BuildOptions {
  root?: string;
  /** When true, a referenced example file that does not exist is an error. Default false: it is left out, so that
   *  `npm run generate` works while examples are being written; spec/openapi.test.ts requires every one to exist. */
  requireExamples?: boolean;
  /** Schema files computed in memory by the generator (path relative to schemas/ → schema), used instead of disk. */
  schemaOverrides?: Readonly<Record<string, Record<string, unknown>>>;
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  412: "Precondition failed",
  413: "Content too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  428: "Precondition required",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

/** The security scheme every protected operation names its scope in. */
export const OAUTH_SCHEME = "oauth2";
/** Where tokens come from: the deployment's identity provider, so these are relative placeholders it serves or maps. */
const OAUTH_URLS = { token: "/oauth2/token", authorize: "/oauth2/authorize" } as const;

const schemaRef = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });
const exampleKey = (file: string) => `worked-${file.replace(/\.json$/, "")}`;
const problemExampleKey = (kind: ProblemKind) => `problem-${kind}`;

function problemExample(kind: ProblemKind): ExampleObject {
  const p = problemType(kind);
  const value: Record<string, unknown> = {
    type: PROBLEM_BASE + kind,
    title: p.title,
    status: p.status,
    detail: `${p.description.split(". ")[0]!.replace(/\.$/, "")}.`,
    instance: "/isps/3f2a6c1e-5b7d-4e8a-9c0f-1a2b3c4d5e6f",
    correlationId: "01JD3Q6Z8T2M4X7K9B5N1C0V8R",
  };
  if (kind === "validation-failed")
    value.errors = [
      {
        pointer: "/barriers/0/areaOfDevelopment",
        ruleId: "schema.enum",
        message: "must be one of the area-of-development codes",
      },
    ];
  if (kind === "invalid-parameter")
    value.errors = [
      { pointer: "/query/limit", ruleId: "api.limit-range", message: "limit must be a whole number from 1 to 100." },
    ];
  return { summary: p.title, value };
}

interface Ctx {
  root: string;
  /** Schema (a record or a page of records) → the schema of what a role with a sharing limit may receive instead. */
  views: Map<string, string>;
  /** Document schema → its per-version schemas, when the supported versions differ (spec/versioned-schemas.ts). */
  variants: ReadonlyMap<string, readonly { name: string }[]>;
  requireExamples: boolean;
  usedExamples: Map<string, unknown>;
}

function exampleRefs(ctx: Ctx, files: readonly string[] | undefined): Record<string, ReferenceObject> | undefined {
  if (!files || files.length === 0) return undefined;
  const out: Record<string, ReferenceObject> = {};
  for (const file of files) {
    const path = join(ctx.root, "examples", "worked", file);
    if (!existsSync(path)) {
      if (ctx.requireExamples) throw new Error(`example examples/worked/${file} does not exist`);
      continue;
    }
    ctx.usedExamples.set(file, JSON.parse(readFileSync(path, "utf8")));
    out[exampleKey(file)] = { $ref: `#/components/examples/${exampleKey(file)}` };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function media(ctx: Ctx, body: BodySpec, schema: string = body.schema): Record<string, MediaTypeObject> {
  const m: MediaTypeObject = { schema: schemaRef(schema) };
  const examples = exampleRefs(ctx, body.examples);
  if (examples) m.examples = examples;
  const out: Record<string, MediaTypeObject> = { [body.contentType ?? "application/json"]: m };
  for (const alt of body.alternatives ?? []) out[alt.contentType] = { schema: schemaRef(alt.schema) };
  return out;
}

const hdr = (name: HeaderName): ReferenceObject => ({ $ref: `#/components/headers/${name}` });

/** Headers a response carries whatever its status: the correlation id always, the rate-limit state on limited routes. */
function commonHeaders(r: RouteSpec): HeaderName[] {
  return [
    "X-Correlation-Id",
    ...(r.errors.includes("rate-limited") ? (["RateLimit-Limit", "RateLimit-Remaining"] as const) : []),
  ];
}

/** Headers that come with an error status: the challenge, when to retry, the current ETag, the accepted media types. */
const ERROR_HEADERS: Readonly<Record<number, readonly HeaderName[]>> = {
  412: ["ETag"],
  415: ["Accept-Post"],
  429: ["Retry-After", "RateLimit-Reset"],
  503: ["Retry-After"],
};

/** Roles with a sharing limit (spec/roles.ts `sharingLabels`) receive partial views of personal records. */
const PROJECTING_SCOPES: ReadonlySet<string> = new Set(ROLES.filter((r) => r.sharingLabels).flatMap((r) => r.scopes));
const PERSONAL = new Set(["child", "isp", "ehcp", "legacy-ehcp", "development-profile"]);

/** Whether a role with a sharing limit may read this operation's records, so that its 200 body may be a shared view. */
const mayBeProjected = (r: RouteSpec): boolean =>
  r.method === "get" && !!r.scope && PROJECTING_SCOPES.has(r.scope) && PERSONAL.has(r.resource ?? "");

function errorResponses(kinds: readonly ProblemKind[], common: readonly HeaderName[]): Record<string, ResponseObject> {
  const byStatus = new Map<number, ProblemKind[]>();
  for (const k of kinds) {
    const s = problemType(k).status;
    byStatus.set(s, [...(byStatus.get(s) ?? []), k]);
  }
  const out: Record<string, ResponseObject> = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const ks = byStatus.get(status)!;
    const headers: ResponseObject["headers"] = {};
    if (status === 401) headers["WWW-Authenticate"] = { $ref: "#/components/headers/WWW-Authenticate" };
    for (const h of [...(ERROR_HEADERS[status] ?? []), ...common]) headers[h] = hdr(h);
    const res: ResponseObject = {
      description: `${STATUS_TEXT[status] ?? "Error"}: ${ks.map((k) => `\`${k}\``).join(", ")}.`,
      content: {
        "application/problem+json": {
          schema: schemaRef("Problem"),
          examples: Object.fromEntries(ks.map((k) => [k, { $ref: `#/components/examples/${problemExampleKey(k)}` }])),
        },
      },
    };
    if (Object.keys(headers).length > 0) res.headers = headers;
    out[String(status)] = res;
  }
  return out;
}

function operation(ctx: Ctx, r: RouteSpec): OperationObject {
  const op: OperationObject = {
    operationId: r.operationId,
    summary: r.summary,
    description: r.description + (r.scope ? `\n\nRequires scope \`${r.scope}\`.` : ""),
    tags: [r.tag],
    security: r.scope ? [{ [OAUTH_SCHEME]: [r.scope] }] : [],
    "x-roles": r.scope ? rolesWithScope(r.scope) : ["public"],
  };
  const responses: Record<string, ResponseObject> = {};
  if (r.parameters.length > 0)
    op.parameters = r.parameters.map((p): ReferenceObject => ({ $ref: `#/components/parameters/${p}` }));
  if (r.requestBody)
    op.requestBody = {
      required: true,
      description: r.requestBody.description,
      content: media(
        ctx,
        r.requestBody,
        r.requestBody.idAssigned ? newRecordName(r.requestBody.schema) : r.requestBody.schema,
      ),
    };
  const common = commonHeaders(r);
  for (const res of r.responses) {
    const out: ResponseObject = { description: res.description };
    const projected =
      res.status === 200 && res.body !== undefined && mayBeProjected(r) && ctx.views.has(res.body.schema);
    const headers: HeaderName[] = [
      ...(res.headers ?? []),
      ...(projected ? (["X-Send-Projection"] as const) : []),
      ...common,
    ];
    out.headers = Object.fromEntries(headers.map((h) => [h, hdr(h)]));
    if (res.body) out.content = media(ctx, res.body, projected ? ctx.views.get(res.body.schema)! : res.body.schema);
    if (projected)
      out.description +=
        " For a role with a sharing limit (`X-Send-Projection: sharing-labels`), the shared view: only the sections labelled for it.";
    responses[String(res.status)] = out;
  }
  op.responses = { ...responses, ...errorResponses(r.errors, common) };
  return op;
}

const refName = (s: SchemaObject | ReferenceObject | undefined): string | undefined =>
  s && "$ref" in s && typeof s.$ref === "string" ? s.$ref.replace("#/components/schemas/", "") : undefined;

/**
 * The partial views roles with a sharing limit receive (server/src/access/projection.ts): for each record schema read
 * by such a role, `<Name>SharedView` — the same members, of which only the frame members (spec/roles.ts
 * SHARED_VIEW_FRAME) stay required, and no whole-record constraints — and `<Name>OrSharedView`, what the response may
 * be; pages of such records get `<Page>OrSharedView`. Records `views` (schema → response schema) for operation().
 */
function sharedViews(
  routes: readonly RouteSpec[],
  schemas: Record<string, SchemaObject>,
  ctx: Ctx,
): Record<string, SchemaObject> {
  const { views } = ctx;
  const out: Record<string, SchemaObject> = {};
  const sharedView = (name: string): void => {
    const full = schemas[name]!;
    out[`${name}SharedView`] = {
      type: "object",
      title: `${full.title ?? name} (shared view)`,
      description:
        `What a role with a sharing limit (the health commissioner) receives instead of the whole ` +
        `record, marked by \`X-Send-Projection: sharing-labels\`: the record's frame ` +
        `(${SHARED_VIEW_FRAME.map((f) => `\`${f}\``).join(", ")}, where the record has them) and ` +
        `only the sections, and items of sections, labelled for the role. Members have the ` +
        `record's schemas; a section that is left out is absent, never empty.`,
      additionalProperties: full.additionalProperties ?? true,
      required: (full.required ?? []).filter((p) => (SHARED_VIEW_FRAME as readonly string[]).includes(p)),
      properties: full.properties ?? {},
    };
  };
  const viewOf = (name: string): string => {
    const full = schemas[name]!;
    const variants = ctx.variants.get(name);
    if (variants) {
      // One shared view per supported version, exclusive by the frame's schemaVersion.
      for (const v of variants) sharedView(v.name);
      out[`${name}SharedView`] = {
        title: `${full.title ?? name} (shared view)`,
        description: `The shared view of a record of any supported version; its \`schemaVersion\` says which.`,
        oneOf: variants.map((v) => schemaRef(`${v.name}SharedView`)),
      };
    } else sharedView(name);
    out[`${name}OrSharedView`] = {
      title: `${full.title ?? name}, or its shared view`,
      description: `The whole record, or for a role with a sharing limit its shared view (\`${name}SharedView\`).`,
      anyOf: [schemaRef(name), schemaRef(`${name}SharedView`)],
    };
    return `${name}OrSharedView`;
  };
  for (const r of routes) {
    if (!mayBeProjected(r)) continue;
    for (const res of r.responses) {
      const name = res.status === 200 ? res.body?.schema : undefined;
      if (!name || views.has(name)) continue;
      const schema = schemas[name];
      const itemName = refName(
        (schema?.properties?.items as SchemaObject | undefined)?.items as SchemaObject | undefined,
      );
      if (schema?.properties?.items && itemName && PERSONAL_SCHEMA.test(itemName)) {
        // A page of records: the same page with items that may be shared views.
        const item = views.get(itemName) ?? viewOf(itemName);
        views.set(itemName, item);
        const items = schema.properties.items as SchemaObject;
        out[`${name}OrSharedView`] = {
          ...schema,
          title: `${schema.title ?? name} (or shared views)`,
          properties: { ...schema.properties, items: { ...items, items: schemaRef(item) } },
        };
        views.set(name, `${name}OrSharedView`);
      } else if (schema?.type === "object" && PERSONAL_SCHEMA.test(name)) {
        views.set(name, views.get(name) ?? viewOf(name));
      }
    }
  }
  return out;
}
/** Record schemas (not pages, version lists or transfer views) a projection applies to. */
const PERSONAL_SCHEMA = /^(ChildRecord|IndividualSupportPlan|Ehcp|LegacyEhcp|DevelopmentProfile)$/;

const newRecordName = (schema: string): string => `New${schema}`;

/** For creates where the server assigns `id`: the record's schema with `id` optional (`New<Name>`). */
function newRecordSchemas(
  routes: readonly RouteSpec[],
  schemas: Record<string, SchemaObject>,
  variants: Ctx["variants"],
): Record<string, SchemaObject> {
  const out: Record<string, SchemaObject> = {};
  for (const r of routes) {
    const body = r.requestBody;
    if (!body?.idAssigned) continue;
    const full = schemas[body.schema];
    if (!full) throw new Error(`${r.operationId}: unknown schema ${body.schema}`);
    const versions = variants.get(body.schema);
    if (versions) {
      for (const v of versions) out[newRecordName(v.name)] = newRecord(schemas[v.name]!, v.name);
      out[newRecordName(body.schema)] = {
        title: `${full.title ?? body.schema} (to create)`,
        description: `As sent to create the record, in any supported version; its \`schemaVersion\` says which.`,
        oneOf: versions.map((v) => schemaRef(newRecordName(v.name))),
      };
    } else out[newRecordName(body.schema)] = newRecord(full, body.schema);
  }
  return out;
}

function newRecord(full: SchemaObject, name: string): SchemaObject {
  return {
    ...full,
    title: `${full.title ?? name} (to create)`,
    description: (
      `${full.description ?? ""} As sent to create the record: \`id\` may be left out, since the ` +
      `server assigns a fresh one whatever the body carries.`
    ).trim(),
    required: (full.required ?? []).filter((p) => p !== "id"),
  };
}

/** The OpenAPI document as a plain object. Deterministic: same inputs, same output, byte for byte once serialised. */
export function buildOpenApi(opts: BuildOptions = {}): OpenAPIObject {
  const root = opts.root ?? REPO_ROOT;
  const schemasDir = join(root, "schemas");
  const manifest = readManifest(schemasDir);
  const { components: hoisted, variants } = versionedComponents(
    schemasDir,
    manifest,
    hoistSchemas(
      readSchemaFiles(schemasDir, manifest, (opts.schemaOverrides ?? {}) as Parameters<typeof readSchemaFiles>[2]),
    ).components,
  );
  const ctx: Ctx = {
    root,
    views: new Map(),
    variants,
    requireExamples: opts.requireExamples ?? false,
    usedExamples: new Map(),
  };
  const docNames = manifest.documentTypes.map((d) => d.defName);
  const api = apiSchemas(docNames);
  for (const name of Object.keys(api))
    if (name in hoisted) throw new Error(`API schema ${name} clashes with a schema $def`);

  const builder = new OpenApiBuilder()
    .addOpenApiVersion("3.1.0")
    .addInfo({
      title: "SEND Interchange API",
      version: manifest.standardVersion,
      description: apiDescription(ROUTES),
      license: { name: "Open Government Licence v3.0", identifier: "OGL-UK-3.0" },
      contact: { name: "SEND Interchange maintainers", url: "https://schemas.send-interchange.org.uk/" },
    })
    .addServer({ url: "/", description: "The server this document was fetched from." });

  const all: Record<string, SchemaObject> = { ...(hoisted as Record<string, SchemaObject>), ...api };
  const derived = { ...sharedViews(ROUTES, all, ctx), ...newRecordSchemas(ROUTES, all, variants) };
  for (const name of Object.keys(derived))
    if (name in all) throw new Error(`derived schema ${name} clashes with a schema`);
  for (const [name, schema] of Object.entries({ ...all, ...derived })) builder.addSchema(name, schema);
  for (const [name, p] of Object.entries(PARAMETERS)) builder.addParameter(name, p as ParameterObject);
  for (const [name, h] of Object.entries(HEADERS)) builder.addHeader(name, h);
  builder.addHeader("WWW-Authenticate", {
    description: 'RFC 6750 challenge, e.g. `Bearer error="invalid_token"`.',
    schema: { type: "string" },
  });
  builder.addSecurityScheme(OAUTH_SCHEME, {
    type: "oauth2",
    description:
      `OAuth 2.0 access tokens: JWTs (RFC 9068) sent as \`Authorization: Bearer\`, issued by the ` +
      `identity provider the deployment trusts (the URLs below are that provider's; the ` +
      `reference server only verifies tokens). Each operation names the one scope it needs. The ` +
      `token's \`send_role\` claim is one of ${ROLES.map((r) => `\`${r.id}\``).join(", ")}; the ` +
      `role table in the API description says which scopes each role holds and which records it ` +
      `sees.`,
    flows: {
      clientCredentials: { tokenUrl: OAUTH_URLS.token, scopes: { ...SCOPES } },
      authorizationCode: { authorizationUrl: OAUTH_URLS.authorize, tokenUrl: OAUTH_URLS.token, scopes: { ...SCOPES } },
    },
  });

  const tagsUsed = new Set<TagName>();
  for (const r of ROUTES) {
    builder.addPath(r.path, { ...(builder.rootDoc.paths?.[r.path] ?? {}), [r.method]: operation(ctx, r) });
    tagsUsed.add(r.tag);
  }
  for (const [tag, description] of Object.entries(TAG_DESCRIPTIONS))
    if (tagsUsed.has(tag as TagName)) builder.addTag({ name: tag, description });

  for (const [file, value] of [...ctx.usedExamples].sort(([a], [b]) => (a < b ? -1 : 1)))
    builder.addExample(exampleKey(file), { summary: `Worked example ${file}`, value });
  for (const p of PROBLEM_TYPES) builder.addExample(problemExampleKey(p.kind), problemExample(p.kind));

  const doc = builder.getSpec();
  return { ...doc, "x-generated": GENERATED_NOTE };
}

export function serialiseOpenApi(doc: OpenAPIObject): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function main(argv: readonly string[]): number {
  const out = join(REPO_ROOT, OPENAPI_PATH);
  const text = serialiseOpenApi(buildOpenApi({ requireExamples: argv.includes("--require-examples") }));
  if (argv.includes("--check")) {
    const current = existsSync(out) ? readFileSync(out, "utf8") : "";
    if (current !== text) {
      process.stderr.write(`${OPENAPI_PATH} is stale: run npm run generate\n`);
      return 1;
    }
    return 0;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  process.stdout.write(`wrote ${OPENAPI_PATH}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
