// The data directory holds every child's record (PGlite's files), the transfer keys, the dev signer and the demo's
// key-encryption key: only the server's own user may read it. The process umask is set to 077 before anything is
// created, the directory is made 0700, and everything already in it (a directory from an earlier version, PGlite's
// files) is tightened to 0700 directories and 0600 files. PGlite needs the tightening as well as the umask: it
// unpacks its initial database with explicit chmod 0666 calls, which a umask does not mask.
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Creates (or takes over) `dir` for the server: umask 077, the directory and its tree tightened. */
export function secureDataDir(dir: string): void {
  process.umask(0o077);
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  tightenTree(dir);
}

/** Directories 0700, files 0600, under and including `root` (which may itself be a link to the real directory);
 *  symbolic links inside are neither followed nor changed. */
export function tightenTree(root: string): void {
  const st = statSync(root, { throwIfNoEntry: false });
  if (st) tighten(root, st.isDirectory(), st.isFile(), st.mode);
}

function tighten(path: string, isDir: boolean, isFile: boolean, mode: number): void {
  if (isDir) {
    if ((mode & 0o777) !== DIR_MODE) chmodSync(path, DIR_MODE);
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      const st = lstatSync(child, { throwIfNoEntry: false });
      if (st && !st.isSymbolicLink()) tighten(child, st.isDirectory(), st.isFile(), st.mode);
    }
  } else if (isFile && (mode & 0o777) !== FILE_MODE) {
    chmodSync(path, FILE_MODE);
  }
}
