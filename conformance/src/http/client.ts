// A small HTTP client bound to the implementation's base URL. Every call is recorded (redacted) on the current test,
// so a failure in the report shows exactly what was sent and what came back. No other host is ever contacted.
import { redactHeaders, truncateBody, type Exchange } from "./exchange.ts";

export interface RequestOptions {
  /** Bearer token; omitted → no Authorization header. */
  token?: string;
  headers?: Record<string, string>;
  /** Serialised as JSON with Content-Type application/json unless a content-type header is given. */
  body?: unknown;
  /** Sent verbatim (for malformed-JSON tests). */
  rawBody?: string;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body when it is JSON; undefined otherwise. */
  json: unknown;
  /** The absolute URL that was requested. */
  url: string;
}

export class HttpClient {
  readonly exchanges: Exchange[] = [];

  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  /** Absolute URL for a path or a (possibly relative) URL from a Location/Link header. Refuses other origins. */
  resolve(pathOrUrl: string): string {
    const base = new URL(this.baseUrl.endsWith("/") ? this.baseUrl : `${this.baseUrl}/`);
    const rel = pathOrUrl.startsWith("/") ? pathOrUrl.slice(1) : pathOrUrl;
    const url = /^https?:\/\//i.test(pathOrUrl) ? new URL(pathOrUrl) : new URL(rel, base);
    if (url.origin !== base.origin)
      throw new Error(`refusing to call ${url.origin}: the suite only talks to ${base.origin}`);
    return url.toString();
  }

  async request(method: string, pathOrUrl: string, opts: RequestOptions = {}): Promise<HttpResponse> {
    const url = this.resolve(pathOrUrl);
    const headers: Record<string, string> = {
      accept: "application/json, application/problem+json",
      ...(opts.headers ?? {}),
    };
    if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
    let body = opts.rawBody;
    if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type"))
      headers["content-type"] = "application/json";
    const exchange: Exchange = { method, url, requestHeaders: redactHeaders(headers), durationMs: 0 };
    if (body !== undefined) exchange.requestBody = truncateBody(body);
    this.exchanges.push(exchange);
    const started = performance.now();
    try {
      const res = await fetch(url, {
        method,
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      exchange.status = res.status;
      const responseHeaders: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        responseHeaders[name] = value;
      });
      exchange.responseHeaders = responseHeaders;
      if (text.length > 0) exchange.responseBody = truncateBody(text);
      let json: unknown;
      try {
        json = text.length > 0 ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, headers: res.headers, text, json, url };
    } catch (err) {
      exchange.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      throw err;
    } finally {
      exchange.durationMs = Math.round(performance.now() - started);
    }
  }

  get(path: string, opts?: RequestOptions): Promise<HttpResponse> {
    return this.request("GET", path, opts);
  }
  post(path: string, opts?: RequestOptions): Promise<HttpResponse> {
    return this.request("POST", path, opts);
  }
  put(path: string, opts?: RequestOptions): Promise<HttpResponse> {
    return this.request("PUT", path, opts);
  }
}
