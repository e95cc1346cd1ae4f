// HTTP for the attack run: fetch for ordinary requests, and a raw socket for bytes fetch refuses to send (NUL and
// other control characters in a header or the request line). A connection closed without a readable response is
// reported as dropped, never thrown, so the run can count it.
import { connect } from "node:net";

export interface WireRequest {
  method: string;
  /** Path and query, as sent (already percent-encoded where the attack wants it encoded). */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Send over a raw socket, byte for byte (headers and path as latin1). */
  raw?: boolean;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Why no response could be read (connection reset, closed early, timeout). */
  dropped?: string;
}

export async function send(baseUrl: string, req: WireRequest, timeoutMs = 60_000): Promise<WireResponse> {
  return req.raw ? sendRaw(baseUrl, req, timeoutMs) : sendFetch(baseUrl, req, timeoutMs);
}

async function sendFetch(baseUrl: string, req: WireRequest, timeoutMs: number): Promise<WireResponse> {
  try {
    const res = await fetch(baseUrl + req.path, {
      method: req.method,
      headers: req.headers,
      body: req.body as BodyInit | undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      headers[k] = v;
    });
    return { status: res.status, headers, text };
  } catch (err) {
    const e = err as Error & { cause?: Error & { code?: string } };
    return {
      status: 0,
      headers: {},
      text: "",
      dropped: `${e.name}: ${e.message}${e.cause ? ` (${e.cause.code ?? ""} ${e.cause.message})` : ""}`,
    };
  }
}

/** One request on its own connection (Connection: close), response read to the end and parsed minimally. */
function sendRaw(baseUrl: string, req: WireRequest, timeoutMs: number): Promise<WireResponse> {
  const url = new URL(baseUrl);
  const body =
    req.body === undefined
      ? Buffer.alloc(0)
      : typeof req.body === "string"
        ? Buffer.from(req.body, "utf8")
        : Buffer.from(req.body);
  const lines = [`${req.method} ${req.path} HTTP/1.1`, `Host: ${url.host}`, "Connection: close"];
  for (const [k, v] of Object.entries(req.headers)) lines.push(`${k}: ${v}`);
  if (body.length > 0 || req.method === "POST" || req.method === "PUT") lines.push(`Content-Length: ${body.length}`);
  const head = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const done = (r: WireResponse): void => {
      if (settled) return;
      settled = true;
      sock.destroy();
      resolve(r);
    };
    // write, not end: a half-closed socket lets the server drop a request it is still working on.
    const sock = connect(Number(url.port), url.hostname, () => sock.write(Buffer.concat([head, body])));
    sock.setTimeout(timeoutMs, () => done(parseRaw(Buffer.concat(chunks), "timeout")));
    sock.on("data", (c: Buffer) => {
      chunks.push(c);
      const all = Buffer.concat(chunks);
      if (complete(all)) done(parseRaw(all, "complete"));
    });
    sock.on("error", (err) => done(parseRaw(Buffer.concat(chunks), err.message)));
    sock.on("close", () => done(parseRaw(Buffer.concat(chunks), "closed")));
  });
}

/** Whether a whole response has arrived (Content-Length reached, last chunk seen, or a status without a body). */
function complete(bytes: Buffer): boolean {
  const end = bytes.indexOf("\r\n\r\n");
  if (end < 0) return false;
  const head = bytes.subarray(0, end).toString("latin1");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
  if (status === 204 || status === 304) return true;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) return bytes.length - (end + 4) >= Number(length[1]);
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head))
    return bytes.subarray(bytes.length - 5).toString("latin1") === "0\r\n\r\n";
  return false;
}

function parseRaw(bytes: Buffer, why: string): WireResponse {
  const text = bytes.toString("latin1");
  const m = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n/.exec(text);
  if (!m) return { status: 0, headers: {}, text: "", dropped: `no response (${why}) after ${bytes.length} bytes` };
  const end = text.indexOf("\r\n\r\n");
  const headers: Record<string, string> = {};
  for (const line of text.slice(m[0].length, end < 0 ? undefined : end).split("\r\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = end < 0 ? Buffer.alloc(0) : bytes.subarray(Buffer.byteLength(text.slice(0, end + 4), "latin1"));
  if (headers["transfer-encoding"]?.toLowerCase() === "chunked") body = dechunk(body);
  return { status: Number(m[1]), headers, text: body.toString("utf8") };
}

function dechunk(b: Buffer): Buffer {
  const out: Buffer[] = [];
  let i = 0;
  while (i < b.length) {
    const eol = b.indexOf("\r\n", i);
    if (eol < 0) break;
    const size = parseInt(b.subarray(i, eol).toString("latin1"), 16);
    if (!Number.isFinite(size) || size === 0) break;
    out.push(b.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}
