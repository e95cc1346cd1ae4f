// The conformance certificate: the facts of a conformant run (who, which suite version, which profiles and
// capabilities, counts, the digest of the full report), signed as a compact ES256 JWS whose payload is their RFC 8785
// canonical JSON, with the public key embedded in the protected header. Built on the suite's own signed-json.ts
// (jose, canonicalize, node:crypto), like everything else the suite signs. Format: conformance/certificate.schema.json.
import { randomUUID } from "node:crypto";
import { CompactSign, calculateJwkThumbprint, importJWK, type JWK } from "jose";
import type { RunReport } from "../reporters/report-model.ts";
import type { Counts } from "../rollup.ts";
import { canonical, sha256Hex } from "../transfer/signed-json.ts";

export const CERTIFICATE_TYP = "send-conformance-certificate+json";

export interface DeclaredStandard {
  standard: string;
  standardVersion: string;
  schemaVersions?: { current: string; supported: string[] };
  /** The product and version the system named at GET / (`implementation`), when it names them. */
  implementation?: { name: string; version: string };
}

export interface Certificate {
  certificateType: "send-conformance-certificate";
  formatVersion: 1;
  id: string;
  issuedAt: string;
  implementation: { name: string; version: string };
  target: { host: string; declared?: DeclaredStandard };
  suite: { name: "send-conformance"; version: string };
  profiles: string[];
  /** The schemaVersion of the documents the run wrote; absent from certificates issued before it was recorded. */
  schemaVersion?: string;
  capabilities: { resources: string[]; features: string[] };
  verdict: "conformant";
  counts: { total: number; MUST: Counts; SHOULD: Counts };
  run: { startedAt: string; finishedAt: string };
  report: { file: "report.json"; canonicalization: "RFC 8785"; algorithm: "sha-256"; digest: string };
  signer: { keyThumbprint: string; jwksUrl?: string };
}

/** The file `run --certificate FILE` writes: the readable facts and the signed JWS (which is authoritative). */
export interface CertificateFile {
  certificate: Certificate;
  jws: string;
}

export interface CertificateKey {
  /** RFC 7638 SHA-256 thumbprint of the public key: the JWS kid and `signer.keyThumbprint`. */
  thumbprint: string;
  privateJwk: JWK;
  /** The public key as embedded in the JWS header: only the members its thumbprint covers. */
  publicJwk: JWK;
}

/** SHA-256 (hex) of the RFC 8785 canonical form of a report.json text, as the certificate names it. */
export function reportDigest(reportText: string): string {
  return sha256Hex(canonical(JSON.parse(reportText)));
}

/** Why a key cannot sign certificates; thrown by certificateKey. */
export class CertificateKeyError extends Error {
  override name = "CertificateKeyError";
}

/** A signing key from a private JWK: EC P-256 with its private part `d` (what ES256 needs). */
export async function certificateKey(jwk: unknown): Promise<CertificateKey> {
  const k = jwk as Record<string, unknown> | null;
  if (k === null || typeof k !== "object" || Array.isArray(k))
    throw new CertificateKeyError("is not a JSON object (a JWK)");
  if (k.kty !== "EC" || k.crv !== "P-256")
    throw new CertificateKeyError(
      `is a ${String(k.kty)}/${String(k.crv)} key; certificates are signed with ES256, which needs kty EC, crv P-256`,
    );
  if (typeof k.d !== "string") throw new CertificateKeyError("has no private part (d): it can verify but not sign");
  const publicJwk: JWK = { kty: "EC", crv: "P-256", x: String(k.x), y: String(k.y) };
  try {
    await importJWK({ ...(k as JWK), alg: "ES256" }, "ES256");
    await importJWK({ ...publicJwk, alg: "ES256" }, "ES256");
  } catch (e) {
    throw new CertificateKeyError(`is not a usable P-256 key (${e instanceof Error ? e.message : String(e)})`);
  }
  const thumbprint = await calculateJwkThumbprint(publicJwk, "sha256");
  return { thumbprint, privateJwk: k as JWK, publicJwk };
}

/** The host the certificate names: the base URL's host, with its port when not the scheme's default. */
export function hostOf(baseUrl: string): string {
  return new URL(baseUrl).host;
}

/** The certificate's facts for a conformant run. Pure: id and issue time are given. Throws for any other verdict. */
export function certificateFacts(args: {
  report: RunReport;
  reportDigest: string;
  implementation: { name: string; version: string };
  declared?: DeclaredStandard;
  key: { thumbprint: string; jwksUrl?: string };
  id?: string;
  issuedAt: Date;
}): Certificate {
  const { report } = args;
  if (report.summary.verdict !== "conformant")
    throw new Error(`a certificate is issued only for a conformant run; this run is ${report.summary.verdict}`);
  return {
    certificateType: "send-conformance-certificate",
    formatVersion: 1,
    id: args.id ?? randomUUID(),
    issuedAt: args.issuedAt.toISOString(),
    implementation: { name: args.implementation.name, version: args.implementation.version },
    target: { host: hostOf(report.target.baseUrl), ...(args.declared ? { declared: args.declared } : {}) },
    suite: { name: "send-conformance", version: report.suite.version },
    profiles: [...report.profiles],
    schemaVersion: report.schemaVersion,
    capabilities: {
      resources: [...report.capabilities.resources],
      features: [...(report.capabilities.features ?? [])],
    },
    verdict: "conformant",
    counts: {
      total: report.summary.total,
      MUST: { ...report.summary.byLevel.MUST },
      SHOULD: { ...report.summary.byLevel.SHOULD },
    },
    run: { startedAt: report.startedAt, finishedAt: report.finishedAt },
    report: { file: "report.json", canonicalization: "RFC 8785", algorithm: "sha-256", digest: args.reportDigest },
    signer: { keyThumbprint: args.key.thumbprint, ...(args.key.jwksUrl ? { jwksUrl: args.key.jwksUrl } : {}) },
  };
}

/** Signs the facts: compact ES256 JWS over their canonical JSON, the public key and its thumbprint in the header. */
export async function signCertificate(certificate: Certificate, key: CertificateKey): Promise<CertificateFile> {
  if (certificate.signer.keyThumbprint !== key.thumbprint)
    throw new Error("the certificate names another signing key than the one signing it");
  const privateKey = await importJWK({ ...key.privateJwk, alg: "ES256" }, "ES256");
  const jws = await new CompactSign(new TextEncoder().encode(canonical(certificate)))
    .setProtectedHeader({ alg: "ES256", typ: CERTIFICATE_TYP, kid: key.thumbprint, jwk: key.publicJwk })
    .sign(privateKey);
  return { certificate, jws };
}

/** The file's text: the readable facts first, then the JWS. */
export const certificateText = (file: CertificateFile): string => `${JSON.stringify(file, null, 2)}\n`;
