// One HTTP exchange with the API: URL building, bearer token, correlation id, JSON bodies, retries on 429/503
// honouring Retry-After, cancellation, and problem+json → ApiProblemError. Browser-safe: only fetch, Headers,
// URL, AbortSignal and crypto.randomUUID, all global in browsers and Node ≥ 20.
import { problemFromResponse } from "./problem.ts";
import {
  parseRetryAfter,
  retryDelay,
  retryPolicy,
  RETRYABLE_STATUSES,
  sleep,
  type RetryOptions,
  type RetryPolicy,
} from "./retry.ts";

export type TokenProvider = string | (() => string | Promise<string>);
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** Where the API lives, e.g. "https://send.example.org/api" (a trailing slash is ignored). */
  baseUrl: string;
  /** A bearer token, or a function asked before every attempt (so a refreshed token is picked up on retry). */
  token?: TokenProvider;
  /** fetch to use; by default globalThis.fetch, looked up at call time so test interceptors (msw) installed later work. */
  fetch?: FetchLike;
  retry?: RetryOptions;
  /** Makes the X-Correlation-Id of each call (default crypto.randomUUID). */
  correlationId?: () => string;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Use this correlation id instead of a generated one (e.g. to join a trace from upstream). */
  correlationId?: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

export interface RawRequest extends RequestOptions {
  method: string;
  /** Path below baseUrl (starting with "/"), or an absolute URL (a Link header's target). */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

export interface ApiResponse<T> {
  status: number;
  /** Parsed body; undefined for 304 and bodiless answers. */
  body: T | undefined;
  headers: Headers;
  etag: string | undefined;
  correlationId: string;
  url: string;
}

export class Transport {
  readonly baseUrl: string;
  readonly #token: TokenProvider | undefined;
  readonly #fetch: FetchLike | undefined;
  readonly #retry: RetryPolicy;
  readonly #newCorrelationId: () => string;

  constructor(opts: TransportOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, "");
    this.#token = opts.token;
    this.#fetch = opts.fetch;
    this.#retry = retryPolicy(opts.retry);
    this.#newCorrelationId = opts.correlationId ?? (() => globalThis.crypto.randomUUID());
  }

  url(path: string, query?: RawRequest["query"]): string {
    const url = new URL(/^https?:\/\//i.test(path) ? path : this.baseUrl + path);
    for (const [k, v] of Object.entries(query ?? {}))
      if (v !== undefined && v !== "") url.searchParams.set(k, String(v));
    return url.toString();
  }

  async request<T>(req: RawRequest): Promise<ApiResponse<T>> {
    const url = this.url(req.path, req.query);
    const correlationId = req.correlationId ?? this.#newCorrelationId();
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const method = req.method.toUpperCase();
    for (let attempt = 0; ; attempt++) {
      req.signal?.throwIfAborted();
      const headers = new Headers(req.headers);
      headers.set("accept", "application/json, application/problem+json;q=0.9, */*;q=0.1");
      headers.set("x-correlation-id", correlationId);
      if (body !== undefined) headers.set("content-type", "application/json");
      const token = typeof this.#token === "function" ? await this.#token() : this.#token;
      if (token) headers.set("authorization", `Bearer ${token}`);
      const init: RequestInit = { method, headers };
      if (body !== undefined) init.body = body;
      if (req.signal) init.signal = req.signal;
      // Looked up per attempt, never captured at construction (msw patches globalThis.fetch after clients exist).
      const fetchImpl: FetchLike = this.#fetch ?? ((input, i) => globalThis.fetch(input, i));
      const res = await fetchImpl(url, init);
      if (RETRYABLE_STATUSES.has(res.status) && attempt < this.#retry.retries) {
        // Discard the body without awaiting: some fetch implementations never settle cancel() on a mocked stream.
        void res.body?.cancel().catch(() => undefined);
        await sleep(retryDelay(this.#retry, attempt, parseRetryAfter(res.headers.get("retry-after"))), req.signal);
        continue;
      }
      if (res.status >= 400 || (res.status >= 300 && res.status !== 304))
        throw await problemFromResponse(res, { method, url });
      return {
        status: res.status,
        body: await readBody<T>(res),
        headers: res.headers,
        etag: res.headers.get("etag") ?? undefined,
        correlationId: res.headers.get("x-correlation-id") ?? correlationId,
        url,
      };
    }
  }
}

async function readBody<T>(res: Response): Promise<T | undefined> {
  if (res.status === 204 || res.status === 304) return undefined;
  const text = await res.text();
  if (text === "") return undefined;
  const type = res.headers.get("content-type") ?? "";
  // JSON unless the server says otherwise (the docs page is text/html).
  return (/json/i.test(type) || type === "" ? JSON.parse(text) : text) as T;
}
