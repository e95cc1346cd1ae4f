// A create and its audit record are one statement (issue 11): the handler hands the audit record to Store.create
// instead of appending it afterwards. Shown with a store whose separate audit appends of creates fail: every create
// still succeeds and its audit record is in the log. (The statement itself is store.cases.ts's, on both drivers.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import { startTestServer, type TestServer } from "../testing/harness.ts";
import { TENANT_A, childRecord, newChild, newIsp, registerChild, settingEntry } from "../testing/fixtures.ts";
import type { Store } from "../storage/store.ts";

describe("create and its audit record in one statement", () => {
  let store: Store;
  let s: TestServer;
  beforeAll(async () => {
    store = await newPgliteTestStore();
    const separateCreateAudits: Store = {
      ...store,
      appendAudits: async (recs) => {
        if (recs.some((r) => r.action === "create" && r.outcome === "allowed"))
          throw new Error("a create's audit record was written by a separate statement");
        return store.appendAudits(recs);
      },
    };
    s = await startTestServer(separateCreateAudits);
  });
  afterAll(async () => {
    await s?.close();
    await store?.close();
  });

  it("creates succeed without a separate audit append, and each create is in the audit log once", async () => {
    const publisher = await s.token({ sub: "dfe", send_role: "dfe-publisher" });
    const staff = await s.token({ sub: "staff-a", send_role: "setting-staff", setting_urn: TENANT_A.settingUrn });
    const auditor = await s.token({ sub: "dpo", send_role: "auditor" });
    expect((await s.call("POST", "/settings", { token: publisher, body: settingEntry(TENANT_A) })).status).toBe(201);
    const child = newChild(TENANT_A);
    const record = await registerChild(s.call, staff, child, childRecord(child));
    const res = await s.call("POST", "/isps", { token: staff, body: newIsp(child) });
    expect(res.status, await res.clone().text()).toBe(201);
    const isp = (await res.json()) as { id: string };
    for (const [kind, id] of [
      ["child", String(record.id)],
      ["isp", isp.id],
    ] as const) {
      const log = (await (await s.call("GET", `/audit?resourceId=${id}`, { token: auditor })).json()) as {
        items: { action: string; version?: number }[];
      };
      expect(
        log.items.filter((e) => e.action === "create"),
        kind,
      ).toMatchObject([{ action: "create", version: 1 }]);
    }
  });
});
