// Delivery: bounded exponential backoff (pure), and over real HTTP a flaky receiver (a loopback proxy answering 503
// before passing requests on) that the sender retries until the receipt comes back; an inbox that never recovers
// makes the sender give up after maxAttempts with the transfer left `sent` and the last error recorded.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import { defaultTransferConfig } from "./config.ts";
import { backoffDelay } from "./delivery.ts";
import { addSetting, must, RECEIVING, seedChild, SENDING, settled, startPeer, type Peer } from "./testing.ts";

describe("backoffDelay", () => {
  const d = defaultTransferConfig().delivery;
  it.each([0, 1, 2, 3, 4, 5, 10, 30])("attempt %i waits between half and all of min(max, base·2^n)", (attempt) => {
    const cap = Math.min(d.maxDelayMs, d.baseDelayMs * 2 ** attempt);
    expect(backoffDelay(attempt, d, () => 0)).toBe(Math.round(cap / 2));
    expect(backoffDelay(attempt, d, () => 1)).toBe(cap);
  });
});

describe("delivery retries over HTTP", () => {
  let a: Peer;
  let b: Peer;
  let proxy: Server;
  let failuresLeft = 0;
  let requests = 0;

  beforeAll(async () => {
    a = await startPeer(await newPgliteTestStore(), SENDING, {
      delivery: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 50, timeoutMs: 10_000 },
    });
    b = await startPeer(await newPgliteTestStore(), RECEIVING);
    // The flaky receiver: 503 while failuresLeft > 0, then a pass-through to B's inbox.
    proxy = createServer(async (req, res) => {
      requests++;
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(503, { "content-type": "application/problem+json" }).end('{"status":503}');
        return;
      }
      const upstream = await fetch(`${b.server.url}${req.url}`, {
        method: req.method,
        headers: { "content-type": req.headers["content-type"] ?? "" },
        body: Buffer.concat(chunks),
      });
      res
        .writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "" })
        .end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", () => r()));
    const port = (proxy.address() as { port: number }).port;
    a.config.directory.push({
      urn: RECEIVING.settingUrn,
      baseUrl: `http://127.0.0.1:${port}`,
      jwksUrl: `${b.server.url}/.well-known/jwks.json`,
    });
    b.config.directory.push({
      urn: SENDING.settingUrn,
      baseUrl: a.server.url,
      jwksUrl: `${a.server.url}/.well-known/jwks.json`,
    });
    for (const t of [SENDING, RECEIVING]) await addSetting(a, t);
    await addSetting(b, RECEIVING);
  });
  afterAll(async () => {
    await new Promise((r) => proxy?.close(r));
    for (const p of [a, b]) {
      p?.service.stop();
      await p?.server.close();
      await p?.store.close();
    }
  });

  it("retries through two 503s and then stores the receipt (accepted)", async () => {
    failuresLeft = 2;
    requests = 0;
    const { child } = await seedChild(a);
    const created = await must(
      await a.server.call("POST", `/children/${child.childId}/transfers`, {
        token: a.tokens.staff,
        body: { receiver: { urn: RECEIVING.settingUrn }, reason: "in-year-move" },
      }),
      201,
    );
    const done = await settled(a, created.id as string);
    expect(done.status, JSON.stringify(done.reasons)).toBe("accepted");
    expect(requests).toBe(3);
    expect((done.delivery as Record<string, unknown>).attempts).toBe(3);
    expect(typeof done.receipt).toBe("string");
  });

  it("gives up after maxAttempts when the inbox never recovers: still sent, last error kept, nothing imported", async () => {
    failuresLeft = 1_000;
    requests = 0;
    const { child, isp } = await seedChild(a);
    const created = await must(
      await a.server.call("POST", `/children/${child.childId}/transfers`, {
        token: a.tokens.staff,
        body: { receiver: { urn: RECEIVING.settingUrn }, reason: "in-year-move" },
      }),
      201,
    );
    const done = await settled(a, created.id as string);
    expect(done.status).toBe("sent");
    expect(done.delivery).toMatchObject({ attempts: 4, gaveUp: true, lastError: "HTTP 503" });
    expect(requests).toBe(4);
    const atB = await b.server.call("GET", `/isps/${isp.id}`, { token: b.tokens.staff });
    await atB.arrayBuffer();
    expect(atB.status).toBe(404);
  });
});
