// Issue 11's property-based attack run on embedded PGlite: at least 10,000 generated requests over real HTTP across
// every operation of spec/routes.ts and every role of spec/roles.ts, hostile inputs mixed with legitimate traffic.
// Must hold: 0 responses 5xx, 0 dropped connections, 0 legitimate requests failed, 0 foreign records readable or
// changed. Every violation is listed (grouped, with an example) before the assertion; the seed reproduces the run.
import { afterAll, beforeAll, expect, it } from "vitest";
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import type { Store } from "../storage/store.ts";
import { attackSeed, expectCleanRun } from "../testing/attack/expect-clean.ts";
import { formatReport, runAttack } from "../testing/attack/run.ts";

let store: Store;
beforeAll(async () => {
  store = await newPgliteTestStore();
});
afterAll(async () => {
  await store?.close();
});

it("10,000+ attack requests on PGlite: no 5xx, no legitimate failure, nothing foreign read or changed", {
  timeout: 600_000,
}, async () => {
  const report = await runAttack({
    store,
    requests: Number(process.env.ATTACK_REQUESTS ?? 10_000),
    seed: attackSeed(),
    concurrency: 12,
  });
  console.log(formatReport(report, "npx vitest run server/src/security/attack-run.pglite.test.ts"));
  expect(report.requests).toBeGreaterThanOrEqual(10_000);
  expectCleanRun(report);
});
