// The certificate names the implementation as the system declares it at GET / (`implementation` {name, version})
// when neither the configuration nor the command line does; what the vendor gives wins; a system that declares
// nothing usable leaves the run refused before it starts. A real HTTP server on loopback plays the system.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CertificateOptionError, declaredStandard, prepareCertificate } from "./issue.ts";

let discovery: unknown = {};
let server: Server;
let baseUrl = "";

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(discovery));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send/v1`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const DISCOVERY = {
  standard: "SEND Interchange",
  standardVersion: "1.0.0",
  schemaVersions: { current: "1.0", supported: ["1.0", "2.0"] },
  implementation: { name: "Example MIS", version: "4.2.0" },
};

function prepare(implementation: { name?: string; version?: string }) {
  const dir = mkdtempSync(join(tmpdir(), "send-cert-discovery-"));
  return prepareCertificate({
    file: join(dir, "certificate.json"),
    reportDir: dir,
    implementation,
    discoverAt: { baseUrl, timeoutMs: 5_000 },
  });
}

describe("the implementation a certificate names", () => {
  it("comes from GET / when the configuration and command line give none", async () => {
    discovery = DISCOVERY;
    expect((await prepare({})).implementation).toEqual({ name: "Example MIS", version: "4.2.0" });
  });

  it("is what the vendor gave when it gave it, GET / filling only what is missing", async () => {
    discovery = DISCOVERY;
    expect((await prepare({ name: "Example MIS Cloud", version: "5.0.0" })).implementation).toEqual({
      name: "Example MIS Cloud",
      version: "5.0.0",
    });
    expect((await prepare({ name: "Example MIS Cloud" })).implementation).toEqual({
      name: "Example MIS Cloud",
      version: "4.2.0",
    });
  });

  it("refuses the run before it starts when GET / declares nothing usable and nothing else names it", async () => {
    for (const body of [
      { ...DISCOVERY, implementation: undefined },
      { ...DISCOVERY, implementation: { name: "", version: "1" } },
      { ...DISCOVERY, implementation: { name: "Example MIS", version: 4 } },
      { ...DISCOVERY, implementation: "Example MIS 4.2.0" },
      ["not", "an", "object"],
    ]) {
      discovery = body;
      const err = await prepare({}).catch((e: unknown) => e);
      expect(err, JSON.stringify(body)).toBeInstanceOf(CertificateOptionError);
      expect((err as Error).message).toMatch(/GET \/ does not declare `implementation`/u);
    }
  });

  it("is recorded among what the system declared", async () => {
    discovery = DISCOVERY;
    expect(await declaredStandard(baseUrl, 5_000)).toEqual({
      standard: "SEND Interchange",
      standardVersion: "1.0.0",
      schemaVersions: { current: "1.0", supported: ["1.0", "2.0"] },
      implementation: { name: "Example MIS", version: "4.2.0" },
    });
    discovery = { ...DISCOVERY, implementation: { name: "x".repeat(201), version: "1" } };
    expect(await declaredStandard(baseUrl, 5_000)).not.toHaveProperty("implementation");
  });
});
