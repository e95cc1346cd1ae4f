// Requests isolated from each other (issue 11), over real HTTP, run once per database (isolation.pglite.test.ts,
// isolation.postgres.test.ts): hostile requests mixed into legitimate traffic must fail alone, as 4xx problem+json.
import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roleHasScope, type RoleId } from "../../../spec/roles.ts";
import { ROUTES } from "../../../spec/routes.ts";
import { PROBLEM_BASE } from "../../../spec/problems.ts";
import type { Store } from "../storage/store.ts";
import { encodeCursor } from "../storage/cursor.ts";
import { TENANT_A, childRecord, newChild, newIsp, newSpp, settingEntry } from "./fixtures.ts";
import { startTestServer, type TestServer } from "./harness.ts";

type Json = Record<string, unknown>;

export interface IsolationCaseOptions {
  name: string;
  newStore(): Promise<Store>;
}

/** Hostile requests that once reached the database (each made the statement it shared with others fail). */
export const HOSTILE_PATHS = [
  "/isps/%00",
  "/isps/a%00b",
  "/children/%00",
  "/isps/%00/versions",
  "/isps/%00/versions/1",
  "/isps?childId=%00",
  "/audit?resourceId=%00",
  "/audit?cursor=AAAA",
];

/** POSTs `total` bytes of JSON-ish padding with Node's http client (with or without Content-Length), writing with
 *  backpressure; resolves with the response as soon as one arrives, even if the server stops reading the upload. */
export function postHuge(
  url: string,
  path: string,
  total: number,
  withLength: boolean,
  token: string,
): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const req = httpRequest(url + path, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        ...(withLength ? { "content-length": String(total) } : {}),
      },
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers["content-type"]),
          body: Buffer.concat(parts).toString("utf8"),
        }),
      );
      res.on("error", reject);
    });
    // A write error after the answer arrived is the server closing an upload it refused: expected.
    req.on("error", (err) => (answered ? undefined : reject(err)));
    let sent = 0;
    const pump = (): void => {
      while (sent < total && !answered && !req.destroyed) {
        const n = Math.min(chunk.length, total - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once("drain", pump);
      }
      if (sent >= total || answered) req.end();
    };
    pump();
  });
}

/** A client that sends the whole request before it reads anything (as curl and most scripts do), over a raw socket:
 *  `total` bytes, with Content-Length or chunked. Resolves with what came back (status 0 when nothing did). */
export function postWholeThenRead(
  url: string,
  path: string,
  total: number,
  withLength: boolean,
  token: string,
): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    let ended = false;
    const finish = () => {
      if (ended) return;
      ended = true;
      const text = Buffer.concat(received).toString("latin1");
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    };
    socket.on("data", (d: Buffer) => received.push(d));
    socket.on("end", finish);
    socket.on("close", finish);
    socket.on("error", () => undefined); // EPIPE/ECONNRESET: judged by what was received
    socket.pause(); // read nothing until the whole request is written
    const head =
      `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ` +
      `${token}\r\nContent-Type: application/json\r\n${withLength ? `Content-Length: ${total}` : "Transfer-Encoding: chunked"}\r\n\r\n`;
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    const frame = (b: Buffer) =>
      withLength ? b : Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from("\r\n")]);
    let sent = 0;
    const pump = (): void => {
      while (sent < total && !socket.destroyed) {
        const n = Math.min(chunk.length, total - sent);
        sent += n;
        if (!socket.write(frame(chunk.subarray(0, n)))) return void socket.once("drain", pump);
      }
      if (!withLength && !socket.destroyed) socket.write("0\r\n\r\n");
      socket.resume();
      setTimeout(() => socket.destroy(), 5000).unref(); // whatever arrived by then is the answer
    };
    socket.write(head);
    pump();
  });
}

export function runIsolationCases(opts: IsolationCaseOptions): void {
  describe(`request isolation on ${opts.name}`, () => {
    let store: Store;
    let s: TestServer;
    let staff: string;
    let auditor: string;
    let la: string;
    let publisher: string;
    let sppId: string;
    let ispId: string;
    let childId: string;

    async function created(res: Response): Promise<Json> {
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(201);
      return JSON.parse(text) as Json;
    }

    beforeAll(async () => {
      store = await opts.newStore();
      s = await startTestServer(store, { rateLimit: { perMinute: 0 } });
      publisher = await s.token({ sub: "dfe-1", send_role: "dfe-publisher" });
      la = await s.token({ sub: "la-a", send_role: "la-officer", la_code: TENANT_A.laCode });
      staff = await s.token({ sub: "staff-a", send_role: "setting-staff", setting_urn: TENANT_A.settingUrn });
      auditor = await s.token({ sub: "dpo-1", send_role: "auditor" });
      await created(await s.call("POST", "/settings", { token: publisher, body: settingEntry(TENANT_A) }));
      const child = newChild(TENANT_A);
      childId = String(
        (await created(await s.call("POST", "/children", { token: staff, body: childRecord(child) }))).id,
      );
      ispId = String(
        (await created(await s.call("POST", "/isps", { token: staff, body: newIsp({ ...child, childId }) }))).id,
      );
      sppId = String((await created(await s.call("POST", "/spps", { token: publisher, body: newSpp() }))).id);
    });

    /** A problem+json answer of this status and kind; its first error's pointer. */
    async function problem(res: Response, status: number, kind: string): Promise<string | undefined> {
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const body = JSON.parse(text) as Json;
      expect(body.type).toBe(`${PROBLEM_BASE}${kind}`);
      return (body.errors as { pointer: string }[] | undefined)?.[0]?.pointer;
    }

    const tokenFor = (scope: Parameters<typeof roleHasScope>[1]): string => {
      const roles: [RoleId, string][] = [
        ["setting-staff", staff],
        ["auditor", auditor],
        ["la-officer", la],
        ["dfe-publisher", publisher],
      ];
      return roles.find(([role]) => roleHasScope(role, scope))![1];
    };

    afterAll(async () => {
      await s?.close();
      await store?.close();
    });

    describe("parameters are checked before the database", () => {
      it("a path id that is not a UUID is 400 invalid-parameter at /path/<name>, for every kind", async () => {
        for (const path of ["/isps/nope", "/isps/%00", "/ehcps/1", "/isps/x%00y/versions", `/isps/${ispId}x`]) {
          expect(await problem(await s.call("GET", path, { token: staff }), 400, "invalid-parameter"), path).toBe(
            "/path/id",
          );
        }
        expect(
          await problem(
            await s.call("GET", "/spps/spp-illustrative-communication-interaction", { token: staff }),
            400,
            "invalid-parameter",
          ),
        ).toBe("/path/id");
        expect(
          await problem(await s.call("GET", "/children/not-a-child", { token: staff }), 400, "invalid-parameter"),
        ).toBe("/path/childId");
        expect(await problem(await s.call("GET", "/settings/12", { token: staff }), 400, "invalid-parameter")).toBe(
          "/path/urn",
        );
        expect(await problem(await s.call("GET", "/settings/12%00", { token: staff }), 400, "invalid-parameter")).toBe(
          "/path/urn",
        );
        for (const v of ["0", "abc", "1e3", "%00", "99999999999999999999"]) {
          expect(
            await problem(
              await s.call("GET", `/isps/${ispId}/versions/${v}`, { token: staff }),
              400,
              "invalid-parameter",
            ),
          ).toBe("/path/version");
        }
      });

      it("the same UUID in upper case is the same record: read, update and version list all reach it", async () => {
        const upper = ispId.toUpperCase();
        const read = await s.call("GET", `/isps/${upper}`, { token: staff });
        expect(read.status).toBe(200);
        const etag = read.headers.get("etag")!;
        const body = (await read.json()) as Json;
        expect(body.id).toBe(ispId);
        const put = await s.call("PUT", `/isps/${upper}`, {
          token: staff,
          body,
          headers: { "if-match": etag, "change-reason": "case test" },
        });
        expect(put.status, await put.clone().text()).toBe(200);
        const versions = (await (await s.call("GET", `/isps/${ispId}/versions`, { token: staff })).json()) as {
          items: unknown[];
        };
        expect(versions.items.length).toBeGreaterThanOrEqual(2);
        const search = (await (
          await s.call("GET", `/isps?childId=${childId.toUpperCase()}`, { token: staff })
        ).json()) as { items: Json[] };
        expect(search.items.map((i) => i.id)).toContain(ispId);
      });

      it("NUL or control characters in a query value or name are 400 at /query/<name>, on any route", async () => {
        expect(
          await problem(await s.call("GET", "/isps?childId=%00", { token: staff }), 400, "invalid-parameter"),
        ).toBe("/query/childId");
        expect(
          await problem(await s.call("GET", "/isps?status=a%00", { token: staff }), 400, "invalid-parameter"),
        ).toBe("/query/status");
        expect(
          await problem(await s.call("GET", "/audit?resourceId=%00", { token: auditor }), 400, "invalid-parameter"),
        ).toBe("/query/resourceId");
        expect(
          await problem(await s.call("GET", "/audit?actor=a%01b", { token: auditor }), 400, "invalid-parameter"),
        ).toBe("/query/actor");
        expect(
          await problem(await s.call("GET", `/isps/${ispId}?x=%00`, { token: staff }), 400, "invalid-parameter"),
        ).toBe("/query/x");
        expect(await problem(await s.call("GET", "/healthz?%00=1"), 400, "invalid-parameter")).toBe("/query/\\u0000");
      });

      it("a malformed cursor is 400 at /query/cursor on every list, including /audit and the access log", async () => {
        // Item-level lists of the kinds this suite created (the other kinds' version lists are the same handler).
        const ids: Record<string, string> = {
          "/isps/{id}": ispId,
          "/spps/{id}": sppId,
          "/children/{childId}": childId,
        };
        const lists = ROUTES.filter(
          (r) =>
            r.method === "get" &&
            r.parameters.includes("cursor") &&
            (!r.path.includes("{") || Object.keys(ids).some((k) => r.path.startsWith(k))),
        );
        expect(lists.length).toBeGreaterThanOrEqual(12);
        const cursors = [
          "AAAA",
          "%00",
          "a.b",
          encodeCursor("a\u0000b"),
          encodeCursor(1e308),
          encodeCursor(-1),
          Buffer.from("1.5").toString("base64url"),
          encodeCursor({ k: 1 } as never),
          "0",
          "MA",
          "MDE",
        ]; // "0" decodes to "", "MA" to "0", "MDE" to "01"
        for (const r of lists) {
          const path = Object.entries(ids).reduce((p, [k, id]) => p.replace(k, k.replace(/\{\w+\}/, id)), r.path);
          for (const cursor of cursors) {
            const token = r.path === "/transfers/unclaimed" ? la : r.scope ? tokenFor(r.scope) : undefined; // the queue is the LA's
            const res = await s.call("GET", `${path}?cursor=${cursor}`, { token });
            expect(res.status, `${r.operationId} cursor=${cursor}: ${await res.clone().text()}`).toBe(400);
            expect(((await res.json()) as { errors: { pointer: string }[] }).errors[0]!.pointer).toBe("/query/cursor");
          }
        }
      });

      it("a filter value outside its code list is 400 naming the codes, never an empty list (?status=activ)", async () => {
        const status = String(
          ((await (await s.call("GET", `/isps/${ispId}`, { token: staff })).json()) as Json).status,
        );
        const found = await s.call("GET", `/isps?status=${status}&childId=${childId}`, { token: staff });
        expect(found.status).toBe(200);
        expect(((await found.json()) as { items: Json[] }).items.map((i) => i.id)).toEqual([ispId]);
        for (const [path, pointer] of [
          ["/isps?status=activ", "/query/status"],
          ["/isps?status=issued", "/query/status"], // an EHCP status, not an ISP one
          ["/ehcps?status=active", "/query/status"],
          ["/development-profiles?status=active", "/query/status"], // profiles have no status
          ["/isps?layer=targetted", "/query/layer"],
        ] as const) {
          const res = await s.call("GET", path, { token: path.startsWith("/ehcps") ? la : staff });
          expect(await problem(res.clone(), 400, "invalid-parameter"), path).toBe(pointer);
          const detail = JSON.stringify(await res.json());
          if (!path.startsWith("/development-profiles"))
            expect(detail, path).toMatch(/must be one of: [a-z-]+(, [a-z-]+)+/);
        }
      });

      it("NUL or control characters in Change-Reason are 400 at /header/Change-Reason and nothing is written", async () => {
        const read = await s.call("GET", `/isps/${ispId}`, { token: staff });
        const etag = read.headers.get("etag")!;
        const body = await read.json();
        for (const reason of ["a%00b", "%07", "x%1b[31m"]) {
          const res = await s.call("PUT", `/isps/${ispId}`, {
            token: staff,
            body,
            headers: { "if-match": etag, "change-reason": reason },
          });
          expect(await problem(res, 400, "invalid-parameter")).toBe("/header/Change-Reason");
        }
        expect((await s.call("GET", `/isps/${ispId}`, { token: staff })).headers.get("etag")).toBe(etag);
      });
    });

    describe("bodies are text that can be stored", () => {
      const sendBytes = (method: string, path: string, bytes: Uint8Array, contentType: string, token?: string) =>
        fetch(s.url + path, {
          method,
          body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
          headers: { "content-type": contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        });
      /** The JSON text of `doc` with `marker` (a JSON string's content) replaced by raw bytes. */
      const withBytes = (doc: Json, marker: string, bytes: number[]): Uint8Array => {
        const [before, after] = JSON.stringify(doc).split(marker) as [string, string];
        return Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
      };

      it("invalid UTF-8 is 400 invalid-encoding on JSON, JOSE and XML bodies, and nothing is stored", async () => {
        const child = newChild(TENANT_A);
        const doc = childRecord(child);
        (doc.child as Json).preferredName = "MARKER";
        for (const bad of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
          await problem(
            await sendBytes("POST", "/children", withBytes(doc, "MARKER", bad), "application/json", staff),
            400,
            "invalid-encoding",
          );
        }
        await problem(await s.call("GET", `/children/${child.childId}`, { token: staff }), 404, "not-found");
        await problem(
          await sendBytes("POST", "/transfers/inbox", Buffer.from([0x65, 0x79, 0xff, 0x2e, 0x2e]), "application/jose"),
          400,
          "invalid-encoding",
        );
        await problem(
          await sendBytes(
            "POST",
            `/children/${childId}/ctf-import`,
            Buffer.from([...Buffer.from("<SENhistory>"), 0xfe, ...Buffer.from("</SENhistory>")]),
            "application/xml",
            staff,
          ),
          400,
          "invalid-encoding",
        );
        // A leading byte-order mark is not an error (as with Request.text()).
        const ok = await sendBytes(
          "POST",
          "/children",
          Buffer.concat([
            Buffer.from([0xef, 0xbb, 0xbf]),
            Buffer.from(JSON.stringify(childRecord(newChild(TENANT_A)))),
          ]),
          "application/json",
          staff,
        );
        expect(ok.status, await ok.clone().text()).toBe(201);
      });

      it("NUL and lone surrogates in strings or member names are 422 with the pointer; paired surrogates are kept", async () => {
        const read = await s.call("GET", `/isps/${ispId}`, { token: staff });
        const etag = read.headers.get("etag")!;
        const doc = (await read.json()) as Json;
        const cases: [string, string][] = [
          ["\\u0000", "/child/preferredName"],
          ["a\\ud800", "/child/preferredName"],
          ["\\udc00b", "/child/preferredName"],
        ];
        for (const [escaped, pointer] of cases) {
          const text = JSON.stringify({ ...doc, child: { ...(doc.child as Json), preferredName: "MARKER" } }).replace(
            "MARKER",
            escaped,
          );
          const res = await s.call("PUT", `/isps/${ispId}`, {
            token: staff,
            rawBody: text,
            headers: { "if-match": etag, "change-reason": "unstorable" },
          });
          const body = (await res.clone().json()) as { errors: { pointer: string }[] };
          await problem(res, 422, "validation-failed");
          expect(body.errors[0]!.pointer).toBe(pointer);
        }
        const memberName = JSON.stringify({ ...doc, extensions: { MARKER: 1 } }).replace("MARKER", "x\\u0000y");
        const res = await s.call("PUT", `/isps/${ispId}`, {
          token: staff,
          rawBody: memberName,
          headers: { "if-match": etag, "change-reason": "unstorable" },
        });
        expect(((await res.clone().json()) as { errors: { pointer: string }[] }).errors[0]!.pointer).toBe(
          "/extensions/x\u0000y",
        );
        await problem(res, 422, "validation-failed");
        expect((await s.call("GET", `/isps/${ispId}`, { token: staff })).headers.get("etag")).toBe(etag);
        // A character outside the BMP written as an escaped surrogate pair is text, and is stored as sent.
        const pair = JSON.stringify({ ...doc, child: { ...(doc.child as Json), preferredName: "MARKER" } }).replace(
          "MARKER",
          "Sam \\ud83d\\ude00",
        );
        const put = await s.call("PUT", `/isps/${ispId}`, {
          token: staff,
          rawBody: pair,
          headers: { "if-match": etag, "change-reason": "emoji" },
        });
        expect(put.status, await put.clone().text()).toBe(200);
        expect((((await put.json()) as Json).child as Json).preferredName).toBe("Sam \u{1F600}");
      });
    });

    describe("a body far over the limit", () => {
      const MB30 = 30 * 1024 * 1024;
      it.each([true, false])(
        "30 MB (Content-Length sent: %s) gets a 413 problem+json the client reads",
        async (withLength) => {
          const res = await postHuge(s.url, "/isps", MB30, withLength, staff);
          expect(res.status).toBe(413);
          expect(res.contentType).toMatch(/^application\/problem\+json/);
          expect((JSON.parse(res.body) as Json).type).toBe(`${PROBLEM_BASE}payload-too-large`);
        },
      );

      it.each([true, false])(
        "30 MB from a client that reads only after sending it all (Content-Length: %s): the 413 arrives",
        async (withLength) => {
          const res = await postWholeThenRead(s.url, "/isps", MB30, withLength, staff);
          expect(res.status, res.text.slice(0, 200)).toBe(413);
          expect(res.text).toMatch(/payload-too-large/);
        },
      );

      it("a declared 200 MB body is answered at once (beyond what is ever drained) to a client that reads as it sends", async () => {
        const res = await postHuge(s.url, "/isps", 200 * 1024 * 1024, true, staff);
        expect(res.status).toBe(413);
        expect(res.contentType).toMatch(/^application\/problem\+json/);
      });

      it("30 MB through fetch, with and without Content-Length: the 413 is read, and the server still answers others", async () => {
        const bytes = Buffer.alloc(MB30, 0x61);
        const sized = await fetch(`${s.url}/isps`, {
          method: "POST",
          body: new Blob([bytes]),
          headers: { "content-type": "application/json", authorization: `Bearer ${staff}` },
        });
        expect(sized.status).toBe(413);
        expect(((await sized.json()) as Json).type).toBe(`${PROBLEM_BASE}payload-too-large`);
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < 30; i++) controller.enqueue(bytes.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024));
            controller.close();
          },
        });
        const chunked = await fetch(`${s.url}/isps`, {
          method: "POST",
          body: stream,
          duplex: "half",
          headers: { "content-type": "application/json", authorization: `Bearer ${staff}` },
        } as RequestInit);
        expect(chunked.status).toBe(413);
        expect(((await chunked.json()) as Json).type).toBe(`${PROBLEM_BASE}payload-too-large`);
        expect((await s.call("GET", `/isps/${ispId}`, { token: staff })).status).toBe(200);
      });
    });

    describe("rate limiting by client address, before authentication", () => {
      it("a flood of bad tokens from one address gets 429 before any signature check, and then so does that address", async () => {
        const limited = await startTestServer(store, { rateLimit: { perMinute: 1000, perAddressPerMinute: 20 } });
        try {
          const forged = `${staff.slice(0, -4)}AAAA`;
          const statuses: number[] = [];
          for (let i = 0; i < 30; i++)
            statuses.push(
              (await limited.call("GET", `/isps/${ispId}`, { token: i % 2 ? forged : "not-a-jwt" })).status,
            );
          expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
          expect(statuses.slice(20)).toEqual(Array(10).fill(429));
          const res = await limited.call("GET", `/isps/${ispId}`, { token: staff });
          expect(res.status).toBe(429); // the address is over its rate, whatever the token
          expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
          expect(((await res.json()) as Json).type).toBe(`${PROBLEM_BASE}rate-limited`);
        } finally {
          await limited.close();
        }
      });

      it("X-Forwarded-For counts only behind a configured trusted proxy: spoofed headers never escape the limit", async () => {
        const direct = await startTestServer(store, { rateLimit: { perMinute: 1000, perAddressPerMinute: 5 } });
        const proxied = await startTestServer(store, {
          rateLimit: { perMinute: 1000, perAddressPerMinute: 5, trustedProxies: ["127.0.0.1"] },
        });
        try {
          const spoofed: number[] = [];
          for (let i = 0; i < 8; i++)
            spoofed.push(
              (await direct.call("GET", "/isps", { token: "bad", headers: { "x-forwarded-for": `198.51.100.${i}` } }))
                .status,
            );
          expect(spoofed.filter((st) => st === 429)).toHaveLength(3);
          const flood: number[] = [];
          for (let i = 0; i < 8; i++)
            flood.push(
              (await proxied.call("GET", "/isps", { token: "bad", headers: { "x-forwarded-for": "203.0.113.7" } }))
                .status,
            );
          expect(flood.filter((st) => st === 429)).toHaveLength(3);
          // Another client behind the same proxy, and a client that prepends a forged hop, are judged on their own address.
          expect(
            (await proxied.call("GET", "/isps", { token: "bad", headers: { "x-forwarded-for": "203.0.113.8" } }))
              .status,
          ).toBe(401);
          expect(
            (
              await proxied.call("GET", "/isps", {
                token: "bad",
                headers: { "x-forwarded-for": "203.0.113.8, 203.0.113.7" },
              })
            ).status,
          ).toBe(429);
        } finally {
          await direct.close();
          await proxied.close();
        }
      });
    });

    describe("correlation ids", () => {
      it("the server records its own id in audit and provenance; the caller's is echoed and kept apart", async () => {
        const mine = `caller-trace-${randomUUID()}`;
        const read = await s.call("GET", `/isps/${ispId}`, { token: staff, headers: { "x-correlation-id": mine } });
        expect(read.status).toBe(200);
        expect(read.headers.get("x-correlation-id")).toBe(mine); // SI-API-023: echoed
        const etag = read.headers.get("etag")!;
        const put = await s.call("PUT", `/isps/${ispId}`, {
          token: staff,
          body: await read.json(),
          headers: { "if-match": etag, "change-reason": "trace", "x-correlation-id": mine },
        });
        expect(put.status).toBe(200);
        const missing = await s.call("GET", `/isps/${randomUUID()}`, {
          token: staff,
          headers: { "x-correlation-id": mine },
        });
        expect(((await missing.json()) as Json).correlationId).toBe(mine);
        const events = (
          (await (await s.call("GET", `/audit?resourceId=${ispId}&limit=100`, { token: auditor })).json()) as {
            items: Json[];
          }
        ).items.filter((e) => e.callerCorrelationId === mine);
        expect(events.map((e) => e.action).sort()).toEqual(["read", "update"]);
        const serverIds = events.map((e) => String(e.correlationId));
        for (const id of serverIds) expect(id).toMatch(/^[0-9a-f-]{36}$/);
        expect(new Set(serverIds).size).toBe(2); // one per request, whatever the caller sent
        // Provenance of the version written carries the server's id of the update, not the caller's.
        const versions = (
          (await (await s.call("GET", `/isps/${ispId}/versions?limit=100`, { token: staff })).json()) as {
            items: Json[];
          }
        ).items;
        const update = events.find((e) => e.action === "update")!;
        expect(JSON.stringify(versions.at(-1))).toContain(String(update.correlationId));
        expect(JSON.stringify(versions)).not.toContain(mine);
      });

      it("a caller cannot make its records look like another request's: two requests with one caller id get two server ids", async () => {
        const shared = `shared-${randomUUID()}`;
        for (const token of [staff, staff])
          expect(
            (await s.call("GET", `/isps/${ispId}`, { token, headers: { "x-correlation-id": shared } })).status,
          ).toBe(200);
        const events = (
          (await (await s.call("GET", `/audit?resourceId=${ispId}&limit=100`, { token: auditor })).json()) as {
            items: Json[];
          }
        ).items.filter((e) => e.callerCorrelationId === shared);
        expect(events).toHaveLength(2);
        expect(events[0]!.correlationId).not.toBe(events[1]!.correlationId);
        expect(events.every((e) => e.correlationId !== shared)).toBe(true);
      });
    });

    it("200 concurrent legitimate requests mixed with hostile ones: every legitimate one succeeds, every hostile one is a 4xx", async () => {
      // Legitimate traffic that shares each batched statement kind: audited reads, plain reads, audit appends.
      const legitimate: [string, number][] = [
        [`/isps/${ispId}`, 200],
        [`/isps?childId=${childId}`, 200],
        [`/isps/${randomUUID()}`, 404],
        [`/isps/${ispId}/versions`, 200],
        [`/children/${childId}`, 200],
      ];
      // Interleaved, so hostile requests land in the same event-loop turns (and batched statements) as legitimate ones.
      const legit: Promise<{ path: string; want: number; got: number }>[] = [];
      const hostile: Promise<Response>[] = [];
      for (let i = 0; i < 200; i++) {
        const [path, status] = legitimate[i % legitimate.length]!;
        legit.push(s.call("GET", path, { token: staff }).then((r) => ({ path, want: status, got: r.status })));
        if (i % 5 === 0)
          hostile.push(
            s.call("GET", HOSTILE_PATHS[hostile.length % HOSTILE_PATHS.length]!, { token: i % 2 ? staff : auditor }),
          );
      }
      const [good, bad] = await Promise.all([Promise.all(legit), Promise.all(hostile)]);
      const failed = good.filter((r) => r.got !== r.want);
      const hostile5xx = bad.filter((r) => r.status >= 500).map((r) => r.status);
      if (process.env.ISOLATION_DEBUG)
        console.log(
          s.logs
            .filter((l) => l.includes("unhandled"))
            .map((l) => JSON.parse(l).error)
            .join("\n"),
        );
      console.log(
        `isolation ${opts.name}: legitimate failed ${failed.length}/200, hostile 5xx ${hostile5xx.length}/40`,
      );
      expect(failed).toEqual([]);
      expect(hostile5xx).toEqual([]);
      for (const r of bad) expect(r.headers.get("content-type")).toMatch(/problem\+json/);
    });
  });
}
