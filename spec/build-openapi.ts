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
import { ROLES, SCOPES, rolesWithScope } from "./roles.ts";
import { ROUTES, type BodySpec, type RouteSpec, type TagName } from "./routes.ts";

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

const schemaRef = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });
const exampleKey = (file: string) => "worked-" + file.replace(/\.json$/, "");
const problemExampleKey = (kind: ProblemKind) => `problem-${kind}`;

function problemExample(kind: ProblemKind): ExampleObject {
  const p = problemType(kind);
  const value: Record<string, unknown> = {
    type: PROBLEM_BASE + kind,
    title: p.title,
    status: p.status,
    detail: p.description.split(". ")[0]!.replace(/\.$/, "") + ".",
    instance: "/isps/3f2a6c1e-5b7d-4e8a-9c0f-1a2b3c4d5e6f",
    correlationId: "01JD3Q6Z8T2M4X7K9B5N1C0V8R",
  };
  if (kind === "validation-failed")
    value.errors = [
      { pointer: "/barriers/0/areaOfDevelopment", ruleId: "schema.enum", message: "must be one of the area-of-development codes" },
    ];
  if (kind === "invalid-parameter")
    value.errors = [{ pointer: "/query/limit", ruleId: "api.limit-range", message: "limit must be a whole number from 1 to 100." }];
  return { summary: p.title, value };
}

interface Ctx {
  root: string;
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

function media(ctx: Ctx, body: BodySpec): Record<string, MediaTypeObject> {
  const m: MediaTypeObject = { schema: schemaRef(body.schema) };
  const examples = exampleRefs(ctx, body.examples);
  if (examples) m.examples = examples;
  return { [body.contentType ?? "application/json"]: m };
}

function errorResponses(kinds: readonly ProblemKind[]): Record<string, ResponseObject> {
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
    if (status === 429 || status === 503) headers["Retry-After"] = { $ref: "#/components/headers/Retry-After" };
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
    security: r.scope ? [{ bearerAuth: [r.scope] }] : [],
    "x-roles": r.scope ? rolesWithScope(r.scope) : ["public"],
  };
  const responses: Record<string, ResponseObject> = {};
  if (r.parameters.length > 0)
    op.parameters = r.parameters.map((p): ReferenceObject => ({ $ref: `#/components/parameters/${p}` }));
  if (r.requestBody) op.requestBody = { required: true, description: r.requestBody.description, content: media(ctx, r.requestBody) };
  for (const res of r.responses) {
    const out: ResponseObject = { description: res.description };
    if (res.headers) out.headers = Object.fromEntries(res.headers.map((h) => [h, { $ref: `#/components/headers/${h}` }]));
    if (res.body) out.content = media(ctx, res.body);
    responses[String(res.status)] = out;
  }
  op.responses = { ...responses, ...errorResponses(r.errors) };
  return op;
}

/** The OpenAPI document as a plain object. Deterministic: same inputs, same output, byte for byte once serialised. */
export function buildOpenApi(opts: BuildOptions = {}): OpenAPIObject {
  const root = opts.root ?? REPO_ROOT;
  const ctx: Ctx = { root, requireExamples: opts.requireExamples ?? false, usedExamples: new Map() };
  const schemasDir = join(root, "schemas");
  const manifest = readManifest(schemasDir);
  const { components: hoisted } = hoistSchemas(readSchemaFiles(schemasDir, manifest, (opts.schemaOverrides ?? {}) as Parameters<typeof readSchemaFiles>[2]));
  const docNames = manifest.documentTypes.map((d) => d.defName);
  const api = apiSchemas(docNames);
  for (const name of Object.keys(api)) if (name in hoisted) throw new Error(`API schema ${name} clashes with a schema $def`);

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

  for (const [name, schema] of Object.entries(hoisted)) builder.addSchema(name, schema as SchemaObject);
  for (const [name, schema] of Object.entries(api)) builder.addSchema(name, schema);
  for (const [name, p] of Object.entries(PARAMETERS)) builder.addParameter(name, p as ParameterObject);
  for (const [name, h] of Object.entries(HEADERS)) builder.addHeader(name, h);
  builder.addHeader("WWW-Authenticate", {
    description: "RFC 6750 challenge, e.g. `Bearer error=\"invalid_token\"`.",
    schema: { type: "string" },
  });
  builder.addHeader("Retry-After", { description: "Seconds to wait before retrying.", schema: { type: "integer", minimum: 0 } });
  builder.addSecurityScheme("bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: `Bearer JWT (RFC 9068). Scopes: ${Object.keys(SCOPES).map((s) => `\`${s}\``).join(", ")}. Roles: ${ROLES.map((r) => `\`${r.id}\``).join(", ")}.`,
  });

  const tagsUsed = new Set<TagName>();
  for (const r of ROUTES) {
    builder.addPath(r.path, { ...(builder.rootDoc.paths?.[r.path] ?? {}), [r.method]: operation(ctx, r) });
    tagsUsed.add(r.tag);
  }
  for (const [tag, description] of Object.entries(TAG_DESCRIPTIONS)) if (tagsUsed.has(tag as TagName)) builder.addTag({ name: tag, description });

  for (const [file, value] of [...ctx.usedExamples].sort(([a], [b]) => (a < b ? -1 : 1)))
    builder.addExample(exampleKey(file), { summary: `Worked example ${file}`, value });
  for (const p of PROBLEM_TYPES) builder.addExample(problemExampleKey(p.kind), problemExample(p.kind));

  const doc = builder.getSpec();
  return { ...doc, "x-generated": GENERATED_NOTE };
}

export function serialiseOpenApi(doc: OpenAPIObject): string {
  return JSON.stringify(doc, null, 2) + "\n";
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
