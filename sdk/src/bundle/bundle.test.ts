// Pack → sign → verify → unpack round trip, tampering, key problems, encryption and hostile input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, sha256Digest } from "./canonical.ts";
import { decryptBundle, encryptBundle } from "./encrypt.ts";
import type { FlattenedJws } from "./jws.ts";
import { generateEncryptionKey, generateSigningKey, toJwks, type TrustedKey } from "./keys.ts";
import { packBundle, PackError } from "./pack.ts";
import { signBundle } from "./sign.ts";
import { verifyBundle } from "./verify.ts";
import { packInput, WORKED_ISP } from "./test-fixtures.ts";

const sender = await generateSigningKey();
const other = await generateSigningKey();
const jwks = toJwks([sender.publicJwk]);
const bundle = await packBundle(packInput());
const compact = (await signBundle(bundle, { privateKey: sender.privateJwk, kid: sender.kid })) as string;
const NOW = new Date("2030-06-02T00:00:00Z");

function b64(json: unknown): string {
  return Buffer.from(JSON.stringify(json)).toString("base64url");
}

describe("round trip", () => {
  it("pack → sign → verify gives canonically identical documents and the bundle digest", async () => {
    const result = await verifyBundle(compact, { trustedKeys: jwks, now: NOW });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.kid).toBe(sender.kid);
    expect(canonicalJson(result.bundle)).toBe(canonicalJson(bundle));
    expect(canonicalJson(result.bundle.documents[0])).toBe(canonicalJson(WORKED_ISP));
    expect(result.digest).toEqual(await sha256Digest(bundle));
    expect(result.bundle.contents[0]?.digest).toEqual(await sha256Digest(WORKED_ISP));
  });

  it("flattened JWS verifies too", async () => {
    const flat = (await signBundle(bundle, {
      privateKey: sender.privateJwk,
      kid: sender.kid,
      format: "flattened",
    })) as FlattenedJws;
    expect(typeof flat.signature).toBe("string");
    const result = await verifyBundle({ ...flat, header: { kid: sender.kid } }, { trustedKeys: jwks, now: NOW });
    expect(result.ok).toBe(true);
  });

  it("encryption round trip, and a JWE without the key is refused", async () => {
    const receiverKey = await generateEncryptionKey();
    const jwe = await encryptBundle(compact, receiverKey.publicJwk);
    expect(jwe.split(".")).toHaveLength(5);
    expect(await decryptBundle(jwe, receiverKey.privateJwk)).toBe(compact);
    const ok = await verifyBundle(jwe, { trustedKeys: jwks, now: NOW, decryptKey: receiverKey.privateJwk });
    expect(ok.ok).toBe(true);
    const noKey = await verifyBundle(jwe, { trustedKeys: jwks, now: NOW });
    expect(noKey.ok ? [] : noKey.reasons.map((r) => r.code)).toEqual(["bundle.encrypted-no-key"]);
    const wrongKey = await verifyBundle(jwe, {
      trustedKeys: jwks,
      now: NOW,
      decryptKey: (await generateEncryptionKey()).privateJwk,
    });
    expect(wrongKey.ok ? [] : wrongKey.reasons.map((r) => r.code)).toEqual(["bundle.decrypt-failed"]);
  });
});

describe("packBundle", () => {
  it("refuses an empty document list, an SPP and an invalid document", async () => {
    await expect(packBundle(packInput({ documents: [] }))).rejects.toThrow(PackError);
    await expect(packBundle(packInput({ documents: [{ documentType: "spp", id: "x" }] }))).rejects.toThrow(
      /SPPs travel by reference/,
    );
    await expect(packBundle(packInput({ documents: [{ ...WORKED_ISP, status: "nonsense" }] }))).rejects.toThrow(
      /not schema-valid/,
    );
  });
  it("builds the bundle in RFC 8785 key order (its JSON.stringify text is its canonical text), optional members too", async () => {
    const full = await packBundle(
      packInput({
        expiresAt: "2031-01-01T00:00:00Z",
        sppReferences: [
          { documentType: "spp", id: "spp-illustrative-slcn-complex", version: "1.0.0", title: "SLCN (complex)" },
        ],
      }),
    );
    expect(JSON.stringify(full)).toBe(canonicalJson(full));
    expect(JSON.stringify(bundle)).toBe(canonicalJson(bundle));
    // The same values as the input documents: only the order of members changed.
    expect(canonicalJson(bundle.documents[0])).toBe(canonicalJson(WORKED_ISP));
  });
  it("builds an unknown-destination bundle", async () => {
    const lost = await packBundle(packInput({ receiver: undefined, unknownDestination: true }));
    expect(lost.manifest.receiver).toEqual({ destinationUnknown: true });
  });
});

async function codesFor(
  input: unknown,
  trustedKeys: Parameters<typeof verifyBundle>[1]["trustedKeys"] = jwks,
  now = NOW,
): Promise<string[]> {
  const result = await verifyBundle(input, { trustedKeys, now });
  return result.ok ? [] : result.reasons.map((r) => r.code);
}

describe("rejections", () => {
  const [, p, s] = compact.split(".") as [string, string, string];
  const cases: {
    name: string;
    input: () => Promise<unknown> | unknown;
    keys?: () => Parameters<typeof verifyBundle>[1]["trustedKeys"];
    now?: Date;
    code: string;
  }[] = [
    {
      name: "signed by another key under the sender's kid",
      input: async () => signBundle(bundle, { privateKey: other.privateJwk, kid: sender.kid }),
      code: "bundle.bad-signature",
    },
    {
      name: "unknown kid",
      input: async () => signBundle(bundle, { privateKey: other.privateJwk, kid: other.kid }),
      code: "bundle.unknown-key",
    },
    { name: "alg none", input: () => `${b64({ alg: "none", kid: sender.kid })}.${p}.`, code: "bundle.malformed" },
    {
      name: "alg none with a signature part",
      input: () => `${b64({ alg: "none", kid: sender.kid })}.${p}.${s}`,
      code: "bundle.alg-not-allowed",
    },
    {
      name: "alg HS256",
      input: () => `${b64({ alg: "HS256", kid: sender.kid })}.${p}.${s}`,
      code: "bundle.alg-not-allowed",
    },
    {
      name: "extra header field (crit)",
      input: () => `${b64({ alg: "ES256", kid: sender.kid, crit: ["exp"] })}.${p}.${s}`,
      code: "bundle.header-invalid",
    },
    {
      name: "receipt typ on a bundle",
      input: () => `${b64({ alg: "ES256", kid: sender.kid, typ: "send-transfer-receipt+json" })}.${p}.${s}`,
      code: "bundle.header-invalid",
    },
    {
      name: "JWK exp passed",
      input: () => compact,
      keys: () => ({ keys: [{ ...sender.publicJwk, exp: Date.parse("2030-01-01T00:00:00Z") / 1000 }] }),
      code: "bundle.key-expired",
    },
    {
      name: "trust-list notAfter passed",
      input: () => compact,
      keys: (): TrustedKey[] => [{ kid: sender.kid, jwk: sender.publicJwk, notAfter: "2030-05-31T23:59:59Z" }],
      code: "bundle.key-expired",
    },
    {
      name: "trust-list notBefore in the future",
      input: () => compact,
      keys: (): TrustedKey[] => [{ kid: sender.kid, jwk: sender.publicJwk, notBefore: "2031-01-01T00:00:00Z" }],
      code: "bundle.key-not-yet-valid",
    },
    {
      name: "trusted key is an encryption key",
      input: () => compact,
      keys: () => ({ keys: [{ ...sender.publicJwk, use: "enc" }] }),
      code: "bundle.key-unusable",
    },
    {
      name: "resolver that throws",
      input: () => compact,
      keys: () => () => {
        throw new Error("directory down");
      },
      code: "bundle.unknown-key",
    },
    {
      name: "created in the future",
      input: () => compact,
      now: new Date("2030-05-01T00:00:00Z"),
      code: "bundle.from-future",
    },
    { name: "not a JWS", input: () => "hello", code: "bundle.malformed" },
    { name: "a number", input: () => 42, code: "bundle.malformed" },
    { name: "null", input: () => null, code: "bundle.malformed" },
  ];
  it.each(cases)("$name → $code", async ({ input, keys, now, code }) => {
    const codes = await codesFor(await input(), keys?.() ?? jwks, now ?? NOW);
    expect(codes).toContain(code);
  });

  it("digest mismatch and contents mismatch are caught even under a good signature", async () => {
    const tampered = structuredClone(bundle);
    (tampered.documents[0] as Record<string, unknown>)["status"] = "closed";
    const signed = await signBundle(tampered, { privateKey: sender.privateJwk, kid: sender.kid });
    expect(await codesFor(signed)).toContain("bundle.digest-mismatch");
    const extra = structuredClone(bundle);
    extra.contents.push({ ...extra.contents[0]!, path: "/documents/3" });
    expect(await codesFor(await signBundle(extra, { privateKey: sender.privateJwk, kid: sender.kid }))).toContain(
      "bundle.contents-mismatch",
    );
  });

  it("a correctly signed but non-canonical payload is rejected", async () => {
    const { CompactSign } = await import("jose");
    const { importSigningKey } = await import("./keys.ts");
    const pretty = new TextEncoder().encode(JSON.stringify(bundle, null, 2));
    const signed = await new CompactSign(pretty)
      .setProtectedHeader({ alg: "ES256", kid: sender.kid })
      .sign(await importSigningKey(sender.privateJwk));
    expect(await codesFor(signed)).toEqual(["bundle.not-canonical"]);
  });

  it("maxAge rejects an old bundle", async () => {
    const result = await verifyBundle(compact, {
      trustedKeys: jwks,
      now: new Date("2030-09-01T00:00:00Z"),
      maxAge: 30 * 24 * 3600_000,
    });
    expect(result.ok ? [] : result.reasons.map((r) => r.code)).toContain("bundle.too-old");
  });
});

describe("tampering", () => {
  it("flipping a byte at 250 seeded random positions is rejected every time, with a reason", async () => {
    const positions = fc.sample(fc.nat({ max: compact.length - 1 }), { numRuns: 250, seed: 4242 });
    const bytes = Buffer.from(compact, "latin1");
    const unrejected: number[] = [];
    for (const [i, position] of positions.entries()) {
      const copy = Buffer.from(bytes);
      copy[position] = (copy[position] as number) ^ (1 << (i % 7)); // a different bit each time; never a no-op
      const result = await verifyBundle(copy.toString("latin1"), { trustedKeys: jwks, now: NOW });
      if (result.ok || result.reasons.length === 0 || result.reasons.some((r) => !r.code.startsWith("bundle.")))
        unrejected.push(position);
    }
    expect(unrejected).toEqual([]);
  });

  it("never throws on hostile input (fuzz)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue(),
          fc.constant(compact.slice(0, 40)),
          fc.record({ protected: fc.string(), payload: fc.string(), signature: fc.string() }),
        ),
        async (input) => {
          const result = await verifyBundle(input, { trustedKeys: jwks, now: NOW });
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
