// Both crypto paths: node:crypto (used where the runtime has it) and WebCrypto (browsers). The WebCrypto path is
// loaded by re-importing the modules with process.getBuiltinModule hidden, as a browser would see them.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { sha256Hex, webCryptoSha256Hex } from "./canonical.ts";
import { nodeCrypto } from "./node-crypto.ts";
import { generateSigningKey, toJwks } from "./keys.ts";
import { packBundle } from "./pack.ts";
import { signBundle } from "./sign.ts";
import { verifyBundle } from "./verify.ts";
import { packInput } from "./test-fixtures.ts";

interface Modules {
  node: typeof import("./node-crypto.ts");
  canonical: typeof import("./canonical.ts");
  sign: typeof import("./sign.ts");
  verify: typeof import("./verify.ts");
}

async function webCryptoModules(): Promise<Modules> {
  const holder = process as { getBuiltinModule?: unknown };
  const original = holder.getBuiltinModule;
  vi.resetModules();
  holder.getBuiltinModule = undefined;
  try {
    return {
      node: await import("./node-crypto.ts"),
      canonical: await import("./canonical.ts"),
      sign: await import("./sign.ts"),
      verify: await import("./verify.ts"),
    };
  } finally {
    holder.getBuiltinModule = original;
    vi.resetModules();
  }
}

const web = await webCryptoModules();
const sender = await generateSigningKey();
const other = await generateSigningKey();
const trustedKeys = toJwks([sender.publicJwk]);
const NOW = new Date("2030-06-02T00:00:00Z");
const bundle = await packBundle(packInput());

function flipLast(segment: string): string {
  // The second-to-last character: flipping it changes signature bits without breaking canonical base64url.
  const i = segment.length - 2;
  return segment.slice(0, i) + (segment[i] === "A" ? "B" : "A") + segment.slice(i + 1);
}

describe("crypto paths", () => {
  it("node:crypto is found in Node, and hidden from the re-imported (browser-like) modules", () => {
    expect(nodeCrypto).toBeDefined();
    expect(web.node.nodeCrypto).toBeUndefined();
  });

  it("sha256Hex gives the WebCrypto digest for any text, lone surrogates included", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 300 }), async (text) => {
        const expected = await webCryptoSha256Hex(text);
        expect(await sha256Hex(text)).toBe(expected);
        expect(await web.canonical.sha256Hex(text)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    { signer: "node:crypto", verifier: "WebCrypto" },
    { signer: "WebCrypto", verifier: "node:crypto" },
    { signer: "node:crypto", verifier: "node:crypto" },
    { signer: "WebCrypto", verifier: "WebCrypto" },
  ])(
    "a bundle signed with $signer verifies with $verifier, to the same bundle and digest",
    async ({ signer, verifier }) => {
      const signBundleWith = signer === "WebCrypto" ? web.sign.signBundle : signBundle;
      const verifyBundleWith = verifier === "WebCrypto" ? web.verify.verifyBundle : verifyBundle;
      const signed = (await signBundleWith(bundle, { privateKey: sender.privateJwk, kid: sender.kid })) as string;
      const result = await verifyBundleWith(signed, { trustedKeys, now: NOW });
      expect(result.ok, JSON.stringify(result)).toBe(true);
      const reference = await verifyBundle(
        (await web.sign.signBundle(bundle, { privateKey: sender.privateJwk, kid: sender.kid })) as string,
        { trustedKeys, now: NOW },
      );
      if (!result.ok || !reference.ok) return;
      expect(result.digest).toEqual(reference.digest);
      expect(result.bundle).toEqual(reference.bundle);
      expect(result.header).toEqual(reference.header);
    },
  );

  it("both paths write the same protected header and payload segments (only the ECDSA signature is random)", async () => {
    const viaNode = ((await signBundle(bundle, { privateKey: sender.privateJwk, kid: sender.kid })) as string).split(
      ".",
    );
    const viaWeb = (
      (await web.sign.signBundle(bundle, { privateKey: sender.privateJwk, kid: sender.kid })) as string
    ).split(".");
    expect(viaNode.slice(0, 2)).toEqual(viaWeb.slice(0, 2));
    expect(viaNode[2]).toHaveLength(86); // 64-byte IEEE P1363 signature, unpadded base64url
    expect(viaWeb[2]).toHaveLength(86);
  });

  it.each([{ verifier: "node:crypto" }, { verifier: "WebCrypto" }])(
    "$verifier refuses an altered signature and a signature by another key as bad-signature",
    async ({ verifier }) => {
      const verifyBundleWith = verifier === "WebCrypto" ? web.verify.verifyBundle : verifyBundle;
      const [header, payload, signature] = (
        (await signBundle(bundle, { privateKey: sender.privateJwk, kid: sender.kid })) as string
      ).split(".") as [string, string, string];
      const altered = await verifyBundleWith(`${header}.${payload}.${flipLast(signature)}`, { trustedKeys, now: NOW });
      const byOther = (await signBundle(bundle, { privateKey: other.privateJwk, kid: sender.kid })) as string;
      const wrongKey = await verifyBundleWith(byOther, { trustedKeys, now: NOW });
      for (const result of [altered, wrongKey]) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reasons.map((r) => r.code)).toEqual(["bundle.bad-signature"]);
      }
    },
  );

  it(
    "both paths refuse the same non-canonical base64url segments as malformed (foreign " +
      "characters, padding, set trailing bits, impossible length, empty)",
    async () => {
      const [header, payload, signature] = (
        (await signBundle(bundle, { privateKey: sender.privateJwk, kid: sender.kid })) as string
      ).split(".") as [string, string, string];
      // A 2-character tail carries 4 unused bits and a 3-character tail 2: find a part with one and set them.
      const setTrailingBits = (part: string): string => {
        const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return (
          part.slice(0, -1) +
          alphabet.charAt(alphabet.indexOf(part.charAt(part.length - 1)) | (part.length % 4 === 2 ? 0x0f : 0x03))
        );
      };
      const withTail = [header, payload, signature].find((p) => p.length % 4 === 2 || p.length % 4 === 3);
      const variants = [
        `${header}.${payload.slice(0, 100)}+${payload.slice(101)}.${signature}`,
        `${header}.${payload.slice(0, 100)} ${payload.slice(100)}.${signature}`,
        `${header}=.${payload}.${signature}`,
        `${header}.${payload}${"A".repeat((((1 - payload.length) % 4) + 4) % 4 || 4)}.${signature}`, // length 1 mod 4
        `.${payload}.${signature}`,
        ...(withTail
          ? [[header, payload, signature].map((p) => (p === withTail ? setTrailingBits(p) : p)).join(".")]
          : []),
      ];
      for (const variant of variants) {
        for (const verifyBundleWith of [verifyBundle, web.verify.verifyBundle]) {
          const result = await verifyBundleWith(variant, { trustedKeys, now: NOW });
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.reasons.map((r) => r.code)).toEqual(["bundle.malformed"]);
        }
      }
    },
  );

  it.each([{ signer: "node:crypto" }, { signer: "WebCrypto" }])(
    "$signer refuses keys jose refuses (a P-384 key, a public key)",
    async ({ signer }) => {
      const signBundleWith = signer === "WebCrypto" ? web.sign.signBundle : signBundle;
      const p384 = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-384" }, false, [
        "sign",
        "verify",
      ])) as CryptoKeyPair;
      const p256 = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, [
        "sign",
        "verify",
      ])) as CryptoKeyPair;
      await expect(signBundleWith(bundle, { privateKey: p384.privateKey, kid: "k" })).rejects.toThrow(TypeError);
      await expect(signBundleWith(bundle, { privateKey: p256.publicKey, kid: "k" })).rejects.toThrow(TypeError);
      // A P-256 CryptoKey is accepted directly, not only a JWK.
      await expect(signBundleWith(bundle, { privateKey: p256.privateKey, kid: "k" })).resolves.toBeTypeOf("string");
    },
  );
});
