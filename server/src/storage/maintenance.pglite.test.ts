// PGlite runs no autovacuum, so the store asks the driver for planner statistics (and a vacuum of the search heads)
// as the data grows (Db.maintain): without them the planner takes every table for small and picks plans that read
// far more rows than needed.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openTemplatedPgliteDb } from "../../test-support/pglite-template.ts";
import type { Db } from "./db.ts";
import { createSqlStore } from "./sql-store.ts";

const prov = {
  actor: { subject: "s", role: "setting-staff", tenant: {} },
  reason: "test",
  correlationId: "maintenance-test",
};

/** Rows the planner believes resource_heads (what searches filter) holds (-1: never analysed). */
async function plannerRows(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT reltuples::int AS n FROM pg_class WHERE relname = 'resource_heads'",
  );
  return rows[0]!.n;
}

/** Waits until the background ANALYZE has run (it is queued behind the write that triggered it). */
async function settle(db: Db): Promise<void> {
  await new Promise((r) => setImmediate(r));
  await db.query("SELECT 1");
}

describe("planner statistics on PGlite", () => {
  it("are gathered once 256 versions have been written, and not before", async () => {
    const db = await openTemplatedPgliteDb();
    const store = createSqlStore(db);
    try {
      expect(await plannerRows(db)).toBe(-1);
      for (let i = 0; i < 255; i++) await store.create("isp", randomUUID(), { n: i }, {}, {}, prov);
      await settle(db);
      expect(await plannerRows(db)).toBe(-1);
      await store.create("isp", randomUUID(), { n: 255 }, {}, {}, prov);
      await settle(db);
      expect(await plannerRows(db)).toBe(256);
    } finally {
      await store.close();
    }
  });

  it("vacuum the heads: after 256 versions whose facts changed each time, the heads were vacuumed and hold one live row", async () => {
    const db = await openTemplatedPgliteDb();
    const store = createSqlStore(db);
    try {
      const id = randomUUID();
      await store.create("isp", id, { n: 0 }, { status: "draft" }, {}, prov);
      // 255 more versions of one plan whose status changes each time (non-HOT head updates), then maintenance runs.
      for (let v = 1; v < 256; v++)
        await store.update("isp", id, v, { n: v }, { status: v % 2 ? "active" : "draft" }, {}, prov);
      await settle(db);
      // Pruning alone would clear the dead rows from the table; only VACUUM also clears their index entries.
      const { rows } = await db.query<{ dead: number; live: number; vacuums: number }>(
        "SELECT n_dead_tup::int AS dead, n_live_tup::int AS live, vacuum_count::int AS vacuums FROM pg_stat_user_tables WHERE relname = 'resource_heads'",
      );
      expect(rows[0]).toEqual({ dead: 0, live: 1, vacuums: 1 });
      expect((await store.search({ kind: "isp", status: "active", limit: 10 })).items.map((v) => v.version)).toEqual([
        256,
      ]);
    } finally {
      await store.close();
    }
  });

  it("count writes made inside transactions once they commit", async () => {
    const db = await openTemplatedPgliteDb();
    const store = createSqlStore(db);
    try {
      await store.transaction(async (tx) => {
        for (let i = 0; i < 300; i++) await tx.create("child", randomUUID(), { n: i }, {}, {}, prov);
      });
      await settle(db);
      expect(await plannerRows(db)).toBe(300);
    } finally {
      await store.close();
    }
  });
});
