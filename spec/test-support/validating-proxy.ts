// Test support (not production code): an HTTP proxy that checks every response of the server behind it against the
// OpenAPI document, the way a gateway enforcing the spec or a generated client would. For each exchange it checks that
// the operation exists, the status is declared for it, declared headers are well-formed and no undeclared
// API-specific header is sent, the content type is one declared for that status, and the body matches the response
// schema. A request the server ACCEPTED (2xx) must also match the declared request body: the server taking what the
// spec forbids is a disagreement too. Responses pass through unchanged. Schemas are compiled by ajv with the SDK's one
// configuration (create-ajv.ts: 2020-12, strict, the SEND formats and strict RFC 3339 date-time).
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ValidateFunction } from "ajv";
import { createAjv } from "../../sdk/src/validate/create-ajv.ts";

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is walked by path; its schemas are checked by ajv.
type Json = Record<string, any>;

export interface Violation {
  method: string;
  path: string;
  status: number;
  role: string;
  /** Where the disagreement is: "operation", "status", "header", "content-type", "body" or "request". */
  where: string;
  message: string;
}

export interface ProxyStats {
  /** Responses checked against an operation of the document. */
  checked: number;
  /** Responses per caller role (the token's `send_role`, "public" without a token). */
  byRole: Record<string, number>;
  /** Responses per operationId. */
  byOperation: Record<string, number>;
  violations: Violation[];
}

export interface ValidatingProxy {
  url: string;
  stats: ProxyStats;
  close(): Promise<void>;
}

/** Headers every HTTP response may carry whatever the operation (transport, caching and security headers of
 *  RFC 9110/9111 and browsers); anything else the server sends must be declared on the response. */
const GENERIC_HEADERS = new Set([
  "content-type",
  "content-length",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "vary",
  "cache-control",
  "content-security-policy",
  "cross-origin-opener-policy",
  "cross-origin-resource-policy",
  "origin-agent-cluster",
  "referrer-policy",
  "strict-transport-security",
  "x-content-type-options",
  "x-dns-prefetch-control",
  "x-download-options",
  "x-frame-options",
  "x-permitted-cross-domain-policies",
  "x-xss-protection",
  "permissions-policy",
]);

interface Operation {
  operationId: string;
  method: string;
  template: string;
  regex: RegExp;
  literalSegments: number;
  op: Json;
}

const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? "").split(";")[0]!.trim().toLowerCase();
const isJson = (mt: string): boolean => mt === "application/json" || mt.endsWith("+json");

function roleOf(headers: IncomingHttpHeaders): string {
  const m = /^Bearer\s+([^.\s]+)\.([^.\s]+)\./i.exec(headers.authorization ?? "");
  if (!m) return "public";
  try {
    const claims = JSON.parse(Buffer.from(m[2]!, "base64url").toString("utf8")) as { send_role?: unknown };
    return typeof claims.send_role === "string" ? claims.send_role : "unknown";
  } catch {
    return "unknown";
  }
}

export class OpenApiChecker {
  private readonly ops: Operation[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly ajv = createAjv();
  private static readonly ID = "urn:send-interchange:openapi";

  constructor(private readonly doc: Json) {
    // The component schemas as the $defs of one schema resource; their `#/components/schemas/X` references become
    // `#/$defs/X` inside it (and references from response schemas point into it, see validator()).
    // `anyOf: [{ required: ["settingUrn"] }, …]` is valid JSON Schema that ajv's strictRequired lint dislikes; the
    // document is linted by Redocly (spec/openapi-lint.test.ts), so only that lint is relaxed here.
    this.ajv.opts.strictRequired = false;
    const defs = JSON.parse(
      JSON.stringify(doc.components.schemas).replace(/"#\/components\/schemas\//g, '"#/$defs/'),
    ) as Json;
    this.ajv.addSchema({ $id: OpenApiChecker.ID, $defs: defs });
    for (const [template, item] of Object.entries(doc.paths as Json)) {
      for (const method of ["get", "put", "post", "delete", "patch"]) {
        const op = (item as Json)[method];
        if (!op) continue;
        const segments = template.split("/");
        const pattern = segments
          .map((s) => (/^\{[^}]+\}$/.test(s) ? "[^/]+" : s.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
          .join("/");
        this.ops.push({
          operationId: op.operationId,
          method,
          template,
          regex: new RegExp(`^${pattern}$`),
          literalSegments: segments.filter((s) => !s.startsWith("{")).length,
          op,
        });
      }
    }
    // A literal segment beats a template one (/transfers/inbox before /transfers/{id}).
    this.ops.sort((a, b) => b.literalSegments - a.literalSegments);
  }

  operation(method: string, path: string): Operation | undefined {
    return this.ops.find((o) => o.method === method.toLowerCase() && o.regex.test(path));
  }

  private validator(schema: Json): ValidateFunction {
    const key = JSON.stringify(schema);
    let v = this.compiled.get(key);
    if (!v) {
      // Rewrite document-local references into references to the components resource.
      const rewritten = JSON.parse(key.replace(/"#\/components\/schemas\//g, `"${OpenApiChecker.ID}#/$defs/`)) as Json;
      v = this.ajv.compile(rewritten);
      this.compiled.set(key, v);
    }
    return v;
  }

  private resolve(obj: Json): Json {
    let o = obj;
    while (o && typeof o.$ref === "string") {
      const parts = (o.$ref as string).replace(/^#\//, "").split("/");
      o = parts.reduce((acc: Json, p) => acc[p.replace(/~1/g, "/").replace(/~0/g, "~")], this.doc);
    }
    return o;
  }

  private schemaErrors(schema: Json, value: unknown): string | undefined {
    const v = this.validator(schema);
    if (v(value)) return undefined;
    return (v.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`)
      .join("; ");
  }

  /** The disagreements of one exchange with the document (empty when it conforms). */
  check(x: {
    method: string;
    path: string;
    requestHeaders: IncomingHttpHeaders;
    requestBody: Buffer;
    status: number;
    headers: IncomingHttpHeaders;
    body: Buffer;
  }): { operationId?: string; problems: Omit<Violation, "method" | "path" | "status" | "role">[] } {
    const problems: Omit<Violation, "method" | "path" | "status" | "role">[] = [];
    const found = this.operation(x.method, x.path);
    if (!found) {
      // A request outside the document (an unknown path, a method the path does not have) may only be refused.
      if (x.status < 400)
        problems.push({
          where: "operation",
          message: `${x.method} ${x.path} is not an operation of the document, yet answered ${x.status}`,
        });
      return { problems };
    }
    const responses = found.op.responses as Json;
    const declared = responses[String(x.status)] ?? responses[`${String(x.status)[0]}XX`] ?? responses.default;
    if (!declared) {
      problems.push({
        where: "status",
        message: `status ${x.status} is not declared for ${found.operationId} (declared: ${Object.keys(responses).join(", ")})`,
      });
      return { operationId: found.operationId, problems };
    }
    const response = this.resolve(declared);

    // Headers: every declared one well-formed and present when required; nothing API-specific left undeclared.
    const declaredHeaders = new Map<string, Json>(
      Object.entries((response.headers ?? {}) as Json).map(([name, h]) => [
        name.toLowerCase(),
        this.resolve(h as Json),
      ]),
    );
    for (const [name, h] of declaredHeaders) {
      const value = x.headers[name];
      if (value === undefined) {
        if (h.required) problems.push({ where: "header", message: `required header ${name} is missing` });
        continue;
      }
      const text = Array.isArray(value) ? value.join(", ") : value;
      const schema = (h.schema ?? {}) as Json;
      const typed =
        schema.type === "integer" || schema.type === "number"
          ? /^-?\d+(\.\d+)?$/.test(text)
            ? Number(text)
            : text
          : text;
      const err = this.schemaErrors(schema, typed);
      if (err) problems.push({ where: "header", message: `header ${name}: ${JSON.stringify(text)} ${err}` });
    }
    for (const name of Object.keys(x.headers)) {
      if (!GENERIC_HEADERS.has(name) && !declaredHeaders.has(name))
        problems.push({ where: "header", message: `header ${name} is sent but not declared` });
    }

    // Content type and body.
    const content = response.content as Json | undefined;
    const mt = mediaTypeOf(x.headers["content-type"]);
    if (!content) {
      if (x.body.length > 0)
        problems.push({
          where: "content-type",
          message: `no content is declared, yet a ${mt || "untyped"} body of ${x.body.length} bytes was sent`,
        });
    } else if (x.method !== "HEAD") {
      const media = content[mt] as Json | undefined;
      if (!media)
        problems.push({
          where: "content-type",
          message: `content type ${JSON.stringify(mt)} is not declared (declared: ${Object.keys(content).join(", ")})`,
        });
      else if (media.schema) {
        const err = this.bodyErrors(media.schema as Json, mt, x.body);
        if (err) problems.push({ where: "body", message: err });
      }
    }

    // An accepted request must be one the document allows.
    if (x.status >= 200 && x.status < 300 && found.op.requestBody) {
      const req = this.resolve(found.op.requestBody as Json);
      const rmt = mediaTypeOf(x.requestHeaders["content-type"]);
      const media = (req.content as Json)[rmt] as Json | undefined;
      if (!media)
        problems.push({
          where: "request",
          message: `accepted a ${JSON.stringify(rmt)} request body; declared: ${Object.keys(req.content as Json).join(", ")}`,
        });
      else if (media.schema) {
        const err = this.bodyErrors(media.schema as Json, rmt, x.requestBody);
        if (err) problems.push({ where: "request", message: `accepted a request body the document forbids: ${err}` });
      }
    }
    return { operationId: found.operationId, problems };
  }

  private bodyErrors(schema: Json, mt: string, body: Buffer): string | undefined {
    const text = body.toString("utf8");
    let value: unknown = text; // a non-JSON media type's schema describes the text
    if (isJson(mt)) {
      try {
        value = JSON.parse(text);
      } catch {
        return `the ${mt} body is not JSON`;
      }
    }
    return this.schemaErrors(schema, value);
  }
}

const readAll = async (stream: AsyncIterable<Buffer>): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
};

/** Starts the proxy on 127.0.0.1 (a free port) in front of `upstream` (an http:// base URL). */
export async function startValidatingProxy(opts: { upstream: string; openapi: Json }): Promise<ValidatingProxy> {
  const checker = new OpenApiChecker(opts.openapi);
  const target = new URL(opts.upstream);
  const stats: ProxyStats = { checked: 0, byRole: {}, byOperation: {}, violations: [] };
  const server: Server = createServer(async (req, res) => {
    try {
      const requestBody = await readAll(req);
      const upstream = await new Promise<{
        status: number;
        headers: IncomingHttpHeaders;
        rawHeaders: string[];
        body: Buffer;
      }>((resolve, reject) => {
        const headers = { ...req.headers, host: target.host };
        const out = httpRequest(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
          async (r) => {
            try {
              resolve({
                status: r.statusCode ?? 0,
                headers: r.headers,
                rawHeaders: r.rawHeaders,
                body: await readAll(r),
              });
            } catch (e) {
              reject(e);
            }
          },
        );
        out.on("error", reject);
        out.end(requestBody);
      });
      const path = new URL(req.url ?? "/", "http://proxy").pathname;
      const role = roleOf(req.headers);
      const { operationId, problems } = checker.check({
        method: req.method ?? "GET",
        path,
        requestHeaders: req.headers,
        requestBody,
        status: upstream.status,
        headers: upstream.headers,
        body: upstream.body,
      });
      stats.checked++;
      stats.byRole[role] = (stats.byRole[role] ?? 0) + 1;
      const opKey = operationId ?? "(none)";
      stats.byOperation[opKey] = (stats.byOperation[opKey] ?? 0) + 1;
      for (const p of problems)
        stats.violations.push({ method: req.method ?? "GET", path, status: upstream.status, role, ...p });
      // Pass the answer through exactly (raw header pairs keep repeated headers and their case).
      const raw: [string, string][] = [];
      for (let i = 0; i < upstream.rawHeaders.length; i += 2) {
        const name = upstream.rawHeaders[i]!;
        if (!["transfer-encoding", "connection", "keep-alive"].includes(name.toLowerCase()))
          raw.push([name, upstream.rawHeaders[i + 1]!]);
      }
      res.writeHead(upstream.status, raw.flat());
      res.end(upstream.body);
    } catch (e) {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`validating proxy: ${(e as Error).message}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
