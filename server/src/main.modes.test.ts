// The two modes of `npm start`, tested by starting the real process (node --import tsx server/src/main.ts) and
// reading its output and probing it: the demo binds loopback, says on every start that it is a demo, and keeps its
// data directory 0700 with every file 0600 (tightening one left loose); production refuses to start without its
// identity provider and key-encryption key, naming each missing setting, and once configured accepts the provider's
// tokens, never the dev signer's, prints no token and loads no demo data.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ROLES } from "../../spec/roles.ts";
import { startTestIdp } from "../test-support/oidc-provider.ts";
import { loadOrCreateDevSigner } from "./auth/dev-signer.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BANNER = "DEMO MODE: NOT FOR REAL DATA";
const temp: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "main-modes-"));
  temp.push(d);
  return d;
}

/** The environment of a fresh start: none of the settings under test inherited from the test runner. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env))
    if (/^(OIDC_|KEY_ENCRYPTION_KEY|HOST$|PORT$|DATA_DIR$|DATABASE_URL$|NODE_ENV$|TRANSFER_CONFIG$)/.test(k))
      delete env[k];
  return { ...env, PORT: "0", ...extra };
}

interface Started {
  output: () => string;
  listening: Record<string, unknown>;
  url: string;
  stop(): Promise<void>;
}

/** Starts main.ts and waits for its "listening" line. */
async function start(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (out += b.toString()));
  const listening = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 110_000);
    const check = () => {
      const line = out.split("\n").find((l) => l.includes('"msg":"listening"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Record<string, unknown>);
      }
    };
    child.stdout!.on("data", check);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  // In the demo the tokens follow the listening line; wait for the closing banner so the output is complete.
  if (listening.mode === "demo") {
    for (let i = 0; i < 200 && out.split(BANNER).length < 3; i++) await new Promise((r) => setTimeout(r, 50));
  }
  const port = /:(\d+)$/.exec(String(listening.url))![1];
  return {
    output: () => out,
    listening,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Runs main.ts expecting it to refuse: exit status and everything it printed. */
function refusal(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on("data", (b: Buffer) => (stderr += b.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every entry under dir with a mode other than 0700 (directories) / 0600 (files). */
function looseModes(dir: string): string[] {
  const loose: string[] = [];
  const walk = (p: string) => {
    const st = lstatSync(p);
    const mode = st.mode & 0o777;
    if (st.isDirectory()) {
      if (mode !== 0o700) loose.push(`${p} ${mode.toString(8)}`);
      for (const n of readdirSync(p)) walk(join(p, n));
    } else if (st.isFile() && mode !== 0o600) loose.push(`${p} ${mode.toString(8)}`);
  };
  walk(dir);
  return loose;
}

function countFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(join(dir, e.name)) : 1;
  return n;
}

const nonLoopbackAddress = (): string | undefined =>
  Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

describe("demo mode (npm start with no configuration)", { timeout: 300_000 }, () => {
  it("binds loopback, says it is a demo on every start, and keeps its data 0700/0600, tightening a loose directory", async () => {
    const dataDir = join(tempDir(), "data");
    const env = cleanEnv({ DATA_DIR: dataDir });
    const first = await start(env);
    try {
      expect(first.listening).toMatchObject({ mode: "demo", host: "127.0.0.1" });
      // The banner comes before anything else is printed, and again after the tokens.
      expect(first.output().trimStart()).toMatch(/^=+\n {2}DEMO MODE: NOT FOR REAL DATA/);
      expect(first.output().indexOf(BANNER)).toBeLessThan(first.output().indexOf('"msg":"listening"'));
      expect(first.output().split(BANNER).length - 1).toBe(2);
      const token = /\n {2}setting-staff {2}.*\n {2}(\S+)\n/.exec(first.output())?.[1];
      expect(token).toBeTruthy();
      const res = await fetch(`${first.url}/isps`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      // Nothing answers on another interface.
      const other = nonLoopbackAddress();
      if (other) await expect(fetch(`http://${other}:${new URL(first.url).port}/healthz`)).rejects.toThrow();
      expect(looseModes(dataDir)).toEqual([]);
      expect(countFiles(dataDir)).toBeGreaterThan(100); // PGlite's files are among those checked
    } finally {
      await first.stop();
    }
    expect(looseModes(dataDir)).toEqual([]); // files written while running and on shutdown too
    // An earlier version's world-readable directory is tightened on the next start.
    const loosen = (p: string) => {
      const st = lstatSync(p);
      chmodSync(p, st.isDirectory() ? 0o777 : 0o666);
      if (st.isDirectory()) for (const n of readdirSync(p)) loosen(join(p, n));
    };
    loosen(dataDir);
    expect(looseModes(dataDir).length).toBeGreaterThan(100);
    const second = await start(env);
    try {
      expect(second.output().split(BANNER).length - 1).toBe(2); // every start, not only the first
      expect(looseModes(dataDir)).toEqual([]);
      // The demo data is not loaded again (a marker says it is there), and is still served with the new tokens.
      const token = /\n {2}setting-staff {2}.*\n {2}(\S+)\n/.exec(second.output())?.[1];
      const res = await fetch(`${second.url}/isps`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
      expect(second.listening).toMatchObject({ demoRecordsLoaded: 0 });
    } finally {
      await second.stop();
    }
  });

  it("a busy port is one line and exit 2 at once, before the database is opened (no EADDRINUSE stack)", async () => {
    const blocker = createNetServer();
    await new Promise<void>((ok) => blocker.listen(0, "127.0.0.1", ok));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const dataDir = join(tempDir(), "data");
      const r = await refusal(cleanEnv({ DATA_DIR: dataDir, PORT: String(port) }));
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(
        `Cannot start the SEND Interchange server: port ${port} on 127.0.0.1 is already in use (is ` +
          `another server running?): stop it, or start with PORT=<a free port>`,
      );
      expect(existsSync(join(dataDir, "pglite"))).toBe(false); // refused before opening anything
    } finally {
      await new Promise((ok) => blocker.close(ok));
    }
  });

  it("refuses identity-provider settings without NODE_ENV=production (they would silently do nothing)", async () => {
    const r = await refusal(cleanEnv({ DATA_DIR: join(tempDir(), "data"), OIDC_ISSUER: "https://idp.example" }));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/OIDC_ISSUER set without NODE_ENV=production/);
  });
});

describe("production mode (NODE_ENV=production)", { timeout: 300_000 }, () => {
  it("refuses to start without its settings, naming each, in one message with no stack, creating nothing", async () => {
    const dataDir = join(tempDir(), "data");
    const r = await refusal(cleanEnv({ NODE_ENV: "production", DATA_DIR: dataDir }));
    expect(r.code).toBe(2);
    for (const name of ["OIDC_ISSUER", "OIDC_AUDIENCE", "KEY_ENCRYPTION_KEY"])
      expect(r.stderr).toContain(`${name} is missing`);
    expect(r.stderr).toMatch(/^Refusing to start in production mode/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack
    expect(r.stdout).toBe(""); // no banner, no token
    expect(existsSync(dataDir)).toBe(false);
  });

  it("names a setting that is present but wrong", async () => {
    const r = await refusal(
      cleanEnv({
        NODE_ENV: "production",
        OIDC_ISSUER: "http://idp.example.org",
        OIDC_AUDIENCE: "api",
        KEY_ENCRYPTION_KEY: "short",
      }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/OIDC_ISSUER must be https/);
    expect(r.stderr).toMatch(/KEY_ENCRYPTION_KEY is not a 32-byte key/);
    expect(r.stderr).not.toMatch(/OIDC_AUDIENCE/);
  });

  it("with an identity provider: accepts its tokens, never the dev signer's, prints no token, loads no demo data", async () => {
    const audience = "urn:send-interchange:production-test";
    const scopes = [...new Set(ROLES.flatMap((r) => r.scopes))];
    const idp = await startTestIdp({
      audience,
      scopes,
      clients: [
        {
          clientId: "mis",
          secret: "production-test-client-secret-0123456789",
          claims: { send_role: "system-integration", setting_urn: "152984" },
        },
        { clientId: "dfe", secret: "production-test-client-secret-0123456789", claims: { send_role: "dfe-publisher" } },
      ],
    });
    const dataDir = join(tempDir(), "data");
    // A dev signer left in DATA_DIR by an earlier demo run: production must not trust it.
    const demoDir = join(tempDir(), "demo");
    const devSigner = await loadOrCreateDevSigner(demoDir);
    cpSync(demoDir, dataDir, { recursive: true });
    const server = await start(
      cleanEnv({
        NODE_ENV: "production",
        DATA_DIR: dataDir,
        OIDC_ISSUER: idp.issuer,
        OIDC_AUDIENCE: audience,
        KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      }),
    );
    try {
      expect(server.listening).toMatchObject({ mode: "production", host: "127.0.0.1", issuer: idp.issuer, audience });
      expect(server.output()).not.toContain(BANNER);
      expect(server.output()).not.toMatch(/eyJ[A-Za-z0-9_-]+\./); // no token of any kind
      const mis = await idp.clientCredentials("mis");
      const isps = await fetch(`${server.url}/isps`, { headers: { authorization: `Bearer ${mis}` } });
      expect(isps.status).toBe(200);
      expect(((await isps.json()) as { items: unknown[] }).items).toEqual([]); // no demo data
      const settings = await fetch(`${server.url}/settings`, {
        headers: { authorization: `Bearer ${await idp.clientCredentials("dfe")}` },
      });
      expect(((await settings.json()) as { items: unknown[] }).items).toEqual([]);
      const dev = await devSigner.sign(
        { sub: "demo-mis", send_role: "system-integration", setting_urn: "152984" },
        { expiresIn: "10m" },
      );
      const refused = await fetch(`${server.url}/isps`, { headers: { authorization: `Bearer ${dev}` } });
      expect(refused.status).toBe(401);
      expect(looseModes(dataDir)).toEqual([]);
      expect(existsSync(join(dataDir, "key-encryption.key"))).toBe(false); // production's key comes from configuration
    } finally {
      await server.stop();
      await idp.close();
    }
  });
});
