// bench/transfer: export+sign (packBundle + signBundle) and verify (verifyBundle) of a 300-child and a 3,000-child
// synthetic cohort, against the limit of JSON.stringify + SHA-256 of the same documents in the same run.
// The limit hashes with WebCrypto, as it always has (webCryptoSha256Hex). The SDK now hashes with node:crypto on
// Node, which is ~4x cheaper; the stricter limit of JSON.stringify + node:crypto SHA-256 is printed as well.
// Children are generated and processed one at a time (never the whole cohort in memory); each cohort runs in its own
// process so peak RSS (process.resourceUsage().maxRSS) is comparable. Prints a markdown table.
// Run: npx tsx bench/transfer.ts            (both cohorts)   npx tsx bench/transfer.ts --child 300   (one, JSON)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { cohortIsp, loadBaseIsp, uuidFor } from "./lib/cohort.ts";
import { sha256Hex, webCryptoSha256Hex } from "../sdk/src/bundle/canonical.ts";
import { generateSigningKey, toJwks } from "../sdk/src/bundle/keys.ts";
import { packBundle } from "../sdk/src/bundle/pack.ts";
import { signBundle } from "../sdk/src/bundle/sign.ts";
import { verifyBundle } from "../sdk/src/bundle/verify.ts";

interface CohortResult {
  children: number;
  bytes: number;
  limitMs: number;
  /** The same limit with node:crypto's SHA-256. */
  nodeLimitMs: number;
  exportSignMs: number;
  verifyMs: number;
  peakRssMb: number;
}

async function runCohort(children: number): Promise<CohortResult> {
  const base = loadBaseIsp();
  const key = await generateSigningKey();
  const trustedKeys = toJwks([key.publicJwk]);
  const now = new Date("2030-06-02T00:00:00Z");
  let limitMs = 0;
  let nodeLimitMs = 0;
  let exportSignMs = 0;
  let verifyMs = 0;
  let bytes = 0;
  for (let i = 0; i < children; i++) {
    // One child at a time: vary the ids of the worked example, process, then let it go.
    const isp = cohortIsp(base, i);

    let t = performance.now();
    const text = JSON.stringify(isp);
    await webCryptoSha256Hex(text);
    limitMs += performance.now() - t;
    bytes += text.length;

    t = performance.now();
    await sha256Hex(JSON.stringify(isp));
    nodeLimitMs += performance.now() - t;

    t = performance.now();
    const bundle = await packBundle({
      documents: [isp],
      sender: {
        system: { name: "bench", version: "1" },
        setting: { name: "Fenbrook Primary School and Nursery", settingType: "school-based-nursery" },
      },
      receiver: { setting: { name: "Oakfield Primary School", settingType: "mainstream-primary-school" } },
      reason: "phase-transition",
      sharing: { purpose: "Move to reception" },
      createdAt: "2030-06-01T10:00:00Z",
      bundleId: uuidFor(3, i),
    });
    const signed = await signBundle(bundle, { privateKey: key.privateJwk, kid: key.kid });
    exportSignMs += performance.now() - t;

    t = performance.now();
    const result = await verifyBundle(signed, { trustedKeys, now });
    verifyMs += performance.now() - t;
    if (!result.ok) throw new Error(`child ${i} did not verify: ${JSON.stringify(result.reasons.slice(0, 3))}`);
  }
  return {
    children,
    bytes,
    limitMs,
    nodeLimitMs,
    exportSignMs,
    verifyMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function row(name: string, children: number, ms: number, limitMs: number): string {
  const perSecond = (children / ms) * 1000;
  const limitPerSecond = (children / limitMs) * 1000;
  const ratio = perSecond / limitPerSecond;
  return `| ${name} | ${children} | ${perSecond.toFixed(0)} | ${limitPerSecond.toFixed(0)} | ${(ratio * 100).toFixed(1)}% | ${ratio >= 0.25 ? "yes" : "no"} |`;
}

const childArg = process.argv.indexOf("--child");
if (childArg !== -1) {
  const n = Number(process.argv[childArg + 1]);
  process.stdout.write(`${JSON.stringify(await runCohort(n))}\n`);
} else {
  const self = fileURLToPath(import.meta.url);
  const results: CohortResult[] = [];
  for (const n of [300, 3000]) {
    const run = spawnSync(process.execPath, ["--import", "tsx", self, "--child", String(n)], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`cohort ${n} failed: ${run.stderr}`);
    results.push(JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as CohortResult);
  }
  const lines = [
    `Transfer benchmark (Node ${process.version}, ${new Date().toISOString()}); document: ` +
      `worked ISP (${((results[0]?.bytes ?? 0) / (results[0]?.children ?? 1) / 1024).toFixed(1)} ` +
      `KiB JSON) per child`,
    "",
    "| operation | children | children/s | limit children/s (JSON.stringify + SHA-256) | % of limit | ≥ 25%? |",
    "|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    lines.push(
      row("export + sign (pack, sharing, digests, schema+rules, ES256)", r.children, r.exportSignMs, r.limitMs),
    );
    lines.push(row("verify (signature, digests, schema+rules)", r.children, r.verifyMs, r.limitMs));
  }
  lines.push(
    "",
    "Against the stricter limit (JSON.stringify + node:crypto SHA-256):",
    "",
    "| operation | children | children/s | limit children/s | % of limit | ≥ 25%? |",
    "|---|---|---|---|---|---|",
  );
  for (const r of results) {
    lines.push(row("export + sign", r.children, r.exportSignMs, r.nodeLimitMs));
    lines.push(row("verify", r.children, r.verifyMs, r.nodeLimitMs));
  }
  const [small, large] = results;
  if (small && large) {
    const ratio = large.peakRssMb / small.peakRssMb;
    lines.push("", "| cohort | peak RSS (MiB) |", "|---|---|");
    lines.push(`| 300 | ${small.peakRssMb.toFixed(1)} |`, `| 3,000 | ${large.peakRssMb.toFixed(1)} |`);
    lines.push("", `Peak RSS 3,000 / 300 = ${ratio.toFixed(2)}× (target ≤ 1.5×: ${ratio <= 1.5 ? "met" : "NOT met"}).`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}
