// Authoring script: writes the transfer test vectors under examples/vectors/transfer/ (keys, signed and encrypted
// bundles, tampered variants, receipts, expected outcomes) from the cases in transfer-vector-cases.ts.
// ECDSA signatures and JWE encryption are randomised, so the committed files are the vectors: tests read them and
// never regenerate. Re-run only to change the vectors (keys already in keys/ are kept):
//   npx tsx examples/scripts/make-transfer-vectors.ts
import { createHmac, createPrivateKey, generateKeyPairSync, sign as nodeSign } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { JWK } from "jose";
import {
  canonicalJson,
  createReceipt,
  encryptBundle,
  generateEncryptionKey,
  generateSigningKey,
  receiptReasonsFrom,
  sha256Hex,
  signBundle,
  signReceipt,
  toJwks,
  verifyBundle,
  verifyReceipt,
  type KeyPairJwk,
  type TransferBundle,
  type VerifyReason,
} from "../../sdk/src/bundle/index.ts";
import type { TransferReceipt } from "../../sdk/src/bundle/receipt.ts";
import {
  bundleCases,
  KEY_FILES,
  receiptCases,
  RECEIVER_URN,
  TRUST_FILES,
  VERIFY_TIME,
  type BundleBuild,
  type BundleCase,
  type ExpectedReason,
  type ReceiptBuild,
} from "./transfer-vector-cases.ts";

const examplesDir = fileURLToPath(new URL("..", import.meta.url));
const root = `${examplesDir}vectors/transfer/`;
const dirs = {
  keys: `${root}keys/`,
  bundles: `${root}bundles/`,
  receipts: `${root}receipts/`,
  canonical: `${root}canonical/`,
};
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8")) as unknown;
const writeJson = (path: string, value: unknown): void => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
/** Raw files (JWS, JWE, canonical texts) are written byte-exact, with no trailing newline. */
const writeRaw = (path: string, text: string): void => writeFileSync(path, text);
const b64 = (text: string | Buffer): string => Buffer.from(text).toString("base64url");
const unb64 = (segment: string): string => Buffer.from(segment, "base64url").toString("utf8");

// ---- keys -------------------------------------------------------------------------------------------------------

async function keyPair(privateFile: string, publicFile: string, make: () => Promise<KeyPairJwk>): Promise<KeyPairJwk> {
  if (existsSync(dirs.keys + privateFile) && existsSync(dirs.keys + publicFile)) {
    const privateJwk = readJson(dirs.keys + privateFile) as JWK;
    return { kid: privateJwk.kid as string, privateJwk, publicJwk: readJson(dirs.keys + publicFile) as JWK };
  }
  const pair = await make();
  writeJson(dirs.keys + privateFile, pair.privateJwk);
  writeJson(dirs.keys + publicFile, pair.publicJwk);
  return pair;
}

for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
const sender = await keyPair(KEY_FILES.senderPrivate, KEY_FILES.senderPublic, () => generateSigningKey());
const receiverEnc = await keyPair(KEY_FILES.receiverEncPrivate, KEY_FILES.receiverEncPublic, () =>
  generateEncryptionKey(),
);
const receiverSig = await keyPair(KEY_FILES.receiverSigPrivate, KEY_FILES.receiverSigPublic, () =>
  generateSigningKey(),
);
// Keys that stand for someone else: not published (no vector needs them to be checked).
const stranger = await generateSigningKey();
const strangerEnc = await generateEncryptionKey();

const trust: Record<keyof typeof TRUST_FILES, unknown> = {
  receiverTrusts: toJwks([sender.publicJwk]),
  receiverTrustList: [
    {
      kid: sender.kid,
      jwk: sender.publicJwk,
      notBefore: "2030-01-01T00:00:00Z",
      notAfter: "2034-12-31T23:59:59Z",
      owner: "URN 118654 (Stourmouth Church of England Primary School)",
    },
  ],
  expiredTrustList: [
    {
      kid: sender.kid,
      jwk: sender.publicJwk,
      notBefore: "2029-01-01T00:00:00Z",
      notAfter: "2030-05-31T23:59:59Z",
      owner: "URN 118654 (Stourmouth Church of England Primary School)",
    },
  ],
  notYetValidTrustList: [
    {
      kid: sender.kid,
      jwk: sender.publicJwk,
      notBefore: "2030-09-01T00:00:00Z",
      notAfter: "2034-12-31T23:59:59Z",
      owner: "URN 118654 (Stourmouth Church of England Primary School)",
    },
  ],
  expiredJwks: { keys: [{ ...toJwks([sender.publicJwk]).keys[0], exp: Date.parse("2030-06-01T00:00:00Z") / 1000 }] },
  encUseJwks: { keys: [{ ...toJwks([sender.publicJwk]).keys[0], use: "enc" }] },
  senderTrusts: toJwks([receiverSig.publicJwk]),
};
for (const [name, file] of Object.entries(TRUST_FILES))
  writeJson(dirs.keys + file, trust[name as keyof typeof TRUST_FILES]);

// ---- inputs -----------------------------------------------------------------------------------------------------

const workedBundle = readJson(`${examplesDir}worked/transfer-bundle-y6-y7.json`) as TransferBundle;
const workedReceipt = readJson(`${examplesDir}worked/transfer-receipt-y6-y7.json`) as TransferReceipt;
const sign = (bundle: TransferBundle, key: KeyPairJwk = sender, kid = key.kid): Promise<string> =>
  signBundle(bundle, { privateKey: key.privateJwk, kid }) as Promise<string>;

/** ES256 over "<header>.<payload>" with node:crypto, for headers and payloads the SDK's signer would not produce. */
function signRaw(header: Record<string, unknown>, payloadText: string, key: KeyPairJwk = sender): string {
  const input = `${b64(JSON.stringify(header))}.${b64(payloadText)}`;
  const signature = nodeSign("sha256", Buffer.from(input, "latin1"), {
    key: createPrivateKey({ key: key.privateJwk as never, format: "jwk" }),
    dsaEncoding: "ieee-p1363",
  });
  return `${input}.${signature.toString("base64url")}`;
}

const valid = await sign(workedBundle);
const [vh, vp, vs] = valid.split(".") as [string, string, string];
const validHeader = JSON.parse(unb64(vh)) as Record<string, unknown>;
const validPayload = unb64(vp);

/** A bundle as the edits below see it: any member, at any depth, may be changed or removed to make a broken vector. */
// biome-ignore lint/suspicious/noExplicitAny: edits deliberately break the bundle's type; unknown would need a cast per member.
type EditableBundle = Record<string, any>;

function edited(edit: (bundle: EditableBundle) => void): TransferBundle {
  const copy = structuredClone(workedBundle) as EditableBundle;
  edit(copy);
  return copy as TransferBundle;
}

/** Changes one character at `at` of the segment to another base64url character (decoding stays canonical for a
 *  character before the last one). */
function flipChar(segment: string, at: number): string {
  const c = segment.charAt(at);
  return segment.slice(0, at) + (c === "A" ? "B" : "A") + segment.slice(at + 1);
}

const builders: Record<BundleBuild, () => Promise<string> | string> = {
  valid: () => valid,
  "encrypt-valid": () => encryptBundle(valid, receiverEnc.publicJwk),
  "payload-byte-changed": () => {
    const text = validPayload.replace('"name":"Sandwich Marshes Academy"', '"name":"Sandwich Marshes Acadamy"');
    if (text === validPayload) throw new Error("the receiver's name was not found in the payload");
    return `${vh}.${b64(text)}.${vs}`;
  },
  "signature-byte-changed": () => `${vh}.${vp}.${flipChar(vs, 20)}`,
  "signed-by-another-key": () => sign(workedBundle, stranger, sender.kid),
  "unknown-kid": () => sign(workedBundle, stranger),
  "alg-none": () => `${b64(JSON.stringify({ ...validHeader, alg: "none" }))}.${vp}.`,
  "alg-none-with-signature": () => `${b64(JSON.stringify({ ...validHeader, alg: "none" }))}.${vp}.${vs}`,
  "alg-hs256": () => {
    const input = `${b64(JSON.stringify({ ...validHeader, alg: "HS256" }))}.${vp}`;
    const secret = JSON.stringify(toJwks([sender.publicJwk]).keys[0]);
    return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
  },
  "alg-es384": () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-384" });
    const input = `${b64(JSON.stringify({ ...validHeader, alg: "ES384" }))}.${vp}`;
    return `${input}.${nodeSign("sha384", Buffer.from(input, "latin1"), { key: privateKey, dsaEncoding: "ieee-p1363" }).toString("base64url")}`;
  },
  "header-crit": () =>
    signRaw({ ...validHeader, crit: ["exp"], exp: Date.parse("2030-07-24T10:00:00Z") / 1000 }, validPayload),
  "typ-receipt": () => signRaw({ ...validHeader, typ: "send-transfer-receipt+json" }, validPayload),
  "signature-not-canonical-base64url": () => {
    // 64 signature bytes are 86 characters: the last carries 2 data bits and 4 unused bits, which must be zero.
    const last = vs.charAt(vs.length - 1);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const value = alphabet.indexOf(last);
    if ((value & 0x0f) !== 0) throw new Error("expected a canonical last character");
    return `${vh}.${vp}.${vs.slice(0, -1)}${alphabet.charAt(value | 0x01)}`;
  },
  "payload-not-canonical-json": () => signRaw(validHeader, JSON.stringify(JSON.parse(validPayload), null, 2)),
  "document-changed-digest-kept": () =>
    sign(
      edited((b) => {
        b.documents[1].areas[0].summary =
          "Language comprehension and expression remain the main barrier; vocabulary learning improves with pre-teaching and visual prompts.";
      }),
    ),
  "document-schema-invalid": async () => {
    const bundle = edited((b) => {
      b.documents[1].areas[0].observations[0].kind = "weakness";
    });
    // The digest is brought up to date so that the schema is the only fault.
    bundle.contents[1]!.digest.value = await sha256Hex(canonicalJson(bundle.documents[1]));
    return sign(bundle);
  },
  "bundle-id-mismatch": () =>
    sign(
      edited((b) => {
        b.manifest.bundleId = "0e4f8c2a-3b71-4d5e-9a60-7c1d2b8e4f93";
      }),
    ),
  "addressed-elsewhere": () =>
    sign(
      edited((b) => {
        b.manifest.receiver.setting = {
          name: "Walmer Down Academy",
          urn: "141872",
          laestab: "8864020",
          laCode: "886",
          phases: ["secondary"],
          settingType: "mainstream-secondary-school",
        };
      }),
    ),
  "encrypted-to-another-key": () => encryptBundle(valid, strangerEnc.publicJwk),
};

// ---- expected outcomes ------------------------------------------------------------------------------------------

const sameReasons = (actual: readonly VerifyReason[], expected: readonly ExpectedReason[]): boolean =>
  JSON.stringify(actual.map((r) => ({ code: r.code, pointer: r.pointer, ruleId: r.ruleId }))) ===
  JSON.stringify(expected.map((r) => ({ code: r.code, pointer: r.pointer, ruleId: r.ruleId })));

function fileOf(name: string, inputs: Map<string, string>): string {
  const input = inputs.get(name);
  if (input === undefined) throw new Error(`no input for ${name}`);
  return `${name}.${input.split(".").length === 5 ? "jwe" : "jws"}`;
}

for (const dir of [dirs.bundles, dirs.receipts]) for (const f of readdirSync(dir)) rmSync(dir + f);
const bundleInputs = new Map<string, string>();
const bundleDigests = new Map<string, string>();

for (const c of bundleCases) {
  const built = "build" in c.input ? await builders[c.input.build]() : bundleInputs.get(c.input.reuse);
  if (built === undefined) throw new Error(`${c.name}: input not built yet`);
  bundleInputs.set(c.name, built);
  const inputFile = "build" in c.input ? fileOf(c.name, bundleInputs) : fileOf(c.input.reuse, bundleInputs);
  if ("build" in c.input) writeRaw(dirs.bundles + inputFile, built);
  const time = c.time ?? VERIFY_TIME;
  const trustFile = TRUST_FILES[c.trust ?? "receiverTrusts"];
  const result = await verifyBundle(built, {
    trustedKeys: trust[c.trust ?? "receiverTrusts"] as never,
    now: new Date(time),
    ...(c.decrypt ? { decryptKey: receiverEnc.privateJwk } : {}),
  });
  const expected = await expectedFor(c, result, built);
  writeJson(`${dirs.bundles}${c.name}.expected.json`, {
    description: c.description,
    fault: c.fault,
    input: inputFile,
    inputFormat: inputFile.endsWith(".jwe") ? "compact-jwe" : "compact-jws",
    verify: {
      time,
      trustedKeys: `../keys/${trustFile}`,
      decryptionKey: c.decrypt ? `../keys/${KEY_FILES.receiverEncPrivate}` : null,
    },
    expected,
  });
}

async function expectedFor(
  c: BundleCase,
  result: Awaited<ReturnType<typeof verifyBundle>>,
  input: string,
): Promise<unknown> {
  if (c.reasons !== undefined) {
    if (result.ok || !sameReasons(result.reasons, c.reasons))
      throw new Error(
        `${c.name}: the SDK says ${JSON.stringify(result.ok ? "valid" : result.reasons)}, the case expects ${JSON.stringify(c.reasons)}`,
      );
    const receiptCodes = receiptReasonsFrom(result.reasons).map((r) => r.code);
    if (JSON.stringify(receiptCodes) !== JSON.stringify(c.receiptCodes))
      throw new Error(
        `${c.name}: receipt codes ${JSON.stringify(receiptCodes)}, expected ${JSON.stringify(c.receiptCodes)}`,
      );
    // The digest a receiver puts in a rejection receipt: SHA-256 of the canonical payload, when it can be read.
    const parts = input.split(".");
    if (parts.length === 3) {
      try {
        bundleDigests.set(c.name, await sha256Hex(canonicalJson(JSON.parse(unb64(parts[1] as string)))));
      } catch {
        /* unreadable payload: no digest */
      }
    }
    return { valid: false, reasons: c.reasons, receiptReasonCodes: c.receiptCodes };
  }
  if (!result.ok) throw new Error(`${c.name}: expected valid, the SDK says ${JSON.stringify(result.reasons)}`);
  bundleDigests.set(c.name, result.digest.value);
  const bundle = result.bundle;
  const withTexts = c.name === "01-valid";
  const documents = await Promise.all(
    bundle.contents.map(async (entry, i) => {
      const text = canonicalJson(bundle.documents[i]);
      const file = `${c.name}.document-${i}.canonical.json`;
      if (withTexts) writeRaw(dirs.bundles + file, text);
      return {
        path: entry.path,
        documentId: entry.documentId,
        documentType: entry.documentType,
        digest: await sha256Hex(text),
        ...(withTexts ? { canonicalText: file, canonicalTextLength: Buffer.byteLength(text) } : {}),
      };
    }),
  );
  const out: Record<string, unknown> = {
    valid: true,
    protectedHeader: result.header,
    signerKid: result.kid,
    bundleId: bundle.id,
    bundleDigest: result.digest,
  };
  if (withTexts) {
    writeRaw(`${dirs.bundles}${c.name}.payload.json`, canonicalJson(bundle));
    out["payload"] = `${c.name}.payload.json`;
  }
  out["documents"] = documents;
  if (c.decrypt) {
    out["jweProtectedHeader"] = JSON.parse(unb64(input.split(".")[0] as string)) as unknown;
    out["plaintext"] = "01-valid.jws";
  }
  if (c.receiverCheck) {
    const urn = bundle.manifest.receiver.setting?.urn;
    if (urn === c.receiverCheck.receiverUrn) throw new Error(`${c.name}: the bundle is addressed to this receiver`);
    const mapped = receiptReasonsFrom([{ code: c.receiverCheck.code, message: "" }]).map((r) => r.code);
    if (JSON.stringify(mapped) !== JSON.stringify([c.receiverCheck.receiptCode]))
      throw new Error(`${c.name}: ${c.receiverCheck.code} maps to ${JSON.stringify(mapped)}`);
    out["addressedTo"] = bundle.manifest.receiver;
    out["receiverCheck"] = {
      receiverSettingUrn: c.receiverCheck.receiverUrn,
      valid: false,
      reasons: [{ code: c.receiverCheck.code, pointer: "/manifest/receiver" }],
      receiptReasonCodes: [c.receiverCheck.receiptCode],
    };
  } else if (c.fault === "none") {
    out["addressedTo"] = bundle.manifest.receiver;
    if (bundle.manifest.receiver.setting?.urn !== RECEIVER_URN)
      throw new Error(`${c.name}: not addressed to ${RECEIVER_URN}`);
  }
  return out;
}

// ---- receipts ---------------------------------------------------------------------------------------------------

const validDigest = bundleDigests.get("01-valid");
if (validDigest !== workedReceipt.bundleDigest.value)
  throw new Error("the worked receipt's bundleDigest is not the digest of 01-valid");
const signReceiptWith = (receipt: TransferReceipt, key: KeyPairJwk = receiverSig): Promise<string> =>
  signReceipt(receipt, { privateKey: key.privateJwk, kid: key.kid }) as Promise<string>;
const accepted = await signReceiptWith(workedReceipt);

async function rejectedReceipt(): Promise<string> {
  const answered = "16-document-changed-digest-kept";
  const result = await verifyBundle(bundleInputs.get(answered), {
    trustedKeys: trust.receiverTrusts as never,
    now: new Date(VERIFY_TIME),
  });
  if (result.ok) throw new Error(`${answered} verified`);
  const receipt = createReceipt({
    receiptId: "3c8e1f52-9a04-4b67-8d21-6e5f0a9c7b13",
    bundleId: workedBundle.id,
    bundleDigest: { algorithm: "sha-256", canonicalization: "rfc8785", value: bundleDigests.get(answered) as string },
    decision: "rejected",
    reasons: receiptReasonsFrom(result.reasons),
    receiver: workedReceipt.receiver,
    receivedAt: VERIFY_TIME,
    createdAt: VERIFY_TIME,
  });
  return signReceiptWith(receipt);
}

const receiptBuilders: Record<ReceiptBuild, () => Promise<string> | string> = {
  accepted: () => accepted,
  rejected: rejectedReceipt,
  "payload-byte-changed": () => {
    const [h, p, s] = accepted.split(".") as [string, string, string];
    const text = unb64(p).replace('"decision":"accepted"', '"decision":"rejected"');
    return `${h}.${b64(text)}.${s}`;
  },
  "unknown-kid": () => signReceiptWith(workedReceipt, stranger),
};

const receiptInputs = new Map<string, string>();
for (const c of receiptCases) {
  const built = "build" in c.input ? await receiptBuilders[c.input.build]() : receiptInputs.get(c.input.reuse);
  if (built === undefined) throw new Error(`${c.name}: input not built yet`);
  receiptInputs.set(c.name, built);
  const inputFile = `${"build" in c.input ? c.name : c.input.reuse}.jws`;
  if ("build" in c.input) writeRaw(dirs.receipts + inputFile, built);
  const expectedBundleDigest = bundleDigests.get(c.answers);
  if (expectedBundleDigest === undefined) throw new Error(`${c.name}: no digest for ${c.answers}`);
  const result = await verifyReceipt(built, {
    trustedKeys: trust.senderTrusts as never,
    now: new Date(VERIFY_TIME),
    expectedBundleId: workedBundle.id,
    expectedDigest: expectedBundleDigest,
  });
  let expected: unknown;
  if (c.reasons !== undefined) {
    if (result.ok || !sameReasons(result.reasons, c.reasons))
      throw new Error(
        `${c.name}: the SDK says ${JSON.stringify(result.ok ? "valid" : result.reasons)}, the case expects ${JSON.stringify(c.reasons)}`,
      );
    expected = { valid: false, reasons: c.reasons };
  } else {
    if (!result.ok) throw new Error(`${c.name}: expected valid, the SDK says ${JSON.stringify(result.reasons)}`);
    const codes = result.receipt.reasons.map((r) => r.code);
    if (result.receipt.decision !== c.decision || JSON.stringify(codes) !== JSON.stringify(c.receiptReasonCodes))
      throw new Error(`${c.name}: receipt says ${result.receipt.decision} ${JSON.stringify(codes)}`);
    expected = {
      valid: true,
      protectedHeader: result.header,
      signerKid: result.kid,
      receiptId: result.receipt.receiptId,
      bundleId: result.receipt.bundleId,
      bundleDigest: result.receipt.bundleDigest,
      decision: c.decision,
      reasonCodes: c.receiptReasonCodes,
    };
  }
  writeJson(`${dirs.receipts}${c.name}.expected.json`, {
    description: c.description,
    fault: c.fault,
    input: inputFile,
    inputFormat: "compact-jws",
    answers: `../bundles/${c.answers}.expected.json`,
    verify: {
      time: VERIFY_TIME,
      trustedKeys: `../keys/${TRUST_FILES.senderTrusts}`,
      expectedBundleId: workedBundle.id,
      expectedBundleDigest,
    },
    expected,
  });
}

console.log(`${bundleCases.length} bundle vectors and ${receiptCases.length} receipt vectors written to ${root}`);
