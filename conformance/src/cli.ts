// send-conformance: the command line. Commands: run, validate, verify-certificate, reference-config,
// trust-registration, coverage, ids. Exit codes (src/rollup.ts EXIT): 0 conformant; 3 a MUST test failed; 4 incomplete
// (a test errored); 5 bad configuration; 6 bad command line; 7 base URL unreachable; 8 certificate not valid; 1 crash
// of the suite itself.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig, parseConfig, type SuiteConfig } from "./config.ts";
import { PROFILE_IDS, type ProfileId } from "./model.ts";
import { ALL_TESTS, IMPLEMENTED_PROFILES } from "./profiles/index.ts";
import { collectDocumentFiles } from "./profiles/documents.ts";
import { runTests, selectTests } from "./runner.ts";
import { coverage, loadRequirements } from "./requirements.ts";
import { buildReport } from "./reporters/report-model.ts";
import { writeReports } from "./reporters/write-reports.ts";
import { progressLine, summaryText } from "./reporters/console.ts";
import { EXIT } from "./rollup.ts";
import { packageVersion } from "./package-version.ts";
import { referenceConfig } from "./reference-config.ts";
import { trustRegistration } from "./transfer/suite-receiver-setting.ts";
import { CertificateOptionError, prepareCertificate, type PreparedCertificate } from "./certificate/issue.ts";
import { certifyRun, verifyCertificateCommand } from "./certificate/commands.ts";

const USAGE = `send-conformance — SEND Interchange conformance suite

  send-conformance --help | --version
  send-conformance run --config FILE [--base-url URL] [--profile a,b] [--schema-version V] [--report DIR]
        [--certificate FILE [--key JWK-FILE] [--jwks-url URL]
                            [--implementation-name NAME] [--implementation-version VERSION]]
  send-conformance verify-certificate FILE [--report report.json] [--jwks FILE|URL]
  send-conformance validate <file|dir>...  [--report DIR]
  send-conformance reference-config --base-url URL --data-dir DIR [--loopback-port N]
  send-conformance trust-registration [--config FILE | --loopback-port N]
  send-conformance coverage
  send-conformance ids

Profiles: ${IMPLEMENTED_PROFILES.join(", ")}.
Exit codes: 0 conformant · 3 a MUST test failed · 4 incomplete (a test errored) · 5 bad configuration ·
6 bad command line · 7 base URL unreachable · 8 certificate not valid · 1 internal error.
`;

class UsageError extends Error {}

/**
 * mkdir -p one level at a time. Node 20's `mkdirSync(dir, { recursive: true })` never returns for some paths under
 * /proc (it retries ENOENT forever at full CPU), so the recursion is ours and stops at the first refusal.
 */
function makeDirs(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDirs(parent);
  mkdirSync(dir);
}

/**
 * The report folder is checked before the run, not after it: a run can take minutes, and a path that cannot be
 * written (a typo, a read-only mount, /proc) must fail at once with a usage error instead of losing the results.
 */
function writableReportDir(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const dir = resolve(raw);
  const probe = join(dir, `.send-conformance-write-check-${process.pid}`);
  try {
    makeDirs(dir);
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new UsageError(
      `--report ${raw}: cannot write reports there (${typeof code === "string" ? code : e instanceof Error ? e.message : String(e)})`,
    );
  }
  return dir;
}

function loopbackPortOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(`--loopback-port ${raw} is not a port number`);
  return n;
}

const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(s);

function parseProfiles(raw: string | undefined, cfg: SuiteConfig): ProfileId[] {
  if (!raw) return cfg.capabilities.profiles.filter((p) => (IMPLEMENTED_PROFILES as readonly string[]).includes(p));
  const list = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const p of list) {
    if (!PROFILE_IDS.includes(p as ProfileId))
      throw new UsageError(`unknown profile "${p}" (known: ${PROFILE_IDS.join(", ")})`);
    if (!(IMPLEMENTED_PROFILES as readonly string[]).includes(p))
      throw new UsageError(`profile "${p}" has no tests in this version of the suite`);
  }
  return list as ProfileId[];
}

async function reachable(baseUrl: string): Promise<string | undefined> {
  try {
    await fetch(baseUrl, { signal: AbortSignal.timeout(10_000) });
    return undefined;
  } catch (e) {
    return e instanceof Error ? `${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ""}` : String(e);
  }
}

async function execute(
  cfg: SuiteConfig,
  profiles: ProfileId[],
  reportDir: string | undefined,
  quiet: boolean,
  certificate?: PreparedCertificate,
): Promise<number> {
  const started = new Date();
  const catalogue = loadRequirements();
  const results = await runTests(ALL_TESTS, cfg, {
    profiles,
    onResult: quiet ? undefined : (r, d, t) => err(progressLine(r, d, t)),
  });
  const report = buildReport({
    config: cfg,
    profiles,
    results,
    startedAt: started,
    finishedAt: new Date(),
    catalogue,
    coverage: coverage(ALL_TESTS, catalogue),
  });
  if (reportDir) for (const f of writeReports(resolve(reportDir), report)) err(`wrote ${f}\n`);
  err(summaryText(report.summary));
  if (certificate && reportDir)
    return certifyRun(
      certificate,
      {
        report,
        reportDir: resolve(reportDir),
        baseUrl: cfg.baseUrl,
        profiles,
        timeoutMs: cfg.http?.timeoutMs ?? 15_000,
      },
      err,
    );
  return report.summary.exitCode;
}

export async function main(argv: string[]): Promise<number> {
  // Options may come before or after the command (`send-conformance --help`, `send-conformance run --help`).
  const { values, positionals: words } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: "string" },
      "base-url": { type: "string" },
      "schema-version": { type: "string" },
      profile: { type: "string" },
      report: { type: "string" },
      "data-dir": { type: "string" },
      "loopback-port": { type: "string" },
      certificate: { type: "string" },
      key: { type: "string" },
      "jwks-url": { type: "string" },
      jwks: { type: "string" },
      "implementation-name": { type: "string" },
      "implementation-version": { type: "string" },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" },
    },
  });
  const [command, ...positionals] = words;
  if (values.version) {
    out(`${packageVersion()}\n`);
    return 0;
  }
  if (values.help || command === "help") {
    out(USAGE);
    return 0;
  }
  if (command === undefined) {
    err(`send-conformance: missing command\n\n${USAGE}`);
    return EXIT.usage;
  }
  const certificateOnly = ["certificate", "key", "jwks-url", "implementation-name", "implementation-version"] as const;
  if (command !== "run")
    for (const o of certificateOnly)
      if (values[o] !== undefined)
        throw new UsageError(`--${o} belongs to run (with --certificate), not to ${command}`);
  if (command === "run" && values.certificate === undefined)
    for (const o of certificateOnly.slice(1))
      if (values[o] !== undefined) throw new UsageError(`--${o} needs --certificate FILE`);
  if (command === "verify-certificate")
    return verifyCertificateCommand({ positionals, report: values.report, jwks: values.jwks }, out, err);
  if (values.jwks !== undefined) throw new UsageError("--jwks belongs to verify-certificate");
  const reportDir = writableReportDir(values.report);
  switch (command) {
    case "run": {
      if (!values.config) throw new UsageError("run needs --config FILE");
      const cfg = loadConfig(values.config, values["base-url"], values["schema-version"]);
      const profiles = parseProfiles(values.profile, cfg);
      const certificate = values.certificate
        ? await prepareCertificate({
            file: resolve(values.certificate),
            reportDir,
            ...(values.key !== undefined ? { keyFile: values.key } : {}),
            ...(values["jwks-url"] !== undefined ? { jwksUrl: values["jwks-url"] } : {}),
            implementation: {
              name: values["implementation-name"] ?? cfg.implementation?.name,
              version: values["implementation-version"] ?? cfg.implementation?.version,
            },
            ...(profiles.some((p) => p !== "documents")
              ? { discoverAt: { baseUrl: cfg.baseUrl, timeoutMs: cfg.http?.timeoutMs ?? 15_000 } }
              : {}),
          })
        : undefined;
      if (profiles.some((p) => p !== "documents")) {
        const why = await reachable(cfg.baseUrl);
        if (why) {
          err(`cannot reach ${cfg.baseUrl}: ${why}\n`);
          return EXIT.unreachable;
        }
      }
      return execute(cfg, profiles, reportDir, values.quiet ?? false, certificate);
    }
    case "validate": {
      if (positionals.length === 0) throw new UsageError("validate needs at least one file or folder");
      // A typo or an empty folder is a usage error now, not an "incomplete" run later.
      for (const p of positionals) {
        let files: string[];
        try {
          files = collectDocumentFiles([p], process.cwd());
        } catch (e) {
          const code = (e as { code?: unknown }).code;
          throw new UsageError(`validate: cannot read ${p} (${typeof code === "string" ? code : String(e)})`);
        }
        if (files.length === 0) throw new UsageError(`validate: no *.json file in ${p}`);
      }
      // The documents profile needs no server: a config with only the document set.
      const cfg = parseConfig(
        {
          baseUrl: "http://offline.invalid",
          tenants: [
            {
              name: "offline",
              setting: { urn: "100000", laCode: "100", laestab: "1000000", name: "offline" },
              credentials: {},
            },
            {
              name: "offline-2",
              setting: { urn: "100001", laCode: "101", laestab: "1010000", name: "offline" },
              credentials: {},
            },
          ],
          capabilities: { profiles: ["documents"], resources: [] },
          documents: { paths: positionals.map((p) => resolve(p)) },
        },
        process.cwd(),
      );
      return execute(cfg, ["documents"], reportDir, values.quiet ?? false);
    }
    case "reference-config": {
      if (!values["base-url"] || !values["data-dir"])
        throw new UsageError("reference-config needs --base-url URL and --data-dir DIR");
      try {
        out(
          `${JSON.stringify(await referenceConfig(values["base-url"], values["data-dir"], { loopbackPort: loopbackPortOf(values["loopback-port"]) }), null, 2)}\n`,
        );
      } catch (e) {
        err(`${e instanceof Error ? e.message : String(e)}\n`);
        return EXIT.badConfig;
      }
      return 0;
    }
    case "trust-registration": {
      // The settings-directory entry for the suite's loopback receiver (TRANSFER_CONFIG for the reference server).
      const port = loopbackPortOf(values["loopback-port"]);
      const transfers = values.config ? loadConfig(values.config).transfers : port ? { loopbackPort: port } : undefined;
      out(`${JSON.stringify(trustRegistration({ ...(transfers ? { transfers } : {}) }))}\n`);
      return 0;
    }
    case "coverage": {
      const c = coverage(ALL_TESTS, loadRequirements());
      out(
        `Requirements with no test (${c.untested.length}):\n${c.untested.map((r) => `  ${r.id} ${r.level} [${r.area}] ${r.text}`).join("\n")}\n`,
      );
      if (c.deliberate.length)
        out(
          `Deliberately not tested over HTTP (${c.deliberate.length}):\n${c.deliberate.map((d) => `  ${d.requirement}: ${d.reason}`).join("\n")}\n`,
        );
      if (c.unknown.length)
        out(
          `Tests citing unknown requirements:\n${c.unknown.map((u) => `  ${u.testId} → ${u.requirement}`).join("\n")}\n`,
        );
      return c.unknown.length > 0 ? EXIT.badConfig : 0;
    }
    case "ids": {
      out(
        `${selectTests(ALL_TESTS, PROFILE_IDS)
          .map((t) => `${t.id}\t${t.level}\t${t.title}`)
          .join("\n")}\n`,
      );
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Maps every way out of main to an exit code. */
export async function cli(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`${e.message}\n`);
      return EXIT.badConfig;
    }
    if (
      e instanceof UsageError ||
      e instanceof CertificateOptionError ||
      (e instanceof Error && "code" in e && String((e as { code: unknown }).code).startsWith("ERR_PARSE_ARGS"))
    ) {
      err(`${e.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    err(`send-conformance crashed: ${e instanceof Error ? e.stack : String(e)}\n`);
    return EXIT.crash;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("/conformance/src/cli.ts")) {
  cli(process.argv.slice(2)).then((code) => process.exit(code));
}
