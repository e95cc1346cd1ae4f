// Db over node-postgres. A transaction needs one dedicated client from the pool for BEGIN..COMMIT.
import pg from "pg";
import type { Db, Row } from "./db.ts";

export function openPgDb(connectionString: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client that loses its server (restart, failover) emits 'error'; without a listener Node would crash.
  pool.on("error", () => undefined);
  return {
    query: async <R extends Row>(sql: string, params: unknown[] = []) => {
      const res = await pool.query<R>(sql, params);
      return { rows: res.rows };
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query("BEGIN");
        const result = await fn(clientDb(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        // If even ROLLBACK fails the connection is unusable; release(true) destroys it instead of pooling it.
        await client.query("ROLLBACK").catch(() => (broken = true));
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

function clientDb(client: pg.PoolClient): Db {
  const db: Db = {
    query: async <R extends Row>(sql: string, params: unknown[] = []) => {
      const res = await client.query<R>(sql, params);
      return { rows: res.rows };
    },
    exec: async (sql) => {
      await client.query(sql);
    },
    transaction: (fn) => fn(db),
    close: async () => {
      throw new Error("close() inside a transaction");
    },
  };
  return db;
}
