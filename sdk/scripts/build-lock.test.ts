// The build lock with real processes: two holders never overlap, a holder's children re-enter it without waiting,
// and a lock left by a dead process is taken over.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILD_LOCK_ENV } from "./build-lock.ts";

const LOCK_MODULE = fileURLToPath(new URL("./build-lock.ts", import.meta.url));
let dir: string;
let lock: string;
let log: string;

/** A node process that takes the lock, logs "start <tag>", waits `holdMs`, runs `inner` (a command), logs "end <tag>". */
function holderScript(tag: string, holdMs: number, inner = ""): string[] {
  const code = `
    import { appendFileSync } from "node:fs";
    import { spawnSync } from "node:child_process";
    import { withBuildLock } from ${JSON.stringify(LOCK_MODULE)};
    withBuildLock(() => {
      appendFileSync(${JSON.stringify(log)}, "start ${tag}\\n");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${holdMs});
      ${inner}
      appendFileSync(${JSON.stringify(log)}, "end ${tag}\\n");
    }, ${JSON.stringify(lock)});`;
  return ["--import", "tsx", "--input-type=module", "-e", code];
}

const exited = (child: ReturnType<typeof spawn>) => new Promise<number | null>((r) => child.once("exit", r));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "build-lock-"));
  lock = join(dir, "build.lock");
  log = join(dir, "log");
  writeFileSync(log, "");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("withBuildLock", { timeout: 60_000 }, () => {
  it("serialises two processes: one holder ends before the other starts", async () => {
    const env = { ...process.env, [BUILD_LOCK_ENV]: "" };
    const a = spawn(process.execPath, holderScript("a", 800), { env, stdio: "inherit" });
    const b = spawn(process.execPath, holderScript("b", 800), { env, stdio: "inherit" });
    expect(await Promise.all([exited(a), exited(b)])).toEqual([0, 0]);
    const lines = readFileSync(log, "utf8").trim().split("\n");
    const [first, second] = lines[0] === "start a" ? ["a", "b"] : ["b", "a"];
    expect(lines).toEqual([`start ${first}`, `end ${first}`, `start ${second}`, `end ${second}`]);
  });

  it("a child of the holder re-enters the lock instead of waiting for its parent", () => {
    const inner =
      `const r = spawnSync(process.execPath, ${JSON.stringify(holderScript("child", 0))}, { ` +
      `stdio: "inherit" }); if (r.status !== 0) process.exit(9);`;
    const r = spawnSync(process.execPath, holderScript("parent", 0, inner), { encoding: "utf8", timeout: 30_000 });
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual([
      "start parent",
      "start child",
      "end child",
      "end parent",
    ]);
  });

  it("takes over a lock whose holder is no longer running, and removes the lock when done", () => {
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid!;
    mkdirSync(lock);
    writeFileSync(join(lock, "pid"), String(dead));
    const r = spawnSync(process.execPath, holderScript("after", 0), { encoding: "utf8", timeout: 30_000 });
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(readFileSync(log, "utf8")).toBe("start after\nend after\n");
    expect(() => readFileSync(join(lock, "pid"))).toThrow();
  });
});
