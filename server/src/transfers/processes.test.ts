// The reference server as real processes: (1) crash safety — SIGKILL mid-import ×20 with varying delays, restart,
// each bundle is either fully imported or absent (no partial rows), and re-sending completes it; (2) two real
// servers on loopback (two data dirs, two key rings, each other's JWKS in the trust list) move a child end to end
// with receipts. Requirements SI-API-047, SI-API-049, SI-API-050, SI-API-051, SI-API-054.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateSigningKey, verifyReceipt } from "../../../sdk/src/bundle/index.ts";
import { loadOrCreateDevSigner } from "../auth/dev-signer.ts";
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import { newChild, newEhcp, newIsp, newLegacyEhcp, type Tenant } from "../testing/fixtures.ts";
import { freePort, startChildServer, type ChildServer } from "./child-server.ts";
import { signedTestBundle } from "./testing.ts";

type Json = Record<string, unknown>;
const dirs: string[] = [];
const running: ChildServer[] = [];
afterAll(async () => {
  for (const s of running) await s.kill();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A data directory whose PGlite database is the migrated template (saves initdb on first start). */
async function dataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "send-transfer-proc-"));
  dirs.push(dir);
  const store = await newPgliteTestStore({ dataDir: join(dir, "pglite") });
  await store.close();
  return dir;
}

async function start(dir: string, port: number, transferConfig: unknown): Promise<ChildServer> {
  const s = await startChildServer({ dataDir: dir, port, transferConfig });
  running.push(s);
  return s;
}

const get = async (url: string, token: string): Promise<{ status: number; body: Json }> => {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
};

// A setting the demo seed loads on every start (from the nursery worked example).
const HOSTED: Tenant = {
  settingUrn: "152984",
  laCode: "873",
  laestab: "8733012",
  settingName: "Fenbrook Primary School and Nursery",
};

describe("transfers between real server processes", () => {
  it("SI-API-051: SIGKILL mid-import ×20: after restart each bundle is fully imported or absent, and re-sending completes it", async () => {
    const dir = await dataDir();
    const port = await freePort();
    const signer = await loadOrCreateDevSigner(dir);
    const staff = await signer.sign({ sub: "staff", send_role: "setting-staff", setting_urn: HOSTED.settingUrn });
    const key = await generateSigningKey();
    const config = { trustedKeys: [{ kid: key.kid, jwk: key.publicJwk, owner: "test sender" }] };
    const delays = Array.from({ length: 20 }, (_, i) => [0, 5, 15, 30, 50, 80, 120, 200, 350, 600][i % 10]! + i);
    const seen = { present: 0, absent: 0 };
    let server = await start(dir, port, config);
    let previous: { bundleId: string; jws: string; ids: string[]; upn: string } | undefined;

    /** What the last kill left: all or nothing; then a re-send completes it. */
    const checkAndResend = async (prev: NonNullable<typeof previous>, delay: number) => {
      const parts = await Promise.all([
        get(`${server.url}/transfers/${prev.bundleId}`, staff),
        ...prev.ids.map((id, i) => get(`${server.url}/${["isps", "ehcps", "legacy-ehcps"][i]}/${id}`, staff)),
        get(`${server.url}/children?upn=${prev.upn}`, staff),
      ]);
      const found = [
        ...parts.slice(0, -1).map((p) => p.status === 200),
        ((parts.at(-1)!.body.items as Json[]) ?? []).length === 1,
      ];
      expect(new Set(found).size, `partial import after a kill at ${delay} ms: ${JSON.stringify(found)}`).toBe(1);
      if (found[0]) seen.present++;
      else seen.absent++;
      const resend = await fetch(`${server.url}/transfers/inbox`, {
        method: "POST",
        headers: { "content-type": "application/jose" },
        body: prev.jws,
      });
      const answer = (await resend.json()) as Json;
      expect(resend.status, JSON.stringify(answer)).toBe(200);
      expect(answer.replayed).toBe(found[0]);
      for (const [i, id] of prev.ids.entries())
        expect((await get(`${server.url}/${["isps", "ehcps", "legacy-ehcps"][i]}/${id}`, staff)).status).toBe(200);
    };

    let lastDelay = 0;
    for (const delay of delays) {
      if (previous) await checkAndResend(previous, lastDelay);
      lastDelay = delay;
      const child = newChild(HOSTED);
      const docs = [newIsp(child), newEhcp(child), newLegacyEhcp(child)];
      const { jws, bundle } = await signedTestBundle(docs, key, HOSTED);
      previous = { bundleId: bundle.id, jws, ids: docs.map((d) => d.id as string), upn: child.upn };
      const inflight = fetch(`${server.url}/transfers/inbox`, {
        method: "POST",
        headers: { "content-type": "application/jose" },
        body: jws,
      }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, delay));
      await server.kill("SIGKILL");
      await inflight;
      server = await start(dir, port, config);
    }
    await checkAndResend(previous!, lastDelay);
    await server.kill("SIGTERM");
    console.log(
      `crash safety: ${delays.length} kills; after restart ${seen.present} bundle(s) were complete and ${seen.absent} absent, none partial`,
    );
    expect(seen.present + seen.absent).toBe(delays.length);
  }, 900_000);

  // Both servers seed the same worked examples, so B already holds A's child, filed under A's nursery (152984), a
  // setting B hosts too. Before the tenancy fix the import re-filed B's copy under the receiving setting (148306) and
  // versioned the seeded plan in place: exactly the cross-tenant takeover of issue 11. Now the match outside 148306's
  // records holds the bundle for 148306's review; the receiver's staff import it as a new child of their own, and
  // the seeded records stay as they were, 152984's.
  it("SI-API-050/054: two servers on loopback move a child end to end with a signed receipt", async () => {
    const [dirA, dirB] = [await dataDir(), await dataDir()];
    const [portA, portB] = [await freePort(), await freePort()];
    const urlA = `http://127.0.0.1:${portA}`;
    const urlB = `http://127.0.0.1:${portB}`;
    // A's nursery (152984) sends its child to setting 148306, which B hosts (the demo seed has it).
    const toB = {
      urn: "148306",
      name: "Hollins Green Primary School",
      baseUrl: urlB,
      jwksUrl: `${urlB}/.well-known/jwks.json`,
    };
    const toA = {
      urn: "152984",
      name: "Fenbrook Primary School and Nursery",
      baseUrl: urlA,
      jwksUrl: `${urlA}/.well-known/jwks.json`,
    };
    const [a, b] = await Promise.all([
      start(dirA, portA, { directory: [toB], loopbackOnly: true, delivery: { baseDelayMs: 100, maxAttempts: 5 } }),
      start(dirB, portB, { directory: [toA], loopbackOnly: true }),
    ]);
    const signerA = await loadOrCreateDevSigner(dirA);
    const signerB = await loadOrCreateDevSigner(dirB);
    const staffA = await signerA.sign({ sub: "senco-a", send_role: "setting-staff", setting_urn: "152984" });
    const staffB = await signerB.sign({ sub: "senco-b", send_role: "setting-staff", setting_urn: "148306" });
    const nurseryAtB = await signerB.sign({
      sub: "senco-nursery-b",
      send_role: "setting-staff",
      setting_urn: "152984",
    });
    const children = (await get(`${a.url}/children?settingUrn=152984`, staffA)).body.items as Json[];
    const child = children[0]!;
    const upn = ((child.child as Json).identifiers as Json).upn as string;
    const isps = (await get(`${a.url}/isps?childId=${child.id}`, staffA)).body.items as Json[];
    expect(isps.length).toBeGreaterThan(0);
    const seededPlan = await fetch(`${b.url}/isps/${isps[0]!.id}`, {
      headers: { authorization: `Bearer ${nurseryAtB}` },
    });
    expect(seededPlan.status).toBe(200);
    const seededEtag = seededPlan.headers.get("etag");
    await seededPlan.arrayBuffer();

    const res = await fetch(`${a.url}/children/${child.id}/transfers`, {
      method: "POST",
      headers: { authorization: `Bearer ${staffA}`, "content-type": "application/json" },
      body: JSON.stringify({ receiver: { urn: "148306" }, reason: "in-year-move", includeVersionHistory: true }),
    });
    const created = (await res.json()) as Json;
    expect(res.status, JSON.stringify(created)).toBe(201);
    let view: Json = created;
    for (let i = 0; i < 200 && !["accepted", "rejected"].includes(view.status as string); i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = (await get(`${a.url}/transfers/${created.id}`, staffA)).body;
    }
    // The sender's view: accepted with a receipt signed by B, whether B imported it or holds it for review.
    expect(view.status, JSON.stringify(view.reasons ?? view.delivery)).toBe("accepted");
    const jwksB = (await (await fetch(`${b.url}/.well-known/jwks.json`)).json()) as { keys: never[] };
    const receipt = await verifyReceipt(view.receipt, {
      trustedKeys: jwksB,
      expectedBundleId: created.id as string,
      expectedDigest: view.bundleDigest as string,
    });
    expect(receipt.ok).toBe(true);

    // At B the child's UPN matched 152984's seeded child, outside 148306's records: the bundle waits for review.
    const queue = (await get(`${b.url}/transfers/reviews`, staffB)).body.items as Json[];
    const held = queue.find((r) => r.id === created.id);
    expect(held, JSON.stringify(queue)).toBeDefined();
    expect(held!.status).toBe("held");
    expect(held!.childId).toBeUndefined();
    expect((held!.review as Json).matchedIdentifiers).toContain("upn");
    expect(held!.review).not.toHaveProperty("foreignChildIds"); // which identifier kinds matched, never whose record
    expect((await get(`${b.url}/isps/${isps[0]!.id}`, staffB)).status).toBe(404);

    const decided = await fetch(`${b.url}/transfers/${created.id}/review`, {
      method: "POST",
      headers: { authorization: `Bearer ${staffB}`, "content-type": "application/json" },
      body: JSON.stringify({ decision: "import-as-new-child", note: "Confirmed with Fenbrook by phone" }),
    });
    const imported = (await decided.json()) as Json;
    expect(decided.status, JSON.stringify(imported)).toBe(200);
    expect(imported.status).toBe("accepted");

    // B's 148306 now has the child as a record of its own, and the plan under a local id (the bundle's id is taken
    // by the seeded plan, which is 152984's), with provenance.
    const childAtB = (await get(`${b.url}/children?upn=${upn}`, staffB)).body.items as Json[];
    expect(childAtB.map((c) => c.settingUrn)).toEqual(["148306"]);
    expect(childAtB[0]!.id).toBe(imported.childId);
    const plan = (imported.documents as Json[]).find((d) => d.bundleDocumentId === isps[0]!.id);
    expect(plan, JSON.stringify(imported.documents)).toBeDefined();
    expect(plan!.id).not.toBe(isps[0]!.id);
    const atB = await get(`${b.url}/isps/${plan!.id}`, staffB);
    expect(atB.status).toBe(200);
    expect((atB.body.provenance as Json).importedFromBundleId).toBe(created.id);

    // The seeded records are exactly as they were, and still 152984's.
    const after = await fetch(`${b.url}/isps/${isps[0]!.id}`, { headers: { authorization: `Bearer ${nurseryAtB}` } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).toBe(seededEtag);
    await after.arrayBuffer();
    const nurseryChild = (await get(`${b.url}/children?upn=${upn}`, nurseryAtB)).body.items as Json[];
    expect(nurseryChild.map((c) => [c.id, c.settingUrn])).toEqual([[child.id, "152984"]]);
    await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
  }, 300_000);
});
