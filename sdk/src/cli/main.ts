// `send-interchange`: the command line for the standard. Usage errors exit 2, invalid documents exit 1.
// Every failure is a message, never a stack trace.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { collectJsonFiles } from "./collect-files.ts";
import { packageVersion } from "./package-version.ts";
import { buildJsonReport, formatText, type FileResult } from "./report.ts";
import type { ValidationResult } from "../validate/result.ts";

export const USAGE = `Usage: send-interchange <command> [options]

Commands:
  validate <file|dir>...   Validate SEND Interchange documents (a directory is searched for *.json, recursively)
  bundle pack|verify|unpack|receipt   Signed transfer bundles as files (send-interchange bundle --help)
  keys generate|jwks       ES256 signing and P-256 encryption keys
  ctf import|export        The SEN part of a Common Transfer File
  trust-list create|sign|inspect|diff|check-bundle   Trust lists signed by a trust anchor

Options:
  --json     Print a machine-readable JSON report
  --quiet    Print only errors and the summary
  -h, --help Show this help
  --version  Print the package version

Exit status: 0 all valid, 1 at least one invalid, 2 usage error (including a path that cannot be read or a
directory with no *.json file in it).`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function unreadable(message: string): ValidationResult {
  return {
    valid: false,
    documentType: null,
    schemaVersion: null,
    errors: [{ ruleId: "file.read", severity: "error", pointer: "", message }],
    findings: [],
  };
}

function errorMessage(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return error instanceof Error ? error.message : String(error);
}

async function validateCommand(paths: string[], json: boolean, quiet: boolean, io: CliIo): Promise<number> {
  // Every named path is checked before anything is validated: a typo or an empty folder is a usage error (exit 2),
  // never a silent "all valid".
  const fileLists: string[][] = [];
  for (const path of paths) {
    let files: string[];
    try {
      files = collectJsonFiles(path);
    } catch (error) {
      io.err(`send-interchange validate: cannot read ${path}: ${errorMessage(error)}`);
      return 2;
    }
    if (files.length === 0) {
      io.err(`send-interchange validate: no *.json file in ${path}`);
      return 2;
    }
    fileLists.push(files);
  }
  // Loaded here so `--help` and usage errors work even before `npm run generate` has produced the validators.
  const { validateJson } = await import("../validate/validate.ts");
  const results: FileResult[] = [];
  for (const files of fileLists) {
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        results.push({ file, result: unreadable(`cannot read ${file}: ${errorMessage(error)}`) });
        continue;
      }
      results.push({ file, result: validateJson(text) });
    }
  }
  if (json) io.out(JSON.stringify(buildJsonReport(results), null, 2));
  else for (const line of formatText(results, quiet)) io.out(line);
  return results.every((r) => r.result.valid) ? 0 : 1;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  // Transfer bundles, keys and the CTF bridge have their own options; dispatched before the shared parser.
  if (argv[0] === "bundle" || argv[0] === "keys" || argv[0] === "ctf") {
    const { runBundleCli } = await import("./bundle-commands.ts");
    return runBundleCli(argv, io);
  }
  if (argv[0] === "trust-list") {
    const { runTrustListCli } = await import("./trust-list-commands.ts");
    return runTrustListCli(argv, io);
  }
  const parse = () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", default: false },
      },
    });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    io.err(`send-interchange: ${errorMessage(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === "help") {
    io.out(USAGE);
    return 0;
  }
  if (values.version) {
    io.out(packageVersion());
    return 0;
  }
  if (command === undefined) {
    io.err(`send-interchange: missing command\n\n${USAGE}`);
    return 2;
  }
  if (command !== "validate") {
    io.err(`send-interchange: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  if (rest.length === 0) {
    io.err(`send-interchange validate: missing <file|dir>\n\n${USAGE}`);
    return 2;
  }
  try {
    return await validateCommand(rest, values.json ?? false, values.quiet ?? false, io);
  } catch (error) {
    // E.g. the generated validators are missing: say so plainly.
    io.err(`send-interchange: cannot validate: ${errorMessage(error)}`);
    return 2;
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`send-interchange: internal error: ${errorMessage(error)}\n`);
      process.exitCode = 2;
    },
  );
}
