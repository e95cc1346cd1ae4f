// Outbound requests over real loopback HTTP: a redirecting inbox is not followed (the bundle never reaches the
// redirect target), an oversized or endless answer is cut at the cap, a slow one at the time cap, plain http to a
// non-loopback host is refused before any request, and the JWKS fetch obeys the same limits.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSigningKey } from "../../../sdk/src/bundle/index.ts";
import { defaultTransferConfig } from "./config.ts";
import { pushOnce } from "./delivery.ts";
import { boundedFetch, isLoopbackHost, OutboundError, outboundUrlProblem } from "./outbound.ts";
import { TrustList } from "./trust.ts";
import type { KeyRing } from "./keyring.ts";

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

describe("outbound requests", () => {
  let target: { server: Server; url: string };
  let redirector: { server: Server; url: string };
  let big: { server: Server; url: string };
  let slow: { server: Server; url: string };
  const received: string[] = [];

  beforeAll(async () => {
    target = await listen((req, res) => {
      received.push(`${req.method} ${req.url}`);
      req.resume();
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    redirector = await listen((req, res) => {
      req.resume();
      res.writeHead(307, { location: `${target.url}/transfers/inbox` }).end();
    });
    big = await listen((req, res) => {
      req.resume();
      // No content-length: the cap must hold while streaming.
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 64 && res.write(chunk)) sent++;
        if (sent < 64) res.once("drain", pump);
        else res.end();
      };
      pump();
    });
    slow = await listen((req) => {
      req.resume(); // never answers
    });
  });
  afterAll(async () => {
    for (const s of [target, redirector, big, slow]) {
      s?.server.closeAllConnections();
      await new Promise((r) => s?.server.close(r));
    }
  });

  it("loopback and https rules", () => {
    for (const h of ["127.0.0.1", "127.8.9.1", "localhost", "[::1]"]) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ["10.0.0.1", "169.254.169.254", "example.org", "127.0.0.1.example.org"])
      expect(isLoopbackHost(h)).toBe(false);
    expect(outboundUrlProblem(new URL("https://inbox.example.org/x"))).toBeUndefined();
    expect(outboundUrlProblem(new URL("http://127.0.0.1:9/x"))).toBeUndefined();
    expect(outboundUrlProblem(new URL("http://inbox.example.org/x"))).toMatch(/https/);
    expect(outboundUrlProblem(new URL("file:///etc/passwd"))).toMatch(/not allowed/);
  });

  it("a 307 from an inbox is not followed: the bundle never reaches the redirect target", async () => {
    received.length = 0;
    const answer = await pushOnce(defaultTransferConfig(), {} as never, `${redirector.url}/transfers/inbox`, "a.b.c", {
      bundleId: "x",
      digest: "y",
    });
    expect(answer.final).toBe(false);
    expect(answer.final ? "" : answer.error).toMatch(/redirect|fetch failed|network/i);
    expect(received).toEqual([]);
  });

  it("an answer over the size cap is cut off", async () => {
    await expect(boundedFetch(fetch, big.url, {}, { maxBytes: 100_000, timeoutMs: 10_000 })).rejects.toThrow(/limit/);
    const ok = await boundedFetch(fetch, target.url, {}, { maxBytes: 100_000, timeoutMs: 10_000 });
    expect(ok.text).toBe("{}");
  });

  it("an answer that never comes is abandoned at the time cap", async () => {
    await expect(boundedFetch(fetch, slow.url, {}, { maxBytes: 1000, timeoutMs: 200 })).rejects.toBeInstanceOf(
      OutboundError,
    );
  });

  it("plain http to another host is refused before any request is made", async () => {
    let called = 0;
    const spy = (async () => {
      called++;
      return new Response("{}");
    }) as typeof fetch;
    const answer = await pushOnce(
      defaultTransferConfig(),
      {} as never,
      "http://inbox.example.org/transfers/inbox",
      "a.b.c",
      { bundleId: "x", digest: "y" },
      spy,
    );
    expect(answer).toMatchObject({
      final: true,
      decision: "rejected",
      reasons: [{ code: "delivery.url-not-allowed" }],
    });
    expect(called).toBe(0);
  });

  it("JWKS fetches follow no redirect and read no more than the cap", async () => {
    const key = await generateSigningKey();
    const keyring = { byKid: async () => undefined } as unknown as KeyRing;
    const jwks = await listen((req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [key.publicJwk] }));
    });
    const toJwks = await listen((req, res) => {
      req.resume();
      res.writeHead(302, { location: `${jwks.url}/` }).end();
    });
    try {
      const viaRedirect = new TrustList(
        defaultTransferConfig({ directory: [{ urn: "1", baseUrl: toJwks.url, jwksUrl: `${toJwks.url}/jwks` }] }),
        keyring,
      );
      expect(await viaRedirect.resolve(key.kid)).toBeUndefined();
      const oversized = new TrustList(
        defaultTransferConfig({ directory: [{ urn: "1", baseUrl: big.url, jwksUrl: `${big.url}/jwks` }] }),
        keyring,
      );
      expect(await oversized.resolve(key.kid)).toBeUndefined();
      const direct = new TrustList(
        defaultTransferConfig({ directory: [{ urn: "1", baseUrl: jwks.url, jwksUrl: `${jwks.url}/jwks` }] }),
        keyring,
      );
      expect((await direct.resolve(key.kid))?.kid).toBe(key.kid);
    } finally {
      for (const s of [jwks, toJwks]) await new Promise((r) => s.server.close(r));
    }
  });
});
