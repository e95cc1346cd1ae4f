// Verifies a conformance certificate: the file's shape, the ES256 signature (with the embedded key, or with a key of a
// JWKS the buyer trusts), the signed facts against the schema, that the readable copy says what was signed, that a
// suite version still current made it, and, when the report is given, that its digest is the one certified. Each
// failure has a code and a message naming what is wrong and where.
import { calculateJwkThumbprint, decodeProtectedHeader, type JWK } from "jose";
import { canonical, verifySigned, type Jwks } from "../transfer/signed-json.ts";
import { CERTIFICATE_TYP, reportDigest, type Certificate } from "./certificate.ts";
import { certificateFactsProblems, certificateFileProblems } from "./certificate-schema.ts";
import { type AcceptedLine, suiteCurrency } from "./suite-lines.ts";

export type FailureCode = "malformed" | "signature" | "wrong-key" | "tampered" | "stale-suite" | "report-mismatch";

export interface VerifyOptions {
  /** The installed suite's version (packageVersion()). */
  installedVersion: string;
  now: Date;
  /** Earlier suite lines still accepted (default: the package's table). */
  acceptedLines?: readonly AcceptedLine[];
  /** Keys the buyer trusts (e.g. the vendor's published JWKS): the certificate must be signed by one of them. */
  trusted?: { jwks: Jwks; source: string };
  /** The text of the run's report.json, to compare with the certified digest. */
  reportText?: string;
}

export type Verification =
  | {
      ok: true;
      certificate: Certificate;
      /** Whose key: embedded in the certificate (self-asserted) or found in the trusted JWKS. */
      key: { thumbprint: string; source: "embedded" | string };
      suite: string;
      report: "matches" | "not checked";
    }
  | { ok: false; code: FailureCode; message: string };

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The certificate file's JSON from its text: the .json file, or the JSON the .html page embeds. */
export function certificateJson(text: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("<")) {
    const m = /<script type="application\/json" id="send-conformance-certificate">([\s\S]*?)<\/script>/u.exec(text);
    if (!m) throw new SyntaxError("the HTML page embeds no certificate (no script#send-conformance-certificate)");
    return JSON.parse(m[1]!);
  }
  return JSON.parse(text);
}

/** The first JSON pointer at which two JSON values differ, or undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown, at = ""): string | undefined {
  if (isObj(a) && isObj(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const d = firstDifference(a[k], b[k], `${at}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${at}/${i}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return JSON.stringify(a) === JSON.stringify(b) ? undefined : at || "/";
}

const fail = (code: FailureCode, message: string): Verification => ({ ok: false, code, message });

async function thumbprintOf(jwk: JWK): Promise<string | undefined> {
  try {
    return await calculateJwkThumbprint(jwk, "sha256");
  } catch {
    return undefined;
  }
}

export async function verifyCertificate(text: string, opts: VerifyOptions): Promise<Verification> {
  let file: unknown;
  try {
    file = certificateJson(text);
  } catch (e) {
    return fail("malformed", `not a certificate: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObj(file) || typeof file.jws !== "string" || !isObj(file.certificate))
    return fail(
      "malformed",
      "not a certificate: expected a JSON object with `certificate` (object) and `jws` (string)",
    );
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(file.jws) as Record<string, unknown>;
  } catch {
    return fail("malformed", "/jws is not a compact JWS (its protected header cannot be read)");
  }
  if (header.typ !== CERTIFICATE_TYP)
    return fail("malformed", `/jws has typ ${JSON.stringify(header.typ)}, not ${CERTIFICATE_TYP}`);
  const kid = header.kid;
  if (typeof kid !== "string") return fail("malformed", "/jws names no kid in its protected header");

  // The key: one the buyer trusts (by thumbprint) or, failing that, the one the certificate carries.
  let jwk: JWK;
  let source: string;
  if (opts.trusted) {
    const keys = opts.trusted.jwks.keys ?? [];
    const prints = await Promise.all(keys.map(async (k) => ({ k, t: await thumbprintOf(k) })));
    const found = prints.find((p) => p.t === kid || p.k.kid === kid)?.k;
    if (!found) {
      const held = prints.map((p) => p.t ?? "unreadable").join(", ") || "none";
      return fail(
        "wrong-key",
        `signed with key ${kid}, which ${opts.trusted.source} does not hold (it has ${keys.length} key(s): ${held})`,
      );
    }
    jwk = found;
    source = opts.trusted.source;
  } else {
    if (!isObj(header.jwk)) return fail("malformed", "/jws carries no public key (jwk) in its protected header");
    jwk = header.jwk as JWK;
    if ("d" in jwk) return fail("malformed", "/jws header's jwk holds a private key: this certificate leaks its key");
    const print = await thumbprintOf(jwk);
    if (print !== kid)
      return fail(
        "malformed",
        `/jws header's kid ${kid} is not the thumbprint of its embedded key (${print ?? "unreadable"})`,
      );
    source = "embedded";
  }
  const checked = await verifySigned(file.jws, CERTIFICATE_TYP, { keys: [{ ...jwk, kid }] });
  if (!checked.ok) {
    const reason = checked.reasons[0]!;
    const why = opts.trusted
      ? `the signature does not verify with ${kid} from ${opts.trusted.source}: ` +
        `the signed certificate was altered or signed with another key (${reason.message})`
      : `the signature does not verify with the embedded key: the signed certificate was altered (${reason.message})`;
    return fail("signature", why);
  }
  const facts = checked.payload;
  const factProblems = certificateFactsProblems(facts);
  if (factProblems.length > 0)
    return fail("malformed", `the signed facts do not follow certificate.schema.json: ${factProblems.join("; ")}`);
  const signed = facts as Certificate;
  if (signed.signer.keyThumbprint !== kid)
    return fail(
      "malformed",
      `/certificate/signer/keyThumbprint ${signed.signer.keyThumbprint} is not the signing key ${kid}`,
    );
  const diff = firstDifference(file.certificate, signed);
  if (diff !== undefined || canonical(file.certificate) !== checked.payloadText)
    return fail(
      "tampered",
      `the readable certificate differs from the signed one at /certificate${diff === "/" ? "" : (diff ?? "")}: it was edited after signing`,
    );
  const fileProblems = certificateFileProblems(file);
  if (fileProblems.length > 0)
    return fail("malformed", `the file does not follow certificate.schema.json: ${fileProblems.join("; ")}`);

  const currency = suiteCurrency(signed.suite.version, opts.installedVersion, opts.now, opts.acceptedLines);
  if (!currency.current) return fail("stale-suite", currency.why);

  let report: "matches" | "not checked" = "not checked";
  if (opts.reportText !== undefined) {
    let digest: string;
    try {
      digest = reportDigest(opts.reportText);
    } catch (e) {
      return fail("report-mismatch", `the report is not JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (digest !== signed.report.digest)
      return fail(
        "report-mismatch",
        `the report's digest is ${digest}, the certificate names ${signed.report.digest}: it is not the report of the certified run, or it was changed`,
      );
    report = "matches";
  }
  return { ok: true, certificate: signed, key: { thumbprint: kid, source }, suite: currency.why, report };
}

/** What a verified certificate covers, as lines for a person. */
export function coverageText(v: Extract<Verification, { ok: true }>): string {
  const c = v.certificate;
  const counts = (l: "MUST" | "SHOULD") =>
    `${l}: ${c.counts[l].pass} passed, ${c.counts[l].warning} with warnings, ${c.counts[l].fail} failed, ${c.counts[l].skip} skipped`;
  const d = c.target.declared;
  const versions = d?.schemaVersions ? `, schema versions ${d.schemaVersions.supported.join(", ")}` : "";
  const product = d?.implementation ? `, implementation ${d.implementation.name} ${d.implementation.version}` : "";
  const declared = d ? ` (declared ${d.standard} ${d.standardVersion}${versions}${product})` : "";
  const key =
    v.key.source === "embedded"
      ? `key ${v.key.thumbprint}, embedded in the certificate: this proves the certificate is intact, not who signed it` +
        (c.signer.jwksUrl
          ? `; the signer says the key is published at ${c.signer.jwksUrl} (check with --jwks ${c.signer.jwksUrl})`
          : "")
      : `key ${v.key.thumbprint}, found in ${v.key.source}`;
  return [
    `VALID — SEND Interchange conformance certificate ${c.id}`,
    `  implementation: ${c.implementation.name} ${c.implementation.version}`,
    `  host:           ${c.target.host}${declared}`,
    `  issued:         ${c.issuedAt} (run ${c.run.startedAt} → ${c.run.finishedAt})`,
    `  suite:          ${v.suite}`,
    `  profiles:       ${c.profiles.join(", ")}`,
    `  schema version: ${c.schemaVersion ?? "not recorded (certificate made before the suite recorded it)"}`,
    `  resources:      ${c.capabilities.resources.join(", ") || "none"}`,
    `  features:       ${c.capabilities.features.join(", ") || "none"}`,
    `  tests:          ${c.counts.total} — ${counts("MUST")}; ${counts("SHOULD")}`,
    `  report:         sha-256 ${c.report.digest} (${v.report === "matches" ? "matches the report given" : "not checked: pass --report report.json"})`,
    `  signed with:    ${key}`,
    "",
  ].join("\n");
}
