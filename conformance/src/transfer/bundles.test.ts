// The suite's own transfer checks (bundles.ts, signed-json.ts) against the fixed test vectors of examples/vectors/:
// outcomes computed once and committed, so the checks are pinned to answers that no code here produces.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildBundle, checkBundle, checkReceipt } from "./bundles.ts";
import { canonical, newSigningKey, sha256Hex, signJson } from "./signed-json.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const VECTORS = join(ROOT, "examples/vectors/transfer");
// biome-ignore lint/suspicious/noExplicitAny: fixture JSON read in tests
const readJson = (path: string): any => JSON.parse(readFileSync(path, "utf8"));

describe("bundles the suite builds", () => {
  it("carry the SHA-256 of the RFC 8785 form and check with the suite's own checks", async () => {
    const payload = readJson(join(VECTORS, "bundles/01-valid.payload.json"));
    const doc = readJson(join(ROOT, "examples/worked/isp-year4-targeted.json"));
    const key = await newSigningKey();
    const built = buildBundle({
      documents: [doc],
      sender: payload.manifest.sender,
      receiver: { setting: payload.manifest.receiver.setting },
    });
    const jws = await signJson(built, "send-transfer-bundle+json", key);
    const checked = await checkBundle(jws, { keys: [key.publicJwk] });
    expect(checked.ok ? checked.digest : checked.reasons).toBe(sha256Hex(canonical(built)));
  });

  it("refuse a document carrying safeguarding data (the suite never sends it)", () => {
    const payload = readJson(join(VECTORS, "bundles/01-valid.payload.json"));
    const doc = readJson(join(ROOT, "examples/worked/isp-year4-targeted.json"));
    const labelled = { ...doc, sharing: [{ section: "/classroomSummary", labels: ["safeguarding"] }] };
    expect(() =>
      buildBundle({ documents: [labelled], sender: payload.manifest.sender, receiver: { setting: {} } }),
    ).toThrow(/safeguarding/);
  });
});

describe("the suite's checks give the outcomes the fixed test vectors state", () => {
  const trusted = readJson(join(VECTORS, "keys/receiver-trusts.jwks.json"));
  // The vectors the suite's checks can judge: no clock, trust window, decryption or addressee involved.
  const bundleCodes: Record<string, string> = {
    "04-payload-byte-changed": "signature-invalid",
    "05-signature-byte-changed": "signature-invalid",
    "06-signed-by-another-key": "signature-invalid",
    "07-unknown-kid": "unknown-signing-key",
    "08-alg-none": "signature-invalid",
    "09-alg-none-with-signature": "signature-invalid",
    "10-alg-hs256": "signature-invalid",
    "11-alg-es384": "signature-invalid",
    "12-header-crit": "signature-invalid",
    "13-typ-receipt": "signature-invalid",
    "15-payload-not-canonical-json": "signature-invalid",
    "16-document-changed-digest-kept": "digest-mismatch",
    "17-document-schema-invalid": "schema-invalid",
    "18-bundle-id-mismatch": "schema-invalid",
  };

  it("01-valid verifies, with the stated bundle digest and document digests", async () => {
    const expected = readJson(join(VECTORS, "bundles/01-valid.expected.json")).expected;
    const checked = await checkBundle(readFileSync(join(VECTORS, "bundles/01-valid.jws"), "utf8"), trusted);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.digest).toBe(expected.bundleDigest.value);
    for (const d of expected.documents)
      expect(sha256Hex(readFileSync(join(VECTORS, "bundles", d.canonicalText), "utf8"))).toBe(d.digest);
  });

  it.each(Object.entries(bundleCodes))("%s is refused (%s)", async (name, code) => {
    const file = readdirSync(join(VECTORS, "bundles")).find((f) => f === `${name}.jws`);
    expect(file, `vector ${name}.jws`).toBeDefined();
    const checked = await checkBundle(readFileSync(join(VECTORS, "bundles", file!), "utf8"), trusted);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reasons.map((r) => r.code)).toContain(code);
  });

  it("the RFC 8785 edge cases canonicalise to the committed text", () => {
    const input = readJson(join(VECTORS, "canonical/rfc8785-edge-cases.input.json"));
    const text = readFileSync(join(VECTORS, "canonical/rfc8785-edge-cases.canonical.json"), "utf8");
    expect(canonical(input)).toBe(text);
  });

  it("receipt vectors: the accepted one checks, a changed byte and an unknown kid do not", async () => {
    const senderTrusts = readJson(join(VECTORS, "keys/sender-trusts.jwks.json"));
    const exp = readJson(join(VECTORS, "receipts/01-accepted.expected.json"));
    const read = (n: string) => readFileSync(join(VECTORS, "receipts", n), "utf8");
    const payload = JSON.parse(Buffer.from(read("01-accepted.jws").split(".")[1]!, "base64url").toString("utf8"));
    const expected = { bundleId: payload.bundleId, digest: payload.bundleDigest.value };
    expect((await checkReceipt(read("01-accepted.jws"), senderTrusts, expected)).ok, JSON.stringify(exp)).toBe(true);
    expect((await checkReceipt(read("03-payload-byte-changed.jws"), senderTrusts, expected)).ok).toBe(false);
    expect((await checkReceipt(read("04-unknown-kid.jws"), senderTrusts, expected)).ok).toBe(false);
  });
});
