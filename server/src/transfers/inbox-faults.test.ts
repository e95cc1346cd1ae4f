// The inbox under attack and misconfiguration, over real HTTP on PGlite: byte flips at ≥ 200 positions of a signed
// bundle are all rejected with a stable reason code and never a 5xx; a wrong key, an expired key and an unknown
// sender are rejected with their own codes; a replay is idempotent. Requirement SI-API-049.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { generateSigningKey, REASON_CODES, signBundle, type KeyPairJwk } from "../../../sdk/src/bundle/index.ts";
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import { newChild, newIsp } from "../testing/fixtures.ts";
import { addSetting, must, RECEIVING, SENDING, signedTestBundle, startPeer, type Peer } from "./testing.ts";

type Json = Record<string, unknown>;
const post = (b: Peer, body: string, type = "application/jose") =>
  b.server.call("POST", "/transfers/inbox", { rawBody: body, headers: { "content-type": type } });
const KNOWN = new Set([...Object.keys(REASON_CODES).map((c) => `bundle.${c}`), "bundle.not-intended-recipient"]);

describe("transfer inbox faults (SI-API-049)", () => {
  let b: Peer;
  let trusted: KeyPairJwk;
  let expired: KeyPairJwk;

  beforeAll(async () => {
    b = await startPeer(await newPgliteTestStore(), RECEIVING);
    await addSetting(b, RECEIVING);
    trusted = await generateSigningKey();
    expired = await generateSigningKey();
    b.config.trustedKeys.push({ kid: trusted.kid, jwk: trusted.publicJwk, owner: "sender" });
    b.config.trustedKeys.push({
      kid: expired.kid,
      jwk: expired.publicJwk,
      owner: "old sender",
      notAfter: "2020-01-01T00:00:00Z",
    });
  });
  afterAll(async () => {
    b?.service.stop();
    await b?.server.close();
    await b?.store.close();
  });

  it("flipping bytes at 240 random positions of a signed bundle: 100% rejected, each with a known reason, no 5xx, nothing stored", async () => {
    const child = newChild(SENDING);
    const isp = newIsp(child);
    const { jws } = await signedTestBundle([isp], trusted, RECEIVING);
    const outcomes: { position: number; status: number; codes: string[] }[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: jws.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (position, xor) => {
          const bytes = Buffer.from(jws, "latin1");
          bytes[position] = bytes[position]! ^ xor;
          const res = await post(b, bytes.toString("latin1"));
          const body = (await res.json().catch(() => ({}))) as Json;
          const codes = ((body.errors as Json[] | undefined) ?? []).map((e) => String(e.ruleId));
          outcomes.push({ position, status: res.status, codes });
          return true;
        },
      ),
      { numRuns: 240, seed: 20261122 },
    );
    const accepted = outcomes.filter((o) => o.status < 400);
    const serverErrors = outcomes.filter((o) => o.status >= 500);
    const unexplained = outcomes.filter((o) => o.status === 422 && !o.codes.some((c) => KNOWN.has(c)));
    expect(outcomes.length).toBeGreaterThanOrEqual(200);
    expect(accepted).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(unexplained).toEqual([]);
    // Every rejection is a 422 with a reason (or a 400 when the flip made the body unreadable as a request).
    expect(outcomes.every((o) => o.status === 422 || o.status === 400)).toBe(true);
    const res = await b.server.call("GET", `/isps/${isp.id}`, { token: b.tokens.staff });
    await res.arrayBuffer();
    expect(res.status).toBe(404);
  });

  const cases: { name: string; make: () => Promise<string>; code: string }[] = [
    {
      name: "wrong key: signed by another key under the trusted kid",
      make: async () => {
        const impostor = await generateSigningKey();
        const { bundle } = await signedTestBundle([newIsp(newChild(SENDING))], trusted, RECEIVING);
        return (await signBundle(bundle, { privateKey: impostor.privateJwk, kid: trusted.kid })) as string;
      },
      code: "bundle.bad-signature",
    },
    {
      name: "expired key (trust-list notAfter has passed)",
      make: async () => (await signedTestBundle([newIsp(newChild(SENDING))], expired, RECEIVING)).jws,
      code: "bundle.key-expired",
    },
    {
      name: "unknown sender (kid in no trust list)",
      make: async () =>
        (await signedTestBundle([newIsp(newChild(SENDING))], await generateSigningKey(), RECEIVING)).jws,
      code: "bundle.unknown-key",
    },
    {
      name: "expired bundle (manifest.expiresAt has passed)",
      make: async () =>
        (
          await signedTestBundle([newIsp(newChild(SENDING))], trusted, RECEIVING, {
            createdAt: "2025-01-01T00:00:00Z",
            expiresAt: "2025-02-01T00:00:00Z",
          })
        ).jws,
      code: "bundle.expired",
    },
  ];
  for (const c of cases) {
    it(`${c.name} → 422 ${c.code}`, async () => {
      const res = await post(b, await c.make());
      const body = (await res.json()) as Json;
      expect(res.status).toBe(422);
      expect((body.errors as Json[]).map((e) => e.ruleId)).toContain(c.code);
    });
  }

  it("replay: the same bundle again is idempotent (200, replayed, same receipt)", async () => {
    const { jws } = await signedTestBundle([newIsp(newChild(SENDING))], trusted, RECEIVING);
    const first = await must(await post(b, jws), 200);
    const again = await must(await post(b, JSON.stringify(jws), "application/json"), 200);
    expect(again.replayed).toBe(true);
    expect(again.receipt).toBe(first.receipt);
  });

  it("media types other than JOSE or JSON are 415; JSON that is no JWS is 422 bundle.malformed", async () => {
    const res = await post(b, "hello", "text/plain");
    await res.arrayBuffer();
    expect(res.status).toBe(415);
    const bad = await post(b, JSON.stringify({ hello: "world" }), "application/json");
    const body = (await bad.json()) as Json;
    expect(bad.status).toBe(422);
    expect((body.errors as Json[])[0]!.ruleId).toBe("bundle.malformed");
  });
});
