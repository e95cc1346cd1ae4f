// Issue 11's attack run on a real PostgreSQL (a throwaway cluster): the same generators and oracle as the PGlite
// run, fewer requests (PostgreSQL's per-statement round trips make it the slower of the two here).
import { beforeAll, expect, it } from "vitest";
import { postgresTestStores } from "../../test-support/postgres-store.ts";
import type { Store } from "../storage/store.ts";
import { attackSeed, expectCleanRun } from "../testing/attack/expect-clean.ts";
import { formatReport, runAttack } from "../testing/attack/run.ts";

const newStore = postgresTestStores();
let store: Store;
beforeAll(async () => {
  store = await newStore();
});

it("2,000+ attack requests on PostgreSQL: no 5xx, no legitimate failure, nothing foreign read or changed", {
  timeout: 600_000,
}, async () => {
  try {
    const report = await runAttack({
      store,
      requests: Number(process.env.ATTACK_PG_REQUESTS ?? 2_000),
      seed: attackSeed(),
      concurrency: 12,
      hugeBodies: false,
    });
    console.log(formatReport(report, "npx vitest run server/src/security/attack-run.postgres.test.ts"));
    expect(report.requests).toBeGreaterThanOrEqual(2_000);
    expectCleanRun(report);
  } finally {
    await store.close();
  }
});
