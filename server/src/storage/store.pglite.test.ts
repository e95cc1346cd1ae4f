// The shared storage cases on PGlite (PostgreSQL 18 in WASM), each group starting from the migrated template.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newPgliteTestStore, openTemplatedPgliteDb } from "../../test-support/pglite-template.ts";
import { openStore } from "./open-store.ts";
import { createSqlStore } from "./sql-store.ts";
import { runStorageCases } from "./store.cases.ts";

runStorageCases({
  name: "PGlite",
  async newStore() {
    const db = await openTemplatedPgliteDb();
    return { db, store: createSqlStore(db) };
  },
  async newDurable() {
    const dataDir = join(mkdtempSync(join(tmpdir(), "send-pglite-")), "data");
    let opened = false;
    return {
      // First open loads the template into the empty directory (skips initdb); later opens are a plain restart
      // through openStore, the path the server itself takes.
      open: async () => {
        if (opened) return openStore({ dataDir });
        opened = true;
        return newPgliteTestStore({ dataDir });
      },
      cleanup: async () => rmSync(join(dataDir, ".."), { recursive: true, force: true }),
    };
  },
});
