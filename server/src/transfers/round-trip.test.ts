// Round trip for every worked example that can travel in a bundle, over real HTTP between two servers (PGlite):
// export from A → import at B → export from B. The documents, SPP references and redactions of the second export
// must equal the first's canonically, except the fields the schemas declare receiver-side (x-send-receiverSide);
// the test lists every difference it finds, ignored or not. Requirements SI-API-045, SI-API-047.
import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { canonicalJson, decodeUnverifiedPayload, EMBEDDABLE_TYPES } from "../../../sdk/src/bundle/index.ts";
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import { addSetting, introduce, must, RECEIVING, settled, startPeer, type Peer } from "./testing.ts";
import { jsonDiff, receiverSideNames } from "./json-diff.ts";
import { adoptId } from "../testing/fixtures.ts";

type Json = Record<string, unknown>;
const dir = new URL("../../../examples/worked/", import.meta.url);
const schemaDir = new URL("../../../schemas/", import.meta.url);
const RECEIVER_SIDE = receiverSideNames(
  readdirSync(schemaDir)
    .filter((f) => f.endsWith(".schema.json"))
    .map((f) => JSON.parse(readFileSync(new URL(f, schemaDir), "utf8"))),
);
const COLLECTION: Record<string, string> = {
  isp: "/isps",
  ehcp: "/ehcps",
  "legacy-ehcp": "/legacy-ehcps",
  "development-profile": "/development-profiles",
};

const examples = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((file) => ({ file, doc: JSON.parse(readFileSync(new URL(file, dir), "utf8")) as Json }))
  .filter(({ doc }) => (EMBEDDABLE_TYPES as readonly string[]).includes(doc.documentType as string));

describe("round trip export → import → export for every worked example", () => {
  let peers: Peer[] = [];
  afterEach(async () => {
    for (const p of peers) {
      p.service.stop();
      await p.server.close();
      await p.store.close();
    }
    peers = [];
  });

  it("covers every embeddable worked example", () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(RECEIVER_SIDE).toEqual(new Set(["status", "receivedAt", "importedAt", "importedFromBundleId"]));
  });

  for (const { file, doc } of examples) {
    it(`${file}: the re-export equals the export except receiver-side fields`, async () => {
      const ownerIsSetting = doc.documentType === "isp" || doc.documentType === "development-profile";
      const owning = ownerIsSetting ? (doc.owner as Json | undefined) : undefined;
      const la = ownerIsSetting ? undefined : ((doc.owner as Json | undefined)?.laCode as string | undefined);
      const sender = owning
        ? {
            settingUrn: owning.urn as string,
            laCode: owning.laCode as string,
            laestab: String(owning.laestab ?? ""),
            settingName: owning.name as string,
          }
        : { settingUrn: "", laCode: la!, laestab: "", settingName: "" };
      const a = await startPeer(
        await newPgliteTestStore(),
        sender.settingUrn ? sender : { ...sender, settingUrn: "100000" },
      );
      const b = await startPeer(await newPgliteTestStore(), RECEIVING);
      peers = [a, b];
      introduce(a, b);
      await addSetting(a, RECEIVING);
      await addSetting(b, RECEIVING);
      if (owning)
        await must(await a.server.call("POST", "/settings", { token: a.tokens.publisher, body: owning }), 201);
      const claims = owning ? { setting_urn: sender.settingUrn } : { la_code: la! };
      const sysA = await a.server.token({ sub: "mis-a", send_role: "system-integration", ...claims });
      const child = doc.child as Json;
      const registered = await must(
        await a.server.call("POST", "/children", {
          token: sysA,
          body: { child, laCode: sender.laCode, ...(owning ? { settingUrn: sender.settingUrn } : {}) },
        }),
        201,
      );
      child.personId = registered.id; // ids are the server's (SI-API-057): the document names the registered child
      await must(
        await adoptId(
          await a.server.call("POST", COLLECTION[doc.documentType as string]!, { token: sysA, body: doc }),
          doc,
        ),
        201,
      );

      const first = await must(
        await a.server.call("POST", `/children/${child.personId}/transfers`, {
          token: sysA,
          body: { receiver: { urn: RECEIVING.settingUrn }, reason: "in-year-move" },
        }),
        201,
      );
      const delivered = await settled(a, first.id as string, sysA);
      expect(delivered.status, JSON.stringify(delivered.reasons)).toBe("accepted");
      const bundle1 = decodeUnverifiedPayload(
        await (await a.server.call("GET", `/transfers/${first.id}/bundle`, { token: sysA })).text(),
      ) as Json;

      const sysB = await b.server.token({
        sub: "mis-b",
        send_role: "system-integration",
        setting_urn: RECEIVING.settingUrn,
      });
      const imported = await must(await b.server.call("GET", `/transfers/${first.id}`, { token: sysB }), 200);
      const second = await must(
        await b.server.call("POST", `/children/${imported.childId}/transfers`, {
          token: sysB,
          body: { receiver: { unknownDestination: true }, reason: "in-year-move" },
        }),
        201,
      );
      const bundle2 = decodeUnverifiedPayload(
        await (await b.server.call("GET", `/transfers/${second.id}/bundle`, { token: sysB })).text(),
      ) as Json;

      const pick = (x: Json) => ({
        documents: x.documents,
        sppReferences: x.sppReferences ?? [],
        redactions: x.redactions,
        labels: (x.sharingApplied as Json).labelsIncluded,
      });
      const all = jsonDiff(pick(bundle1), pick(bundle2));
      const content = jsonDiff(pick(bundle1), pick(bundle2), (_at, key) => RECEIVER_SIDE.has(key));
      const envelope = jsonDiff(
        { id: bundle1.id, manifest: bundle1.manifest, contents: bundle1.contents },
        { id: bundle2.id, manifest: bundle2.manifest, contents: bundle2.contents },
      );
      // The listing the issue asks for: every difference, with whether it is allowed.
      console.log(
        `${file}: ${all.length} difference(s) in content, ${all.length - content.length} of them receiver-side [${all
          .filter((d) => !content.includes(d))
          .map((d) => d.pointer)
          .join(", ")}]; ` +
          `${envelope.length} in the per-transfer envelope (ids, manifest, digests over the receiver-side fields) [${envelope
            .map((d) => d.pointer)
            .slice(0, 8)
            .join(", ")}${envelope.length > 8 ? ", …" : ""}]`,
      );
      expect(content).toEqual([]);
      expect(
        canonicalJson(JSON.parse(JSON.stringify(pick(bundle1)), (k, v) => (RECEIVER_SIDE.has(k) ? undefined : v))),
      ).toBe(
        canonicalJson(JSON.parse(JSON.stringify(pick(bundle2)), (k, v) => (RECEIVER_SIDE.has(k) ? undefined : v))),
      );
      // Two PGlite databases and two transfers per case: too much for the 60 s default on a loaded machine.
    }, 240_000);
  }
});
