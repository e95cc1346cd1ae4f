// Applies server/src/storage/migrations/NNN-name.sql in name order, each inside one transaction together with its
// row in schema_migrations, so a migration is either fully applied and recorded or not at all. Re-running is a no-op.
import { readdirSync, readFileSync } from "node:fs";
import type { Db } from "./db.ts";

export interface Migration {
  name: string; // file name, e.g. "001-resource-versions.sql"
  sql: string;
}

const MIGRATIONS_DIR = new URL("./migrations/", import.meta.url);
// Serialises concurrent starters (two server processes on one database); any constant works, it names this app's lock.
const MIGRATION_LOCK_KEY = 7_405_331_001;

export function loadMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(new URL(name, MIGRATIONS_DIR), "utf8") }));
}

/** Applies every migration not yet recorded; returns the names it applied. */
export async function migrate(db: Db, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  // Every start after the first finds them all applied: one read answers that, instead of a locked transaction per
  // migration. Safe without the lock: a recorded migration is committed, and recorded names are never removed.
  if (await allRecorded(db, migrations)) return [];
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      await tx.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
      );
      const seen = await tx.query("SELECT 1 FROM schema_migrations WHERE name = $1", [m.name]);
      if (seen.rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query("INSERT INTO schema_migrations (name) VALUES ($1)", [m.name]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}

async function allRecorded(db: Db, migrations: Migration[]): Promise<boolean> {
  const table = await db.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (!table.rows[0]?.present) return false;
  const { rows } = await db.query<{ name: string }>("SELECT name FROM schema_migrations");
  const recorded = new Set(rows.map((r) => r.name));
  return migrations.every((m) => recorded.has(m.name));
}
