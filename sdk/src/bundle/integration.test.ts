// Integration acknowledgements: create, sign, verify; a reason is required when not integrated; a wrong key, a
// wrong bundle or a receipt passed off as an acknowledgement is refused.
import { describe, expect, it } from "vitest";
import { createIntegration, signIntegration, verifyIntegration } from "./integration.ts";
import { generateSigningKey, toJwks } from "./keys.ts";
import { PackError } from "./pack.ts";
import { createReceipt, signReceipt } from "./receipt.ts";

const receiverKey = await generateSigningKey();
const otherKey = await generateSigningKey();
const digest = { algorithm: "sha-256", canonicalization: "rfc8785", value: "a".repeat(64) } as const;
const bundleId = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";
const receiver = {
  system: { name: "Oakfield MIS", version: "2.0" },
  setting: { name: "Oakfield Primary School", settingType: "mainstream-primary-school" as const },
};
const base = {
  bundleId,
  bundleDigest: digest,
  recordedAt: "2030-07-03T09:00:00Z",
  recordedBy: "Ms A. Patel",
  receiver,
};

describe("integration acknowledgements", () => {
  it("integrated: signed by the receiver, verified against its key, the bundle id and digest", async () => {
    const doc = createIntegration({ ...base, outcome: "integrated" });
    expect(doc.recordedBy.displayName).toBe("Ms A. Patel");
    const jws = await signIntegration(doc, { privateKey: receiverKey.privateJwk, kid: receiverKey.kid });
    const ok = await verifyIntegration(jws, {
      trustedKeys: toJwks([receiverKey.publicJwk]),
      expectedBundleId: bundleId,
      expectedDigest: digest.value,
    });
    expect(ok.ok && ok.integration.outcome).toBe("integrated");
    const wrongKey = await verifyIntegration(jws, { trustedKeys: toJwks([otherKey.publicJwk]) });
    expect(!wrongKey.ok && wrongKey.reasons.map((r) => r.code)).toEqual(["integration.unknown-key"]);
    const wrongBundle = await verifyIntegration(jws, {
      trustedKeys: toJwks([receiverKey.publicJwk]),
      expectedBundleId: "2b4e28ba-2fa1-41d2-883f-0016d3cca427",
      expectedDigest: "b".repeat(64),
    });
    expect(!wrongBundle.ok && wrongBundle.reasons.map((r) => r.code)).toEqual([
      "integration.contents-mismatch",
      "integration.digest-mismatch",
    ]);
  });

  it("not integrated needs a reason code; integrated takes none", async () => {
    expect(() => createIntegration({ ...base, outcome: "not-integrated" })).toThrow(PackError);
    const doc = createIntegration({ ...base, outcome: "not-integrated", reason: "wrong-child", note: "Not ours." });
    expect(doc.reason).toBe("wrong-child");
  });

  it("a receipt is not an integration acknowledgement (typ and documentType differ)", async () => {
    const receipt = createReceipt({
      bundleId,
      bundleDigest: digest,
      decision: "accepted",
      reasons: [],
      receiver,
      receivedAt: "2030-07-01T09:00:00Z",
    });
    const jws = await signReceipt(receipt, { privateKey: receiverKey.privateJwk, kid: receiverKey.kid });
    const checked = await verifyIntegration(jws, { trustedKeys: toJwks([receiverKey.publicJwk]) });
    expect(!checked.ok && checked.reasons[0]!.code).toBe("integration.header-invalid");
  });
});
