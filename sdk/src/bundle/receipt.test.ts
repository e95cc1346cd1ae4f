// Receipts: create from a verification, sign, verify; wrong key and wrong bundle are refused.
import { describe, expect, it } from "vitest";
import { generateSigningKey, jwkThumbprint, toJwks } from "./keys.ts";
import { packBundle } from "./pack.ts";
import { createReceipt, receiptReasonsFrom, signReceipt, verifyReceipt } from "./receipt.ts";
import { signBundle } from "./sign.ts";
import { verifyBundle } from "./verify.ts";
import { packInput } from "./test-fixtures.ts";

const NOW = new Date("2030-06-02T00:00:00Z");
const senderKey = await generateSigningKey();
const receiverKey = await generateSigningKey();
const signed = await signBundle(await packBundle(packInput()), {
  privateKey: senderKey.privateJwk,
  kid: senderKey.kid,
});
const receiver = {
  system: { name: "Oakfield MIS", version: "2.0" },
  setting: { name: "Oakfield Primary School", settingType: "mainstream-primary-school" as const },
};

describe("receipts", () => {
  it("accepted receipt: create, sign, verify against the receiver's key and the sent digest", async () => {
    const verified = await verifyBundle(signed, { trustedKeys: toJwks([senderKey.publicJwk]), now: NOW });
    if (!verified.ok) throw new Error(JSON.stringify(verified.reasons));
    const receipt = createReceipt({
      bundleId: verified.bundle.id,
      bundleDigest: verified.digest,
      decision: "accepted",
      reasons: [],
      receiver,
      receivedAt: NOW.toISOString(),
      acceptedDocumentIds: verified.bundle.contents.map((c) => c.documentId),
    });
    const jws = await signReceipt(receipt, { privateKey: receiverKey.privateJwk, kid: receiverKey.kid });
    const ok = await verifyReceipt(jws, {
      trustedKeys: toJwks([receiverKey.publicJwk]),
      expectedBundleId: verified.bundle.id,
      expectedDigest: verified.digest.value,
    });
    expect(ok.ok && ok.receipt).toEqual(receipt);
    const wrongDigest = await verifyReceipt(jws, {
      trustedKeys: toJwks([receiverKey.publicJwk]),
      expectedDigest: "0".repeat(64),
    });
    expect(wrongDigest.ok ? [] : wrongDigest.reasons.map((r) => r.code)).toEqual(["receipt.digest-mismatch"]);
    const wrongKey = await verifyReceipt(jws, { trustedKeys: toJwks([senderKey.publicJwk]) });
    expect(wrongKey.ok ? [] : wrongKey.reasons.map((r) => r.code)).toEqual(["receipt.unknown-key"]);
    const asBundle = await verifyBundle(jws, { trustedKeys: toJwks([receiverKey.publicJwk]), now: NOW });
    expect(asBundle.ok ? [] : asBundle.reasons.map((r) => r.code)).toEqual(["bundle.header-invalid"]);
  });

  it("rejected receipt carries the verification reasons in the receipt's codes", async () => {
    const verified = await verifyBundle(signed, { trustedKeys: toJwks([receiverKey.publicJwk]), now: NOW });
    expect(verified.ok).toBe(false);
    if (verified.ok) return;
    const reasons = receiptReasonsFrom(verified.reasons);
    expect(reasons).toEqual([expect.objectContaining({ code: "unknown-signing-key", ruleId: "bundle.unknown-key" })]);
    const receipt = createReceipt({
      bundleId: "5f0c5d1e-7b7a-4d3e-9c43-2f1b8a6e0d11",
      bundleDigest: { algorithm: "sha-256", canonicalization: "rfc8785", value: "a".repeat(64) },
      decision: "rejected",
      reasons,
      receiver,
      receivedAt: NOW.toISOString(),
    });
    expect(receipt.decision).toBe("rejected");
  });

  it("a receiving system's not-intended-recipient becomes the receipt vocabulary's code, not \"other\"", () => {
    const reasons = receiptReasonsFrom([
      {
        code: "bundle.not-intended-recipient",
        message: "The receiving setting is not hosted by this server.",
        pointer: "/manifest/receiver",
      },
    ]);
    expect(reasons).toEqual([
      {
        code: "not-intended-recipient",
        message: "The receiving setting is not hosted by this server.",
        ruleId: "bundle.not-intended-recipient",
        pointer: "/manifest/receiver",
      },
    ]);
  });

  it("kid is the RFC 7638 thumbprint and private members never reach a JWKS", async () => {
    expect(senderKey.kid).toBe(await jwkThumbprint(senderKey.privateJwk));
    expect(toJwks([senderKey.privateJwk]).keys[0]).not.toHaveProperty("d");
  });
});
