// The msw handlers and the real reference server answer one scripted scenario the same way: the same client runs
// it against both (msw's setupServer, and createApp served over HTTP on 127.0.0.1 with PGlite in a temp dir), a
// recording fetch keeps every response, and the transcripts (status, which headers, body shape, problem type and
// pointers) must be equal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { createSendHandlers } from "./index.ts";
import { freshIsp, MOCK_TOKENS, SETTING_A, SETTING_B } from "./test-fixtures.ts";
import { createClient, type ApiProblemError, type FetchLike, type SendClient } from "../client/index.ts";
import { startTestServer, type TestServer } from "../../../server/src/testing/harness.ts";
import { newPgliteTestStore } from "../../../server/test-support/pglite-template.ts";
import type { Store } from "../../../server/src/storage/store.ts";

interface Step {
  step: string;
  status: number;
  headers: string[];
  shape: unknown;
  problem?: { type: string; pointers: string[] };
  count?: number;
}

const HEADERS = ["etag", "location", "content-location", "link", "x-correlation-id", "www-authenticate"];

/** The structure of a JSON value: types, object keys, and the first array element's shape. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? [] : [shape(v[0])];
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, shape((v as Record<string, unknown>)[k])]),
    );
  }
  return v === null ? "null" : typeof v;
}

type Tokens = { staffA: string; staffB: string; governor: string };

/** Runs the scenario against `baseUrl`; returns one transcript entry per HTTP exchange. */
async function scenario(baseUrl: string, tokens: Tokens): Promise<Step[]> {
  const steps: Step[] = [];
  let label = "";
  const recording: FetchLike = async (input, init) => {
    const res = await globalThis.fetch(input, init);
    const text = await res.clone().text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    const step: Step = {
      step: label,
      status: res.status,
      headers: HEADERS.filter((h) => res.headers.has(h)),
      shape: shape(body),
    };
    const type = (body as { type?: unknown } | undefined)?.type;
    if (typeof type === "string") {
      step.problem = {
        type,
        pointers: ((body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer).sort(),
      };
    }
    const items = (body as { items?: unknown[] } | undefined)?.items;
    if (Array.isArray(items)) step.count = items.length;
    steps.push(step);
    return res;
  };
  const client = (token: string): SendClient =>
    createClient({ baseUrl, token, fetch: recording, retry: { retries: 0 } });
  const as = async (name: string, act: () => Promise<unknown>) => {
    label = name;
    await act().catch((e: unknown) => {
      if ((e as ApiProblemError).name !== "ApiProblemError") throw e;
    });
  };

  const alice = client(tokens.staffA);
  // Ids are the server's (SI-API-057): the stored plan's id is the one to use from here on.
  let isp = freshIsp(SETTING_A);
  const proposed = isp;
  await as("create", async () => (isp = await alice.isps.create(proposed)));
  const v1 = alice.etags.etag(`/isps/${isp.id}`)!;
  await as("read", () => alice.isps.get(isp.id, { revalidate: false }));
  await as("conditional read", () => alice.isps.read(isp.id, { ifNoneMatch: v1 }));
  await as("update without If-Match", () =>
    alice.call("updateIsp", { path: { id: isp.id }, body: isp, ifMatch: "", changeReason: "no precondition" }),
  );
  await as("update without Change-Reason", () => alice.call("updateIsp", { path: { id: isp.id }, body: isp }));
  await as("update", () =>
    alice.isps.update(isp.id, { ...isp, status: "under-review" }, { reason: "Spring review started" }),
  );
  await as("stale update", () =>
    alice.isps.update(isp.id, { ...isp, status: "closed" }, { reason: "stale", ifMatch: v1 }),
  );
  await as("read old version", () => alice.isps.version(isp.id, 1));
  await as("read with a purpose", () => alice.call("getIsp", { path: { id: isp.id }, query: { purpose: "teaching" } }));
  await as("read with an unknown purpose", () =>
    alice.call("getIspVersion", { path: { id: isp.id, version: 1 }, query: { purpose: "curiosity" } as never }),
  );
  await as("versions", () => alice.isps.versions(isp.id).toArray());
  await as("versions paged", () => alice.isps.versions(isp.id, { limit: 1 }).toArray());
  for (let i = 0; i < 2; i++) await as(`create ${i + 2}`, () => alice.isps.create(freshIsp(SETTING_A)));
  await as("search pages", () => alice.isps.search({ settingUrn: SETTING_A.urn, limit: 2 }).toArray());
  await as("search by layer", () => alice.isps.search({ layer: "targeted", limit: 100 }).toArray());
  await as("search unknown filter", () => alice.call("listIsps", { query: { colour: "red" } as never }));
  await as("invalid create", () => alice.isps.create({ ...freshIsp(SETTING_A), status: "finished" } as never));
  await as("wrong document type", () => alice.isps.create({ ...freshIsp(SETTING_A), documentType: "ehcp" } as never));
  await as("create with an id in use", () => alice.isps.create(isp));
  await as("create with another setting's id", () => client(tokens.staffB).isps.create(freshIsp(SETTING_B, isp.id)));
  await as("foreign read", () => client(tokens.staffB).isps.get(isp.id));
  await as("filing under another setting", () => alice.isps.create(freshIsp(SETTING_B)));
  const agreement = {
    itemType: "provision",
    itemId: isp.provision![0]!.id!,
    stance: "agrees",
    onBehalfOf: { personType: "parent-carer", givenVia: "phone" },
  };
  const agree = (token: string, body: unknown) => () =>
    client(token).call("addIspAgreement", { path: { id: isp.id }, body: body as never, changeReason: "family view" });
  await as("agreement on a family's behalf", agree(tokens.staffA, agreement));
  await as("agreement without onBehalfOf", agree(tokens.staffA, { ...agreement, onBehalfOf: undefined }));
  await as("foreign agreement", agree(tokens.staffB, agreement));
  await as("agreement without scope", agree(tokens.governor, agreement));
  await as("role without scope", () => client(tokens.governor).isps.search().toArray());
  await as("no token", () => client("").isps.get(isp.id));
  return steps;
}

describe("msw handlers and the reference server agree", () => {
  let dir: string;
  let store: Store;
  let real: TestServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sdk-parity-"));
    store = await newPgliteTestStore({ dataDir: join(dir, "pg") });
    real = await startTestServer(store);
  });

  afterAll(async () => {
    await real?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("on create → read → conditional read → stale update → update → versions → search pagination → invalid create", async () => {
    const realTokens: Tokens = {
      staffA: await real.token({ sub: "senco-a", send_role: "setting-staff", setting_urn: SETTING_A.urn }),
      staffB: await real.token({ sub: "senco-b", send_role: "setting-staff", setting_urn: SETTING_B.urn }),
      governor: await real.token({ sub: "governor-a", send_role: "governor", setting_urn: SETTING_A.urn }),
    };
    const fromServer = await scenario(real.url, realTokens);

    const mockBase = "http://mock.send.test";
    const msw = setupServer(...createSendHandlers({ baseUrl: mockBase, tokens: MOCK_TOKENS }));
    msw.listen({ onUnhandledRequest: "error" });
    let fromMock: Step[];
    try {
      fromMock = await scenario(mockBase, { staffA: "staff-a", staffB: "staff-b", governor: "governor" });
    } finally {
      msw.close();
    }

    // The scenario exercised what it claims to (guards against a transcript of identical failures).
    const statuses = Object.fromEntries(fromServer.map((s) => [s.step, s.status]));
    expect(statuses).toMatchObject({
      create: 201,
      read: 200,
      "conditional read": 304,
      "update without If-Match": 428,
      "update without Change-Reason": 400,
      update: 200,
      "stale update": 412,
      "read with a purpose": 200,
      "read with an unknown purpose": 400,
      "invalid create": 422,
      "create with an id in use": 201,
      "create with another setting's id": 201,
      "foreign read": 404,
      "filing under another setting": 403,
      "role without scope": 403,
      "agreement on a family's behalf": 201,
      "agreement without onBehalfOf": 422,
      "foreign agreement": 404,
      "agreement without scope": 403,
      "no token": 401,
    });
    expect(fromServer.filter((s) => s.step === "search pages").map((s) => s.count)).toEqual([2, 1]);
    expect(fromMock).toEqual(fromServer);
  });
});
