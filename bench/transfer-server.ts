// bench/transfer-server: verify + import over HTTP at the reference server's inbox (POST /transfers/inbox) of a
// 300-child and a 3,000-child synthetic cohort — signature, digests, schema and rules, idempotency check, and the
// transactional import (child matched or registered, plan written with provenance, import record, audit) on a
// PGlite store in a temporary data directory, as `npm start` runs it (in memory, the database would itself hold the
// whole cohort in the process, which is what the memory target is about not doing) — against the limit of
// JSON.stringify + SHA-256 of the same documents in the same run.
// Children are generated, signed and sent one at a time (the cohort is never held in memory); each cohort runs in
// its own process so peak RSS is comparable. Prints a markdown table (does not write bench/RESULTS.md).
// Run: npx tsx bench/transfer-server.ts     (both cohorts)    npx tsx bench/transfer-server.ts --child 300   (one, JSON)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cohortIsp, loadBaseIsp, uuidFor } from "./lib/cohort.ts";
import { sha256Hex } from "../sdk/src/bundle/canonical.ts";
import { generateSigningKey } from "../sdk/src/bundle/keys.ts";
import { packBundle } from "../sdk/src/bundle/pack.ts";
import { signBundle } from "../sdk/src/bundle/sign.ts";
import { newPgliteTestStore } from "../server/test-support/pglite-template.ts";
import { startTestServer } from "../server/src/testing/harness.ts";
import { defaultTransferConfig } from "../server/src/transfers/config.ts";
import { upnCheckLetter } from "../sdk/src/identifiers/upn.ts";

const RECEIVER = {
  name: "Marsh Lane Primary School",
  urn: "121350",
  laestab: "9262417",
  laCode: "926",
  phases: ["primary"],
  settingType: "mainstream-primary-school",
};

interface CohortResult {
  children: number;
  bytes: number;
  limitMs: number;
  importMs: number;
  peakRssMb: number;
}

/** A distinct valid UPN per child, so each child is matched or registered on its own. */
function upnFor(n: number): string {
  const body = `8733012${String(n).padStart(5, "0")}`; // LA + establishment, then a per-child number
  return `${upnCheckLetter(body)}${body}`;
}

async function runCohort(children: number): Promise<CohortResult> {
  const base = loadBaseIsp();
  const key = await generateSigningKey();
  const dataDir = join(mkdtempSync(join(tmpdir(), "send-bench-transfer-")), "data");
  const store = await newPgliteTestStore({ dataDir });
  const server = await startTestServer(store, {
    transfers: defaultTransferConfig({
      trustedKeys: [{ kid: key.kid, jwk: key.publicJwk }],
      clock: () => new Date("2030-06-02T00:00:00Z"),
    }),
    logSink: () => undefined,
  });
  const publisher = await server.token({ sub: "dfe", send_role: "dfe-publisher" });
  const made = await server.call("POST", "/settings", { token: publisher, body: RECEIVER });
  if (made.status !== 201) throw new Error(`setting: ${made.status} ${await made.text()}`);
  let limitMs = 0;
  let importMs = 0;
  let bytes = 0;
  try {
    for (let i = 0; i < children; i++) {
      const isp = cohortIsp(base, i);
      isp.child["identifiers"] = { upn: upnFor(i) };

      let t = performance.now();
      const text = JSON.stringify(isp);
      await sha256Hex(text);
      limitMs += performance.now() - t;
      bytes += text.length;

      // Sender side, not timed here (bench/transfer.ts measures export + sign).
      const bundle = await packBundle({
        documents: [isp],
        sender: {
          system: { name: "bench", version: "1" },
          setting: { name: "Fenbrook Primary School and Nursery", urn: "152984", settingType: "school-based-nursery" },
        },
        receiver: { setting: RECEIVER as never },
        reason: "phase-transition",
        sharing: { purpose: "Move to reception" },
        createdAt: "2030-06-01T10:00:00Z",
        bundleId: uuidFor(3, i),
      });
      const signed = (await signBundle(bundle, { privateKey: key.privateJwk, kid: key.kid })) as string;

      t = performance.now();
      const res = await fetch(`${server.url}/transfers/inbox`, {
        method: "POST",
        headers: { "content-type": "application/jose" },
        body: signed,
      });
      const answer = await res.text();
      importMs += performance.now() - t;
      if (res.status !== 200) throw new Error(`child ${i}: ${res.status} ${answer.slice(0, 500)}`);
    }
  } finally {
    await server.close();
    await store.close();
    rmSync(join(dataDir, ".."), { recursive: true, force: true });
  }
  return { children, bytes, limitMs, importMs, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

const childArg = process.argv.indexOf("--child");
if (childArg !== -1) {
  process.stdout.write(`${JSON.stringify(await runCohort(Number(process.argv[childArg + 1])))}\n`);
} else {
  const self = fileURLToPath(import.meta.url);
  const results: CohortResult[] = [];
  for (const n of [300, 3000]) {
    const run = spawnSync(process.execPath, ["--import", "tsx", self, "--child", String(n)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`cohort ${n} failed: ${run.stderr}`);
    results.push(JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as CohortResult);
  }
  const lines = [
    `Transfer server benchmark (Node ${process.version}, ${new Date().toISOString()}); one ` +
      `worked ISP (${((results[0]?.bytes ?? 0) / (results[0]?.children ?? 1) / 1024).toFixed(1)} ` +
      `KiB JSON) per child, one bundle per child, sequential POSTs over loopback HTTP, PGlite in ` +
      `a data directory`,
    "",
    "| operation | children | children/s | limit children/s (JSON.stringify + SHA-256) | % of limit | ≥ 25%? | peak RSS (MiB) |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    const perSecond = (r.children / r.importMs) * 1000;
    const limit = (r.children / r.limitMs) * 1000;
    const ratio = perSecond / limit;
    lines.push(
      `| verify + import over HTTP | ${r.children} | ${perSecond.toFixed(1)} | ` +
        `${limit.toFixed(0)} | ${(ratio * 100).toFixed(2)}% | ${ratio >= 0.25 ? "yes" : "no"} | ` +
        `${r.peakRssMb.toFixed(1)} |`,
    );
  }
  const [small, large] = results;
  if (small && large) {
    const ratio = large.peakRssMb / small.peakRssMb;
    lines.push("", `Peak RSS 3,000 / 300 = ${ratio.toFixed(2)}× (target ≤ 1.5×: ${ratio <= 1.5 ? "met" : "NOT met"}).`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}
