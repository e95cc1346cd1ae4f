// Benchmark of the reference server (issue §4), in one run:
//   1. baseline: bare Hono returning the same ISP JSON from memory;
//   2. GET ISP (bearer auth + tenancy + audit record), PUT ISP (If-Match, validation, new version, audit) and a
//      search (filters + one audit record per returned plan), on PGlite and on PostgreSQL.
// Each server runs in its own child process (this file with `--serve <target>`), so the autocannon client does not
// share the server's event loop. Prints a markdown table: req/s, ratio to the baseline, p99 at 32 connections.
//
//   node --import tsx bench/server.ts            (BENCH_SECONDS=10 BENCH_CONNECTIONS=32 by default)
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// autocannon ships no type declarations; these are the parts used here.
interface AcRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AcRequest, context: Record<string, unknown>) => AcRequest;
  onResponse?: (
    status: number,
    body: string,
    context: Record<string, unknown>,
    headers?: Record<string, string>,
  ) => void;
}
interface AcOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  requests?: AcRequest[];
}
interface AcResult {
  requests: { average: number; total: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: AcOptions) => Promise<AcResult>;

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const TARGETS = { get: 0.3, put: 0.1, p99: 50 };
/** One markdown table row. */
const tableRow = (cells: readonly (string | number)[]): string => `| ${cells.join(" | ")} |`;

type Target = "baseline" | "pglite" | "postgres";

interface Ready {
  port: number;
  token?: string;
  ispIds: string[];
  etags: string[];
  searchPath?: string;
  /** The seeded child every plan names (a plan may only name a registered child, SI-API-058). */
  childId?: string;
}

// ── server side ──────────────────────────────────────────────────────────────
async function serveTarget(target: Target): Promise<void> {
  const { serve } = await import("@hono/node-server");
  const { Hono } = await import("hono");
  const fixtures = await import("../server/src/testing/fixtures.ts");
  const child = fixtures.newChild(fixtures.TENANT_A);
  const announce = (ready: Ready) => process.stdout.write(`READY ${JSON.stringify(ready)}\n`);

  if (target === "baseline") {
    const isp = fixtures.newIsp(child);
    const app = new Hono();
    app.get("/isps/:id", (c) => c.json(isp));
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      announce({ port: info.port, ispIds: [isp.id as string], etags: [] }),
    );
    process.on("SIGTERM", () => server.close(() => process.exit(0)));
    return;
  }

  const { openStore } = await import("../server/src/storage/open-store.ts");
  const { createApp } = await import("../server/src/app.ts");
  const { createDevSigner } = await import("../server/src/auth/dev-signer.ts");
  let release: (() => Promise<void>) | undefined; // the PostgreSQL cluster or the PGlite data directory
  let store: Awaited<ReturnType<typeof openStore>>;
  if (target === "postgres") {
    const { startPostgres } = await import("../server/test-support/postgres.ts");
    const cluster = await startPostgres();
    release = () => cluster.stop();
    store = await openStore({ databaseUrl: await cluster.newDatabaseUrl() });
  } else {
    // A data directory, as `npm start` uses: in memory, every file the database grows is copied as it grows.
    const dataDir = join(mkdtempSync(join(tmpdir(), "send-bench-server-")), "data");
    release = async () => rmSync(join(dataDir, ".."), { recursive: true, force: true });
    store = await openStore({ dataDir });
  }
  const signer = await createDevSigner();
  // Request logs would dominate the measurement's output; the log line is still built and discarded.
  // Rate limiting off: autocannon sends far more than the default 6,000 a minute with one token, and 429s would be
  // measured instead of the server's work.
  const app = createApp({ store, keys: signer.keys, logSink: () => undefined, rateLimit: { perMinute: 0 } });
  const staff = await signer.sign({
    sub: "bench-staff",
    send_role: "setting-staff",
    setting_urn: fixtures.TENANT_A.settingUrn,
  });
  const publisher = await signer.sign({ sub: "bench-dfe", send_role: "dfe-publisher" });
  const call = (method: string, path: string, token: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  await call("POST", "/settings", publisher, fixtures.settingEntry(fixtures.TENANT_A));
  const registered = await call("POST", "/children", staff, fixtures.childRecord(child));
  if (registered.status !== 201) throw new Error(`seed failed: ${registered.status} ${await registered.text()}`);
  child.childId = ((await registered.json()) as { id: string }).id; // ids are the server's (SI-API-057)
  const ispIds: string[] = [];
  const etags: string[] = [];
  // One plan per connection for the PUT run (so updates do not conflict), plus some to search through.
  for (let i = 0; i < CONNECTIONS + 8; i++) {
    const isp = fixtures.newIsp(child);
    const res = await call("POST", "/isps", staff, isp);
    if (res.status !== 201) throw new Error(`seed failed: ${res.status} ${await res.text()}`);
    ispIds.push(((await res.json()) as { id: string }).id);
    etags.push(res.headers.get("etag")!);
  }
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
    announce({
      port: info.port,
      token: staff,
      ispIds,
      etags,
      searchPath: `/isps?upn=${child.upn}&status=active&limit=10`,
      childId: child.childId,
    }),
  );
  process.on("SIGTERM", () =>
    server.close(async () => {
      await store.close();
      await release?.();
      process.exit(0);
    }),
  );
}

// ── client side ──────────────────────────────────────────────────────────────
// BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server process there (profile while the bench drives it).
const CPU_PROF = process.env.BENCH_CPU_PROF;
// BENCH_ONLY=get,put,search and BENCH_DATABASES=pglite,postgres narrow a run (profiling one path at a time).
const ONLY = new Set((process.env.BENCH_ONLY ?? "get,put,search").split(","));
const DATABASES = (process.env.BENCH_DATABASES ?? "pglite,postgres").split(",") as ("pglite" | "postgres")[];

async function startChild(target: Target): Promise<{ proc: ChildProcess; ready: Ready }> {
  // One file per thread (tsx runs a loader thread too); the largest is the server's main thread.
  const profile = CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir", `${CPU_PROF}/${target}`] : [];
  const proc = spawn(
    process.execPath,
    [...profile, "--import", "tsx", fileURLToPath(import.meta.url), "--serve", target],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: proc.stdout! });
  const ready = await new Promise<Ready>((resolve, reject) => {
    lines.on("line", (line) => {
      if (line.startsWith("READY ")) resolve(JSON.parse(line.slice(6)) as Ready);
    });
    proc.on("exit", (code) => reject(new Error(`${target} server exited with ${code}`)));
  });
  serverPid = proc.pid;
  return { proc, ready };
}

async function stopChild(proc: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    proc.once("exit", () => resolve());
    proc.kill("SIGTERM");
  });
}

interface Row {
  /** Server process CPU per request (µs), from /proc: a load-independent figure on a shared machine. */
  cpuUs?: number;
  scenario: string;
  database: string;
  rps: number;
  /** Mean latency (ms): with every connection always busy it is connections ÷ req/s (Little's law), a floor for p99. */
  mean: number;
  p99: number;
  non2xx: number;
  total: number;
}

/** User + system CPU seconds of a process so far (Linux /proc; undefined elsewhere). */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime (fields 14, 15 of stat)
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = 100; // USER_HZ on Linux

let serverPid: number | undefined;

async function run(url: string, opts: Partial<AcOptions>): Promise<AcResult & { cpuSeconds?: number }> {
  const before = cpuSecondsOf(serverPid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...opts });
  const after = cpuSecondsOf(serverPid);
  return { ...result, ...(before !== undefined && after !== undefined ? { cpuSeconds: after - before } : {}) };
}

function row(scenario: string, database: string, r: AcResult & { cpuSeconds?: number }): Row {
  return {
    scenario,
    database,
    rps: r.requests.average,
    mean: r.latency.average,
    p99: r.latency.p99,
    non2xx: r.non2xx + r.errors + r.timeouts,
    total: r.requests.total,
    ...(r.cpuSeconds !== undefined && r.requests.total > 0 ? { cpuUs: (r.cpuSeconds / r.requests.total) * 1e6 } : {}),
  };
}

async function benchDatabase(target: "pglite" | "postgres", label: string): Promise<Row[]> {
  const { proc, ready } = await startChild(target);
  const base = `http://127.0.0.1:${ready.port}`;
  const auth = { authorization: `Bearer ${ready.token}` };
  try {
    const rows: Row[] = [];
    if (ONLY.has("get"))
      rows.push(row("GET ISP", label, await run(`${base}/isps/${ready.ispIds[0]}`, { headers: auth })));
    if (!ONLY.has("put")) {
      if (ONLY.has("search"))
        rows.push(row("search ISPs", label, await run(`${base}${ready.searchPath}`, { headers: auth })));
      return rows;
    }

    // PUT: every in-flight request holds one plan from a free pool and returns it with the new ETag, so every
    // update is a real, uncontended new version (If-Match, validation, write, audit). (autocannon resets the
    // per-request context between requests, so the plan travels in the context from setup to response.)
    const bodies = new Map<string, string>();
    const fixtures = await import("../server/src/testing/fixtures.ts");
    const free = [...ready.ispIds];
    const etag = new Map<string, string>(ready.ispIds.map((id, i) => [id, ready.etags[i]!]));
    const putResult = await run(base, {
      requests: [
        {
          setupRequest: (req: AcRequest, context: Record<string, unknown>) => {
            const id = free.shift() ?? ready.ispIds[0]!;
            context.id = id;
            if (!bodies.has(id)) {
              const isp = fixtures.newIsp({
                ...fixtures.newChild(fixtures.TENANT_A),
                ...(ready.childId ? { childId: ready.childId } : {}),
              });
              bodies.set(id, JSON.stringify({ ...isp, id, status: "active" }));
            }
            return {
              ...req,
              method: "PUT",
              path: `/isps/${id}`,
              headers: {
                ...auth,
                "content-type": "application/json",
                "if-match": etag.get(id)!,
                "change-reason": "benchmark",
              },
              body: bodies.get(id)!,
            };
          },
          onResponse: (
            _status: number,
            _body: string,
            context: Record<string, unknown>,
            headers?: Record<string, string>,
          ) => {
            const id = context.id as string;
            if (headers?.etag) etag.set(id, headers.etag);
            free.push(id);
          },
        },
      ],
    });
    rows.push(row("PUT ISP", label, putResult));
    if (ONLY.has("search"))
      rows.push(row("search ISPs", label, await run(`${base}${ready.searchPath}`, { headers: auth })));
    return rows;
  } finally {
    await stopChild(proc);
  }
}

const cpuCell = (r: Row): string => (r.cpuUs === undefined ? "-" : r.cpuUs.toFixed(0));

/** The baseline (bare Hono) in its own process: one autocannon run. */
async function measureBaseline(): Promise<Row> {
  const { proc, ready } = await startChild("baseline");
  try {
    return row(
      "bare Hono, ISP from memory",
      "-",
      await run(`http://127.0.0.1:${ready.port}/isps/${ready.ispIds[0]}`, {}),
    );
  } finally {
    await stopChild(proc);
  }
}

async function main(): Promise<void> {
  // The baseline runs before and after the databases and the ratios use the mean of the two: on a shared machine the
  // baseline alone drifts by a quarter between runs, and one figure taken minutes before the last row misstates it.
  const before = await measureBaseline();
  const rows: Row[] = [];
  for (const db of DATABASES) rows.push(...(await benchDatabase(db, db === "pglite" ? "PGlite" : "PostgreSQL")));
  const after = await measureBaseline();
  const mean = (a?: number, b?: number) => (a !== undefined && b !== undefined ? (a + b) / 2 : undefined);
  const cpuUs = mean(before.cpuUs, after.cpuUs);
  const baseline: Row = {
    scenario: `bare Hono, ISP from memory (mean of before ${before.rps.toFixed(0)} and after ${after.rps.toFixed(0)} req/s)`,
    database: "-",
    rps: (before.rps + after.rps) / 2,
    mean: (before.mean + after.mean) / 2,
    p99: Math.max(before.p99, after.p99),
    non2xx: before.non2xx + after.non2xx,
    total: before.total + after.total,
    ...(cpuUs !== undefined ? { cpuUs } : {}),
  };
  const target = (r: Row) =>
    r.scenario.startsWith("GET") ? TARGETS.get : r.scenario.startsWith("PUT") ? TARGETS.put : undefined;
  const lines = [
    `Reference server benchmark: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per row, Node ${process.version}, server in a separate process.`,
    `Every connection is always busy, so mean latency = ${CONNECTIONS} ÷ req/s (Little's law): ` +
      `p99 ≤ ${TARGETS.p99} ms needs at least ${((CONNECTIONS / TARGETS.p99) * 1000).toFixed(0)} ` +
      `req/s.`,
    "",
    "| scenario | database | req/s | vs baseline | target | mean latency (ms) | p99 (ms) | p99 " +
      "≤ 50 ms | non-2xx/errors | server CPU µs/req | vs baseline by CPU |",
    "|---|---|---:|---:|---:|---:|---:|:-:|---:|---:|---:|",
    tableRow([
      baseline.scenario,
      "-",
      baseline.rps.toFixed(0),
      "100%",
      "-",
      baseline.mean.toFixed(1),
      baseline.p99,
      baseline.p99 <= TARGETS.p99 ? "yes" : "no",
      baseline.non2xx,
      cpuCell(baseline),
      "100%",
    ]),
    ...rows.map((r) => {
      const ratio = r.rps / baseline.rps;
      const t = target(r);
      const tCell = t === undefined ? "-" : `≥ ${t * 100}% ${ratio >= t ? "met" : "MISSED"}`;
      return tableRow([
        r.scenario,
        r.database,
        r.rps.toFixed(0),
        `${(ratio * 100).toFixed(1)}%`,
        tCell,
        r.mean.toFixed(1),
        r.p99,
        r.p99 <= TARGETS.p99 ? "yes" : "no",
        `${r.non2xx} of ${r.total}`,
        cpuCell(r),
        r.cpuUs && baseline.cpuUs ? `${((baseline.cpuUs / r.cpuUs) * 100).toFixed(1)}%` : "-",
      ]);
    }),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

const serveIndex = process.argv.indexOf("--serve");
if (serveIndex >= 0) {
  serveTarget(process.argv[serveIndex + 1] as Target).catch((err) => {
    process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
    process.exit(1);
  });
} else {
  main().catch((err) => {
    process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
    process.exit(1);
  });
}
