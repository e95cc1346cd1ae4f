// One lock for everything that rewrites a package's dist/ in this checkout: the SDK's build, the suite's build (which
// reads sdk/dist, and builds it when missing) and the tests that `npm pack` (whose prepare runs those builds, then
// packs what they wrote). npm runs the workspaces' prepare scripts in parallel, and vitest runs the two packing tests
// in parallel, so without it one build empties a dist/ another is reading. Re-entrant across processes: the holder
// names the lock in SEND_INTERCHANGE_BUILD_LOCK, which the builds it spawns inherit.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const BUILD_LOCK_ENV = "SEND_INTERCHANGE_BUILD_LOCK";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BUILD_LOCK = join(
  tmpdir(),
  `send-interchange-build-${createHash("sha256").update(REPO_ROOT).digest("hex").slice(0, 12)}.lock`,
);

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A lock whose holder is gone (killed mid-build) is stale. */
function stale(lock: string): boolean {
  try {
    const pid = Number(readFileSync(join(lock, "pid"), "utf8"));
    process.kill(pid, 0);
    return false;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ESRCH") return true;
    // No pid file yet: the holder is between mkdir and writing it, unless that was long ago.
    if (code === "ENOENT") {
      try {
        return Date.now() - statSync(lock).mtimeMs > 60_000;
      } catch {
        return false;
      }
    }
    return false;
  }
}

/** Runs fn holding the lock (a folder created atomically); waits while another live process holds it. */
export function withBuildLock<T>(fn: () => T, lock: string = BUILD_LOCK): T {
  if (process.env[BUILD_LOCK_ENV] === lock) return fn();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as { code?: unknown }).code !== "EEXIST") throw error;
      if (stale(lock)) rmSync(lock, { recursive: true, force: true });
      else pause(250);
    }
  }
  try {
    writeFileSync(join(lock, "pid"), String(process.pid));
    process.env[BUILD_LOCK_ENV] = lock;
    return fn();
  } finally {
    delete process.env[BUILD_LOCK_ENV];
    rmSync(lock, { recursive: true, force: true });
  }
}
