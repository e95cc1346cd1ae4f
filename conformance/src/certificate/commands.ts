// The certificate's two command-line steps, kept out of cli.ts: after a run, certify it when it is conformant (and
// say plainly why not otherwise); and `verify-certificate`, which prints what a valid certificate covers or exits 8
// with the precise reason. Problems with the command line itself throw CertificateOptionError (exit 6).
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { RunReport } from "../reporters/report-model.ts";
import type { ProfileId } from "../model.ts";
import { EXIT } from "../rollup.ts";
import { packageVersion } from "../package-version.ts";
import type { Jwks } from "../transfer/signed-json.ts";
import { CertificateOptionError, declaredStandard, issueCertificate, type PreparedCertificate } from "./issue.ts";
import { coverageText, verifyCertificate } from "./verify.ts";

type Write = (s: string) => void;

/** After the run: the certificate for a conformant run, or a clear "no certificate" and the run's own exit code. */
export async function certifyRun(
  certificate: PreparedCertificate,
  run: { report: RunReport; reportDir: string; baseUrl: string; profiles: readonly ProfileId[]; timeoutMs: number },
  err: Write,
): Promise<number> {
  const { report } = run;
  if (report.summary.verdict !== "conformant") {
    err(
      `no certificate written: the run is ${report.summary.verdict} (a certificate is issued only for a conformant run)\n`,
    );
    return report.summary.exitCode;
  }
  // The digest is taken of the report.json as written, the file a buyer will be given.
  const reportText = readFileSync(join(run.reportDir, "report.json"), "utf8");
  const declared = run.profiles.some((p) => p !== "documents")
    ? await declaredStandard(run.baseUrl, run.timeoutMs)
    : undefined;
  for (const f of await issueCertificate(certificate, report, reportText, declared)) err(`wrote ${f}\n`);
  if (certificate.generatedKeyFile)
    err(
      `the certificate is signed with a new key, saved in ${certificate.generatedKeyFile}: keep it private (never publish it) and pass it as --key next time\n`,
    );
  return report.summary.exitCode;
}

/** The trusted keys for verify-certificate --jwks: a JWKS (or one JWK) from a file or an http(s) URL. */
async function trustedKeys(source: string): Promise<Jwks> {
  let raw: unknown;
  try {
    if (/^https?:\/\//u.test(source)) {
      const res = await fetch(source, { signal: AbortSignal.timeout(10_000), headers: { accept: "application/json" } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      raw = await res.json();
    } else raw = JSON.parse(readFileSync(source, "utf8"));
  } catch (e) {
    throw new CertificateOptionError(
      `--jwks ${source}: cannot read keys (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const obj = raw as { keys?: unknown; kty?: unknown } | null;
  if (Array.isArray(obj?.keys)) return { keys: obj.keys as Jwks["keys"] };
  if (typeof obj?.kty === "string") return { keys: [obj as Jwks["keys"][number]] };
  throw new CertificateOptionError(`--jwks ${source}: neither a JWKS ({"keys": [...]}) nor a JWK`);
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new CertificateOptionError(
      `${what} ${path}: cannot read it (${typeof code === "string" ? code : String(e)})`,
    );
  }
}

/** verify-certificate FILE [--report report.json] [--jwks FILE|URL]: exit 0 and what it covers, or 8 and why not. */
export async function verifyCertificateCommand(
  args: { positionals: readonly string[]; report: string | undefined; jwks: string | undefined },
  out: Write,
  err: Write,
): Promise<number> {
  if (args.positionals.length !== 1)
    throw new CertificateOptionError("verify-certificate needs exactly one certificate FILE (.json or .html)");
  const file = args.positionals[0]!;
  const text = readText(file, "verify-certificate");
  // --report takes report.json or, as `run --report` does, the folder holding it.
  const reportFile =
    args.report !== undefined && statSync(args.report, { throwIfNoEntry: false })?.isDirectory()
      ? join(args.report, "report.json")
      : args.report;
  const reportText = reportFile === undefined ? undefined : readText(reportFile, "--report");
  const trusted = args.jwks === undefined ? undefined : { jwks: await trustedKeys(args.jwks), source: args.jwks };
  const v = await verifyCertificate(text, {
    installedVersion: packageVersion(),
    now: new Date(),
    ...(trusted ? { trusted } : {}),
    ...(reportText !== undefined ? { reportText } : {}),
  });
  if (!v.ok) {
    err(`NOT VALID — ${file}: ${v.code}: ${v.message}\n`);
    return EXIT.certificateInvalid;
  }
  out(coverageText(v));
  return 0;
}
