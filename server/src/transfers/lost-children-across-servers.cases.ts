// Children who move between local authorities whose servers differ, over real HTTP, run once per database
// (lost-children-across-servers.pglite.test.ts, .postgres.test.ts). Server X hosts LA 873, whose unclaimed queue
// holds a child's bundle; server Y hosts LA 926, where the family reappears. One trust anchor signs a list naming
// both LAs (with their keys), X's school and Y's school. Includes the attackers: an unsigned query, an unknown key,
// a school's key, a key of another LA, a replayed message, and a decision forged by the requester.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generateSigningKey,
  publicJwk,
  signJson,
  signTrustList,
  type KeyPairJwk,
  type TrustList,
  type TrustListEntry,
} from "../../../sdk/src/bundle/index.ts";
import type { Store } from "../storage/store.ts";
import { adoptId, newChild, newIsp, registerChild, type Tenant } from "../testing/fixtures.ts";
import { laOwner, settingOwner } from "./keyring.ts";
import { addSetting, must, RECEIVING, SENDING, settled, startPeer, type Peer } from "./testing.ts";

type Json = Record<string, unknown>;

const letters = () =>
  Array.from(
    randomUUID()
      .replace(/[^a-f]/g, "")
      .slice(0, 7),
    (ch) => String.fromCharCode(ch.charCodeAt(0) + 10),
  ).join("");
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const inline = (k: KeyPairJwk) => ({
  kid: k.kid,
  jwk: { ...(publicJwk(k.publicJwk) as { kty: "EC"; crv: "P-256"; x: string; y: string }), kid: k.kid },
});

function laEntry(laCode: string, url: string, key: KeyPairJwk): TrustListEntry {
  return {
    entryType: "local-authority",
    laCode,
    name: `Local authority ${laCode}`,
    status: "open",
    endpoints: { inbox: `${url}/transfers/inbox` },
    keys: [inline(key)],
  };
}

function settingEntryOn(t: Tenant, url: string): TrustListEntry {
  return {
    entryType: "setting",
    urn: t.settingUrn,
    laCode: t.laCode,
    name: t.settingName,
    status: "open",
    endpoints: { inbox: `${url}/transfers/inbox`, jwks: `${url}/.well-known/jwks.json` },
  };
}

function trustList(anchorKid: string, entries: TrustListEntry[], sequence = 1): TrustList {
  const now = new Date().toISOString();
  return {
    documentType: "trust-list",
    schemaVersion: "1.0",
    id: randomUUID(),
    provenance: {
      createdBy: { personType: "system", displayName: "Test anchor" },
      createdAt: now,
      system: { name: "Test anchor", version: "1" },
    },
    sequence,
    issuer: { name: "Test anchor", kid: anchorKid },
    issuedAt: now,
    nextUpdate: new Date(Date.now() + 86_400_000).toISOString(),
    entries,
    revocations: [],
  };
}

export function runCrossServerLostChildCases(opts: { name: string; newStore(): Promise<Store> }): void {
  describe(`children who move between local authorities on different servers (${opts.name})`, () => {
    let x: Peer; // LA 873: holds the bundle
    let y: Peer; // LA 926: where the family reappears
    let laX: KeyPairJwk;
    let laY: KeyPairJwk;
    let schoolY: KeyPairJwk;
    let anchor: KeyPairJwk;

    beforeAll(async () => {
      anchor = await generateSigningKey();
      const trustAnchor = { keys: [{ kid: anchor.kid, jwk: anchor.publicJwk }] };
      x = await startPeer(await opts.newStore(), SENDING, { trustAnchor });
      y = await startPeer(await opts.newStore(), RECEIVING, { trustAnchor });
      await addSetting(x, SENDING);
      await addSetting(y, RECEIVING);
      laX = (await x.service.keyring.keysFor(laOwner("873"))).signing;
      laY = (await y.service.keyring.keysFor(laOwner("926"))).signing;
      schoolY = (await y.service.keyring.keysFor(settingOwner(RECEIVING.settingUrn))).signing;
      const list = trustList(anchor.kid, [
        laEntry("873", x.server.url, laX),
        laEntry("926", y.server.url, laY),
        settingEntryOn(SENDING, x.server.url),
        settingEntryOn(RECEIVING, y.server.url),
      ]);
      const jws = (await signTrustList(list, { privateKey: anchor.privateJwk, kid: anchor.kid })) as string;
      for (const p of [x, y])
        await must(
          await p.server.call("POST", "/trust-list", { token: p.tokens.publisher, body: { trustList: jws } }),
          200,
        );
    });

    afterAll(async () => {
      for (const p of [x, y]) {
        p?.service.stop();
        await p?.server.close().catch(() => undefined); // Y is already closed by the last test
        await p?.store.close();
      }
    });

    /** A child of LA 873 on server X with a unique name, an ISP, and a bundle sent to an unknown destination. */
    async function heldChild() {
      const child = newChild(SENDING);
      await registerChild(x.server.call, x.tokens.staff, child);
      const name = { given: cap(letters()), family: cap(letters()) };
      const isp = newIsp(child);
      (isp.child as Json).legalName = name;
      const dateOfBirth = String((isp.child as Json).dateOfBirth);
      await must(await adoptId(await x.server.call("POST", "/isps", { token: x.tokens.staff, body: isp }), isp), 201);
      const sent = await must(
        await x.server.call("POST", `/children/${child.childId}/transfers`, {
          token: x.tokens.staff,
          body: { receiver: { unknownDestination: true }, reason: "in-year-move" },
        }),
        201,
      );
      return { child, name, dateOfBirth, transferId: String(sent.id) };
    }

    /** A message as another server would send it, signed with `key`. */
    const message = async (key: KeyPairJwk, body: Json) =>
      (await signJson(
        { iat: Math.floor(Date.now() / 1000), jti: randomUUID(), sub: "someone", ...body },
        "send-la-message+json",
        { privateKey: key.privateJwk, kid: key.kid },
      )) as string;
    const post = (peer: Peer, path: string, jws: string, type = "application/jose") =>
      peer.server.call("POST", path, { rawBody: jws, headers: { "content-type": type } });

    const trail = async (peer: Peer, resourceId: string) =>
      (
        (
          await must(
            await peer.server.call("GET", `/audit?resourceId=${resourceId}&limit=100`, { token: peer.tokens.auditor }),
            200,
          )
        ).items as { actor: { subject: string }; action: string; outcome: string }[]
      ).map((e) => `${e.actor.subject}:${e.action}:${e.outcome}`);

    it("SI-TR-LC-010: an officer on Y finds the bundle X holds, by UPN and by name, and learns nothing new", async () => {
      const h = await heldChild();
      const res = await y.server.call("POST", "/cross-la/queries", { token: y.tokens.la, body: { upn: h.child.upn } });
      const text = await res.clone().text();
      const body = await must(res, 200);
      const matches = body.matches as Json[];
      expect(matches).toHaveLength(1);
      expect(Object.keys(matches[0]!).sort()).toEqual(["confidence", "heldSince", "holdingLaCode", "matchRef"]);
      expect(matches[0]).toMatchObject({ confidence: "high", holdingLaCode: "873" });
      expect(body.unanswered).toBeUndefined();
      for (const secret of [h.name.given, h.name.family, h.dateOfBirth, h.child.childId, h.transferId])
        expect(text).not.toContain(secret);
      const byName = await must(
        await y.server.call("POST", "/cross-la/queries", {
          token: y.tokens.la,
          body: { givenName: h.name.given, familyName: h.name.family.toUpperCase(), dateOfBirth: h.dateOfBirth },
        }),
        200,
      );
      expect((byName.matches as Json[]).map((m) => m.confidence)).toEqual(["medium"]);
      // X's audit shows who on which LA looked, under the transfer; Y's shows its officer's search.
      expect(await trail(x, h.transferId)).toEqual(expect.arrayContaining(["la:926:la-926:search:allowed"]));
      expect(await trail(y, String(matches[0]!.matchRef))).toEqual(["la-926:search:allowed"]);
    });

    it("SI-TR-LC-011: X answers only messages signed by an LA's own key in the trust list", async () => {
      const h = await heldChild();
      const query = { kind: "query", query: { upn: h.child.upn } };
      // Unsigned: a plain JSON query, or a JWS with no signature that verifies.
      expect((await post(x, "/cross-la/remote/queries", JSON.stringify(query), "application/json")).status).toBe(415);
      const stranger = await generateSigningKey();
      const unknown = await post(x, "/cross-la/remote/queries", await message(stranger, { iss: "926", ...query }));
      expect(unknown.status).toBe(401);
      expect(((await unknown.json()) as Json).type).toMatch(/unauthorized$/);
      // A school's key is trust-listed, but a school may not ask; nor may one LA's key speak for another LA.
      expect((await post(x, "/cross-la/remote/queries", await message(schoolY, { iss: "926", ...query }))).status).toBe(
        403,
      );
      expect((await post(x, "/cross-la/remote/queries", await message(laY, { iss: "999", ...query }))).status).toBe(
        403,
      );
      // A message older than five minutes, and a replayed one, are refused.
      const old = await signJson(
        { iss: "926", sub: "s", iat: Math.floor(Date.now() / 1000) - 3600, jti: randomUUID(), ...query },
        "send-la-message+json",
        { privateKey: laY.privateJwk, kid: laY.kid },
      );
      expect((await post(x, "/cross-la/remote/queries", old as string)).status).toBe(401);
      const good = await message(laY, { iss: "926", ...query });
      const first = await must(await post(x, "/cross-la/remote/queries", good), 200);
      expect((first.matches as Json[]).length).toBe(1);
      expect((await post(x, "/cross-la/remote/queries", good)).status).toBe(409);
      // Every refusal is on X's audit record; the refused ones never reached a transfer.
      const t = await trail(x, h.transferId);
      expect(t.filter((e) => e.endsWith(":search:allowed"))).toEqual(["la:926:someone:search:allowed"]);
      const denied = await must(
        await x.server.call("GET", "/audit?actor=la-message:unverified&limit=100", { token: x.tokens.auditor }),
        200,
      );
      expect(
        (denied.items as { outcome: string }[]).filter((e) => e.outcome === "denied").length,
      ).toBeGreaterThanOrEqual(5);
    });

    it("SI-TR-LC-012: request from Y, approval on X only, release into Y's records; audited on both sides", async () => {
      const h = await heldChild();
      const [m] = (
        await must(
          await y.server.call("POST", "/cross-la/queries", { token: y.tokens.la, body: { upn: h.child.upn } }),
          200,
        )
      ).matches as Json[];
      const created = await y.server.call("POST", "/cross-la/requests", {
        token: y.tokens.la,
        body: { matchRef: m!.matchRef, reason: "The family has moved into our area." },
      });
      const req = await must(created, 201);
      expect(req).toMatchObject({ id: m!.matchRef, status: "pending", holdingLaCode: "873", requestingLaCode: "926" });
      expect(req.transferId).toBeUndefined();
      const again = await y.server.call("POST", "/cross-la/requests", {
        token: y.tokens.la,
        body: { matchRef: m!.matchRef, reason: "again" },
      });
      expect(again.status).toBe(409);
      await again.arrayBuffer();

      // Nothing reaches Y before X's officer approves, and Y cannot approve its own request: not through X's API
      // (it has no token there), and not by signing a decision to itself with its own key.
      const forged = await message(laY, {
        iss: "873",
        kind: "decision",
        requestId: req.id,
        decision: "approve",
        bundle: "x.y.z",
      });
      expect((await post(y, "/cross-la/remote/decisions", forged)).status).toBe(403);
      const stranger = await message(laY, {
        iss: "926",
        kind: "decision",
        requestId: req.id,
        decision: "approve",
        bundle: "x.y.z",
      });
      expect((await post(y, "/cross-la/remote/decisions", stranger)).status).toBe(404);
      expect(
        (
          (await must(await y.server.call("GET", `/children?upn=${h.child.upn}`, { token: y.tokens.la }), 200))
            .items as Json[]
        ).length,
      ).toBe(0);

      const holding = await must(await x.server.call("GET", "/cross-la/requests", { token: x.tokens.la }), 200);
      expect((holding.items as Json[]).find((r) => r.id === req.id)).toMatchObject({
        transferId: h.transferId,
        status: "pending",
        requestingLaCode: "926",
      });
      const approved = await must(
        await x.server.call("POST", `/cross-la/requests/${req.id}/decision`, {
          token: x.tokens.la,
          body: { decision: "approve", reason: "Known move." },
        }),
        200,
      );
      expect(approved).toMatchObject({ status: "approved", delivery: "imported", decidedBy: { laCode: "873" } });
      expect(approved.childId).toBeUndefined();
      const transfer = await settled(x, h.transferId, x.tokens.la);
      expect(transfer).toMatchObject({ status: "claimed", claimedBy: { laCode: "926" } });

      const mine = await must(await y.server.call("GET", `/cross-la/requests/${req.id}`, { token: y.tokens.la }), 200);
      expect(mine).toMatchObject({
        status: "approved",
        delivery: "imported",
        decidedBy: { laCode: "873", subject: "la-873" },
      });
      const found = await must(await y.server.call("GET", `/children?upn=${h.child.upn}`, { token: y.tokens.la }), 200);
      expect((found.items as Json[]).map((c) => c.id)).toEqual([mine.childId]);
      const plans = await must(
        await y.server.call("GET", `/isps?childId=${mine.childId}`, { token: y.tokens.la }),
        200,
      );
      expect((plans.items as Json[]).length).toBe(1);

      expect(await trail(x, h.transferId)).toEqual(
        expect.arrayContaining([
          "la:926:la-926:search:allowed",
          "la:926:la-926:create:allowed",
          "la-873:export:allowed",
        ]),
      );
      expect(await trail(y, String(req.id))).toEqual(
        expect.arrayContaining([
          "la-926:search:allowed",
          "la-926:create:allowed",
          "la:873:la-873:update:allowed",
          "la:873:la-873:import:allowed",
        ]),
      );
    });

    it("SI-TR-LC-013: a refusal from X reaches Y with its reason, and the bundle stays in X's queue", async () => {
      const h = await heldChild();
      const [m] = (
        await must(
          await y.server.call("POST", "/cross-la/queries", { token: y.tokens.la, body: { upn: h.child.upn } }),
          200,
        )
      ).matches as Json[];
      const req = await must(
        await y.server.call("POST", "/cross-la/requests", {
          token: y.tokens.la,
          body: { matchRef: m!.matchRef, reason: "Possible match" },
        }),
        201,
      );
      await must(
        await x.server.call("POST", `/cross-la/requests/${req.id}/decision`, {
          token: x.tokens.la,
          body: { decision: "refuse", reason: "Not the same child." },
        }),
        200,
      );
      expect(
        await must(await y.server.call("GET", `/cross-la/requests/${req.id}`, { token: y.tokens.la }), 200),
      ).toMatchObject({
        status: "refused",
        decisionReason: "Not the same child.",
      });
      const queue = await must(
        await x.server.call("GET", `/transfers/unclaimed?upn=${h.child.upn}`, { token: x.tokens.la }),
        200,
      );
      expect((queue.items as Json[]).map((t) => t.id)).toEqual([h.transferId]);
    });

    it("SI-TR-LC-015: when an LA's entry names its server's JWKS, that server's school keys still cannot ask", async () => {
      const h = await heldChild();
      // LA 926's keys are now found through Y's JWKS, which also holds Y's schools' keys (each marked with its owner).
      const byJwks: TrustListEntry = {
        ...laEntry("926", y.server.url, laY),
        endpoints: { inbox: `${y.server.url}/transfers/inbox`, jwks: `${y.server.url}/.well-known/jwks.json` },
      };
      delete byJwks.keys;
      const list = trustList(
        anchor.kid,
        [byJwks, laEntry("873", x.server.url, laX), settingEntryOn(SENDING, x.server.url)],
        2,
      );
      const jws = (await signTrustList(list, { privateKey: anchor.privateJwk, kid: anchor.kid })) as string;
      await must(
        await x.server.call("POST", "/trust-list", { token: x.tokens.publisher, body: { trustList: jws } }),
        200,
      );
      const query = { kind: "query", query: { upn: h.child.upn } };
      const school = await post(x, "/cross-la/remote/queries", await message(schoolY, { iss: "926", ...query }));
      expect(school.status).toBe(403);
      await school.arrayBuffer();
      const la = await must(
        await post(x, "/cross-la/remote/queries", await message(laY, { iss: "926", ...query })),
        200,
      );
      expect((la.matches as Json[]).length).toBe(1);
    });

    // Last: it closes Y's server.
    it("SI-TR-LC-014: when Y's server cannot be reached, X's approval is 503 and changes nothing; queries name it", async () => {
      const h = await heldChild();
      const [m] = (
        await must(
          await y.server.call("POST", "/cross-la/queries", { token: y.tokens.la, body: { upn: h.child.upn } }),
          200,
        )
      ).matches as Json[];
      const req = await must(
        await y.server.call("POST", "/cross-la/requests", {
          token: y.tokens.la,
          body: { matchRef: m!.matchRef, reason: "Moved here" },
        }),
        201,
      );
      y.service.stop();
      await y.server.close();
      const res = await x.server.call("POST", `/cross-la/requests/${req.id}/decision`, {
        token: x.tokens.la,
        body: { decision: "approve" },
      });
      expect(res.status).toBe(503);
      expect(((await res.json()) as Json).type).toMatch(/service-unavailable$/);
      expect(
        await must(await x.server.call("GET", `/cross-la/requests/${req.id}`, { token: x.tokens.la }), 200),
      ).toMatchObject({ status: "pending" });
      const queue = await must(
        await x.server.call("GET", `/transfers/unclaimed?upn=${h.child.upn}`, { token: x.tokens.la }),
        200,
      );
      expect((queue.items as Json[]).map((t) => t.id)).toEqual([h.transferId]);
      // X's officer asking for a child: Y's LA did not answer, and the answer says so.
      const asked = await must(
        await x.server.call("POST", "/cross-la/queries", { token: x.tokens.la, body: { upn: "A123456789012" } }),
        200,
      );
      expect(asked).toMatchObject({ matches: [], unanswered: ["926"] });
    });
  });
}
