// The client against the msw mock: problem mapping, If-Match automation, the 412 loop, iterators, revalidation,
// retries honouring Retry-After, abort and correlation ids. Per-test overrides (server.use) script odd answers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { createSendHandlers } from "../msw/index.ts";
import { freshIsp, MOCK_TOKENS, SETTING_B } from "../msw/test-fixtures.ts";
import { createClient, isApiProblem, ApiProblemError, type SendClient } from "./index.ts";

const BASE = "http://api.send.test/v1";
const mock = createSendHandlers({ baseUrl: BASE, tokens: MOCK_TOKENS });
const server = setupServer(...mock);
const seen: Request[] = [];
server.events.on("request:start", ({ request }) => void seen.push(request.clone()));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

// Created after listen() would be the usual advice; creating at module load proves fetch is looked up per call.
const client = (extra: Partial<Parameters<typeof createClient>[0]> = {}): SendClient =>
  createClient({ baseUrl: BASE, token: "staff-a", retry: { retries: 3, baseDelayMs: 1 }, ...extra });
const early = client();

const problem = (status: number, kind: string, headers: Record<string, string> = {}) =>
  HttpResponse.json(
    {
      type: `https://schemas.send-interchange.org.uk/1/problems/${kind}`,
      title: kind,
      status,
      detail: "scripted",
      correlationId: "srv-corr-1",
    },
    { status, headers: { "content-type": "application/problem+json", ...headers } },
  );

describe("problem+json → ApiProblemError", () => {
  it("maps a 422 with its pointers, rule ids and the correlation id", async () => {
    const c = client({ correlationId: () => "corr-test-0001" });
    const bad = { ...freshIsp(), status: "finished" } as unknown as ReturnType<typeof freshIsp>;
    const err = await c.isps.create(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiProblemError);
    const p = err as ApiProblemError;
    expect(p.kind).toBe("validation-failed");
    expect(p.status).toBe(422);
    expect(p.errors).toContainEqual(expect.objectContaining({ pointer: "/status", ruleId: "schema.enum" }));
    expect(p.correlationId).toBe("corr-test-0001");
    expect(isApiProblem(p, "validation-failed")).toBe(true);
  });

  it.each([
    ["unknown id", "not-found", 404, (c: SendClient) => c.isps.get(crypto.randomUUID())],
    [
      "another setting's record",
      "not-found",
      404,
      async (c: SendClient) => {
        const other = createClient({ baseUrl: BASE, token: "staff-b" });
        const isp = await other.isps.create(freshIsp(SETTING_B));
        return c.isps.get(isp.id);
      },
    ],
    [
      "a role without the scope",
      "forbidden",
      403,
      (_c: SendClient) => createClient({ baseUrl: BASE, token: "governor" }).isps.search().toArray(),
    ],
    [
      "no token",
      "unauthorized",
      401,
      (_c: SendClient) => createClient({ baseUrl: BASE }).isps.get(crypto.randomUUID()),
    ],
  ])("%s → %s", async (_name, kind, status, act) => {
    const err = await act(client()).catch((e: unknown) => e);
    expect(isApiProblem(err)).toBe(true);
    expect((err as ApiProblemError).kind).toBe(kind);
    expect((err as ApiProblemError).status).toBe(status);
  });

  it("turns a non-problem error body into kind unknown with the status kept", async () => {
    server.use(
      http.get(
        `${BASE}/healthz`,
        () => new HttpResponse("<html>bad gateway</html>", { status: 502, headers: { "content-type": "text/html" } }),
      ),
    );
    const err = await client()
      .discovery.health()
      .catch((e: unknown) => e);
    expect((err as ApiProblemError).kind).toBe("unknown");
    expect((err as ApiProblemError).status).toBe(502);
  });
});

describe("ETags", () => {
  it("sends If-Match from the last ETag seen, and 428 when the client has none", async () => {
    const c = client();
    const isp = await c.isps.create(freshIsp());
    const etag = c.etags.etag(`/isps/${isp.id}`);
    expect(etag).toMatch(/^"v1-/);
    await c.isps.update(isp.id, { ...isp, status: "under-review" }, { reason: "Review started" });
    const put = seen.find((r) => r.method === "PUT")!;
    expect(put.headers.get("if-match")).toBe(etag);
    expect(put.headers.get("change-reason")).toBe("Review started");
    expect(c.etags.etag(`/isps/${isp.id}`)).toMatch(/^"v2-/);

    const fresh = client(); // never saw the ISP
    const err = await fresh.isps.update(isp.id, isp, { reason: "blind write" }).catch((e: unknown) => e);
    expect((err as ApiProblemError).kind).toBe("precondition-required");
  });

  it("a stale ETag is 412, and updateWithRetry re-reads and re-applies the change", async () => {
    const alice = client();
    const bob = client();
    const isp = await alice.isps.create(freshIsp());
    await bob.isps.get(isp.id);
    await alice.isps.update(isp.id, { ...isp, status: "under-review" }, { reason: "Alice" });
    const stale = await bob.isps
      .update(isp.id, { ...isp, status: "closed" }, { reason: "Bob" })
      .catch((e: unknown) => e);
    expect((stale as ApiProblemError).kind).toBe("precondition-failed");
    expect((stale as ApiProblemError).headers.get("etag")).toMatch(/^"v2-/);

    let calls = 0;
    const merged = await bob.isps.updateWithRetry(
      isp.id,
      (current) => {
        calls++;
        return {
          ...current,
          strengths: [
            ...(current.strengths ?? []),
            { id: `strength-bob-${calls}`, description: "Loves the train track." },
          ],
        };
      },
      { reason: "Bob adds a strength" },
    );
    expect(merged.status).toBe("under-review"); // Alice's change survived
    expect(merged.strengths?.some((s) => s.id.startsWith("strength-bob"))).toBe(true);
  });

  it("updateWithRetry loops on 412 until it succeeds", async () => {
    const c = client();
    const isp = await c.isps.create(freshIsp());
    let conflicts = 2;
    server.use(http.put(`${BASE}/isps/:id`, () => (conflicts-- > 0 ? problem(412, "precondition-failed") : undefined)));
    let applied = 0;
    const out = await c.isps.updateWithRetry(
      isp.id,
      (cur) => {
        applied++;
        return { ...cur, status: "under-review" };
      },
      {
        reason: "retry",
      },
    );
    expect(out.status).toBe("under-review");
    expect(applied).toBe(3);
  });

  it("get() revalidates with If-None-Match and answers a 304 from memory", async () => {
    const c = client();
    const isp = await c.isps.create(freshIsp());
    const again = await c.isps.get(isp.id);
    const read = seen.filter((r) => r.method === "GET").at(-1)!;
    expect(read.headers.get("if-none-match")).toBe(c.etags.etag(`/isps/${isp.id}`));
    expect(again).toEqual(isp);
    const raw = await c.isps.read(isp.id, { ifNoneMatch: c.etags.etag(`/isps/${isp.id}`)! });
    expect(raw.status).toBe(304);
    expect(raw.body).toBeUndefined();
  });
});

describe("pagination", () => {
  it("iterates every page following Link rel=next, and can stop early", async () => {
    const c = client({ token: "staff-b" });
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await c.isps.create(freshIsp(SETTING_B))).id);
    const all = await c.isps.search({ limit: 2, settingUrn: SETTING_B.urn }).toArray();
    expect(new Set(all.map((i) => i.id))).toEqual(new Set([...ids, ...all.map((i) => i.id)]));
    expect(all.filter((i) => ids.has(i.id))).toHaveLength(5);
    const pageRequests = seen.filter((r) => r.method === "GET" && new URL(r.url).pathname.endsWith("/isps"));
    expect(pageRequests.length).toBeGreaterThanOrEqual(3);
    expect(pageRequests.slice(1).every((r) => new URL(r.url).searchParams.has("cursor"))).toBe(true);

    seen.length = 0;
    const two = await c.isps.search({ limit: 2 }).toArray(2);
    expect(two).toHaveLength(2);
    expect(seen.filter((r) => r.method === "GET")).toHaveLength(1);
  });

  it("iterates version summaries oldest first", async () => {
    const c = client();
    const isp = await c.isps.create(freshIsp());
    await c.isps.update(isp.id, { ...isp, status: "under-review" }, { reason: "one" });
    await c.isps.updateWithRetry(isp.id, (cur) => ({ ...cur, status: "active" }), { reason: "two" });
    const versions = await c.isps.versions(isp.id, { limit: 1 }).toArray();
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(versions.map((v) => v.reason)).toEqual(["created", "one", "two"]);
  });
});

describe("retries, cancellation and correlation ids", () => {
  it("retries 429 and 503, honouring Retry-After in seconds and as an HTTP date", async () => {
    const answers = [
      problem(429, "rate-limited", { "retry-after": "0" }),
      problem(503, "service-unavailable", { "retry-after": new Date(Date.now() - 1000).toUTCString() }),
    ];
    server.use(http.get(`${BASE}/healthz`, () => answers.shift()));
    expect(await client().discovery.health()).toEqual({ status: "ok" });
    expect(seen.filter((r) => r.url.endsWith("/healthz"))).toHaveLength(3);
    const ids = new Set(seen.map((r) => r.headers.get("x-correlation-id")));
    expect(ids.size).toBe(1); // one logical call, one correlation id across its attempts
  });

  it("gives up after the configured number of retries with the last problem", async () => {
    server.use(http.get(`${BASE}/healthz`, () => problem(503, "service-unavailable", { "retry-after": "0" })));
    const err = await client({ retry: { retries: 2, baseDelayMs: 1 } })
      .discovery.health()
      .catch((e: unknown) => e);
    expect((err as ApiProblemError).kind).toBe("service-unavailable");
    expect(seen.filter((r) => r.url.endsWith("/healthz"))).toHaveLength(3);
  });

  it("does not retry other errors", async () => {
    server.use(http.get(`${BASE}/healthz`, () => problem(500, "internal")));
    await expect(client().discovery.health()).rejects.toMatchObject({ kind: "internal" });
    expect(seen.filter((r) => r.url.endsWith("/healthz"))).toHaveLength(1);
  });

  it("aborts a call waiting out Retry-After", async () => {
    server.use(http.get(`${BASE}/healthz`, () => problem(429, "rate-limited", { "retry-after": "3600" })));
    const ctl = new AbortController();
    const call = client({ retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 3_600_000 } }).discovery.health({
      signal: ctl.signal,
    });
    setTimeout(() => ctl.abort(new Error("user navigated away")), 20);
    await expect(call).rejects.toThrow("user navigated away");
  });

  it("aborts an in-flight request and refuses to start an aborted one", async () => {
    server.use(http.get(`${BASE}/healthz`, () => new Promise<never>(() => undefined)));
    const ctl = new AbortController();
    const call = client().discovery.health({ signal: ctl.signal });
    setTimeout(() => ctl.abort(), 20);
    await expect(call).rejects.toThrow();
    await expect(client().discovery.get({ signal: AbortSignal.abort() })).rejects.toThrow();
  });

  it("sends a generated correlation id, or the one supplied, and a fresh token from the provider on every call", async () => {
    let n = 0;
    const c = client({
      token: async () => {
        n++;
        return "staff-a";
      },
    });
    await c.discovery.get({ correlationId: "trace-from-upstream-42" });
    await c.discovery.get();
    const [first, second] = seen;
    expect(first!.headers.get("x-correlation-id")).toBe("trace-from-upstream-42");
    expect(second!.headers.get("x-correlation-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(second!.headers.get("authorization")).toBe("Bearer staff-a");
    expect(n).toBe(2);
  });

  it("works with a client created before msw started listening (fetch looked up per call)", async () => {
    expect((await early.discovery.get()).standard).toBe("SEND Interchange");
  });
});

describe("call(operationId)", () => {
  it("reaches an operation by id with typed path and query", async () => {
    const c = client();
    const isp = await c.isps.create(freshIsp());
    const res = await c.call("getIspVersion", { path: { id: isp.id, version: 1 } });
    expect(res.status).toBe(200);
    expect(res.body?.id).toBe(isp.id);
    const bad = await c.call("listIsps", { query: { limit: 0 } }).catch((e: unknown) => e);
    expect((bad as ApiProblemError).kind).toBe("invalid-parameter");
    expect((bad as ApiProblemError).errors[0]?.pointer).toBe("/query/limit");
  });
});
