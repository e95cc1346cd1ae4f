// The reference server as the suite's end-to-end tests meet it: started as its own process the README way (PGlite in
// a temporary DATA_DIR, 127.0.0.1, port 0), with the suite's loopback receiver registered in TRANSFER_CONFIG as a
// vendor would register it; and the send-conformance CLI run as a vendor runs it. Test support only.
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { freePort } from "../../server/src/transfers/child-server.ts";
import { trustRegistration } from "../src/transfer/suite-receiver-setting.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "conformance/bin/send-conformance.js");
const run = promisify(execFile);

export interface ReferenceProcess {
  baseUrl: string;
  dataDir: string;
  /** Port of the suite's loopback receiver, as registered with the server. */
  loopbackPort: number;
  stop(): Promise<void>;
}

/** Starts `server/src/main.ts` and resolves once it logs that it is listening. */
export async function startReferenceProcess(name: string): Promise<ReferenceProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), `conformance-${name}-`));
  const loopbackPort = await freePort();
  const transferConfig = JSON.stringify(trustRegistration({ transfers: { loopbackPort } }));
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", TRANSFER_CONFIG: transferConfig },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 110_000);
    server.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /"msg":"listening"[^\n]*"url":"http:\/\/[^:]+:(\d+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return {
    baseUrl,
    dataDir,
    loopbackPort,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once("exit", r));
        server.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs the send-conformance CLI; a non-zero exit is returned, not thrown. */
export async function conformanceCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
