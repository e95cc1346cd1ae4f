// `send-interchange bundle pack|verify|unpack|receipt`, `keys generate|jwks` and `ctf import|export`: transfer
// bundles as files, for systems without an API. Exit 0 ok, 1 invalid/rejected, 2 usage error; messages, no stacks.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import type { Setting } from "../../generated/types.ts";
import { decodeUnverifiedPayload } from "../bundle/jws.ts";
import { generateEncryptionKey, generateSigningKey, jwkThumbprint, toJwks } from "../bundle/keys.ts";
import { readJson, readJwk, readJwks, readSigned, readText, UsageError } from "./bundle-files.ts";
import type { CliIo } from "./main.ts";

export const BUNDLE_USAGE = `Transfer bundles, keys and the CTF bridge:
  bundle pack <doc.json>... --sender-urn URN --sender-name NAME --sender-setting-type TYPE
              (--receiver-urn URN --receiver-name NAME --receiver-setting-type TYPE | --unknown-destination)
              --reason REASON --purpose TEXT [--include education,health,social-care] [--lawful-basis TEXT]
              --key key.jwk --out bundle.jws [--encrypt-to receiver.pub.jwk] [--flattened]
              [--bundle-id UUID] [--created-at ISO]
  bundle verify <bundle> --jwks trusted.json [--decrypt-key key.jwk] [--max-age-days N] [--json]
  bundle unpack <bundle> --jwks trusted.json --out-dir DIR [--decrypt-key key.jwk]
  bundle receipt <bundle> --jwks trusted.json --key key.jwk --decision accepted|rejected --out receipt.jws
              [--receiver-name NAME --receiver-urn URN --receiver-setting-type TYPE] [--decrypt-key key.jwk]
  keys generate --out key.jwk [--public-out key.pub.jwk] [--use sig|enc] [--expires-days N] [--force]
  keys jwks <key.jwk>... --out jwks.json
  ctf import <file.xml> [--json]
  ctf export <records.json> --as-of YYYY-MM-DD [--out sen.xml]`;

const SYSTEM = { name: "send-interchange CLI", version: "0.1.0" };

type Values = Record<string, string | boolean | string[] | undefined>;

function parse(
  args: string[],
  options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>,
): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function str(values: Values, name: string, required = true): string | undefined {
  const value = values[name];
  if (typeof value === "string" && value.length > 0) return value;
  if (required) throw new UsageError(`missing --${name}`);
  return undefined;
}

function setting(values: Values, who: "sender" | "receiver", required: boolean): Setting | undefined {
  const urn = str(values, `${who}-urn`, false);
  const name = str(values, `${who}-name`, false);
  const type = str(values, `${who}-setting-type`, false);
  if (urn === undefined && name === undefined && type === undefined) {
    if (required) throw new UsageError(`missing --${who}-urn, --${who}-name and --${who}-setting-type`);
    return undefined;
  }
  if (name === undefined || type === undefined)
    throw new UsageError(
      `--${who}-urn needs --${who}-name and --${who}-setting-type too (a setting has a name and a type)`,
    );
  return { name, settingType: type as Setting["settingType"], ...(urn === undefined ? {} : { urn }) };
}

function writeOut(path: string, text: string): void {
  try {
    writeFileSync(path, text.endsWith("\n") ? text : `${text}\n`);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Writes a private key readable by its owner only (0600, whatever the umask), never over an existing file unless
 * `force`: then through a new 0600 file renamed into place, so the old file's looser mode is not kept.
 */
function writeSecret(path: string, text: string, force: boolean): void {
  const data = text.endsWith("\n") ? text : `${text}\n`;
  try {
    if (!force) {
      writeFileSync(path, data, { mode: 0o600, flag: "wx" });
      return;
    }
    const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      writeFileSync(tmp, data, { mode: 0o600, flag: "wx" });
      renameSync(tmp, path);
    } finally {
      rmSync(tmp, { force: true });
    }
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const VERIFY_OPTIONS = {
  jwks: { type: "string" },
  "decrypt-key": { type: "string" },
  "max-age-days": { type: "string" },
  json: { type: "boolean" },
} as const;

async function verifyFile(file: string, values: Values) {
  const { verifyBundle } = await import("../bundle/verify.ts");
  const maxAgeDays = str(values, "max-age-days", false);
  if (maxAgeDays !== undefined && !/^\d+$/.test(maxAgeDays))
    throw new UsageError("--max-age-days must be a whole number");
  const decryptKey = str(values, "decrypt-key", false);
  return verifyBundle(readSigned(file), {
    trustedKeys: readJwks(str(values, "jwks") as string),
    ...(decryptKey === undefined ? {} : { decryptKey: readJwk(decryptKey) }),
    ...(maxAgeDays === undefined ? {} : { maxAge: Number(maxAgeDays) * 86_400_000 }),
  });
}

function printReasons(io: CliIo, file: string, reasons: { code: string; message: string; pointer?: string }[]): void {
  io.out(`${file}: REJECTED`);
  for (const r of reasons) io.out(`  ${r.code}${r.pointer ? ` at ${r.pointer}` : ""}: ${r.message}`);
}

async function pack(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    "sender-urn": { type: "string" },
    "sender-name": { type: "string" },
    "sender-setting-type": { type: "string" },
    "receiver-urn": { type: "string" },
    "receiver-name": { type: "string" },
    "receiver-setting-type": { type: "string" },
    "unknown-destination": { type: "boolean" },
    reason: { type: "string" },
    purpose: { type: "string" },
    include: { type: "string" },
    "lawful-basis": { type: "string" },
    key: { type: "string" },
    out: { type: "string" },
    "encrypt-to": { type: "string" },
    flattened: { type: "boolean" },
    "bundle-id": { type: "string" },
    "created-at": { type: "string" },
  });
  if (positionals.length === 0) throw new UsageError("bundle pack: give at least one document file");
  const unknown = values["unknown-destination"] === true;
  const receiver = setting(values, "receiver", !unknown);
  if (unknown && receiver !== undefined)
    throw new UsageError("use either --receiver-* or --unknown-destination, not both");
  const privateJwk = readJwk(str(values, "key") as string);
  const out = str(values, "out") as string;
  const documents = positionals.map(readJson);
  const { packBundle, PackError } = await import("../bundle/pack.ts");
  const { signBundle } = await import("../bundle/sign.ts");
  const { encryptBundle } = await import("../bundle/encrypt.ts");
  const include = str(values, "include", false)
    ?.split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const lawfulBasis = str(values, "lawful-basis", false);
  let bundle: Awaited<ReturnType<typeof packBundle>>;
  try {
    bundle = await packBundle({
      documents,
      sender: { system: SYSTEM, setting: setting(values, "sender", true) as Setting },
      ...(receiver === undefined ? {} : { receiver: { setting: receiver } }),
      unknownDestination: unknown,
      reason: str(values, "reason") as never, // validated against the TransferReason list by packBundle
      sharing: {
        purpose: str(values, "purpose") as string,
        ...(include === undefined ? {} : { include }),
        ...(lawfulBasis === undefined ? {} : { lawfulBasis }),
      },
      createdAt: str(values, "created-at", false) ?? new Date().toISOString(),
      bundleId: str(values, "bundle-id", false) ?? globalThis.crypto.randomUUID(),
    });
  } catch (error) {
    if (error instanceof PackError) {
      io.err(`send-interchange bundle pack: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const kid = privateJwk.kid ?? (await jwkThumbprint(privateJwk));
  const signed = await signBundle(bundle, {
    privateKey: privateJwk,
    kid,
    format: values["flattened"] === true ? "flattened" : "compact",
  });
  const encryptTo = str(values, "encrypt-to", false);
  const output =
    encryptTo === undefined
      ? typeof signed === "string"
        ? signed
        : JSON.stringify(signed, null, 2)
      : await encryptBundle(signed, readJwk(encryptTo));
  writeOut(out, output);
  io.out(
    `${out}: bundle ${bundle.id}, ${bundle.documents.length} document(s), ` +
      `${bundle.redactions.length} redaction(s), signed with kid ` +
      `${kid}${encryptTo ? ", encrypted" : ""}`,
  );
  return 0;
}

async function verify(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, VERIFY_OPTIONS);
  const [file] = positionals;
  if (file === undefined || positionals.length > 1) throw new UsageError("bundle verify: give exactly one bundle file");
  const result = await verifyFile(file, values);
  if (values["json"] === true)
    io.out(
      JSON.stringify(
        result.ok ? { ok: true, bundleId: result.bundle.id, kid: result.kid, digest: result.digest } : result,
        null,
        2,
      ),
    );
  else if (result.ok)
    io.out(
      `${file}: OK bundle ${result.bundle.id} from kid ${result.kid}, ${result.bundle.documents.length} document(s), sha-256 ${result.digest.value}`,
    );
  else printReasons(io, file, result.reasons);
  return result.ok ? 0 : 1;
}

async function unpack(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { ...VERIFY_OPTIONS, "out-dir": { type: "string" } });
  const [file] = positionals;
  if (file === undefined || positionals.length > 1) throw new UsageError("bundle unpack: give exactly one bundle file");
  const dir = str(values, "out-dir") as string;
  const result = await verifyFile(file, values);
  if (!result.ok) {
    printReasons(io, file, result.reasons);
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  const { documents, ...rest } = result.bundle;
  writeOut(join(dir, "bundle.json"), JSON.stringify({ ...rest, documents: [] as unknown[] }, null, 2));
  const written = (documents as unknown as { documentType: string; id: string }[]).map((doc) => {
    const name = `${doc.documentType}-${doc.id}.json`;
    writeOut(join(dir, name), JSON.stringify(doc, null, 2));
    return name;
  });
  io.out(`${file}: OK, wrote bundle.json (manifest, contents, redactions) and ${written.join(", ")} to ${dir}`);
  return 0;
}

async function receipt(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    ...VERIFY_OPTIONS,
    key: { type: "string" },
    decision: { type: "string" },
    out: { type: "string" },
    "receiver-urn": { type: "string" },
    "receiver-name": { type: "string" },
    "receiver-setting-type": { type: "string" },
  });
  const [file] = positionals;
  if (file === undefined || positionals.length > 1)
    throw new UsageError("bundle receipt: give exactly one bundle file");
  const decision = str(values, "decision") as string;
  if (decision !== "accepted" && decision !== "rejected")
    throw new UsageError("--decision must be accepted or rejected");
  const privateJwk = readJwk(str(values, "key") as string);
  const out = str(values, "out") as string;
  const { createReceipt, receiptReasonsFrom, signReceipt } = await import("../bundle/receipt.ts");
  const { sha256Digest } = await import("../bundle/canonical.ts");
  const { decryptBundle, isCompactJwe } = await import("../bundle/encrypt.ts");
  const result = await verifyFile(file, values);
  if (decision === "accepted" && !result.ok) {
    printReasons(io, file, result.reasons);
    io.err("send-interchange bundle receipt: cannot accept a bundle that does not verify; use --decision rejected");
    return 1;
  }
  // A rejected bundle may not verify; its digest and id are then read from the unverified payload, if readable.
  let payload: unknown = result.ok ? result.bundle : undefined;
  if (!result.ok) {
    let signed = readSigned(file);
    const decryptKey = str(values, "decrypt-key", false);
    if (isCompactJwe(signed) && decryptKey !== undefined)
      signed = await decryptBundle(signed, readJwk(decryptKey)).catch(() => signed);
    payload = decodeUnverifiedPayload(signed);
  }
  const bundleId = (payload as { id?: unknown } | undefined)?.id;
  if (typeof bundleId !== "string") {
    io.err("send-interchange bundle receipt: the bundle id cannot be read, so no receipt can name it");
    return 1;
  }
  const setting = (() => {
    const s = {
      urn: str(values, "receiver-urn", false),
      name: str(values, "receiver-name", false),
      type: str(values, "receiver-setting-type", false),
    };
    if (s.name === undefined || s.type === undefined) return undefined;
    return {
      name: s.name,
      settingType: s.type as Setting["settingType"],
      ...(s.urn === undefined ? {} : { urn: s.urn }),
    };
  })();
  const now = new Date().toISOString();
  const made = createReceipt({
    bundleId,
    bundleDigest: result.ok ? result.digest : await sha256Digest(payload),
    decision,
    reasons: result.ok ? [] : receiptReasonsFrom(result.reasons),
    receiver: { system: SYSTEM, ...(setting === undefined ? {} : { setting }) },
    receivedAt: now,
    ...(result.ok
      ? { acceptedDocumentIds: decision === "accepted" ? result.bundle.contents.map((c) => c.documentId) : [] }
      : {}),
  });
  const kid = privateJwk.kid ?? (await jwkThumbprint(privateJwk));
  const signed = await signReceipt(made, { privateKey: privateJwk, kid });
  writeOut(out, typeof signed === "string" ? signed : JSON.stringify(signed));
  io.out(`${out}: receipt ${made.receiptId} (${decision}) for bundle ${bundleId}, signed with kid ${kid}`);
  return 0;
}

async function keys(sub: string | undefined, args: string[], io: CliIo): Promise<number> {
  if (sub === "generate") {
    const { values } = parse(args, {
      out: { type: "string" },
      "public-out": { type: "string" },
      use: { type: "string" },
      "expires-days": { type: "string" },
      force: { type: "boolean" },
    });
    const out = str(values, "out") as string;
    const force = values.force === true;
    const use = str(values, "use", false) ?? "sig";
    if (use !== "sig" && use !== "enc") throw new UsageError("--use must be sig or enc");
    const days = str(values, "expires-days", false);
    if (days !== undefined && !/^\d+$/.test(days)) throw new UsageError("--expires-days must be a whole number");
    const publicOut = str(values, "public-out", false) ?? out.replace(/(\.jwk|\.json)?$/, ".pub.jwk");
    // A key file is never replaced by accident: that would lose the key every partner trusts.
    const existing = [out, publicOut].filter((f) => existsSync(f));
    if (existing.length > 0 && !force) {
      io.err(
        `send-interchange keys: ${existing.join(" and ")} already ` +
          `exist${existing.length === 1 ? "s" : ""}; refusing to overwrite a key (use --force to ` +
          `replace it)`,
      );
      return 1;
    }
    const pair =
      use === "enc"
        ? await generateEncryptionKey()
        : await generateSigningKey(
            days === undefined ? {} : { exp: Math.floor(Date.now() / 1000) + Number(days) * 86_400 },
          );
    writeSecret(out, JSON.stringify(pair.privateJwk, null, 2), force);
    writeOut(publicOut, JSON.stringify(pair.publicJwk, null, 2));
    io.out(
      `${out}: private ${use === "enc" ? "encryption" : "ES256 signing"} key, kid ${pair.kid} (keep it secret); public key in ${publicOut}`,
    );
    return 0;
  }
  if (sub === "jwks") {
    const { values, positionals } = parse(args, { out: { type: "string" } });
    if (positionals.length === 0) throw new UsageError("keys jwks: give at least one key file");
    const out = str(values, "out") as string;
    writeOut(out, JSON.stringify(toJwks(positionals.map(readJwk)), null, 2));
    io.out(`${out}: JWKS with ${positionals.length} public key(s)`);
    return 0;
  }
  throw new UsageError(`unknown keys command ${JSON.stringify(sub ?? "")} (generate, jwks)`);
}

async function ctf(sub: string | undefined, args: string[], io: CliIo): Promise<number> {
  if (sub === "import") {
    const { values, positionals } = parse(args, { json: { type: "boolean" }, system: { type: "string" } });
    const [file] = positionals;
    if (file === undefined) throw new UsageError("ctf import: give one CTF XML file");
    const { importCtfSen } = await import("../ctf/sen-import.ts");
    const result = importCtfSen(readText(file), {
      recordedAt: new Date().toISOString(),
      system: str(values, "system", false) ?? "Common Transfer File",
    });
    if (values["json"] === true) {
      io.out(JSON.stringify(result, null, 2));
    } else if (!result.ok) {
      io.out(`${file}: INVALID`);
      for (const e of result.errors) io.out(`  ${e.code}${e.path ? ` at ${e.path}` : ""}: ${e.message}`);
    } else {
      for (const pupil of result.pupils) {
        io.out(`${file}: pupil ${pupil.upn ?? "(no UPN)"}`);
        for (const c of pupil.classifications)
          io.out(
            `  ${c.senProvision} ${c.effectiveFrom ?? "?"}..${c.effectiveTo ?? "now"} ${(c.senTypes ?? []).map((t) => `${t.rank}:${t.code}`).join(" ")}`,
          );
        for (const s of pupil.suggestions)
          io.out(
            `  ${s.code} → ${s.links.map((l) => `${l.to} (${l.strength})`).join(", ") || "no area"}${s.needsProfessionalReview ? "  [needs professional review]" : ""}`,
          );
        for (const w of pupil.warnings) io.out(`  warning ${w.code}: ${w.message}`);
      }
    }
    return result.ok ? 0 : 1;
  }
  if (sub === "export") {
    const { values, positionals } = parse(args, { "as-of": { type: "string" }, out: { type: "string" } });
    const [file] = positionals;
    if (file === undefined)
      throw new UsageError("ctf export: give one JSON file with LegacyClassification records (an array)");
    const records = readJson(file);
    if (!Array.isArray(records)) throw new UsageError(`${file} must hold a JSON array of LegacyClassification records`);
    const { exportCtfSen, CtfExportError } = await import("../ctf/sen-export.ts");
    try {
      const xml = exportCtfSen(records as never, str(values, "as-of") as string); // shape checked field by field inside
      const out = str(values, "out", false);
      if (out === undefined) io.out(xml);
      else writeOut(out, xml);
      return 0;
    } catch (error) {
      if (error instanceof CtfExportError) {
        io.err(`send-interchange ctf export: ${error.message}`);
        return 1;
      }
      throw error;
    }
  }
  throw new UsageError(`unknown ctf command ${JSON.stringify(sub ?? "")} (import, export)`);
}

/** Entry for `bundle`, `keys` and `ctf`; argv starts with that command word. */
export async function runBundleCli(argv: string[], io: CliIo): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    if (sub === "--help" || sub === "-h" || sub === undefined) {
      (sub === undefined ? io.err : io.out)(BUNDLE_USAGE);
      return sub === undefined ? 2 : 0;
    }
    if (command === "keys") return await keys(sub, rest, io);
    if (command === "ctf") return await ctf(sub, rest, io);
    if (sub === "pack") return await pack(rest, io);
    if (sub === "verify") return await verify(rest, io);
    if (sub === "unpack") return await unpack(rest, io);
    if (sub === "receipt") return await receipt(rest, io);
    throw new UsageError(`unknown bundle command ${JSON.stringify(sub)} (pack, verify, unpack, receipt)`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`send-interchange ${command}: ${error.message}\n\n${BUNDLE_USAGE}`);
      return 2;
    }
    io.err(`send-interchange ${command}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
