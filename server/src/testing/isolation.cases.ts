// Requests isolated from each other (issue 11), over real HTTP, run once per database (isolation.pglite.test.ts,
// isolation.postgres.test.ts): hostile requests mixed into legitimate traffic must fail alone, as 4xx problem+json.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../storage/store.ts";
import { TENANT_A, childRecord, newChild, newIsp, settingEntry } from "./fixtures.ts";
import { startTestServer, type TestServer } from "./harness.ts";

type Json = Record<string, unknown>;

export interface IsolationCaseOptions {
  name: string;
  newStore(): Promise<Store>;
}

/** Hostile requests that once reached the database (each made the statement it shared with others fail). */
export const HOSTILE_PATHS = ["/isps/%00", "/isps/a%00b", "/children/%00", "/isps/%00/versions", "/isps/%00/versions/1", "/isps?childId=%00", "/audit?resourceId=%00", "/audit?cursor=AAAA"];

export function runIsolationCases(opts: IsolationCaseOptions): void {
  describe(`request isolation on ${opts.name}`, () => {
    let store: Store;
    let s: TestServer;
    let staff: string;
    let auditor: string;
    let ispId: string;
    let childId: string;

    async function created(res: Response): Promise<Json> {
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(201);
      return JSON.parse(text) as Json;
    }

    beforeAll(async () => {
      store = await opts.newStore();
      s = await startTestServer(store, { rateLimit: { perMinute: 0 } });
      const publisher = await s.token({ sub: "dfe-1", send_role: "dfe-publisher" });
      staff = await s.token({ sub: "staff-a", send_role: "setting-staff", setting_urn: TENANT_A.settingUrn });
      auditor = await s.token({ sub: "dpo-1", send_role: "auditor" });
      await created(await s.call("POST", "/settings", { token: publisher, body: settingEntry(TENANT_A) }));
      const child = newChild(TENANT_A);
      childId = String((await created(await s.call("POST", "/children", { token: staff, body: childRecord(child) }))).id);
      ispId = String((await created(await s.call("POST", "/isps", { token: staff, body: newIsp({ ...child, childId }) }))).id);
    });

    afterAll(async () => {
      await s?.close();
      await store?.close();
    });

    it("200 concurrent legitimate requests mixed with hostile ones: every legitimate one succeeds, every hostile one is a 4xx", async () => {
      // Legitimate traffic that shares each batched statement kind: audited reads, plain reads, audit appends.
      const legitimate: [string, number][] = [
        [`/isps/${ispId}`, 200],
        [`/isps?childId=${childId}`, 200],
        [`/isps/${randomUUID()}`, 404],
        [`/isps/${ispId}/versions`, 200],
        [`/children/${childId}`, 200],
      ];
      // Interleaved, so hostile requests land in the same event-loop turns (and batched statements) as legitimate ones.
      const legit: Promise<{ path: string; want: number; got: number }>[] = [];
      const hostile: Promise<Response>[] = [];
      for (let i = 0; i < 200; i++) {
        const [path, status] = legitimate[i % legitimate.length]!;
        legit.push(s.call("GET", path, { token: staff }).then((r) => ({ path, want: status, got: r.status })));
        if (i % 5 === 0) hostile.push(s.call("GET", HOSTILE_PATHS[hostile.length % HOSTILE_PATHS.length]!, { token: i % 2 ? staff : auditor }));
      }
      const [good, bad] = await Promise.all([Promise.all(legit), Promise.all(hostile)]);
      const failed = good.filter((r) => r.got !== r.want);
      const hostile5xx = bad.filter((r) => r.status >= 500).map((r) => r.status);
      if (process.env.ISOLATION_DEBUG) console.log(s.logs.filter((l) => l.includes("unhandled")).map((l) => JSON.parse(l).error).join("\n"));
      console.log(`isolation ${opts.name}: legitimate failed ${failed.length}/200, hostile 5xx ${hostile5xx.length}/40`);
      expect(failed).toEqual([]);
      expect(hostile5xx).toEqual([]);
      for (const r of bad) expect(r.headers.get("content-type")).toMatch(/problem\+json/);
    });
  });
}
