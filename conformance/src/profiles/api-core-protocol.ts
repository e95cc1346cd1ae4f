// api-core tests of the HTTP protocol around the documents: body size and depth limits, media types, liveness and
// readiness, the published OpenAPI description and docs, and correlation ids. Resource-independent; they write ISPs
// where a body is needed. Ids: send.api-core.<behaviour>.
import { randomUUID } from "node:crypto";
import type { TestDef } from "../model.ts";
import { check, expectProblem, expectStatus, header } from "../check.ts";
import { isObj, MARKER_NAMESPACE } from "../fixtures/factory.ts";
import type { Json } from "../fixtures/templates.ts";
import type { HttpResponse } from "../http/client.ts";
import { resourceSpec } from "./resources.ts";
import { createRecord, itemPath, readRecord, registeredChild, token, updateRecord } from "./steps.ts";

const isp = resourceSpec("isp");
const ehcp = resourceSpec("ehcp");
const PUBLISHER = { tenant: 0 as const, role: "dfe-publisher" as const };
const base = { profile: "api-core" as const, capabilities: ["resource:isp"], roles: [isp.writer] };
const MIB = 1024 * 1024;
/** Bodies beyond this are refused by any sensible limit; the suite assumes a server limit no larger. */
const OVERSIZE = 12 * MIB;

/** Longest Retry-After the suite waits out to see the caller served again; longer waits are noted, not waited. */
const MAX_RETRY_WAIT_S = 30;

/** Retry-After (RFC 9110 §10.2.3): delta-seconds or an HTTP-date; seconds to wait, or undefined when malformed. */
function retryAfterSeconds(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) || !/GMT$/.test(value.trim()) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** A value nested `depth` levels deep (depth 1 = `{}`). */
function nested(depth: number): Json {
  let v: Json = {};
  for (let i = 1; i < depth; i++) v = { n: v };
  return v;
}

export const API_PROTOCOL_TESTS: readonly TestDef[] = [
  {
    ...base,
    id: "send.api-core.one-mib-body-accepted",
    title: "A valid document of over 1 MiB is accepted",
    level: "MUST",
    requirements: ["SI-API-016"],
    async run(ctx) {
      const doc = ctx.fixtures.document("isp", await registeredChild(ctx, 0));
      doc.extensions = { [MARKER_NAMESPACE]: { marker: randomUUID(), padding: "x".repeat(MIB + 1024) } };
      const res = await ctx.http.post(isp.path, { token: token(ctx, isp.writer), body: doc });
      expectStatus(res, 201, "POST of a 1 MiB ISP");
    },
  },
  {
    ...base,
    id: "send.api-core.oversized-body-refused",
    title: "A body far beyond the size limit gives 413 problem+json",
    level: "MUST",
    requirements: ["SI-API-016", "SI-API-013"],
    async run(ctx) {
      const doc = ctx.fixtures.document("isp", ctx.fixtures.newChild(0));
      doc.extensions = { [MARKER_NAMESPACE]: { padding: "x".repeat(OVERSIZE) } };
      expectProblem(
        await ctx.http.post(isp.path, { token: token(ctx, isp.writer), body: doc }),
        413,
        `POST of a ${OVERSIZE / MIB} MiB body`,
      );
      expectStatus(await readRecord(ctx, isp, String(doc.id)), 404, "read of the refused document");
    },
  },
  {
    ...base,
    id: "send.api-core.unsupported-media-type-refused",
    title: "A JSON body sent as text/plain gives 415 and stores nothing",
    level: "MUST",
    requirements: ["SI-API-017", "SI-API-013"],
    async run(ctx) {
      const doc = ctx.fixtures.document("isp", ctx.fixtures.newChild(0));
      const res = await ctx.http.post(isp.path, {
        token: token(ctx, isp.writer),
        rawBody: JSON.stringify(doc),
        headers: { "content-type": "text/plain" },
      });
      expectProblem(res, 415, "POST with Content-Type text/plain");
      expectStatus(await readRecord(ctx, isp, String(doc.id)), 404, "read of the refused document");
    },
  },
  {
    ...base,
    id: "send.api-core.deep-nesting-limits",
    title: "64 levels of nesting are accepted; far deeper gives 400",
    level: "SHOULD",
    requirements: ["SI-API-018", "SI-API-013"],
    async run(ctx) {
      // Root (1) → extensions (2) → namespace (3) → nested value: 64 levels in all.
      const doc = ctx.fixtures.document("isp", await registeredChild(ctx, 0));
      doc.extensions = { [MARKER_NAMESPACE]: { deep: nested(61) } };
      expectStatus(
        await ctx.http.post(isp.path, { token: token(ctx, isp.writer), body: doc }),
        201,
        "POST of a document 64 levels deep",
      );
      const deep = ctx.fixtures.document("isp", ctx.fixtures.newChild(0));
      const rawBody = JSON.stringify(deep).replace(
        /}$/,
        `,"extensions":{"${MARKER_NAMESPACE}":{"deep":${"[".repeat(5000)}${"]".repeat(5000)}}}}`,
      );
      expectProblem(
        await ctx.http.post(isp.path, { token: token(ctx, isp.writer), rawBody }),
        400,
        "POST of a body 5000 levels deep",
        "too-deep",
      );
    },
  },
  {
    id: "send.api-core.health-and-readiness",
    title: "GET /healthz and GET /readyz answer 200 while serving",
    level: "MUST",
    requirements: ["SI-API-021"],
    profile: "api-core",
    async run(ctx) {
      expectStatus(await ctx.http.get("/healthz"), 200, "GET /healthz");
      expectStatus(await ctx.http.get("/readyz"), 200, "GET /readyz");
    },
  },
  {
    id: "send.api-core.openapi-and-docs-published",
    title: "GET /openapi.json is OpenAPI 3.1 and /docs is self-contained",
    level: "MUST",
    requirements: ["SI-API-022"],
    profile: "api-core",
    async run(ctx) {
      const api = await ctx.http.get("/openapi.json");
      expectStatus(api, 200, "GET /openapi.json");
      check(
        isObj(api.json) && typeof api.json.openapi === "string" && api.json.openapi.startsWith("3.1"),
        `GET /openapi.json: expected "openapi": "3.1.x", got ${JSON.stringify(isObj(api.json) ? api.json.openapi : api.text.slice(0, 40))}`,
      );
      check(isObj(api.json.paths) && Object.keys(api.json.paths).length > 0, "GET /openapi.json describes no paths");
      const docs = await ctx.http.get("/docs");
      expectStatus(docs, 200, "GET /docs");
      check(
        /^text\/html\b/i.test(docs.headers.get("content-type") ?? ""),
        `GET /docs: expected text/html, got ${docs.headers.get("content-type") ?? "no content type"}`,
      );
      // Anything the page would load (scripts, styles, images, frames, fonts) must come from the page itself.
      const origin = new URL(ctx.http.resolve("/")).origin;
      const loads = [
        ...docs.text.matchAll(
          /<(?:script|img|iframe|source|embed|link)\b[^>]*?\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi,
        ),
        ...docs.text.matchAll(/(?:@import\s+|url\()\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi),
      ]
        .map((m) => m[1]!)
        .filter((u) => /^(?:https?:)?\/\//i.test(u) && new URL(u, origin).origin !== origin);
      check(loads.length === 0, `GET /docs loads from other origins: ${[...new Set(loads)].slice(0, 5).join(", ")}`);
    },
  },
  {
    ...base,
    id: "send.api-core.correlation-id-echoed",
    title: "Responses echo X-Correlation-Id; problems repeat it",
    level: "MUST",
    requirements: ["SI-API-023", "SI-API-013"],
    async run(ctx) {
      const tok = token(ctx, isp.writer);
      const mine = `conformance-${randomUUID()}`;
      const ok = await ctx.http.get(`${isp.path}?limit=1`, { token: tok, headers: { "x-correlation-id": mine } });
      expectStatus(ok, 200, "GET /isps with X-Correlation-Id");
      check(
        ok.headers.get("x-correlation-id") === mine,
        `a success did not echo the caller's X-Correlation-Id (got ${JSON.stringify(ok.headers.get("x-correlation-id"))})`,
      );
      header(
        await ctx.http.get(`${isp.path}?limit=1`, { token: tok }),
        "x-correlation-id",
        "GET /isps without X-Correlation-Id",
      );
      const missing = await ctx.http.get(itemPath(isp, randomUUID()), {
        token: tok,
        headers: { "x-correlation-id": mine },
      });
      const problem = expectProblem(missing, 404, "GET of a missing ISP with X-Correlation-Id");
      check(
        missing.headers.get("x-correlation-id") === mine,
        `a problem response did not echo the caller's X-Correlation-Id (got ${JSON.stringify(missing.headers.get("x-correlation-id"))})`,
      );
      check(
        problem.correlationId === mine,
        `the problem's correlationId is ${JSON.stringify(problem.correlationId)}, not the caller's ${mine}`,
      );
    },
  },
  {
    ...base,
    capabilities: ["resource:isp", "rate-limit"],
    id: "send.api-core.rate-limit-retry-after",
    title: "A caller over its rate gets 429 problem+json with Retry-After",
    level: "SHOULD",
    requirements: ["SI-API-034", "SI-API-013"],
    async run(ctx) {
      const limit = ctx.config.rateLimit;
      check(limit !== undefined, "the rate-limit feature is declared but the configuration has no rateLimit.requests");
      const tok = limit.token ?? token(ctx, isp.writer);
      // One at a time and stop at the first 429: never more than the declared allowance plus one.
      let limited: HttpResponse | undefined;
      for (let i = 0; i <= limit.requests && !limited; i++) {
        const res = await ctx.http.get(`${isp.path}?limit=1`, { token: tok });
        if (res.status === 429) limited = res;
        else expectStatus(res, 200, `GET /isps (request ${i + 1} of at most ${limit.requests + 1})`);
      }
      check(
        limited !== undefined,
        `${limit.requests + 1} requests in quick succession were all served; expected 429 once past the declared ${limit.requests}`,
      );
      const problem = expectProblem(limited, 429, "the request over the rate");
      check(
        typeof problem.type === "string" && /\/rate-limited$/.test(problem.type),
        `the 429 problem's type is ${JSON.stringify(problem.type)}, not the rate-limited problem type`,
      );
      const wait = retryAfterSeconds(limited.headers.get("retry-after"));
      check(
        wait !== undefined,
        `the 429 has no usable Retry-After header (got ${JSON.stringify(limited.headers.get("retry-after"))}); expected delta-seconds or an HTTP-date`,
      );
      ctx.note(`limited after the declared allowance; Retry-After ${wait} s`);
      if (wait > MAX_RETRY_WAIT_S) {
        ctx.note(`Retry-After exceeds ${MAX_RETRY_WAIT_S} s: not waited out, so recovery was not checked`);
        return;
      }
      await new Promise((r) => setTimeout(r, wait * 1000 + 250));
      expectStatus(
        await ctx.http.get(`${isp.path}?limit=1`, { token: tok }),
        200,
        `GET /isps after waiting the Retry-After of ${wait} s`,
      );
    },
  },
  {
    id: "send.api-core.closing-writes-new-version",
    title: "Closing an ISP is a status change that writes a new version",
    level: "MUST",
    requirements: ["SI-API-009"],
    ...base,
    async run(ctx) {
      const created = await createRecord(ctx, isp);
      const opened = created.doc.status;
      check(opened !== "closed", "the fixture ISP is closed already");
      const closing = { ...created.doc, status: "closed" };
      const res = await updateRecord(ctx, isp, created.id, closing, {
        ifMatch: created.etag,
        reason: "conformance: the plan is closed",
      });
      expectStatus(res, 200, "PUT of the ISP with status closed");
      const now = await readRecord(ctx, isp, created.id);
      expectStatus(now, 200, "read of the closed ISP");
      const status = isObj(now.json) ? now.json.status : undefined;
      check(status === "closed", `the ISP's status after closing is ${JSON.stringify(status)}, expected "closed"`);
      const first = await ctx.http.get(`${itemPath(isp, created.id)}/versions/1`, { token: token(ctx, isp.writer) });
      expectStatus(first, 200, "read of version 1 of the closed ISP");
      const before = isObj(first.json) ? first.json.status : undefined;
      check(
        before === opened,
        `version 1 of the closed ISP has status ${JSON.stringify(before)}, expected ${JSON.stringify(opened)}: closing must write a new version`,
      );
    },
  },
  {
    id: "send.api-core.ceasing-writes-new-version",
    title: "Ceasing an EHCP is a status change that writes a new version",
    level: "MUST",
    requirements: ["SI-API-009"],
    profile: "api-core",
    capabilities: ["resource:ehcp"],
    roles: [ehcp.writer],
    async run(ctx) {
      const created = await createRecord(ctx, ehcp);
      const issued = created.doc.status;
      check(issued !== "ceased", "the fixture EHCP has ceased already");
      const today = new Date().toISOString().slice(0, 10);
      const ceasing = {
        ...created.doc,
        status: "ceased",
        cessation: { reason: "reached-age-limit", decidedOn: today, ceasedOn: today },
      };
      const res = await updateRecord(ctx, ehcp, created.id, ceasing, {
        ifMatch: created.etag,
        reason: "conformance: the plan ceases",
      });
      expectStatus(res, 200, "PUT of the EHCP with status ceased");
      const now = await readRecord(ctx, ehcp, created.id);
      expectStatus(now, 200, "read of the ceased EHCP");
      const status = isObj(now.json) ? now.json.status : undefined;
      check(status === "ceased", `the EHCP's status after ceasing is ${JSON.stringify(status)}, expected "ceased"`);
      const second = await ctx.http.get(`${itemPath(ehcp, created.id)}/versions/2`, { token: token(ctx, ehcp.writer) });
      expectStatus(second, 200, "read of version 2 of the ceased EHCP");
      const ceased = isObj(second.json) ? second.json.status : undefined;
      check(
        ceased === "ceased",
        `version 2 of the ceased EHCP has status ${JSON.stringify(ceased)}, expected "ceased"`,
      );
      const first = await ctx.http.get(`${itemPath(ehcp, created.id)}/versions/1`, { token: token(ctx, ehcp.writer) });
      expectStatus(first, 200, "read of version 1 of the ceased EHCP");
      const before = isObj(first.json) ? first.json : {};
      check(
        before.status === issued && before.cessation === undefined,
        `version 1 of the ceased EHCP has status ${JSON.stringify(before.status)}${before.cessation === undefined ? "" : " and a cessation"}, ` +
          `expected ${JSON.stringify(issued)}: ceasing must write a new version`,
      );
    },
  },
  {
    id: "send.api-core.setting-urn-in-use-conflict",
    title: "Creating a setting whose URN is in use gives 409 and changes nothing",
    level: "MUST",
    requirements: ["SI-API-060"],
    profile: "api-core",
    roles: [PUBLISHER],
    async run(ctx) {
      const { laCode, settingType } = ctx.config.tenants[0].setting as { laCode: string; settingType?: unknown };
      const type = typeof settingType === "string" ? settingType : "mainstream-primary-school";
      const entry = (urn: string, name: string) => ({ urn, laCode, name, settingType: type });
      const post = (body: Json) =>
        ctx.http.post("/settings", {
          token: token(ctx, PUBLISHER),
          body,
          headers: { "change-reason": "conformance: settings keyed by URN" },
        });
      // A URN no setting has yet: a few tries, since the directory keeps what earlier runs added.
      let urn = "";
      let first: HttpResponse | undefined;
      for (let i = 0; i < 5 && first?.status !== 201; i++) {
        urn = String(900000 + Math.floor(Math.random() * 100000));
        first = await post(entry(urn, `Conformance setting ${randomUUID().slice(0, 8)}`));
      }
      expectStatus(first!, 201, "POST /settings with an unused URN");
      const name = String((first!.json as Json).name);
      const again = await post(entry(urn, `Conformance impostor ${randomUUID().slice(0, 8)}`));
      expectProblem(again, 409, `second POST /settings with URN ${urn} in use`, "conflict");
      const read = await ctx.http.get(`/settings/${urn}`, { token: token(ctx, PUBLISHER) });
      expectStatus(read, 200, `GET /settings/${urn}`);
      const after = isObj(read.json) ? read.json.name : undefined;
      check(after === name, `the setting's name is ${JSON.stringify(after)} after the refused create, not ${name}`);
    },
  },
];
