// Starts the app on a real socket (127.0.0.1, port 0) for tests, with a dev signer and helpers to call it.
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createApp, type CreateAppOptions } from "../app.ts";
import { createDevSigner, type DevClaims, type DevSigner } from "../auth/dev-signer.ts";
import type { Store } from "../storage/store.ts";

export interface TestServer {
  url: string;
  signer: DevSigner;
  logs: string[];
  token(claims: DevClaims): Promise<string>;
  /** fetch relative to the server, JSON body serialised, bearer token attached when given. */
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestServer(
  store: Store,
  opts: Omit<CreateAppOptions, "store" | "keys"> & { signer?: DevSigner } = {},
): Promise<TestServer> {
  const signer = opts.signer ?? (await createDevSigner());
  const logs: string[] = [];
  const app = createApp({ ...opts, store, keys: signer.keys, logSink: opts.logSink ?? ((l) => logs.push(l)) });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    signer,
    logs,
    token: (claims) => signer.sign(claims),
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let body: string | undefined = o.rawBody;
      if (o.body !== undefined) body = JSON.stringify(o.body);
      if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type"))
        headers["content-type"] = "application/json";
      return fetch(url + path, { method, headers, body });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Drop idle keep-alive sockets so close() does not wait for them.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
