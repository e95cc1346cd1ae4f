// Start-up of `npm start` (issue 12, "the first hour"): the real command (`node --import tsx server/src/main.ts`) as
// its own process, on a fresh DATA_DIR (first start) and again on the same DATA_DIR (second start), several times.
// For each start: time to the "listening" log line, time to the first authenticated request answered 200 (with the
// setting-staff token the server prints), the time of each progress line, and the process's peak RSS (VmHWM from
// /proc at the end; the esbuild service tsx runs is a separate process and is not counted). Baseline in the same run:
// a bare Hono server in plain `node -e` (time to listening and to its first 200, its peak RSS). Medians are printed
// as a markdown table, with ratios to the baseline.
//
//   npx tsx bench/start.ts          (BENCH_START_RUNS=3 fresh directories, each started BENCH_START_SECOND_STARTS=2 more times)
//   BENCH_START_COMPARE=/tmp/before npx tsx bench/start.ts   (also an older checkout, interleaved with this one)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
const SECOND_STARTS = Number(process.env.BENCH_START_SECOND_STARTS ?? 2);
const TIMEOUT_MS = 180_000;

interface Start {
  listeningMs: number;
  firstOkMs: number;
  peakRssMiB: number;
  /** User + system CPU seconds of the server process (all its threads) up to the first 200: unlike wall time, barely
   *  affected by other work on a shared machine (but blind to what runs in parallel). */
  cpuS: number;
  /** Milliseconds from spawn to each progress line, by its message. */
  phases: Record<string, number>;
}

const BASELINE = `
const { serve } = require("@hono/node-server");
const { Hono } = require("hono");
const app = new Hono();
app.get("/isps", (c) => (c.req.header("authorization") === "Bearer t" ? c.json({ items: [] }) : c.json({}, 401)));
serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  console.log(JSON.stringify({ msg: "listening", url: "http://127.0.0.1:" + info.port }));
  console.log("\\n  setting-staff  {}\\n  t\\n");
});
process.on("SIGTERM", () => process.exit(0));
`;

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in USER_HZ ticks
}

function peakRssMiB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Starts one server, waits for listening and for a 200 with the printed setting-staff token, then stops it. */
async function startOnce(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Start> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  const phases: Record<string, number> = {};
  let listeningMs = NaN;
  let url: string | undefined;
  let token: string | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no token after ${TIMEOUT_MS} ms:\n${out}\n${err}`)), TIMEOUT_MS);
    child.stderr!.on("data", (b: Buffer) => (err += b.toString()));
    child.stdout!.on("data", (b: Buffer) => {
      const now = performance.now() - t0;
      const before = out;
      out += b.toString();
      // Time every complete new line (a chunk may end mid-line; its line is timed when it completes).
      const done = before.lastIndexOf("\n") + 1;
      for (const line of out.slice(done, out.lastIndexOf("\n") + 1).split("\n")) {
        if (!line.startsWith("{")) continue;
        try {
          const msg = (JSON.parse(line) as { msg?: string; url?: string }).msg;
          if (msg && !(msg in phases) && Number.isNaN(listeningMs)) phases[msg] = now;
          if (msg === "listening") {
            listeningMs = now;
            url = (JSON.parse(line) as { url: string }).url;
          }
        } catch {
          /* not a log line */
        }
      }
      const m = /\n {2}setting-staff .*\n {2}(\S+)\n/.exec(out);
      if (m && !token) {
        token = m[1];
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}\n${err}`)));
  });
  await ready;
  let status = 0;
  while (status !== 200) {
    status = (await fetch(`${url}/isps`, { headers: { authorization: `Bearer ${token}` } })).status;
    if (status !== 200 && performance.now() - t0 > TIMEOUT_MS) throw new Error(`GET /isps answered ${status}`);
  }
  const firstOkMs = performance.now() - t0;
  const peak = peakRssMiB(child.pid!);
  const cpuS = cpuSeconds(child.pid!);
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
  return { listeningMs, firstOkMs, peakRssMiB: peak, cpuS, phases };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env))
    if (/^(OIDC_|KEY_ENCRYPTION_KEY|HOST$|PORT$|DATA_DIR$|DATABASE_URL$|NODE_ENV$|TRANSFER_CONFIG$)/.test(k))
      delete env[k];
  return { ...env, PORT: "0", ...extra };
}

/** Checkouts to start: this one, and any given in BENCH_START_COMPARE (comma-separated roots of other checkouts of
 *  this repository, e.g. the commit before a change, with node_modules linked in) measured interleaved with it. */
const ARGS = ["--import", "tsx", "server/src/main.ts"]; // what `npm start` runs
const ROOTS = [ROOT, ...(process.env.BENCH_START_COMPARE ?? "").split(",").filter(Boolean)];

async function main(): Promise<void> {
  const baseline: Start[] = [];
  const first = new Map<string, Start[]>(ROOTS.map((r) => [r, []]));
  const second = new Map<string, Start[]>(ROOTS.map((r) => [r, []]));
  const temp: string[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      // Interleaved, so a change in the machine's load hits every case alike.
      baseline.push(await startOnce(ROOT, ["-e", BASELINE], cleanEnv({})));
      const envs = new Map<string, NodeJS.ProcessEnv>();
      for (const root of ROOTS) {
        const dir = mkdtempSync(join(tmpdir(), "send-bench-start-"));
        temp.push(dir);
        envs.set(root, cleanEnv({ DATA_DIR: join(dir, "data") }));
        first.get(root)!.push(await startOnce(root, ARGS, envs.get(root)!));
      }
      for (let i = 0; i < SECOND_STARTS; i++) {
        for (const root of ROOTS) second.get(root)!.push(await startOnce(root, ARGS, envs.get(root)!));
      }
      for (const root of ROOTS) {
        const f = first.get(root)!.at(-1)!;
        const s = second.get(root)!.at(-1)!;
        process.stderr.write(
          `run ${run + 1}/${RUNS} ${root}: first ${(f.firstOkMs / 1000).toFixed(1)} s ${f.peakRssMiB.toFixed(0)} MiB, ` +
            `second ${(s.firstOkMs / 1000).toFixed(1)} s ${s.peakRssMiB.toFixed(0)} MiB\n`,
        );
      }
    }
  } finally {
    for (const d of temp) rmSync(d, { recursive: true, force: true });
  }
  const bOk = median(baseline.map((x) => x.firstOkMs));
  const bCpu = median(baseline.map((x) => x.cpuS));
  const bRss = median(baseline.map((x) => x.peakRssMiB));
  const line = (name: string, xs: Start[], target: string) => {
    const l = median(xs.map((x) => x.listeningMs));
    const ok = median(xs.map((x) => x.firstOkMs));
    const rss = median(xs.map((x) => x.peakRssMiB));
    const cpu = median(xs.map((x) => x.cpuS));
    return `| ${name} | ${xs.length} | ${(l / 1000).toFixed(2)} | ${(ok / 1000).toFixed(2)} | ${(ok / bOk).toFixed(1)}× | ${cpu.toFixed(2)} | ${(cpu / bCpu).toFixed(1)}× | ${rss.toFixed(0)} | ${(rss / bRss).toFixed(1)}× | ${target} |`;
  };
  const label = (root: string) => (ROOTS.length === 1 ? "" : root === ROOT ? " (this checkout)" : ` (${root})`);
  console.log(`Node ${process.version}, ${RUNS} fresh data directories per checkout; medians.\n`);
  console.log(
    "| start | runs | to listening (s) | to first 200 (s) | ÷ baseline | CPU to first 200 (s) | ÷ baseline | peak RSS (MiB) | ÷ baseline | target |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  console.log(line("baseline: bare Hono in `node -e`", baseline, ""));
  for (const root of ROOTS) {
    const secondOk = median(second.get(root)!.map((x) => x.firstOkMs));
    console.log(line(`first start (fresh DATA_DIR)${label(root)}`, first.get(root)!, ""));
    console.log(
      line(
        `second start (same DATA_DIR)${label(root)}`,
        second.get(root)!,
        `≤ 5 s: ${secondOk <= 5000 ? "met" : "**not met**"}`,
      ),
    );
  }
  // Where the time goes: median time from spawn to each progress line up to "listening".
  for (const root of ROOTS) {
    const f = first.get(root)!;
    const s = second.get(root)!;
    const names = [...new Set([...f, ...s].flatMap((x) => Object.keys(x.phases)))];
    console.log(`\n| progress line${label(root)} | first start (s) | second start (s) |`);
    console.log("|---|---:|---:|");
    for (const n of names) {
      const at = (xs: Start[]) => {
        const v = xs.map((x) => x.phases[n]).filter((x): x is number => x !== undefined);
        return v.length ? (median(v) / 1000).toFixed(2) : "–";
      };
      console.log(`| ${n} | ${at(f)} | ${at(s)} |`);
    }
  }
}

await main();
