// PGlite's initdb is slow and memory-hungry, so tests start from one migrated template instead: built once, kept in
// memory for this process and as a tarball in the OS temp dir (keyed by the migrations and PGlite version) for other
// vitest workers and later runs.
import { PGlite } from "@electric-sql/pglite";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Db } from "../src/storage/db.ts";
import { loadMigrations, migrate } from "../src/storage/migrate.ts";
import { openPgliteDb, pgliteDb } from "../src/storage/pglite-db.ts";
import { createSqlStore } from "../src/storage/sql-store.ts";
import type { Store } from "../src/storage/store.ts";

let template: Promise<Blob> | undefined;

/** The migrated template as a gzip tarball for PGlite's `loadDataDir`. */
export function pgliteTemplate(): Promise<Blob> {
  template ??= loadOrBuildTemplate();
  return template;
}

/** A fresh, migrated PGlite Db from the template; in memory, or persisted to `dataDir` (which must be empty or absent). */
export async function openTemplatedPgliteDb(opts: { dataDir?: string } = {}): Promise<Db> {
  const db = await openPgliteDb({ ...opts, loadDataDir: await pgliteTemplate() });
  await migrate(db); // no-op on the template; keeps this correct if the template were ever stale
  return db;
}

/** A fresh, empty, migrated Store on PGlite (the usual thing a server test needs). Close it when done. */
export async function newPgliteTestStore(opts: { dataDir?: string } = {}): Promise<Store> {
  return createSqlStore(await openTemplatedPgliteDb(opts));
}

async function loadOrBuildTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `send-interchange-pglite-${templateKey()}.tar.gz`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const pg = await PGlite.create();
  const db = pgliteDb(pg);
  try {
    await migrate(db);
    const dump = await pg.dumpDataDir("gzip");
    const bytes = Buffer.from(await dump.arrayBuffer());
    // Write then rename, so a concurrent worker never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
    return new Blob([bytes]);
  } finally {
    await db.close();
  }
}

/** Changes whenever a migration or the PGlite version changes, so a stale template is never reused. */
function templateKey(): string {
  const h = createHash("sha256").update(pgliteVersion());
  for (const m of loadMigrations()) h.update(m.name).update("\0").update(m.sql).update("\0");
  return h.digest("hex").slice(0, 16);
}

/** PGlite does not export its package.json, so find it by walking up from the resolved entry point. */
function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  while (dir !== dirname(dir)) {
    const pkgFile = join(dir, "package.json");
    if (existsSync(pkgFile)) {
      const pkg = JSON.parse(readFileSync(pkgFile, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "@electric-sql/pglite" && pkg.version) return pkg.version;
    }
    dir = dirname(dir);
  }
  throw new Error("cannot find @electric-sql/pglite's package.json");
}
