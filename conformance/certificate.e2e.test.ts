// Certificates the way a vendor makes them and a buyer checks them: the reference server started as its own process,
// the config from `reference-config`, then `run --certificate` over real HTTP, each command its own process. A
// conformant run writes the certificate, its page and the report; `verify-certificate` accepts them, also with the
// key from a JWKS served over HTTP at a URL "the vendor controls", and refuses an edited certificate, another
// report, and a JWKS without the key. A run that is not conformant writes no certificate.
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSigningKey, publicPart } from "./src/transfer/signed-json.ts";
import {
  conformanceCli as cli,
  startReferenceProcess,
  type ReferenceProcess,
} from "./test-support/reference-process.ts";

const NAME = "SEND Interchange reference server";
const VERSION = JSON.parse(readFileSync(new URL("../server/package.json", import.meta.url), "utf8")).version as string;
const INVALID = 8;

let reference: ReferenceProcess | undefined;
let jwksServer: Server | undefined;
let jwksUrl = "";
let emptyJwksUrl = "";
let config = "";
let keyFile = "";

beforeAll(async () => {
  reference = await startReferenceProcess("certificate");
  const { dataDir, baseUrl, loopbackPort } = reference;
  const cfg = await cli([
    "reference-config",
    "--base-url",
    baseUrl,
    "--data-dir",
    dataDir,
    "--loopback-port",
    String(loopbackPort),
  ]);
  expect(cfg.code, cfg.stderr).toBe(0);
  config = join(dataDir, "conformance.json");
  writeFileSync(config, cfg.stdout);
  // The vendor's long-lived signing key, and the JWKS on its own web site that publishes the public half.
  const key = await newSigningKey();
  keyFile = join(dataDir, "vendor-key.json");
  writeFileSync(keyFile, JSON.stringify({ ...key.privateJwk, kid: "vendor-2026" }));
  jwksServer = createServer((req, res) => {
    const body =
      req.url === "/jwks.json" ? { keys: [{ ...publicPart(key.privateJwk), kid: "vendor-2026" }] } : { keys: [] };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => jwksServer!.listen(0, "127.0.0.1", resolve));
  const port = (jwksServer.address() as { port: number }).port;
  jwksUrl = `http://127.0.0.1:${port}/jwks.json`;
  emptyJwksUrl = `http://127.0.0.1:${port}/other.json`;
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => (jwksServer ? jwksServer.close(resolve) : resolve(undefined)));
  await reference?.stop();
});

describe("a conformance certificate from a real run", () => {
  it("run --certificate writes it; verify-certificate accepts it with the report and with the vendor's published key", async () => {
    const dir = reference!.dataDir;
    const cert = join(dir, "certificate.json");
    const report = join(dir, "report");
    const run = await cli([
      "run",
      "--config",
      config,
      "--profile",
      "api-core",
      "--report",
      report,
      "--certificate",
      cert,
      "--key",
      keyFile,
      "--jwks-url",
      jwksUrl,
      "--implementation-name",
      NAME,
      "--implementation-version",
      VERSION,
      "--quiet",
    ]);
    expect(run.code, run.stderr.slice(-3000)).toBe(0);
    expect(run.stderr).toContain(`wrote ${cert}`);
    expect(run.stderr).toContain(`wrote ${join(dir, "certificate.html")}`);
    expect(existsSync(join(dir, "certificate.signing-key.json"))).toBe(false); // the vendor gave its key

    const file = JSON.parse(readFileSync(cert, "utf8"));
    expect(file.certificate).toMatchObject({
      implementation: { name: NAME, version: VERSION },
      target: { host: new URL(reference!.baseUrl).host, declared: { standard: "SEND Interchange" } },
      profiles: ["api-core"],
      verdict: "conformant",
      signer: { jwksUrl },
    });
    expect(file.certificate.counts.MUST.pass).toBeGreaterThan(10);

    const verified = await cli(["verify-certificate", cert, "--report", report]); // the folder, as run --report takes

    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`implementation: ${NAME} ${VERSION}`);
    expect(verified.stdout).toContain("matches the report given");
    expect(verified.stdout).toContain(`check with --jwks ${jwksUrl}`);

    const published = await cli(["verify-certificate", join(dir, "certificate.html"), "--jwks", jwksUrl]);
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout).toContain(`found in ${jwksUrl}`);

    const notThere = await cli(["verify-certificate", cert, "--jwks", emptyJwksUrl]);
    expect(notThere.code).toBe(INVALID);
    expect(notThere.stderr).toMatch(/NOT VALID — .*: wrong-key: signed with key \S+, which .* does not hold/u);

    const reportJson = JSON.parse(readFileSync(join(report, "report.json"), "utf8"));
    reportJson.results[0].outcome = "pass";
    reportJson.summary.total += 1;
    const otherReport = join(dir, "other-report.json");
    writeFileSync(otherReport, JSON.stringify(reportJson));
    const mismatch = await cli(["verify-certificate", cert, "--report", otherReport]);
    expect(mismatch.code).toBe(INVALID);
    expect(mismatch.stderr).toContain("report-mismatch: the report's digest is");

    file.certificate.counts.MUST.pass += 5;
    const edited = join(dir, "edited.json");
    writeFileSync(edited, JSON.stringify(file));
    const tampered = await cli(["verify-certificate", edited]);
    expect(tampered.code).toBe(INVALID);
    expect(tampered.stderr).toContain(
      "tampered: the readable certificate differs from the signed one at /certificate/counts/MUST/pass",
    );
  }, 300_000);

  it("a key the named JWKS does not publish is refused before the run (exit 6)", async () => {
    const cert = join(reference!.dataDir, "never.json");
    const res = await cli([
      "run",
      "--config",
      config,
      "--report",
      join(reference!.dataDir, "never-report"),
      "--certificate",
      cert,
      "--key",
      keyFile,
      "--jwks-url",
      emptyJwksUrl,
      "--implementation-name",
      NAME,
      "--implementation-version",
      VERSION,
    ]);
    expect(res.code).toBe(6);
    expect(res.stderr).toContain(`--jwks-url ${emptyJwksUrl} does not publish the signing key`);
    expect(existsSync(join(reference!.dataDir, "never-report", "report.json"))).toBe(false);
  }, 60_000);

  it("a run that is not conformant writes no certificate and exits 3", async () => {
    const dir = reference!.dataDir;
    const cfg = JSON.parse(readFileSync(config, "utf8"));
    cfg.tenants[1].credentials["setting-staff"] = cfg.tenants[0].credentials["setting-staff"];
    cfg.implementation = { name: NAME, version: VERSION };
    const broken = join(dir, "same-tenant.json");
    writeFileSync(broken, JSON.stringify(cfg));
    const cert = join(dir, "broken-certificate.json");
    const res = await cli([
      "run",
      "--config",
      broken,
      "--profile",
      "security",
      "--report",
      join(dir, "broken-report"),
      "--certificate",
      cert,
      "--quiet",
    ]);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain("no certificate written: the run is not conformant");
    for (const f of [cert, join(dir, "broken-certificate.html"), join(dir, "broken-certificate.signing-key.json")])
      expect(existsSync(f), f).toBe(false);
  }, 180_000);
});
