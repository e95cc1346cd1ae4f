// The attack run of issue 11 at a size of your choosing, outside vitest: `npx tsx bench/attack-run.ts
// [--requests 50000] [--seed N] [--concurrency 12] [--postgres] [--strict]`. Prints the figures and every violation
// group; --strict exits 1 when anything was found (the tests in server/src/security/ always do).
import { parseArgs } from "node:util";
import { newPgliteTestStore } from "../server/test-support/pglite-template.ts";
import { startPostgres } from "../server/test-support/postgres.ts";
import { migrate } from "../server/src/storage/migrate.ts";
import { openPgDb } from "../server/src/storage/pg-db.ts";
import { createSqlStore } from "../server/src/storage/sql-store.ts";
import { formatReport, runAttack } from "../server/src/testing/attack/run.ts";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "10000" },
    seed: { type: "string" },
    concurrency: { type: "string", default: "12" },
    postgres: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
  },
});

const cluster = values.postgres ? await startPostgres() : undefined;
const store = cluster
  ? createSqlStore(
      await (async () => {
        const db = openPgDb(await cluster.newDatabaseUrl());
        await migrate(db);
        return db;
      })(),
    )
  : await newPgliteTestStore();
try {
  const report = await runAttack({
    store,
    requests: Number(values.requests),
    concurrency: Number(values.concurrency),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
  });
  console.log(
    formatReport(
      report,
      `npx tsx bench/attack-run.ts --requests ${values.requests}${values.postgres ? " --postgres" : ""}`,
    ),
  );
  const clean =
    report.fiveHundreds +
      report.dropped +
      report.legitFailed +
      report.leaks +
      report.changes.length +
      report.violations.length ===
    0;
  console.log(clean ? "CLEAN" : "VIOLATIONS FOUND");
  if (values.strict && !clean) process.exitCode = 1;
} finally {
  await store.close();
  await cluster?.stop();
}
