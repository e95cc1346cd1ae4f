// The request body under both paths: read straight from the Node request (a real server on loopback) and through
// the standard Request (app.request). Same answers for the same bytes; the limit holds with or without Content-Length.
import { request as httpRequest } from "node:http";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppEnv } from "../env.ts";
import { bodyLimit } from "../middleware/body-limit/index.ts";
import { jsonBody } from "../middleware/json-body/index.ts";
import { errorHandler } from "../middleware/error-handler/index.ts";
import { requestText } from "./request-body.ts";

const LIMIT = 64 * 1024;
const app = new Hono<AppEnv>();
app.onError(errorHandler({ sink: () => undefined }));
app.post("/json", bodyLimit({ maxBytes: LIMIT }), jsonBody(), (c) => c.json({ got: c.get("body") }));
app.post("/raw", bodyLimit({ maxBytes: LIMIT }), async (c) => c.json({ length: (await requestText(c)).length }));

let server: ServerType;
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
      port = info.port;
      resolve();
    });
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** POSTs `chunks` over real HTTP; with `chunked` no Content-Length is sent (Transfer-Encoding: chunked). */
function post(
  path: string,
  chunks: Buffer[],
  chunked: boolean,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const total = chunks.reduce((n, b) => n + b.length, 0);
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: { "content-type": "application/json", ...(chunked ? {} : { "content-length": String(total) }) },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (d: Buffer) => parts.push(d));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(parts).toString("utf8")) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on("error", reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

const big = (bytes: number) => Buffer.from(JSON.stringify({ pad: "a".repeat(bytes) }));
const cases = [
  { name: "a small JSON body", path: "/json", bytes: [Buffer.from('{"a":1}')], status: 200, body: { got: { a: 1 } } },
  {
    name: "JSON after a UTF-8 byte-order mark",
    path: "/json",
    bytes: [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"b":"é"}')],
    status: 200,
    body: { got: { b: "é" } },
  },
  {
    name: "a body in many pieces, just under the limit",
    path: "/raw",
    bytes: Array.from({ length: 8 }, () => Buffer.alloc((LIMIT - 8) / 8, 0x61)),
    status: 200,
    body: { length: LIMIT - 8 },
  },
  {
    name: "a body over the limit",
    path: "/json",
    bytes: [big(LIMIT)],
    status: 413,
    body: { type: expect.stringContaining("payload-too-large") },
  },
  {
    name: "bytes that are not UTF-8 (refused, never replaced)",
    path: "/json",
    bytes: [Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
    status: 400,
    body: { type: expect.stringContaining("invalid-encoding") },
  },
  {
    name: "a raw body with bytes that are not UTF-8",
    path: "/raw",
    bytes: [Buffer.from("ab"), Buffer.from([0xe2, 0x82])],
    status: 400,
    body: { type: expect.stringContaining("invalid-encoding") },
  },
  // A multi-byte character split across two chunks is still one character.
  {
    name: "a character split across chunks",
    path: "/raw",
    bytes: [Buffer.from([0x61, 0xe2, 0x82]), Buffer.from([0xac])],
    status: 200,
    body: { length: 2 },
  },
];

describe("request body, read from the Node request", () => {
  it.each(
    cases.flatMap((c) => [
      { ...c, chunked: false },
      { ...c, chunked: true },
    ]),
  )("$name (chunked: $chunked)", async ({ path, bytes, chunked, status, body }) => {
    const res = await post(path, bytes, chunked);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject(body);
  });
});

describe("request body, read from a standard Request (no Node request behind it)", () => {
  it.each(cases)("$name", async ({ path, bytes, status, body }) => {
    const res = await app.request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: Buffer.concat(bytes),
    });
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject(body);
  });
});
