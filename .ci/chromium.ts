// The one way tests find and drive Chromium. `npm test` installs it first (.ci/system-deps.sh), so a missing browser
// means a broken machine, never a reason to skip: every browser test fails with the same one-line instruction.
import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

export const CHROMIUM_MISSING =
  "Chromium is not installed: run `bash .ci/system-deps.sh` (or `apt-get install -y chromium`), as `npm test` does first.";

const NAMES = ["chromium", "chromium-browser"];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Chromium's path: on PATH, else /usr/bin. Throws CHROMIUM_MISSING when there is none. */
export function chromiumPath(
  searchPath = process.env.PATH ?? "",
  fallbackDirs: readonly string[] = ["/usr/bin"],
): string {
  for (const dir of [...searchPath.split(delimiter).filter(Boolean), ...fallbackDirs])
    for (const name of NAMES) if (executable(join(dir, name))) return join(dir, name);
  throw new Error(CHROMIUM_MISSING);
}

/** Flags for a headless, offline-quiet run with its own profile directory (no sandbox: CI runs as root). */
export function headlessArgs(profileDir: string): string[] {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    `--user-data-dir=${profileDir}`,
  ];
}

/** Runs Chromium headless with `args` after the common flags and returns what it printed (e.g. --dump-dom). */
export function runChromium(
  profileDir: string,
  args: readonly string[],
  options: { timeout?: number; maxBuffer?: number } = {},
): string {
  return execFileSync(chromiumPath(), [...headlessArgs(profileDir), ...args], {
    encoding: "utf8",
    timeout: options.timeout ?? 60_000,
    maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "ignore"],
  });
}
