// Several live versions over real HTTP: the server declares every supported schemaVersion at GET /, accepts a
// document of any of them (checked against that version's schemas), stores it as received and serves it as stored;
// a 1.0 record updated with its 2.0 upcast keeps both versions in its history. Run on PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upcast } from "../../../sdk/src/versions/upcast.ts";
import type { Store } from "../storage/store.ts";
import { startTestServer, type TestServer } from "./harness.ts";

type Json = Record<string, unknown>;
const fixture = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`../../../examples/upcast/1.0-to-2.0/${name}`, import.meta.url), "utf8")) as Json;

export function runVersionCases(opts: { name: string; newStore: () => Promise<Store> }): void {
  describe(`several live versions on ${opts.name}`, () => {
    let store: Store;
    let s: TestServer;
    let publisher: string;
    let staff: string;

    async function expectStatus(res: Response, status: number): Promise<Json> {
      const text = await res.text();
      expect(res.status, text.slice(0, 500)).toBe(status);
      return text ? (JSON.parse(text) as Json) : {};
    }

    beforeAll(async () => {
      store = await opts.newStore();
      s = await startTestServer(store);
      publisher = await s.token({ sub: "dfe-1", send_role: "dfe-publisher" });
      staff = await s.token({ sub: "staff-v", send_role: "setting-staff", setting_urn: "100000" });
    });
    afterAll(async () => {
      await s?.close();
      await store?.close();
    });

    it("GET / declares the current and every supported schemaVersion", async () => {
      const body = await expectStatus(await s.call("GET", "/"), 200);
      expect(body.schemaVersions).toEqual({ current: "1.0", supported: ["1.0", "2.0"] });
    });

    it("accepts a 2.0 document and serves it as received", async () => {
      const doc: Json = {
        ...fixture("spp-superseding.2.0.json"),
        id: randomUUID(),
        catalogueUrl: "https://catalogue.example.gov.uk/spp/ci",
      };
      await expectStatus(await s.call("POST", "/spps", { token: publisher, body: doc }), 201);
      const got = await expectStatus(await s.call("GET", `/spps/${doc.id}`, { token: staff }), 200);
      expect(got.schemaVersion).toBe("2.0");
      expect(got.supersedes).toEqual(doc.supersedes);
      expect(got.catalogueUrl).toBe(doc.catalogueUrl);
      expect(got).not.toHaveProperty("supersedesVersion");
    });

    it("accepts a 1.0 document beside it and serves it in 1.0", async () => {
      const doc: Json = { ...fixture("spp-superseding.1.0.json"), id: randomUUID() };
      await expectStatus(await s.call("POST", "/spps", { token: publisher, body: doc }), 201);
      const got = await expectStatus(await s.call("GET", `/spps/${doc.id}`, { token: staff }), 200);
      expect([got.schemaVersion, got.supersedesVersion, got.changeSummary]).toEqual([
        "1.0",
        doc.supersedesVersion,
        doc.changeSummary,
      ]);
    });

    it("checks each document against its own version's schemas", async () => {
      const oldShapeNewVersion = { ...fixture("spp-superseding.1.0.json"), id: randomUUID(), schemaVersion: "2.0" };
      const p1 = await expectStatus(await s.call("POST", "/spps", { token: publisher, body: oldShapeNewVersion }), 422);
      expect((p1.errors as Json[]).map((e) => e.pointer)).toContain("/supersedesVersion");
      const newFieldOldVersion = {
        ...fixture("spp-superseding.1.0.json"),
        id: randomUUID(),
        catalogueUrl: "https://x.uk",
      };
      const p2 = await expectStatus(await s.call("POST", "/spps", { token: publisher, body: newFieldOldVersion }), 422);
      expect((p2.errors as Json[]).map((e) => e.pointer)).toContain("/catalogueUrl");
      const unknown = { ...fixture("spp-superseding.2.0.json"), id: randomUUID(), schemaVersion: "3.0" };
      const p3 = await expectStatus(await s.call("POST", "/spps", { token: publisher, body: unknown }), 422);
      expect((p3.errors as Json[]).map((e) => e.ruleId)).toEqual(["schema.schema-version"]);
    });

    it("keeps a 1.0 version in the history when the record is updated with its 2.0 upcast", async () => {
      const doc: Json = { ...fixture("spp-superseding.1.0.json"), id: randomUUID() };
      const created = await s.call("POST", "/spps", { token: publisher, body: doc });
      await expectStatus(created.clone(), 201);
      const result = upcast(doc);
      if (!result.ok) throw new Error(result.reason);
      const headers = { "if-match": created.headers.get("etag") ?? "", "change-reason": "Upcast to schemaVersion 2.0" };
      await expectStatus(
        await s.call("PUT", `/spps/${doc.id}`, { token: publisher, body: result.document, headers }),
        200,
      );
      const v1 = await expectStatus(await s.call("GET", `/spps/${doc.id}/versions/1`, { token: staff }), 200);
      const v2 = await expectStatus(await s.call("GET", `/spps/${doc.id}/versions/2`, { token: staff }), 200);
      expect([v1.schemaVersion, v1.changeSummary]).toEqual(["1.0", doc.changeSummary]);
      expect([v2.schemaVersion, v2.supersedes]).toEqual([
        "2.0",
        { version: "1.0.0", changeSummary: doc.changeSummary },
      ]);
    });
  });
}
