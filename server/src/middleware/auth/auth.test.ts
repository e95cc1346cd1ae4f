// Bearer authentication, including the verified-token cache: a cached token still stops working at its expiry.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../env.ts";
import { createDevSigner } from "../../auth/dev-signer.ts";
import { errorHandler } from "../error-handler/index.ts";
import { auth } from "./index.ts";

async function setup() {
  const signer = await createDevSigner();
  let now = new Date();
  const app = new Hono<AppEnv>();
  app.onError(errorHandler({ sink: () => undefined }));
  app.use("*", async (c, next) => {
    c.set("correlationId", "test-correlation");
    await next();
  });
  app.get("/me", auth({ keys: signer.keys, clock: () => now }), (c) => c.json(c.get("principal")));
  return { signer, app, setNow: (d: Date) => (now = d) };
}

describe("auth middleware", () => {
  it("accepts a valid token, and rejects it once expired even after it was cached", async () => {
    const { signer, app, setNow } = await setup();
    const token = await signer.sign({ sub: "s1", send_role: "auditor" }, { expiresIn: "10m" });
    const headers = { authorization: `Bearer ${token}` };
    const ok = await app.request("/me", { headers });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ subject: "s1", role: "auditor" });
    expect((await app.request("/me", { headers })).status).toBe(200); // served from the cache
    setNow(new Date(Date.now() + 60 * 60 * 1000));
    const late = await app.request("/me", { headers });
    expect(late.status).toBe(401);
    expect(late.headers.get("www-authenticate")).toMatch(/invalid_token/);
  });
  it.each([
    ["no header", undefined],
    ["not bearer", "Basic dXNlcjpwYXNz"],
    ["garbage", "Bearer abc"],
  ])("401 problem+json for %s", async (_label, header) => {
    const { app } = await setup();
    const res = await app.request("/me", { headers: header ? { authorization: header } : {} });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await res.json()) as { correlationId: string }).toMatchObject({ correlationId: "test-correlation" });
  });
  it("rejects a token whose role needs a tenancy claim it lacks", async () => {
    const { signer, app } = await setup();
    const token = await signer.sign({ sub: "s", send_role: "la-officer" });
    expect((await app.request("/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});
