// Persistence across restart on PGlite in a data directory: start, write, stop, start again, read, all over HTTP,
// with the same dev signer (as `npm start` keeps it in DATA_DIR).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newPgliteTestStore } from "../test-support/pglite-template.ts";
import { openStore } from "./storage/open-store.ts";
import { loadOrCreateDevSigner } from "./auth/dev-signer.ts";
import { startTestServer } from "./testing/harness.ts";
import { TENANT_A, adoptId, newChild, newIsp, registerChild } from "./testing/fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "send-server-persist-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("persistence across restart (PGlite data directory)", () => {
  it("a record written before a restart is read, with its history and audit, after it", async () => {
    const dataDir = join(dir, "pglite");
    const child = newChild(TENANT_A);

    const signer = await loadOrCreateDevSigner(dir);
    const store1 = await newPgliteTestStore({ dataDir });
    const s1 = await startTestServer(store1, { signer });
    const staff = await signer.sign({ sub: "staff-a", send_role: "setting-staff", setting_urn: TENANT_A.settingUrn });
    await registerChild(s1.call, staff, child);
    const isp = newIsp(child);
    const created = await adoptId(await s1.call("POST", "/isps", { token: staff, body: isp }), isp);
    expect(created.status).toBe(201);
    const updated = await s1.call("PUT", `/isps/${isp.id}`, {
      token: staff,
      body: { ...isp, status: "under-review" },
      headers: { "if-match": created.headers.get("etag")!, "change-reason": "Review started" },
    });
    expect(updated.status).toBe(200);
    const etag = updated.headers.get("etag");
    await s1.close();
    await store1.close();

    // Second start: the normal open path (migrations are a no-op), the signer reloaded from disk.
    const signer2 = await loadOrCreateDevSigner(dir);
    const store2 = await openStore({ dataDir });
    const s2 = await startTestServer(store2, { signer: signer2 });
    try {
      const read = await s2.call("GET", `/isps/${isp.id}`, { token: staff }); // a token minted before the restart
      expect(read.status).toBe(200);
      expect(read.headers.get("etag")).toBe(etag);
      expect(((await read.json()) as { status: string }).status).toBe("under-review");
      const versions = (await (await s2.call("GET", `/isps/${isp.id}/versions`, { token: staff })).json()) as {
        items: { version: number; reason?: string }[];
      };
      expect(versions.items.map((v) => [v.version, v.reason])).toEqual([
        [1, "created"],
        [2, "Review started"],
      ]);
      const auditor = await signer2.sign({ sub: "dpo", send_role: "auditor" });
      const audit = (await (await s2.call("GET", `/audit?resourceId=${isp.id}`, { token: auditor })).json()) as {
        items: { action: string }[];
      };
      expect(audit.items.map((e) => e.action)).toEqual(
        expect.arrayContaining(["create", "update", "read", "list-versions"]),
      );
    } finally {
      await s2.close();
      await store2.close();
    }
  });
});
