// The PGlite storage driver (server/src/storage/pglite-db.ts) against PGlite's own query() and transaction() on the
// same statements and the same in-memory database, in one process: CPU µs per operation and the ratio. The cases
// run in interleaved slices, so load from other processes on a shared machine skews both sides alike.
// Usage: npx tsx bench/storage.ts  (BENCH_SLICES=8 BENCH_OPS=200; prints a markdown table for bench/RESULTS.md)
import { PGlite } from "@electric-sql/pglite";
import { pgliteDb } from "../server/src/storage/pglite-db.ts";
import { newChild, newIsp, TENANT_A } from "../server/src/testing/fixtures.ts";

const SLICES = Number(process.env.BENCH_SLICES ?? 8);
const OPS = Number(process.env.BENCH_OPS ?? 200);

const pg = await PGlite.create({});
const db = pgliteDb(pg);
await db.exec(`CREATE TABLE v (kind text, id text, version int, body json NOT NULL, facts text[] NOT NULL,
  PRIMARY KEY (kind, id, version))`);
const body = JSON.stringify(newIsp(newChild(TENANT_A)));
const READ = "SELECT version, body::text AS body FROM v WHERE kind = $1 AND id = $2 AND version = $3::int";
const INSERT = "INSERT INTO v (kind, id, version, body, facts) VALUES ($1, $2, $3::int, $4::json, $5::text[])";
const facts = ["upn:A123456789012", "uln:1234567890"];

let next = 0;
const key = () => `isp-${next++}`;
type Side = "driver" | "pglite";
const query = (side: Side, sql: string, params: unknown[]) =>
  side === "driver" ? db.query(sql, params) : pg.query(sql, params);

const cases: Record<string, (side: Side) => Promise<unknown>> = {
  "read one version (13 KiB body)": (side) => query(side, READ, ["isp", `isp-${(next * 7919) % next}`, 1]),
  "insert one version": (side) => query(side, INSERT, ["isp", key(), 1, body, facts]),
  "transaction: insert + read": (side) => {
    const id = key();
    const work = async (q: (sql: string, params: unknown[]) => Promise<unknown>) => {
      await q(INSERT, ["isp", id, 1, body, facts]);
      await q(READ, ["isp", id, 1]);
    };
    return side === "driver"
      ? db.transaction((tx) => work((s, p) => tx.query(s, p)))
      : pg.transaction((tx) => work((s, p) => tx.query(s, p)));
  },
};

// Warm-up: a few hundred rows to read, and every statement prepared (driver) and JIT-compiled.
for (let i = 0; i < 300; i++) await cases["insert one version"]!(i % 2 ? "driver" : "pglite");
for (const run of Object.values(cases)) for (let i = 0; i < 50; i++) await run(i % 2 ? "driver" : "pglite");

const cpu: Record<string, Record<Side, number>> = {};
for (let slice = 0; slice < SLICES; slice++) {
  for (const [name, run] of Object.entries(cases)) {
    const sides: Side[] = slice % 2 ? ["driver", "pglite"] : ["pglite", "driver"];
    for (const side of sides) {
      const start = process.cpuUsage();
      for (let i = 0; i < OPS; i++) await run(side);
      const used = process.cpuUsage(start);
      cpu[name] ??= { driver: 0, pglite: 0 };
      cpu[name][side] += used.user + used.system;
    }
  }
}
await db.close();

const perOp = (us: number) => us / (SLICES * OPS);
console.log(
  `PGlite driver vs PGlite's own API, ${SLICES} slices × ${OPS} operations per side, Node ${process.version}\n`,
);
console.log("| operation | driver CPU µs/op | PGlite query()/transaction() CPU µs/op | driver / PGlite |");
console.log("|---|---:|---:|---:|");
for (const [name, t] of Object.entries(cpu)) {
  const d = perOp(t.driver);
  const p = perOp(t.pglite);
  console.log(`| ${name} | ${d.toFixed(0)} | ${p.toFixed(0)} | ${((100 * d) / p).toFixed(0)} % |`);
}
