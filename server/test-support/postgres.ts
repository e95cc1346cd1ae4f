// A throwaway PostgreSQL cluster for tests: initdb into a temp dir, start on a free loopback port, stop and delete.
// PostgreSQL refuses to run as root, so as root every server command runs via `runuser -u postgres`.
// Missing binaries FAIL the test run on purpose: CI installs Debian's postgresql, and a silent skip would hide that.
import { execFile, execFileSync } from "node:child_process";
import { accessSync, constants, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export interface TestPostgres {
  /** postgres://app@127.0.0.1:<port>/postgres */
  url: string;
  /** Creates a new empty database on this cluster and returns its URL (one per test store keeps tests apart). */
  newDatabaseUrl(): Promise<string>;
  /** Stops the server and deletes its files. */
  stop(): Promise<void>;
}

/** Directory holding initdb and pg_ctl: PATH first, then Debian's /usr/lib/postgresql/<newest>/bin. */
export function findPostgresBinDir(searchPath = process.env.PATH ?? "", debianRoot = "/usr/lib/postgresql"): string {
  const candidates = [...searchPath.split(delimiter).filter(Boolean), ...listDebianBinDirs(debianRoot)];
  for (const dir of candidates) {
    if (isExecutable(join(dir, "initdb")) && isExecutable(join(dir, "pg_ctl"))) return dir;
  }
  throw new Error(
    "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin. " +
      "Install Debian's PostgreSQL: apt-get update && apt-get install -y postgresql (or postgresql-15).",
  );
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "send-pg-"));
  const dataDir = join(dir, "data");
  const sockDir = join(dir, "sock");
  mkdirSync(sockDir);
  if (asRoot) chownRecursive(dir, "postgres");
  // As root, wrap every server command in runuser; otherwise run it directly.
  const cmd = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args]] : [join(bin, tool), args];

  const port = await freePort();
  const stopArgs = cmd("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
  let stopped = false;
  // Safety net: if the test process exits without calling stop(), do not leave a server running.
  const onExit = (): void => {
    if (stopped) return;
    try {
      execFileSync(stopArgs[0], stopArgs[1], { stdio: "ignore" });
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", onExit);

  try {
    await run(
      ...cmd("initdb", ["-D", dataDir, "-A", "trust", "-U", "app", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]),
    );
    const serverOpts = `-p ${port} -k ${sockDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await run(...cmd("pg_ctl", ["-D", dataDir, "-l", join(dir, "pg.log"), "-w", "-o", serverOpts, "start"]));
  } catch (err) {
    onExit();
    process.removeListener("exit", onExit);
    throw new Error(`could not start a test PostgreSQL in ${dir}: ${(err as Error).message}`);
  }

  const url = `postgres://app@127.0.0.1:${port}/postgres`;
  let dbCounter = 0;
  return {
    url,
    async newDatabaseUrl() {
      const name = `t_${process.pid}_${++dbCounter}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://app@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener("exit", onExit);
      await run(...stopArgs).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function listDebianBinDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(root, v, "bin"));
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function chownRecursive(dir: string, user: string): void {
  const uid = Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim());
  chownSync(dir, uid, gid);
  for (const entry of readdirSync(dir, { recursive: true })) chownSync(join(dir, String(entry)), uid, gid);
}

/** Asks the OS for an unused port. Another process could take it before postgres binds; tests accept that small race. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}
