// `send-interchange trust-list create|sign|inspect|diff|check-bundle`: trust lists as files, for a DfE-like publisher
// (create an issue from entries, sign it with the anchor key, diff it against the last issue before publishing) and
// for anyone checking a bundle offline against a list (keys listed in the list itself; JWKS URLs are not fetched).
// Exit 0 ok, 1 invalid/refused, 2 usage error; each problem with its JSON pointer and rule id, never a stack.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { TrustList, TrustListEntry } from "../../generated/types.ts";
import { decodeUnverifiedPayload } from "../bundle/jws.ts";
import { publicJwk, type JWK } from "../bundle/keys.ts";
import { PackError } from "../bundle/pack.ts";
import { readJson, readJwk, readJwks, readSigned, UsageError } from "./bundle-files.ts";
import type { CliIo } from "./main.ts";

export const TRUST_LIST_USAGE = `Trust lists (signed by a trust anchor):
  trust-list create --issuer-name NAME --anchor-key anchor.jwk --entries entries.json --out list.json
              [--revocations revocations.json] [--sequence N] [--valid-days N]
  trust-list sign <list.json> --key anchor.jwk --out list.jws
  trust-list inspect <list.jws> --anchor anchor.pub.jwk [--json]
  trust-list diff <old.jws|old.json> <new.jws|new.json> [--json]
  trust-list check-bundle <bundle> --trust-list list.jws --anchor anchor.pub.jwk [--at ISO] [--json]`;

type Values = Record<string, string | boolean | undefined>;

function parse(args: string[], options: Record<string, { type: "string" | "boolean" }>) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function need(values: Values, name: string): string {
  const v = values[name];
  if (typeof v === "string" && v.length > 0) return v;
  throw new UsageError(`missing --${name}`);
}

function whole(values: Values, name: string, fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  if (typeof v !== "string" || !/^\d+$/.test(v) || Number(v) < 1)
    throw new UsageError(`--${name} must be a whole number above 0`);
  return Number(v);
}

/** A list file: a signed issue (compact JWS) or the list's JSON; the payload is read without checking (for diff). */
function readListUnverified(path: string): TrustList {
  const signed = readSigned(path);
  const payload = typeof signed === "string" ? decodeUnverifiedPayload(signed) : signed;
  if (
    typeof payload !== "object" ||
    payload === null ||
    (payload as { documentType?: unknown }).documentType !== "trust-list"
  )
    throw new UsageError(`${path} is not a trust list (documentType must be "trust-list")`);
  return payload as TrustList;
}

function printProblems(
  io: CliIo,
  file: string,
  problems: { ruleId?: string; code?: string; pointer?: string; message: string }[],
) {
  io.out(`${file}: INVALID`);
  for (const p of problems) io.out(`  ${p.ruleId ?? p.code}${p.pointer ? ` at ${p.pointer}` : ""}: ${p.message}`);
}

async function create(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    "issuer-name": { type: "string" },
    "anchor-key": { type: "string" },
    entries: { type: "string" },
    revocations: { type: "string" },
    sequence: { type: "string" },
    "valid-days": { type: "string" },
    out: { type: "string" },
  });
  const anchor = readJwk(need(values, "anchor-key")) as JWK & { kid?: string };
  if (typeof anchor.kid !== "string") throw new UsageError("the anchor key has no kid");
  const entries = readJson(need(values, "entries"));
  if (!Array.isArray(entries)) throw new UsageError("--entries must hold a JSON array of trust-list entries");
  const revocations = values.revocations === undefined ? [] : readJson(need(values, "revocations"));
  if (!Array.isArray(revocations)) throw new UsageError("--revocations must hold a JSON array");
  const now = new Date();
  const list: TrustList = {
    documentType: "trust-list",
    schemaVersion: "1.0",
    id: globalThis.crypto.randomUUID(),
    provenance: {
      createdBy: { personType: "system", displayName: need(values, "issuer-name") },
      createdAt: now.toISOString(),
      system: { name: "send-interchange CLI", version: "0.1.0" },
    },
    sequence: whole(values, "sequence", 1),
    issuer: { name: need(values, "issuer-name"), kid: anchor.kid },
    issuedAt: now.toISOString(),
    nextUpdate: new Date(now.getTime() + whole(values, "valid-days", 7) * 86_400_000).toISOString(),
    entries: entries as TrustListEntry[],
    revocations: revocations as TrustList["revocations"],
  };
  const { validate } = await import("../validate/validate.ts");
  const result = validate(list);
  if (result.errors.length > 0) {
    printProblems(io, need(values, "out"), result.errors);
    return 1;
  }
  writeFileSync(need(values, "out"), `${JSON.stringify(list, null, 2)}\n`);
  io.out(
    `${need(values, "out")}: trust list with ${list.entries.length} entries (sequence ${list.sequence}), unsigned`,
  );
  return 0;
}

async function sign(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { key: { type: "string" }, out: { type: "string" } });
  const [file] = positionals;
  if (!file) throw new UsageError("trust-list sign: give the list's JSON file");
  const key = readJwk(need(values, "key")) as JWK & { kid?: string };
  if (typeof key.d !== "string") throw new UsageError('--key must be the anchor\'s PRIVATE key (it has no "d")');
  const { signTrustList } = await import("../bundle/trust-list.ts");
  try {
    const jws = (await signTrustList(readJson(file) as TrustList, { privateKey: key, kid: key.kid ?? "" })) as string;
    writeFileSync(need(values, "out"), `${jws}\n`);
    io.out(`${need(values, "out")}: signed`);
    return 0;
  } catch (error) {
    if (error instanceof PackError) {
      printProblems(io, file, error.issues);
      return 1;
    }
    throw error;
  }
}

async function verifiedList(file: string, anchorPath: string) {
  const { verifyTrustList } = await import("../bundle/trust-list.ts");
  const anchors = readJwks(anchorPath).keys.map((jwk) => ({ kid: String(jwk.kid ?? ""), jwk: publicJwk(jwk) }));
  return verifyTrustList(readSigned(file), { trustedKeys: anchors });
}

async function inspect(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { anchor: { type: "string" }, json: { type: "boolean" } });
  const [file] = positionals;
  if (!file) throw new UsageError("trust-list inspect: give the signed list");
  const v = await verifiedList(file, need(values, "anchor"));
  if (!v.ok) {
    printProblems(io, file, v.reasons);
    return 1;
  }
  const l = v.list;
  if (values.json === true) {
    io.out(JSON.stringify(l, null, 2));
    return 0;
  }
  io.out(`${file}: VALID, signed by ${l.issuer.name} (kid ${l.issuer.kid}), sequence ${l.sequence}`);
  io.out(`  issued ${l.issuedAt}, next update due ${l.nextUpdate}`);
  for (const e of l.entries) {
    const id = e.urn ? `URN ${e.urn}` : e.ukprn ? `UKPRN ${e.ukprn}` : `LA ${e.laCode}`;
    const closed =
      e.status === "open"
        ? ""
        : ` since ${e.closedOn ?? "?"}${e.successor ? `, successor URN ${e.successor.urn}` : ""}`;
    io.out(
      `  ${id} ${e.name}: ${e.status}${closed}; inbox ${e.endpoints.inbox}; ` +
        `${(e.keys ?? []).length} key(s)${e.endpoints.jwks ? ` + JWKS ${e.endpoints.jwks}` : ""}`,
    );
  }
  for (const r of l.revocations) io.out(`  revoked ${r.kid} from ${r.revokedAt} (${r.reason})`);
  return 0;
}

async function diff(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: "boolean" } });
  const [from, to] = positionals;
  if (!from || !to) throw new UsageError("trust-list diff: give the old and the new list");
  const { diffTrustLists } = await import("../bundle/trust-list-diff.ts");
  const d = diffTrustLists(readListUnverified(from), readListUnverified(to));
  if (values.json === true) {
    io.out(JSON.stringify(d, null, 2));
    return 0;
  }
  io.out(`sequence ${d.sequence.from} -> ${d.sequence.to}`);
  for (const id of d.added) io.out(`  + ${id}`);
  for (const id of d.removed) io.out(`  - ${id}`);
  for (const c of d.changed) io.out(`  ~ ${c.id}: ${c.fields.join(", ")}`);
  for (const k of d.revoked) io.out(`  revoked ${k}`);
  for (const k of d.unrevoked) io.out(`  no longer revoked ${k}`);
  return 0;
}

async function checkBundle(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    "trust-list": { type: "string" },
    anchor: { type: "string" },
    at: { type: "string" },
    json: { type: "boolean" },
  });
  const [file] = positionals;
  if (!file) throw new UsageError("trust-list check-bundle: give the bundle");
  const at = values.at === undefined ? new Date() : new Date(String(values.at));
  if (Number.isNaN(at.getTime())) throw new UsageError("--at must be an ISO date-time");
  const listFile = need(values, "trust-list");
  const v = await verifiedList(listFile, need(values, "anchor"));
  if (!v.ok) {
    printProblems(io, listFile, v.reasons);
    return 1;
  }
  const { listedKey, revocationOf } = await import("../bundle/trust-list.ts");
  const { verifyBundle } = await import("../bundle/verify.ts");
  const result = await verifyBundle(readSigned(file), {
    now: at,
    trustedKeys: (kid) => {
      const key = listedKey(v.list, kid);
      const revoked = revocationOf(v.list, kid);
      return key && revoked ? { ...key, revokedAt: revoked.revokedAt } : key;
    },
  });
  if (values.json === true) io.out(JSON.stringify(result.ok ? { ok: true, kid: result.kid } : result, null, 2));
  else if (result.ok) io.out(`${file}: ACCEPTED under sequence ${v.list.sequence} (key ${result.kid})`);
  else {
    io.out(`${file}: REFUSED`);
    for (const r of result.reasons) io.out(`  ${r.code}${r.pointer ? ` at ${r.pointer}` : ""}: ${r.message}`);
  }
  return result.ok ? 0 : 1;
}

export async function runTrustListCli(argv: string[], io: CliIo): Promise<number> {
  const [, sub, ...rest] = argv;
  try {
    if (sub === "--help" || sub === "-h" || sub === undefined) {
      (sub === undefined ? io.err : io.out)(TRUST_LIST_USAGE);
      return sub === undefined ? 2 : 0;
    }
    if (sub === "create") return await create(rest, io);
    if (sub === "sign") return await sign(rest, io);
    if (sub === "inspect") return await inspect(rest, io);
    if (sub === "diff") return await diff(rest, io);
    if (sub === "check-bundle") return await checkBundle(rest, io);
    throw new UsageError(
      `unknown trust-list command ${JSON.stringify(sub)} (create, sign, inspect, diff, check-bundle)`,
    );
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`send-interchange trust-list: ${error.message}\n\n${TRUST_LIST_USAGE}`);
      return 2;
    }
    io.err(`send-interchange trust-list: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
