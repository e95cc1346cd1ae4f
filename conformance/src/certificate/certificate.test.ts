// Signing and verifying conformance certificates, and every way verification must refuse one: a malformed file, an
// edited readable copy, an altered signed payload, another key, a stale or newer suite, a report that is not the
// certified one. The facts come from a real RunReport (buildReport over results of every outcome).
import { describe, expect, it } from "vitest";
import { CompactSign, importJWK } from "jose";
import { buildReport } from "../reporters/report-model.ts";
import { renderCertificateHtml } from "../reporters/certificate-html.ts";
import type { TestResult } from "../model.ts";
import { canonical, newSigningKey } from "../transfer/signed-json.ts";
import {
  CERTIFICATE_TYP,
  certificateFacts,
  certificateKey,
  certificateText,
  reportDigest,
  signCertificate,
  type Certificate,
  type CertificateFile,
} from "./certificate.ts";
import { coverageText, firstDifference, verifyCertificate, type Verification } from "./verify.ts";
import { suiteCurrency } from "./suite-lines.ts";

const result = (id: string, level: "MUST" | "SHOULD", outcome: TestResult["outcome"]): TestResult => ({
  id,
  title: id,
  level,
  profile: "api-core",
  requirements: ["SI-API-001"],
  outcome,
  notes: [],
  durationMs: 1,
  exchanges: [],
});

function report(results: TestResult[] = conformantResults()) {
  return buildReport({
    config: {
      baseUrl: "https://mis.example:8443/send/v1",
      implementation: { name: "Example MIS", version: "4.2.0" },
      capabilities: { profiles: ["api-core", "security"], resources: ["isp"], features: ["audit"] },
    },
    profiles: ["api-core", "security"],
    results,
    startedAt: new Date("2026-12-01T10:00:00Z"),
    finishedAt: new Date("2026-12-01T10:03:00Z"),
    catalogue: [],
  });
}

function conformantResults(): TestResult[] {
  return [
    result("send.api-core.a", "MUST", "pass"),
    result("send.api-core.b", "MUST", "pass"),
    result("send.api-core.c", "MUST", "skip"),
    result("send.api-core.d", "SHOULD", "warning"),
  ];
}

const NOW = new Date("2026-12-05T09:00:00Z");
const reportText = `${JSON.stringify(report(), null, 2)}\n`;

async function issued(
  edit: (c: Certificate) => void = () => {},
  key?: Awaited<ReturnType<typeof certificateKey>>,
): Promise<{ file: CertificateFile; key: Awaited<ReturnType<typeof certificateKey>> }> {
  const k = key ?? (await certificateKey((await newSigningKey()).privateJwk));
  const facts = certificateFacts({
    report: JSON.parse(reportText),
    reportDigest: reportDigest(reportText),
    implementation: { name: "Example MIS", version: "4.2.0" },
    declared: {
      standard: "SEND Interchange",
      standardVersion: "1.0.0",
      schemaVersions: { current: "1.0", supported: ["1.0"] },
    },
    key: { thumbprint: k.thumbprint },
    id: "6f0a4c52-3d0e-4c1e-9a3b-2f1e0d9c8b7a",
    issuedAt: NOW,
  });
  edit(facts);
  return { file: await signCertificate(facts, k), key: k };
}

const verify = (text: string, opts: Partial<Parameters<typeof verifyCertificate>[1]> = {}) =>
  verifyCertificate(text, { installedVersion: "0.1.0", now: NOW, ...opts });

function failure(v: Verification): [string, string] {
  expect(v.ok, JSON.stringify(v)).toBe(false);
  return v.ok ? ["", ""] : [v.code, v.message];
}

/** A compact JWS with the same header and signature but another payload. */
function swapPayload(jws: string, payload: unknown): string {
  const [h, , s] = jws.split(".");
  return `${h}.${Buffer.from(canonical(payload)).toString("base64url")}.${s}`;
}

async function signRaw(header: Record<string, unknown>, payloadText: string, privateJwk: object): Promise<string> {
  const key = await importJWK({ ...privateJwk, alg: "ES256" }, "ES256");
  return new CompactSign(new TextEncoder().encode(payloadText)).setProtectedHeader(header as never).sign(key);
}

describe("issuing a certificate", () => {
  it("holds the run's facts: implementation, host with port, suite version, profiles, capabilities, counts, report digest", async () => {
    const { file, key } = await issued();
    const c = file.certificate;
    expect(c.implementation).toEqual({ name: "Example MIS", version: "4.2.0" });
    expect(c.target.host).toBe("mis.example:8443");
    expect(c.suite.version).toBe(report().suite.version);
    expect(c.profiles).toEqual(["api-core", "security"]);
    expect(c.capabilities).toEqual({ resources: ["isp"], features: ["audit"] });
    expect(c.counts.MUST).toEqual({ pass: 2, fail: 0, warning: 0, skip: 1, error: 0 });
    expect(c.counts.SHOULD).toEqual({ pass: 0, fail: 0, warning: 1, skip: 0, error: 0 });
    expect(c.report.digest).toMatch(/^[0-9a-f]{64}$/u);
    expect(c.signer.keyThumbprint).toBe(key.thumbprint);
    // The JWS payload is the canonical form of the readable facts.
    const payload = Buffer.from(file.jws.split(".")[1]!, "base64url").toString("utf8");
    expect(payload).toBe(canonical(c));
  });

  it("is refused for a run that is not conformant (a MUST failed, or a test errored)", () => {
    for (const bad of ["fail", "error"] as const) {
      const r = report([...conformantResults(), result("send.api-core.x", "MUST", bad)]);
      expect(() =>
        certificateFacts({
          report: r,
          reportDigest: "0".repeat(64),
          implementation: { name: "x", version: "1" },
          key: { thumbprint: "t" },
          issuedAt: NOW,
        }),
      ).toThrow(/only for a conformant run; this run is (not conformant|incomplete)/u);
    }
  });

  it("signs only with a private EC P-256 key", async () => {
    const { publicJwk, privateJwk } = await newSigningKey();
    await expect(certificateKey(publicJwk)).rejects.toThrow(/no private part/u);
    await expect(certificateKey({ kty: "RSA", n: "x", e: "AQAB", d: "y" })).rejects.toThrow(/needs kty EC, crv P-256/u);
    await expect(certificateKey({ ...privateJwk, x: "AAAA" })).rejects.toThrow(/not a usable P-256 key/u);
    await expect(certificateKey("key")).rejects.toThrow(/not a JSON object/u);
    expect((await certificateKey(privateJwk)).publicJwk).not.toHaveProperty("d");
  });

  it("records the schemaVersion the run tested, in the report, the signed facts, the HTML page and verify's output", async () => {
    // Default: the SDK's current version; with --schema-version 2.0 the suite wrote 2.0 documents.
    expect(report().schemaVersion).toBe("1.0");
    const r2 = buildReport({
      config: {
        baseUrl: "https://mis.example:8443/send/v1",
        schemaVersion: "2.0",
        capabilities: { profiles: ["api-core"], resources: ["isp"], features: [] },
      },
      profiles: ["api-core"],
      results: conformantResults(),
      startedAt: NOW,
      finishedAt: NOW,
      catalogue: [],
    });
    expect(r2.schemaVersion).toBe("2.0");
    const text2 = `${JSON.stringify(r2)}\n`;
    const k = await certificateKey((await newSigningKey()).privateJwk);
    const facts = certificateFacts({
      report: r2,
      reportDigest: reportDigest(text2),
      implementation: { name: "Example MIS", version: "4.2.0" },
      key: { thumbprint: k.thumbprint },
      issuedAt: NOW,
    });
    expect(facts.schemaVersion).toBe("2.0");
    const file = await signCertificate(facts, k);
    const payload = JSON.parse(Buffer.from(file.jws.split(".")[1]!, "base64url").toString("utf8")) as Certificate;
    expect(payload.schemaVersion).toBe("2.0");
    const v = await verify(certificateText(file), { reportText: text2 });
    expect(v.ok, JSON.stringify(v)).toBe(true);
    if (v.ok) expect(coverageText(v)).toContain("schema version: 2.0");
    expect(renderCertificateHtml(file, { json: "c.json" })).toMatch(
      /Schema version tested<\/th><td><code>2\.0<\/code>/u,
    );
    // A schemaVersion that is not MAJOR.MINOR breaks the certificate schema.
    const bad = await issued((c) => {
      c.schemaVersion = "two";
    });
    expect(failure(await verify(certificateText(bad.file)))[1]).toMatch(/\/schemaVersion/u);
  });

  it("the report digest is of the canonical JSON, so reformatting the report does not change it", () => {
    expect(reportDigest(JSON.stringify(JSON.parse(reportText)))).toBe(reportDigest(reportText));
  });
});

describe("verifying a certificate", () => {
  it("accepts an intact certificate and says what it covers, and that an embedded key proves integrity, not identity", async () => {
    const { file, key } = await issued();
    const v = await verify(certificateText(file), { reportText });
    expect(v.ok, JSON.stringify(v)).toBe(true);
    if (!v.ok) return;
    expect(v.key).toEqual({ thumbprint: key.thumbprint, source: "embedded" });
    expect(v.report).toBe("matches");
    const text = coverageText(v);
    expect(text).toContain("VALID — SEND Interchange conformance certificate 6f0a4c52-3d0e-4c1e-9a3b-2f1e0d9c8b7a");
    expect(text).toContain("implementation: Example MIS 4.2.0");
    expect(text).toContain("host:           mis.example:8443 (declared SEND Interchange 1.0.0, schema versions 1.0)");
    expect(text).toContain("profiles:       api-core, security");
    expect(text).toContain("schema version: 1.0");
    expect(text).toContain("MUST: 2 passed, 0 with warnings, 0 failed, 1 skipped");
    expect(text).toContain("matches the report given");
    expect(text).toContain("proves the certificate is intact, not who signed it");
  });

  it("accepts it with the key from a JWKS the buyer trusts, found by thumbprint whatever kid the vendor gave it", async () => {
    const { file, key } = await issued();
    const jwks = { keys: [{ ...key.publicJwk, kid: "vendor-2026", use: "sig" }] };
    const v = await verify(certificateText(file), { trusted: { jwks, source: "https://mis.example/jwks.json" } });
    expect(v.ok && v.key.source).toBe("https://mis.example/jwks.json");
    expect(v.ok && v.report).toBe("not checked");
  });

  it("verifies the HTML page, which embeds the certificate file", async () => {
    const { file } = await issued();
    const html = renderCertificateHtml(file, { json: "cert.json" });
    expect((await verify(html)).ok).toBe(true);
    const edited = html.replace('"name": "Example MIS"', '"name": "Another MIS"');
    expect(edited).not.toBe(html);
    expect(failure(await verify(edited))[0]).toBe("tampered");
  });

  describe("refuses", () => {
    it.each([
      ["text that is not JSON", "certificate", /not a certificate: .*JSON/u],
      ["JSON without a JWS", JSON.stringify({ certificate: {} }), /`certificate` \(object\) and `jws` \(string\)/u],
      ["a JWS that is not one", JSON.stringify({ certificate: {}, jws: "a.b" }), /\/jws is not a compact JWS/u],
      ["an HTML page without a certificate", "<!doctype html><p>hi</p>", /embeds no certificate/u],
    ])("a malformed file: %s", async (_, text, says) => {
      const [code, message] = failure(await verify(text));
      expect(code).toBe("malformed");
      expect(message).toMatch(says);
    });

    it("an edited readable copy (tampered), naming where it differs", async () => {
      const { file } = await issued();
      file.certificate.profiles.push("transfer-sender");
      const [code, message] = failure(await verify(certificateText(file)));
      expect(code).toBe("tampered");
      expect(message).toContain("differs from the signed one at /certificate/profiles/2");
    });

    it("an altered signed payload (tampered JWS): the signature does not verify", async () => {
      const { file } = await issued();
      const forged = { ...file.certificate, implementation: { name: "Another MIS", version: "9" } };
      const text = certificateText({ certificate: forged, jws: swapPayload(file.jws, forged) });
      const [code, message] = failure(await verify(text));
      expect(code).toBe("signature");
      expect(message).toMatch(/does not verify with the embedded key: the signed certificate was altered/u);
    });

    it("a certificate re-signed by someone else when the buyer trusts the vendor's key (wrong key)", async () => {
      const vendor = await certificateKey((await newSigningKey()).privateJwk);
      const forger = await certificateKey((await newSigningKey()).privateJwk);
      const { file } = await issued(() => {}, forger);
      expect((await verify(certificateText(file))).ok).toBe(true); // self-signed: intact, says nothing of who
      const [code, message] = failure(
        await verify(certificateText(file), { trusted: { jwks: { keys: [vendor.publicJwk] }, source: "vendor.jwks" } }),
      );
      expect(code).toBe("wrong-key");
      expect(message).toContain(`signed with key ${forger.thumbprint}, which vendor.jwks does not hold`);
      expect(message).toContain(vendor.thumbprint);
    });

    it("a header whose embedded key was swapped for another (kid and jwk replaced)", async () => {
      const { file } = await issued();
      const other = await certificateKey((await newSigningKey()).privateJwk);
      const [, payload, sig] = file.jws.split(".");
      const header = { alg: "ES256", typ: CERTIFICATE_TYP, kid: other.thumbprint, jwk: other.publicJwk };
      const jws = `${Buffer.from(JSON.stringify(header)).toString("base64url")}.${payload}.${sig}`;
      const [code] = failure(await verify(certificateText({ ...file, jws })));
      expect(code).toBe("signature");
    });

    it("a header whose kid is not its key's thumbprint, or whose key is private", async () => {
      const { file, key } = await issued();
      const payloadText = canonical(file.certificate);
      const wrongKid = await signRaw(
        { alg: "ES256", typ: CERTIFICATE_TYP, kid: "x".repeat(43), jwk: key.publicJwk },
        payloadText,
        key.privateJwk,
      );
      expect(failure(await verify(certificateText({ ...file, jws: wrongKid })))[1]).toMatch(
        /kid x+ is not the thumbprint of its embedded key/u,
      );
      const leaky = await signRaw(
        { alg: "ES256", typ: CERTIFICATE_TYP, kid: key.thumbprint, jwk: key.privateJwk },
        payloadText,
        key.privateJwk,
      );
      expect(failure(await verify(certificateText({ ...file, jws: leaky })))[1]).toMatch(/holds a private key/u);
      const otherTyp = await signRaw(
        { alg: "ES256", typ: "JWT", kid: key.thumbprint, jwk: key.publicJwk },
        payloadText,
        key.privateJwk,
      );
      expect(failure(await verify(certificateText({ ...file, jws: otherTyp })))[1]).toMatch(
        /typ "JWT", not send-conformance-certificate\+json/u,
      );
    });

    it("validly signed facts that break the schema (a MUST failure counted), naming the pointer", async () => {
      const { file } = await issued((c) => {
        c.counts.MUST.fail = 1;
      });
      const [code, message] = failure(await verify(certificateText(file)));
      expect(code).toBe("malformed");
      expect(message).toContain("/counts/MUST/fail must be <= 0");
    });

    it("a signed payload that is not canonical JSON", async () => {
      const { file, key } = await issued();
      const jws = await signRaw(
        { alg: "ES256", typ: CERTIFICATE_TYP, kid: key.thumbprint, jwk: key.publicJwk },
        JSON.stringify(file.certificate, null, 1),
        key.privateJwk,
      );
      expect(failure(await verify(certificateText({ ...file, jws })))[1]).toMatch(/not the RFC 8785 canonical form/u);
    });

    it("a certificate made by a suite line no longer current, or by a newer suite than the installed one", async () => {
      const { file } = await issued((c) => {
        c.suite.version = "0.1.3";
      });
      const text = certificateText(file);
      expect((await verify(text, { installedVersion: "0.1.0" })).ok).toBe(true);
      const [code, message] = failure(await verify(text, { installedVersion: "0.2.0" }));
      expect(code).toBe("stale-suite");
      expect(message).toMatch(
        /line 0\.1, which is no longer current: this suite \(0\.2\.0\) accepts line 0\.2; re-run/u,
      );
      const [newer, why] = failure(await verify(text, { installedVersion: "0.0.9" }));
      expect(newer).toBe("stale-suite");
      expect(why).toContain("newer than the installed 0.0.9: install send-conformance@0.1.3");
      const grace = [{ line: "0.1", acceptedUntil: "2026-12-31", note: "0.2 added rate-limit tests" }];
      expect((await verify(text, { installedVersion: "0.2.0", acceptedLines: grace })).ok).toBe(true);
      const after = await verify(text, {
        installedVersion: "0.2.0",
        acceptedLines: grace,
        now: new Date("2027-01-01T00:00:00Z"),
      });
      expect(failure(after)[1]).toContain("(accepted until 2026-12-31), which is no longer current");
    });

    it("a report that is not the certified one (one outcome changed)", async () => {
      const { file } = await issued();
      const changed = JSON.parse(reportText);
      changed.results[2].outcome = "pass";
      const [code, message] = failure(await verify(certificateText(file), { reportText: JSON.stringify(changed) }));
      expect(code).toBe("report-mismatch");
      expect(message).toContain(`the certificate names ${file.certificate.report.digest}`);
      expect(failure(await verify(certificateText(file), { reportText: "{" }))[1]).toMatch(/the report is not JSON/u);
    });
  });
});

describe("suite currency and differences", () => {
  it("the same major.minor is current whatever the patch; a non-semantic version is not", () => {
    expect(suiteCurrency("0.1.9", "0.1.0", NOW).current).toBe(true);
    expect(suiteCurrency("1.1.0", "1.2.0", NOW).current).toBe(false);
    expect(suiteCurrency("latest", "0.1.0", NOW)).toEqual({
      current: false,
      why: 'suite version "latest" is not a semantic version',
    });
  });

  it("firstDifference names the first differing pointer, escaping ~ and /", () => {
    expect(firstDifference({ a: [1, 2] }, { a: [1, 3] })).toBe("/a/1");
    expect(firstDifference({ "x/y~": 1 }, { "x/y~": 2 })).toBe("/x~1y~0");
    expect(firstDifference({ a: 1 }, { a: 1 })).toBeUndefined();
    expect(firstDifference(1, 2)).toBe("/");
  });
});
