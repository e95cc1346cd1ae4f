// `run --certificate FILE`: everything that can be wrong with the request is found before the run (no report folder,
// no implementation name, an unusable key, a key file that would be overwritten, a JWKS URL that does not publish the
// key), because a run takes minutes. After a conformant run it writes FILE (JSON), its HTML page and, for a generated
// key, the private key (mode 0600) so the next run can sign with the same key.
import { existsSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { calculateJwkThumbprint, type JWK } from "jose";
import type { RunReport } from "../reporters/report-model.ts";
import { renderCertificateHtml } from "../reporters/certificate-html.ts";
import { newSigningKey } from "../transfer/signed-json.ts";
import {
  certificateFacts,
  certificateKey,
  CertificateKeyError,
  certificateText,
  reportDigest,
  signCertificate,
  type CertificateKey,
  type DeclaredStandard,
} from "./certificate.ts";

/** A problem with the certificate options, found before the run: exit 6 with this message. */
export class CertificateOptionError extends Error {
  override name = "CertificateOptionError";
}

export interface CertificateOptions {
  file: string;
  reportDir: string | undefined;
  keyFile?: string;
  jwksUrl?: string;
  implementation: { name?: string; version?: string };
  /** Where to read the implementation's name and version (GET / `implementation`) when neither the configuration nor
   *  the command line gives them: the system under test, when the run talks to one. */
  discoverAt?: { baseUrl: string; timeoutMs: number };
}

export interface PreparedCertificate {
  file: string;
  htmlFile: string;
  key: CertificateKey;
  /** Where a generated key is saved (undefined when the vendor gave --key). */
  generatedKeyFile?: string;
  jwksUrl?: string;
  implementation: { name: string; version: string };
}

/** FILE.json → FILE.html and FILE.signing-key.json; any other name gets the suffix appended. */
export function besideCertificate(file: string, suffix: ".html" | ".signing-key.json"): string {
  return file.endsWith(".json") ? `${file.slice(0, -".json".length)}${suffix}` : `${file}${suffix}`;
}

function writable(file: string, flag: string): void {
  const probe = join(dirname(file), `.send-conformance-write-check-${process.pid}`);
  try {
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new CertificateOptionError(
      `${flag} ${file}: cannot write there (${typeof code === "string" ? code : String(e)})`,
    );
  }
}

async function keyPublishedAt(url: string, key: CertificateKey): Promise<void> {
  let jwks: { keys?: unknown };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000), headers: { accept: "application/json" } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    jwks = (await res.json()) as { keys?: unknown };
  } catch (e) {
    throw new CertificateOptionError(
      `--jwks-url ${url}: cannot read a JWKS there (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const keys = Array.isArray(jwks.keys) ? (jwks.keys as JWK[]) : [];
  for (const k of keys) {
    const print = await calculateJwkThumbprint(k, "sha256").catch(() => undefined);
    if (print === key.thumbprint) return;
  }
  throw new CertificateOptionError(
    `--jwks-url ${url} does not publish the signing key (thumbprint ${key.thumbprint}); a buyer checking it there would refuse the certificate`,
  );
}

export async function prepareCertificate(opts: CertificateOptions): Promise<PreparedCertificate> {
  if (opts.reportDir === undefined)
    throw new CertificateOptionError(
      "--certificate needs --report DIR: the certificate names the full report by its digest, so the report must be kept",
    );
  let { name, version } = opts.implementation;
  if ((!name || !version) && opts.discoverAt) {
    // The system says who it is at GET /; what the vendor gave in the configuration or on the command line wins.
    const body = await discovery(opts.discoverAt.baseUrl, opts.discoverAt.timeoutMs);
    const said = body ? declaredImplementation(body) : undefined;
    name ||= said?.name;
    version ||= said?.version;
  }
  if (!name || !version)
    throw new CertificateOptionError(
      "--certificate needs the implementation's name and version: the system's GET / does not declare " +
        "`implementation` {name, version}, so set it in the configuration, or pass --implementation-name and " +
        "--implementation-version",
    );
  if (opts.jwksUrl !== undefined && !/^https?:\/\//u.test(opts.jwksUrl))
    throw new CertificateOptionError(`--jwks-url ${opts.jwksUrl} is not an http(s) URL`);
  if (opts.jwksUrl !== undefined && opts.keyFile === undefined)
    throw new CertificateOptionError(
      "--jwks-url needs --key FILE: a key generated for this run cannot already be published",
    );
  writable(opts.file, "--certificate");
  let key: CertificateKey;
  let generatedKeyFile: string | undefined;
  if (opts.keyFile !== undefined) {
    let jwk: unknown;
    try {
      jwk = JSON.parse(readFileSync(opts.keyFile, "utf8"));
    } catch (e) {
      throw new CertificateOptionError(
        `--key ${opts.keyFile}: cannot read a JWK (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    try {
      key = await certificateKey(jwk);
    } catch (e) {
      if (e instanceof CertificateKeyError) throw new CertificateOptionError(`--key ${opts.keyFile} ${e.message}`);
      throw e;
    }
    if (opts.jwksUrl !== undefined) await keyPublishedAt(opts.jwksUrl, key);
  } else {
    generatedKeyFile = besideCertificate(opts.file, ".signing-key.json");
    if (existsSync(generatedKeyFile))
      throw new CertificateOptionError(
        `${generatedKeyFile} exists: pass --key ${generatedKeyFile} to sign with that key again, or remove it for a new key`,
      );
    key = await certificateKey((await newSigningKey()).privateJwk);
  }
  return {
    file: opts.file,
    htmlFile: besideCertificate(opts.file, ".html"),
    key,
    ...(generatedKeyFile ? { generatedKeyFile } : {}),
    ...(opts.jwksUrl ? { jwksUrl: opts.jwksUrl } : {}),
    implementation: { name, version },
  };
}

/** GET / of the system as a JSON object, or undefined when it cannot be read. */
async function discovery(baseUrl: string, timeoutMs: number): Promise<Record<string, unknown> | undefined> {
  try {
    const url = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
    const res = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json()) as unknown;
    return body !== null && typeof body === "object" && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The implementation a discovery body declares (`implementation` {name, version}), when both are usable strings. */
export function declaredImplementation(body: Record<string, unknown>): { name: string; version: string } | undefined {
  const impl = body.implementation as { name?: unknown; version?: unknown } | null | undefined;
  if (impl === null || typeof impl !== "object") return undefined;
  const ok = (s: unknown, max: number): s is string => typeof s === "string" && s.trim() !== "" && s.length <= max;
  return ok(impl.name, 200) && ok(impl.version, 100) ? { name: impl.name, version: impl.version } : undefined;
}

/** What the system declared at GET / (standard and schema versions), or undefined when it says nothing usable. */
export async function declaredStandard(baseUrl: string, timeoutMs: number): Promise<DeclaredStandard | undefined> {
  try {
    const body = await discovery(baseUrl, timeoutMs);
    if (!body || typeof body.standard !== "string" || typeof body.standardVersion !== "string") return undefined;
    const sv = body.schemaVersions as { current?: unknown; supported?: unknown } | undefined;
    const schemaVersions =
      sv && typeof sv.current === "string" && Array.isArray(sv.supported)
        ? { current: sv.current, supported: sv.supported.map(String) }
        : undefined;
    const implementation = declaredImplementation(body);
    return {
      standard: body.standard,
      standardVersion: body.standardVersion,
      ...(schemaVersions ? { schemaVersions } : {}),
      ...(implementation ? { implementation } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Signs and writes the certificate of a conformant run; returns the files written. */
export async function issueCertificate(
  prepared: PreparedCertificate,
  report: RunReport,
  reportText: string,
  declared: DeclaredStandard | undefined,
  now = new Date(),
): Promise<string[]> {
  const facts = certificateFacts({
    report,
    reportDigest: reportDigest(reportText),
    implementation: prepared.implementation,
    ...(declared ? { declared } : {}),
    key: { thumbprint: prepared.key.thumbprint, ...(prepared.jwksUrl ? { jwksUrl: prepared.jwksUrl } : {}) },
    issuedAt: now,
  });
  const file = await signCertificate(facts, prepared.key);
  const written: string[] = [];
  if (prepared.generatedKeyFile) {
    writeFileSync(prepared.generatedKeyFile, `${JSON.stringify(prepared.key.privateJwk, null, 2)}\n`, { mode: 0o600 });
    written.push(prepared.generatedKeyFile);
  }
  writeFileSync(prepared.file, certificateText(file));
  writeFileSync(prepared.htmlFile, renderCertificateHtml(file, { json: basename(prepared.file) }));
  written.push(prepared.file, prepared.htmlFile);
  return written;
}
