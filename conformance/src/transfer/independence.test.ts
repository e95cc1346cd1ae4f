// The suite checks transfers without the SDK code that makes them. Here the SDK's canonicaliser is replaced by a
// plausible bug (member names sorted with localeCompare, not by UTF-16 code units as RFC 8785 says): the SDK then
// packs, signs and verifies its own wrong bundle happily, a common-mode failure, while the suite refuses it. The
// fixed vectors (bundles.test.ts) pin the same checks to outcomes computed once, outside this code.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { packBundle, signBundle, verifyBundle } from "send-interchange/bundle";
import { describe, expect, it, vi } from "vitest";
import { buildBundle, checkBundle, checkReceipt, contentsReasons } from "./bundles.ts";
import { canonical, newSigningKey, sha256Hex, signJson } from "./signed-json.ts";

/** RFC 8785 except that member names sort with localeCompare ("alpha" before "Zeta"; RFC 8785 puts "Zeta" first). */
function brokenCanonical(value: unknown): string | undefined {
  if (Array.isArray(value)) return `[${value.map((v) => brokenCanonical(v) ?? "null").join(",")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort((a, b) => a.localeCompare(b));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${brokenCanonical(record[k])}`).join(",")}}`;
}

vi.mock("../../../sdk/src/rules/canonical-json.ts", async (original) => ({
  ...(await original<object>()),
  canonicalJson: brokenCanonical,
}));

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const VECTORS = join(ROOT, "examples/vectors/transfer");
// biome-ignore lint/suspicious/noExplicitAny: fixture JSON read in tests
const readJson = (path: string): any => JSON.parse(readFileSync(path, "utf8"));
const vectorPayload = readJson(join(VECTORS, "bundles/01-valid.payload.json"));
const sender = vectorPayload.manifest.sender;
const receiver = { setting: vectorPayload.manifest.receiver.setting };

/** A worked ISP carrying an extension whose member names the two orders put differently. */
function ispWithMixedCaseKeys(): Record<string, unknown> {
  const doc = readJson(join(ROOT, "examples/worked/isp-year4-targeted.json"));
  return { ...doc, extensions: { "uk.example.vendor": { Zeta: 1, alpha: 2 } } };
}

describe("the suite's transfer checks are independent of the SDK's transfer code", () => {
  it("the broken canonicaliser really orders this document differently from RFC 8785", () => {
    const doc = ispWithMixedCaseKeys();
    expect(brokenCanonical(doc)).not.toBe(canonical(doc));
    expect(canonical({ alpha: 2, Zeta: 1 })).toBe('{"Zeta":1,"alpha":2}');
  });

  it("a bundle canonicalised the SDK's broken way passes the SDK and is refused by the suite", async () => {
    const key = await newSigningKey();
    const bundle = await packBundle({
      documents: [ispWithMixedCaseKeys()],
      sender,
      receiver,
      reason: "in-year-move",
      sharing: { purpose: "independence test" },
      createdAt: "2030-06-24T10:00:00Z",
      bundleId: "0b5c7c1e-9d1f-4f58-8e64-1f3a7d2c9b10",
    });
    const jws = (await signBundle(bundle, { privateKey: key.privateJwk, kid: key.kid })) as string;
    const trusted = { keys: [key.publicJwk] };

    const sdk = await verifyBundle(jws, { trustedKeys: trusted, now: new Date("2030-06-25T08:00:00Z") });
    expect(sdk.ok ? [] : sdk.reasons, "the SDK with the same bug does not notice it (common mode)").toEqual([]);

    const suite = await checkBundle(jws, trusted);
    expect(suite.ok).toBe(false);
    if (!suite.ok) expect(suite.reasons[0]?.message).toMatch(/not the RFC 8785 canonical form/);
    // The digests too: each was taken over the broken text.
    const digests = contentsReasons(JSON.parse(brokenCanonical(bundle) as string));
    expect(digests.map((r) => r.code)).toEqual(["digest-mismatch"]);
  });

  it("a receipt naming the bundle by a digest of the broken form is refused", async () => {
    const key = await newSigningKey();
    const built = buildBundle({ documents: [ispWithMixedCaseKeys()], sender, receiver });
    const right = sha256Hex(canonical(built));
    const wrong = sha256Hex(brokenCanonical(built) as string);
    expect(wrong).not.toBe(right);
    const receipt = readJson(join(ROOT, "examples/worked/transfer-receipt-y6-y7.json"));
    const answer = { ...receipt, bundleId: built.id, bundleDigest: { ...receipt.bundleDigest, value: wrong } };
    const jws = await signJson(answer, "send-transfer-receipt+json", key);
    const checked = await checkReceipt(jws, { keys: [key.publicJwk] }, { bundleId: String(built.id), digest: right });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reasons.map((r) => r.code)).toEqual(["digest-mismatch"]);
  });
});

describe("what the suite takes from the SDK", () => {
  const SRC = join(ROOT, "conformance/src");
  const sources = readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => readFileSync(join(SRC, f), "utf8"));
  const imports = sources.flatMap((text) =>
    [...text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+"(send-interchange[^"]*)"/g)].map((m) => ({
      names: m[1]!
        .split(",")
        .map((n) => n.replace(/\btype\b/, "").trim())
        .filter(Boolean),
      from: m[2]!,
    })),
  );

  it("is never its transfer code, only the validators, the role table and the identifier checks", () => {
    expect(imports.length).toBeGreaterThan(0);
    expect([...new Set(imports.map((i) => i.from))].sort()).toEqual(
      ["send-interchange", "send-interchange/identifiers", "send-interchange/roles"].sort(),
    );
  });

  it("is listed, name by name, in the README's Independence table", () => {
    const readme = readFileSync(join(ROOT, "conformance/README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Independence"), readme.indexOf("## The runner contract"));
    const missing = imports.flatMap((i) => i.names).filter((n) => !section.includes(`\`${n}\``));
    expect([...new Set(missing)]).toEqual([]);
  });
});
