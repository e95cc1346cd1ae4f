// The PGlite wire driver's prepared statements: each SQL text is parsed once and then bound by name, and nothing that
// goes wrong while preparing (a syntax error, a rolled-back transaction) leaves a name that later binds wrongly.
// Also: parameters reach PostgreSQL intact, and the storage code imports only public entry points of its packages.
import { PGlite } from "@electric-sql/pglite";
import { readdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteDb } from "./pglite-db.ts";
import type { Db } from "./db.ts";

let pg: PGlite;
let db: Db;
beforeAll(async () => {
  pg = await PGlite.create({});
  db = pgliteDb(pg);
  await db.exec("CREATE TABLE t (k text PRIMARY KEY, n int NOT NULL)");
});
afterAll(() => db.close());

/** Names of the statements the backend holds, with their SQL. */
async function preparedStatements(): Promise<{ name: string; statement: string }[]> {
  const { rows } = await pg.query<{ name: string; statement: string }>(
    "SELECT name, statement FROM pg_prepared_statements ORDER BY name",
  );
  return rows;
}

describe("PGlite wire driver: prepared statements", () => {
  it("parses a statement once and binds it by name with fresh parameters after that", async () => {
    await db.query("INSERT INTO t (k, n) VALUES ($1, $2::int)", ["a", 1]);
    await db.query("INSERT INTO t (k, n) VALUES ($1, $2::int)", ["b", 2]);
    const sel = "SELECT n FROM t WHERE k = $1";
    expect((await db.query(sel, ["a"])).rows).toEqual([{ n: 1 }]);
    expect((await db.query(sel, ["b"])).rows).toEqual([{ n: 2 }]);
    const held = await preparedStatements();
    expect(held.filter((s) => s.statement === sel)).toHaveLength(1);
    expect(held.filter((s) => s.statement.startsWith("INSERT INTO t"))).toHaveLength(1);
  });

  it("a statement that fails to parse leaves no name behind, and the next statement works", async () => {
    const before = (await preparedStatements()).length;
    await expect(db.query("SELEC n FROM t", [])).rejects.toThrow(/syntax error/);
    await expect(db.query("SELEC n FROM t", [])).rejects.toThrow(/syntax error/);
    expect((await preparedStatements()).length).toBe(before);
    expect((await db.query("SELECT count(*)::int AS c FROM t", [])).rows).toEqual([{ c: 2 }]);
  });

  it("a statement prepared inside a rolled-back transaction still binds correctly afterwards", async () => {
    const sel = "SELECT k FROM t WHERE n = $1::int";
    await expect(
      db.transaction(async (tx) => {
        expect((await tx.query(sel, [1])).rows).toEqual([{ k: "a" }]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await db.query(sel, [2])).rows).toEqual([{ k: "b" }]);
  });

  it("an execution error on a prepared statement is reported and does not disturb the next call", async () => {
    const ins = "INSERT INTO t (k, n) VALUES ($1, $2::int)";
    await expect(db.query(ins, ["a", 9])).rejects.toThrow(/duplicate key/);
    await db.query(ins, ["c", 3]);
    expect((await db.query("SELECT n FROM t WHERE k = $1", ["c"])).rows).toEqual([{ n: 3 }]);
  });
});

describe("PGlite wire driver: transactions", () => {
  it("commits everything fn wrote, and rolls all of it back if fn throws", async () => {
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO t (k, n) VALUES ($1, $2::int)", ["tx1", 10]);
      await tx.exec("INSERT INTO t (k, n) VALUES ('tx2', 11); INSERT INTO t (k, n) VALUES ('tx3', 12)");
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO t (k, n) VALUES ($1, $2::int)", ["tx4", 13]);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const { rows } = await db.query<{ k: string }>("SELECT k FROM t WHERE k LIKE 'tx%' ORDER BY k");
    expect(rows.map((r) => r.k)).toEqual(["tx1", "tx2", "tx3"]);
  });

  it("a transaction whose statement failed is never reported as committed, even if fn swallowed the error", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO t (k, n) VALUES ($1, $2::int)", ["tx5", 14]);
        await tx.query("INSERT INTO t (k, n) VALUES ($1, $2::int)", ["tx1", 15]).catch(() => undefined); // duplicate key
      }),
    ).rejects.toThrow(/rolled back/);
    expect((await db.query("SELECT k FROM t WHERE k = $1", ["tx5"])).rows).toEqual([]);
  });

  it("queries from outside wait for an open transaction and never see its uncommitted writes", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const inside = db.transaction(async (tx) => {
      await tx.query("INSERT INTO t (k, n) VALUES ($1, $2::int)", ["tx6", 16]);
      await gate;
    });
    const outside = db.query("SELECT count(*)::int AS c FROM t WHERE k = $1", ["tx6"]);
    release();
    await inside;
    // The outside query ran after the commit (PGlite has one connection; the transaction lock orders them).
    expect((await outside).rows).toEqual([{ c: 1 }]);
  });
});

describe("PGlite wire driver: parameters", () => {
  it("arrays arrive element for element, with quotes, backslashes, commas, braces and nulls", async () => {
    const texts = ['say "hi"', "back\\slash", "a,b", "{x}", "", null, "NULL", "ünïcödé 😀"];
    const { rows } = await db.query<{ t: unknown; n: unknown }>("SELECT $1::text[] AS t, $2::int[] AS n", [
      texts,
      [1, -2, 30],
    ]);
    expect(rows).toEqual([{ t: texts, n: [1, -2, 30] }]);
  });

  it("objects arrive as JSON, numbers and booleans as their text, dates as instants", async () => {
    const at = new Date("2026-01-02T03:04:05.678Z");
    const { rows } = await db.query<{ j: unknown; n: unknown; b: unknown; at: unknown }>(
      "SELECT $1::jsonb AS j, $2::int AS n, $3::boolean AS b, $4::timestamptz AS at",
      [{ a: [1, "x"] }, 42, true, at],
    );
    expect(rows).toEqual([{ j: { a: [1, "x"] }, n: 42, b: true, at }]);
  });
});

describe("storage imports only public entry points of its packages", () => {
  it("no storage file imports a package's internal files (dist/, lib/, src/)", () => {
    const dir = dirname(fileURLToPath(import.meta.url));
    const deep: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const text = readFileSync(`${dir}/${file}`, "utf8");
      // Any string naming a path inside a package: static imports and createRequire calls alike.
      for (const m of text.matchAll(/["']((?:@[\w.-]+\/)?[\w.-]+\/(?:dist|lib|src)\/[^"']*)["']/g))
        deep.push(`${file}: ${m[1]}`);
    }
    expect(deep).toEqual([]);
  });
});
