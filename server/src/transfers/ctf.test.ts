// The CTF bridge over HTTP (PGlite): the child's current SEN status as a CTF SEN block, and the SEN part of a CTF
// imported into the child's areas-of-development profile as a new version (idempotent on a second import).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCtfSen } from "../../../sdk/src/ctf/index.ts";
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import { startTestServer, type TestServer } from "../testing/harness.ts";
import type { Store } from "../storage/store.ts";
import { must } from "./testing.ts";
import { adoptId } from "../testing/fixtures.ts";

type Json = Record<string, unknown>;
const profile = JSON.parse(
  readFileSync(
    new URL("../../../examples/worked/development-profile-year6-legacy-classification.json", import.meta.url),
    "utf8",
  ),
) as Json;
const child = profile.child as Json;
const setting = profile.owner as Json;
const HISTORY = `<SENhistory><SEN><StartDate>2019-09-02</StartDate><SENprovision>K</SENprovision></SEN><SENneeds><SENneed><SENtypeRank>1</SENtypeRank><SENtype>SLCN</SENtype></SENneed></SENneeds></SENhistory>`;

describe("CTF bridge endpoints", () => {
  let store: Store;
  let s: TestServer;
  let sys: string;
  beforeAll(async () => {
    store = await newPgliteTestStore();
    s = await startTestServer(store);
    const publisher = await s.token({ sub: "dfe", send_role: "dfe-publisher" });
    await must(await s.call("POST", "/settings", { token: publisher, body: setting }), 201);
    sys = await s.token({ sub: "mis", send_role: "system-integration", setting_urn: setting.urn as string });
    // Ids are the server's (SI-API-057): the profile names the registered child.
    child.personId = (
      await must(
        await s.call("POST", "/children", {
          token: sys,
          body: { child, settingUrn: setting.urn, laCode: setting.laCode },
        }),
        201,
      )
    ).id;
    await must(
      await adoptId(await s.call("POST", "/development-profiles", { token: sys, body: profile }), profile),
      201,
    );
  });
  afterAll(async () => {
    await s?.close();
    await store?.close();
  });

  it("GET ctf-sen writes the classification in force today as a <SENhistory> block the SDK reads back", async () => {
    const res = await s.call("GET", `/children/${child.personId}/ctf-sen`, { token: sys });
    const xml = await res.text();
    expect(res.status, xml).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/xml/);
    const back = importCtfSen(xml, { recordedAt: "2030-07-01T00:00:00Z" });
    expect(back.ok).toBe(true);
    if (back.ok)
      expect(back.pupils[0]!.classifications.at(-1)).toMatchObject({
        senProvision: "E",
        senTypes: [
          { code: "SLCN", rank: 1 },
          { code: "SPLD", rank: 2 },
        ],
      });
  });

  it("POST ctf-import adds the history as a new profile version, with crosswalk suggestions; a second import adds nothing", async () => {
    const first = await must(
      await s.call("POST", `/children/${child.personId}/ctf-import`, {
        token: sys,
        rawBody: HISTORY,
        headers: { "content-type": "application/xml" },
      }),
      200,
    );
    expect(first).toMatchObject({ profileId: profile.id, version: 2, added: 1, skipped: 0 });
    expect((first.suggestions as Json[]).length).toBeGreaterThan(0);
    const stored = await must(await s.call("GET", `/development-profiles/${profile.id}`, { token: sys }), 200);
    expect(
      (stored.legacyClassifications as Json[]).some((c) => c.senProvision === "K" && c.effectiveFrom === "2019-09-02"),
    ).toBe(true);
    const again = await must(
      await s.call("POST", `/children/${child.personId}/ctf-import`, {
        token: sys,
        rawBody: HISTORY,
        headers: { "content-type": "application/xml" },
      }),
      200,
    );
    expect(again).toMatchObject({ version: 2, added: 0, skipped: 1 });
  });

  it("malformed XML is 422 with the importer's code; JSON is 415", async () => {
    const bad = await s.call("POST", `/children/${child.personId}/ctf-import`, {
      token: sys,
      rawBody: "<SENhistory><SEN>",
      headers: { "content-type": "application/xml" },
    });
    const body = (await bad.json()) as Json;
    expect(bad.status).toBe(422);
    expect((body.errors as Json[])[0]!.ruleId).toBe("ctf.xml-malformed");
    const json = await s.call("POST", `/children/${child.personId}/ctf-import`, { token: sys, body: { a: 1 } });
    await json.arrayBuffer();
    expect(json.status).toBe(415);
  });
});
