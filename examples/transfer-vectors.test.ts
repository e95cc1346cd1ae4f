// The committed transfer test vectors (examples/vectors/transfer/) hold, twice over: the SDK's verifyBundle and
// verifyReceipt give exactly the stated outcome and reasons, and an independent check built only from jose,
// `canonicalize`, node:crypto and an interpreted JSON Schema validator (@cfworker/json-schema) confirms each vector
// is what it says (valid, or carrying exactly its one fault). Nothing here signs or regenerates a vector.
import { createHash, createPublicKey, verify as nodeVerify } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Validator, type Schema } from "@cfworker/json-schema";
import canonicalize from "canonicalize";
import { calculateJwkThumbprint, compactDecrypt, compactVerify, importJWK, type JWK } from "jose";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  receiptReasonsFrom,
  verifyBundle,
  verifyReceipt,
  type KeySource,
  type VerifyReason,
} from "../sdk/src/bundle/index.ts";
import { bundleCases, receiptCases } from "./scripts/transfer-vector-cases.ts";

const ROOT = fileURLToPath(new URL("vectors/transfer/", import.meta.url));
const REPO = fileURLToPath(new URL("../", import.meta.url));
const text = (path: string): string => readFileSync(path, "utf8");
/** A vector file's JSON: read without a schema, each test checking the members it uses against the expected values. */
// biome-ignore lint/suspicious/noExplicitAny: vector JSON is walked ad hoc by tests; unknown would need a cast per member.
type VectorJson = any;
const json = <T = VectorJson>(path: string): T => JSON.parse(text(path)) as T;
const sha256 = (value: string): string => createHash("sha256").update(value, "utf8").digest("hex");
const jcs = (value: unknown): string => canonicalize(value) as string;
const ALLOWED_HEADER = ["alg", "kid", "typ", "cty"];

interface Expected {
  description: string;
  fault: string;
  input: string;
  inputFormat: "compact-jws" | "compact-jwe";
  answers?: string;
  verify: {
    time: string;
    trustedKeys: string;
    decryptionKey?: string | null;
    expectedBundleId?: string;
    expectedBundleDigest?: string;
  };
  expected: VectorJson;
}

interface Vector {
  name: string;
  dir: string;
  meta: Expected;
  input: string;
  trust: unknown;
  now: Date;
}

function vectors(kind: "bundles" | "receipts"): Vector[] {
  const dir = `${ROOT}${kind}/`;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((file) => {
      const meta = json<Expected>(dir + file);
      return {
        name: file.replace(/\.expected\.json$/, ""),
        dir,
        meta,
        input: text(dir + meta.input),
        trust: json(dir + meta.verify.trustedKeys),
        now: new Date(meta.verify.time),
      };
    });
}

const bundles = vectors("bundles");
const receipts = vectors("receipts");
const receiverEncPrivate = json<JWK>(`${ROOT}keys/receiver-encryption.TEST-KEY.private.jwk.json`);

// ---- independent helpers (no SDK) --------------------------------------------------------------------------------

/** A base64url segment decoded, or undefined unless it is the one canonical unpadded encoding of its bytes. */
function strictDecode(segment: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return undefined;
  const bytes = Buffer.from(segment, "base64url");
  return bytes.toString("base64url") === segment ? bytes : undefined;
}

interface Parts {
  h: string;
  p: string;
  s: string;
  header: Record<string, unknown>;
  payloadText: string;
}

function parts(jws: string): Parts {
  const [h, p, s, ...rest] = jws.split(".");
  expect(rest).toEqual([]);
  return {
    h: h as string,
    p: p as string,
    s: s as string,
    header: JSON.parse(Buffer.from(h as string, "base64url").toString("utf8")),
    payloadText: Buffer.from(p as string, "base64url").toString("utf8"),
  };
}

/** The trusted entry for kid from a JWKS or a trust list, read as the README describes. */
function trusted(trust: unknown, kid: unknown): { jwk: JWK; notBefore?: string; notAfter?: string } | undefined {
  if (Array.isArray(trust))
    return (trust as { kid: string; jwk: JWK; notBefore?: string; notAfter?: string }[]).find((e) => e.kid === kid);
  const jwk = (trust as { keys: JWK[] }).keys.find((k) => k.kid === kid);
  return jwk ? { jwk } : undefined;
}

/** ES256 over "<h>.<p>" checked with node:crypto on the decoded signature bytes (the header is not judged). */
function es256Holds(jwk: JWK, h: string, p: string, signature: Buffer): boolean {
  const { kid: _kid, alg: _alg, use: _use, exp: _exp, ...material } = jwk as JWK & { exp?: number };
  return nodeVerify(
    "sha256",
    Buffer.from(`${h}.${p}`, "latin1"),
    { key: createPublicKey({ key: material as never, format: "jwk" }), dsaEncoding: "ieee-p1363" },
    signature,
  );
}

async function joseVerifies(jws: string, jwk: JWK): Promise<boolean> {
  try {
    await compactVerify(jws, await importJWK({ ...jwk, alg: "ES256" }, "ES256"), { algorithms: ["ES256"] });
    return true;
  } catch {
    return false;
  }
}

function pointerGet(root: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .reduce<unknown>(
      (node, token) => (node as Record<string, unknown> | undefined)?.[token.replace(/~1/g, "/").replace(/~0/g, "~")],
      root,
    );
}

/** Interpreted schema validators for the bundle and the receipt (every schema registered by $id, no network). */
const schemaValidator = (() => {
  const manifest = json<{ documentTypes: { documentType: string; schema: string }[]; sharedSchemas: string[] }>(
    `${REPO}schemas/manifest.json`,
  );
  const load = (rel: string): Schema => json<Schema>(`${REPO}schemas/${rel}`);
  const shared = manifest.sharedSchemas.map(load);
  const own = manifest.documentTypes.map((d) => load(d.schema));
  const all = [...shared, ...own];
  return (documentType: string) => {
    const v = new Validator(
      own[manifest.documentTypes.findIndex((d) => d.documentType === documentType)]!,
      "2020-12",
      false,
    );
    for (const s of all) v.addSchema(s);
    return v;
  };
})();
const bundleSchema = schemaValidator("transfer-bundle");
const receiptSchema = schemaValidator("transfer-receipt");

const reasonView = (reasons: readonly VerifyReason[]) =>
  reasons.map((r) => ({
    code: r.code,
    ...(r.pointer !== undefined ? { pointer: r.pointer } : {}),
    ...(r.ruleId !== undefined ? { ruleId: r.ruleId } : {}),
  }));

// ---- the files are the cases -----------------------------------------------------------------------------------

describe("transfer vector files", () => {
  it("one expected file per case, and every input file is used", () => {
    expect(bundles.map((v) => v.name)).toEqual(bundleCases.map((c) => c.name));
    expect(receipts.map((v) => v.name)).toEqual(receiptCases.map((c) => c.name));
    for (const [kind, list] of [
      ["bundles", bundles],
      ["receipts", receipts],
    ] as const) {
      const used = new Set(
        list.flatMap((v) => [
          v.meta.input,
          `${v.name}.expected.json`,
          v.meta.expected.payload,
          v.meta.expected.plaintext,
          ...(v.meta.expected.documents ?? []).map((d: { canonicalText?: string }) => d.canonicalText),
        ]),
      );
      expect(readdirSync(`${ROOT}${kind}/`).filter((f) => !used.has(f))).toEqual([]);
    }
  });

  it("covers the faults the brief asks for, each with its reason", () => {
    const codes = new Set(bundles.flatMap((v) => (v.meta.expected.reasons ?? []).map((r: { code: string }) => r.code)));
    for (const code of [
      "bundle.bad-signature",
      "bundle.digest-mismatch",
      "bundle.unknown-key",
      "bundle.alg-not-allowed",
      "bundle.key-expired",
      "bundle.key-not-yet-valid",
      "bundle.malformed",
      "bundle.schema-invalid",
      "bundle.decrypt-failed",
      "bundle.not-canonical",
    ])
      expect(codes).toContain(code);
    expect(
      bundles.some((v) => v.meta.expected.receiverCheck?.reasons[0].code === "bundle.not-intended-recipient"),
    ).toBe(true);
  });

  it("the README's table lists every vector with its expected codes", () => {
    const readme = text(fileURLToPath(new URL("vectors/README.md", import.meta.url))).split("\n");
    for (const [prefix, list] of [
      ["| `", bundles],
      ["| receipt `", receipts],
    ] as const) {
      for (const v of list) {
        const line = readme.find((l) => l.startsWith(`${prefix}${v.name}\` |`));
        expect(line, v.name).toBeDefined();
        const want = v.meta.expected;
        const codes = [...(want.reasons ?? []), ...(want.receiverCheck?.reasons ?? [])].map(
          (r: { code: string }) => r.code,
        );
        for (const code of [
          ...codes,
          ...(want.receiptReasonCodes ?? want.receiverCheck?.receiptReasonCodes ?? want.reasonCodes ?? []),
        ])
          expect(line, v.name).toContain(`\`${code}\``);
        expect(line!.includes("valid") || !want.valid, v.name).toBe(true);
      }
    }
  });

  it("private keys are marked as test keys and the public files carry no private members", () => {
    for (const file of readdirSync(`${ROOT}keys/`)) {
      const body = text(`${ROOT}keys/${file}`);
      expect(body.includes('"d"'), file).toBe(file.includes(".TEST-KEY.private."));
    }
  });

  it("states every verification time explicitly, so the outcome does not depend on when the test runs", () => {
    for (const v of [...bundles, ...receipts])
      expect(v.meta.verify.time, v.name).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});

// ---- the SDK gives exactly the stated outcome ------------------------------------------------------------------

describe("bundle vectors through the SDK's verifyBundle", () => {
  it.each(bundles.map((v) => [v.name, v] as const))("%s", async (_name, v) => {
    const decryptKey = v.meta.verify.decryptionKey ? json<JWK>(v.dir + v.meta.verify.decryptionKey) : undefined;
    const result = await verifyBundle(v.input, {
      trustedKeys: v.trust as KeySource,
      now: v.now,
      ...(decryptKey ? { decryptKey } : {}),
    });
    const want = v.meta.expected;
    if (!want.valid) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(reasonView(result.reasons)).toEqual(want.reasons);
      expect(receiptReasonsFrom(result.reasons).map((r) => r.code)).toEqual(want.receiptReasonCodes);
      return;
    }
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.kid).toBe(want.signerKid);
    expect(result.header).toEqual(want.protectedHeader);
    expect(result.bundle.id).toBe(want.bundleId);
    expect(result.digest).toEqual(want.bundleDigest);
    expect(result.bundle.manifest.receiver).toEqual(want.addressedTo);
    expect(
      result.bundle.contents.map((c) => ({
        path: c.path,
        documentId: c.documentId,
        documentType: c.documentType,
        digest: c.digest.value,
      })),
    ).toEqual(
      want.documents.map((d: Record<string, unknown>) => ({
        path: d["path"],
        documentId: d["documentId"],
        documentType: d["documentType"],
        digest: d["digest"],
      })),
    );
    for (const [i, d] of (want.documents as { canonicalText?: string }[]).entries()) {
      if (d.canonicalText) expect(canonicalJson(result.bundle.documents[i])).toBe(text(v.dir + d.canonicalText));
    }
    if (want.receiverCheck) {
      // The SDK cannot know who is receiving; the receiving system compares the address with itself.
      expect(result.bundle.manifest.receiver.setting?.urn).not.toBe(want.receiverCheck.receiverSettingUrn);
      const reasons = want.receiverCheck.reasons.map((r: { code: string; pointer: string }) => ({
        ...r,
        message: "addressed elsewhere",
      }));
      expect(receiptReasonsFrom(reasons).map((r) => r.code)).toEqual(want.receiverCheck.receiptReasonCodes);
    }
  });
});

describe("receipt vectors through the SDK's verifyReceipt", () => {
  it.each(receipts.map((v) => [v.name, v] as const))("%s", async (_name, v) => {
    const result = await verifyReceipt(v.input, {
      trustedKeys: v.trust as KeySource,
      now: v.now,
      expectedBundleId: v.meta.verify.expectedBundleId!,
      expectedDigest: v.meta.verify.expectedBundleDigest!,
    });
    const want = v.meta.expected;
    if (!want.valid) {
      expect(result.ok ? "valid" : reasonView(result.reasons)).toEqual(want.reasons);
      return;
    }
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.kid).toBe(want.signerKid);
    expect(result.header).toEqual(want.protectedHeader);
    expect(result.receipt.receiptId).toBe(want.receiptId);
    expect(result.receipt.bundleId).toBe(want.bundleId);
    expect(result.receipt.bundleDigest).toEqual(want.bundleDigest);
    expect(result.receipt.decision).toBe(want.decision);
    expect(result.receipt.reasons.map((r) => r.code)).toEqual(want.reasonCodes);
  });
});

// ---- the same outcomes without the SDK -------------------------------------------------------------------------

/** Every check of a valid compact JWS bundle, done by hand; returns the parsed bundle. */
async function independentlyValidBundle(v: Vector, jws: string): Promise<Record<string, VectorJson>> {
  const want = v.meta.expected;
  const { h, p, s, header, payloadText } = parts(jws);
  for (const segment of [h, p, s]) expect(strictDecode(segment)).toBeDefined();
  expect(header).toEqual(want.protectedHeader);
  expect(header["alg"]).toBe("ES256");
  expect(Object.keys(header).every((k) => ALLOWED_HEADER.includes(k))).toBe(true);
  const entry = trusted(v.trust, header["kid"]);
  expect(entry).toBeDefined();
  const jwk = entry!.jwk;
  expect(await calculateJwkThumbprint(jwk, "sha256")).toBe(want.signerKid);
  expect(jwk.use === undefined || jwk.use === "sig").toBe(true);
  if (entry!.notBefore) expect(v.now.getTime()).toBeGreaterThanOrEqual(Date.parse(entry!.notBefore));
  if (entry!.notAfter) expect(v.now.getTime()).toBeLessThanOrEqual(Date.parse(entry!.notAfter));
  expect(await joseVerifies(jws, jwk)).toBe(true);
  const bundle = JSON.parse(payloadText) as Record<string, VectorJson>;
  expect(jcs(bundle)).toBe(payloadText);
  expect(sha256(payloadText)).toBe(want.bundleDigest.value);
  if (want.payload) expect(text(v.dir + want.payload)).toBe(payloadText);
  expect(bundleSchema.validate(bundle).errors).toEqual([]);
  expect(bundle["id"]).toBe(want.bundleId);
  expect(bundle["manifest"].bundleId).toBe(want.bundleId);
  expect(bundle["contents"]).toHaveLength(bundle["documents"].length);
  for (const [i, d] of (
    want.documents as {
      path: string;
      documentId: string;
      digest: string;
      canonicalText?: string;
      canonicalTextLength?: number;
    }[]
  ).entries()) {
    const contentsEntry = bundle["contents"][i];
    const document = pointerGet(bundle, d.path) as Record<string, unknown>;
    const canonical = jcs(document);
    expect(contentsEntry.path).toBe(d.path);
    expect(document["id"]).toBe(d.documentId);
    expect(sha256(canonical)).toBe(d.digest);
    expect(contentsEntry.digest.value).toBe(d.digest);
    if (d.canonicalText) {
      expect(text(v.dir + d.canonicalText)).toBe(canonical);
      expect(Buffer.byteLength(canonical)).toBe(d.canonicalTextLength);
    }
  }
  expect(Date.parse(bundle["manifest"].createdAt)).toBeLessThanOrEqual(v.now.getTime() + 5 * 60_000);
  if (bundle["manifest"].expiresAt)
    expect(Date.parse(bundle["manifest"].expiresAt)).toBeGreaterThanOrEqual(v.now.getTime());
  expect(bundle["manifest"].receiver).toEqual(want.addressedTo);
  return bundle;
}

/** The signature is a good ES256 signature by the trusted key over exactly these parts (so the fault is elsewhere). */
function signatureHolds(v: Vector, jws: string): void {
  const { h, p, s, header } = parts(jws);
  const entry = trusted(v.trust, header["kid"]);
  expect(entry).toBeDefined();
  expect(es256Holds(entry!.jwk, h, p, Buffer.from(s, "base64url"))).toBe(true);
}

/** Signed correctly by the trusted key, canonical, digests right: the payload parsed. */
async function soundPayload(v: Vector): Promise<Record<string, VectorJson>> {
  const { payloadText, header } = parts(v.input);
  expect(await joseVerifies(v.input, trusted(v.trust, header["kid"])!.jwk)).toBe(true);
  const bundle = JSON.parse(payloadText) as Record<string, VectorJson>;
  expect(jcs(bundle)).toBe(payloadText);
  return bundle;
}

function digestsMatching(bundle: Record<string, VectorJson>): boolean[] {
  return (bundle["contents"] as { path: string; digest: { value: string } }[]).map(
    (c) => sha256(jcs(pointerGet(bundle, c.path))) === c.digest.value,
  );
}

const independent: Record<string, (v: Vector) => Promise<void> | void> = {
  none: async (v) => {
    if (v.meta.inputFormat === "compact-jwe") {
      const { plaintext, protectedHeader } = await compactDecrypt(
        v.input,
        await importJWK({ ...receiverEncPrivate, alg: "ECDH-ES+A256KW" }, "ECDH-ES+A256KW"),
        { keyManagementAlgorithms: ["ECDH-ES+A256KW"], contentEncryptionAlgorithms: ["A256GCM"] },
      );
      expect(protectedHeader).toEqual(v.meta.expected.jweProtectedHeader);
      const jws = Buffer.from(plaintext).toString("utf8");
      expect(jws).toBe(text(v.dir + v.meta.expected.plaintext));
      await independentlyValidBundle(v, jws);
      return;
    }
    await independentlyValidBundle(v, v.input);
  },
  "payload-byte-changed": async (v) => {
    const { h, p, s, header } = parts(v.input);
    for (const segment of [h, p, s]) expect(strictDecode(segment)).toBeDefined();
    expect(header["alg"]).toBe("ES256");
    const valid = text(`${v.dir}01-valid.jws`).split(".");
    expect([h, s]).toEqual([valid[0], valid[2]]);
    // One byte differs from the signed payload.
    const a = Buffer.from(p, "base64url");
    const b = Buffer.from(valid[1] as string, "base64url");
    expect(a.length).toBe(b.length);
    expect(a.filter((byte, i) => byte !== b[i]).length).toBe(1);
    expect(await joseVerifies(v.input, trusted(v.trust, header["kid"])!.jwk)).toBe(false);
  },
  "signature-byte-changed": async (v) => {
    const { s, header } = parts(v.input);
    expect(strictDecode(s)).toBeDefined();
    expect(await joseVerifies(v.input, trusted(v.trust, header["kid"])!.jwk)).toBe(false);
  },
  "signed-by-another-key": async (v) => {
    const { header } = parts(v.input);
    expect(header["alg"]).toBe("ES256");
    expect(trusted(v.trust, header["kid"])).toBeDefined();
    expect(await joseVerifies(v.input, trusted(v.trust, header["kid"])!.jwk)).toBe(false);
  },
  "unknown-kid": (v) => {
    const { header } = parts(v.input);
    expect(header["alg"]).toBe("ES256");
    expect(trusted(v.trust, header["kid"])).toBeUndefined();
  },
  "alg-none": (v) => {
    const { header, s } = parts(v.input);
    expect(header["alg"]).toBe("none");
    expect(s).toBe("");
  },
  "alg-not-es256": async (v) => {
    const { header } = parts(v.input);
    expect(header["alg"]).not.toBe("ES256");
    expect(await joseVerifies(v.input, trusted(v.trust, header["kid"])!.jwk)).toBe(false);
  },
  "header-invalid": (v) => {
    const { header } = parts(v.input);
    expect(header["alg"]).toBe("ES256");
    const extra = Object.keys(header).filter((k) => !ALLOWED_HEADER.includes(k));
    expect(extra.length > 0 || header["typ"] !== "send-transfer-bundle+json").toBe(true);
    signatureHolds(v, v.input);
  },
  "not-canonical-base64url": (v) => {
    const { h, p, s } = parts(v.input);
    expect(strictDecode(h)).toBeDefined();
    expect(strictDecode(p)).toBeDefined();
    expect(strictDecode(s)).toBeUndefined();
    // A lenient decoder gets the valid signature's bytes back: only a strict decoder notices.
    expect(Buffer.from(s, "base64url")).toEqual(
      Buffer.from(text(`${v.dir}01-valid.jws`).split(".")[2] as string, "base64url"),
    );
    signatureHolds(v, v.input);
  },
  "payload-not-canonical": async (v) => {
    const { payloadText, header } = parts(v.input);
    expect(await joseVerifies(v.input, trusted(v.trust, header["kid"])!.jwk)).toBe(true);
    expect(jcs(JSON.parse(payloadText))).not.toBe(payloadText);
    expect(jcs(JSON.parse(payloadText))).toBe(text(`${v.dir}01-valid.payload.json`));
  },
  "digest-mismatch": async (v) => {
    const bundle = await soundPayload(v);
    expect(digestsMatching(bundle)).toEqual([true, false]);
    expect(bundleSchema.validate(bundle).errors).toEqual([]);
  },
  "schema-invalid": async (v) => {
    const bundle = await soundPayload(v);
    expect(digestsMatching(bundle).every(Boolean)).toBe(true);
    const locations = bundleSchema.validate(bundle).errors.map((e) => e.instanceLocation);
    expect(locations).toContain(`#${v.meta.expected.reasons[0].pointer}`);
  },
  "id-mismatch": async (v) => {
    const bundle = await soundPayload(v);
    expect(digestsMatching(bundle).every(Boolean)).toBe(true);
    expect(bundle["manifest"].bundleId).not.toBe(bundle["id"]);
  },
  "key-expired": (v) => {
    const { header } = parts(v.input);
    const entry = trusted(v.trust, header["kid"])!;
    const exp = (entry.jwk as { exp?: number }).exp;
    expect(
      (entry.notAfter !== undefined && Date.parse(entry.notAfter) < v.now.getTime()) ||
        (exp !== undefined && exp * 1000 < v.now.getTime()),
    ).toBe(true);
    signatureHolds(v, v.input);
  },
  "key-not-yet-valid": (v) => {
    const entry = trusted(v.trust, parts(v.input).header["kid"])!;
    expect(Date.parse(entry.notBefore!)).toBeGreaterThan(v.now.getTime());
    signatureHolds(v, v.input);
  },
  "key-unusable": (v) => {
    expect(trusted(v.trust, parts(v.input).header["kid"])!.jwk.use).toBe("enc");
    signatureHolds(v, v.input);
  },
  expired: async (v) => {
    const bundle = await soundPayload(v);
    expect(Date.parse(bundle["manifest"].expiresAt)).toBeLessThan(v.now.getTime());
  },
  "from-future": async (v) => {
    const bundle = await soundPayload(v);
    expect(Date.parse(bundle["manifest"].createdAt) - v.now.getTime()).toBeGreaterThan(5 * 60_000);
  },
  "addressed-elsewhere": async (v) => {
    const bundle = await independentlyValidBundle(v, v.input);
    expect(bundle["manifest"].receiver.setting.urn).not.toBe(v.meta.expected.receiverCheck.receiverSettingUrn);
  },
  "decrypt-failed": async (v) => {
    const key = await importJWK({ ...receiverEncPrivate, alg: "ECDH-ES+A256KW" }, "ECDH-ES+A256KW");
    await expect(compactDecrypt(v.input, key)).rejects.toThrow();
    const header = JSON.parse(Buffer.from(v.input.split(".")[0] as string, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
    expect(header["kid"]).not.toBe(receiverEncPrivate.kid);
  },
  "encrypted-no-key": (v) => {
    expect(v.input.split(".")).toHaveLength(5);
    expect(v.meta.verify.decryptionKey).toBeNull();
  },
};

describe("bundle vectors checked without the SDK (jose, canonicalize, node:crypto, @cfworker/json-schema)", () => {
  it.each(bundles.map((v) => [v.name, v.meta.fault, v] as const))("%s (%s)", async (_name, fault, v) => {
    const check = independent[fault];
    expect(check, `no independent check for fault ${fault}`).toBeDefined();
    await check!(v);
  });
});

describe("receipt vectors checked without the SDK", () => {
  it.each(receipts.map((v) => [v.name, v.meta.fault, v] as const))("%s (%s)", async (_name, fault, v) => {
    const { header, payloadText } = parts(v.input);
    const entry = trusted(v.trust, header["kid"]);
    const want = v.meta.expected;
    // The digest the receipt must name is the SHA-256 of the canonical payload of the bundle it answers.
    const answered = json<Expected>(v.dir + v.meta.answers!);
    const answeredPayload = parts(text(`${ROOT}bundles/${answered.input}`)).payloadText;
    expect(sha256(jcs(JSON.parse(answeredPayload)))).toBe(v.meta.verify.expectedBundleDigest);
    if (fault === "unknown-kid") {
      expect(entry).toBeUndefined();
      return;
    }
    expect(entry).toBeDefined();
    const signed = await joseVerifies(v.input, entry!.jwk);
    if (fault === "payload-byte-changed") {
      expect(signed).toBe(false);
      return;
    }
    expect(signed).toBe(true);
    expect(header["typ"]).toBe("send-transfer-receipt+json");
    const receipt = JSON.parse(payloadText) as Record<string, VectorJson>;
    expect(jcs(receipt)).toBe(payloadText);
    expect(receiptSchema.validate(receipt).errors).toEqual([]);
    expect(receipt["bundleId"]).toBe(v.meta.verify.expectedBundleId);
    if (fault === "digest-mismatch") {
      expect(receipt["bundleDigest"].value).not.toBe(v.meta.verify.expectedBundleDigest);
      return;
    }
    expect(fault).toBe("none");
    expect(receipt["receiptId"]).toBe(receipt["id"]);
    expect(receipt["bundleDigest"]).toEqual(want.bundleDigest);
    expect(receipt["bundleDigest"].value).toBe(v.meta.verify.expectedBundleDigest);
    expect(receipt["decision"]).toBe(want.decision);
    expect(receipt["reasons"].map((r: { code: string }) => r.code)).toEqual(want.reasonCodes);
    if (want.decision === "accepted")
      expect(receipt).toEqual(json(`${REPO}examples/worked/transfer-receipt-y6-y7.json`));
  });
});

describe("RFC 8785 edge cases (canonical/)", () => {
  const meta = json<{ input: string; canonical: string; canonicalByteLength: number; sha256: string }>(
    `${ROOT}canonical/rfc8785-edge-cases.expected.json`,
  );
  const input = JSON.parse(text(`${ROOT}canonical/${meta.input}`)) as unknown;
  const canonical = text(`${ROOT}canonical/${meta.canonical}`);
  it("the canonicalize package and the SDK both give the hand-written canonical text, whose SHA-256 is stated", () => {
    expect(jcs(input)).toBe(canonical);
    expect(canonicalJson(input)).toBe(canonical);
    expect(Buffer.byteLength(canonical)).toBe(meta.canonicalByteLength);
    expect(sha256(canonical)).toBe(meta.sha256);
  });
});
