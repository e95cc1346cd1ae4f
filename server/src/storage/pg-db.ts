// Db over node-postgres. A transaction needs one dedicated client from the pool for BEGIN..COMMIT.
import pg from "pg";
import { MAX_PREPARED_STATEMENTS, type Db, type Row } from "./db.ts";

/**
 * The query config for a statement: named, so each pooled connection parses and plans it once and then only binds it
 * (node-postgres prepares a named statement on a connection the first time it is used there). Bounded, like the PGlite
 * driver's: statements whose text varies with their parameter count go unnamed past the bound.
 */
function statementNamer(): (sql: string, values: unknown[]) => pg.QueryConfig {
  const names = new Map<string, string>();
  return (text, values) => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED_STATEMENTS) {
      name = `si_${names.size + 1}`;
      names.set(text, name);
    }
    return name === undefined ? { text, values } : { name, text, values };
  };
}

export function openPgDb(connectionString: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  const statement = statementNamer();
  // An idle client that loses its server (restart, failover) emits 'error'; without a listener Node would crash.
  pool.on("error", () => undefined);
  return {
    parallelism: poolSize,
    query: async <R extends Row>(sql: string, params: unknown[] = []) => {
      const res = await pool.query<R>(statement(sql, params));
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
        const result = await fn(clientDb(client, statement));
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

function clientDb(client: pg.PoolClient, statement: (sql: string, values: unknown[]) => pg.QueryConfig): Db {
  const db: Db = {
    parallelism: 1,
    query: async <R extends Row>(sql: string, params: unknown[] = []) => {
      const res = await client.query<R>(statement(sql, params));
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
