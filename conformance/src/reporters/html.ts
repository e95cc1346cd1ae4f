// One self-contained HTML page a person can read: verdict and counts, then each failure (and error and warning) with
// its requirement text and the recorded requests and responses, then the full result table. No scripts, no external
// assets: it opens offline and can be attached to a ticket.
import type { RunReport } from "./report-model.ts";
import type { TestResult } from "../model.ts";
import type { Exchange } from "../http/exchange.ts";
import { formatScore, type FidelityReport } from "../transfer/fidelity.ts";

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
.verdict{font-size:1.3rem;font-weight:700;padding:.6rem 1rem;border-radius:6px;display:inline-block}
.v-conformant{background:#d7f5dd;color:#0b5d1e}.v-not{background:#fde0e0;color:#8a1010}.v-incomplete{background:#fff1cc;color:#6b4d00}
table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e5e5e5;vertical-align:top}
.o{font-weight:700;text-transform:uppercase;font-size:.8rem;padding:.1rem .4rem;border-radius:4px}
.o-pass{background:#d7f5dd}.o-fail{background:#fbc4c4}.o-error{background:#f3c1f0}.o-warning{background:#ffe7a8}.o-skip{background:#e4e4e4}
.finding{border:1px solid #ddd;border-left:6px solid #c62828;border-radius:4px;padding:.6rem 1rem;margin:1rem 0}
.finding.error{border-left-color:#8e24aa}.finding.warning{border-left-color:#f0a500}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.82rem}
pre{background:#f6f6f6;padding:.5rem;overflow-x:auto;white-space:pre-wrap;word-break:break-word;max-height:24rem}
.req{background:#eef4ff;padding:.4rem .6rem;border-radius:4px;margin:.3rem 0}.muted{color:#666}
details{margin:.3rem 0}summary{cursor:pointer}
`;

function exchangeHtml(x: Exchange, open = false): string {
  const reqHeaders = Object.entries(x.requestHeaders)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  const resHeaders = Object.entries(x.responseHeaders ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  const status = x.error ? `network error: ${x.error}` : `HTTP ${x.status}`;
  return `<details${open ? " open" : ""}><summary><code>${esc(x.method)} ${esc(x.url)}</code> → <strong>${esc(status)}</strong> <span class="muted">(${x.durationMs} ms)</span></summary>
<p><strong>Request</strong></p><pre>${esc(`${x.method} ${x.url}\n${reqHeaders}${x.requestBody ? `\n\n${x.requestBody}` : ""}`)}</pre>
<p><strong>Response</strong></p><pre>${esc(`${status}\n${resHeaders}${x.responseBody ? `\n\n${x.responseBody}` : ""}`)}</pre></details>`;
}

function findingHtml(r: TestResult, report: RunReport): string {
  const reqs = r.requirements
    .map(
      (id) =>
        `<div class="req"><strong>${esc(id)}</strong> ` +
        `${esc(report.requirements[id]?.level ?? "")}: ` +
        `${esc(report.requirements[id]?.text ?? "(not in the catalogue)")}</div>`,
    )
    .join("");
  // The last exchanges are the ones closest to the failure; show them open-able, newest last.
  // The last exchange is usually the one that showed the failure: shown open.
  const shown = r.exchanges.slice(-12);
  const exchanges = shown.map((x, i) => exchangeHtml(x, i === shown.length - 1)).join("");
  const hidden =
    r.exchanges.length > 12
      ? `<p class="muted">${r.exchanges.length - 12} earlier exchange(s) are in report.json.</p>`
      : "";
  return `<section class="finding ${r.outcome}" id="${esc(r.id)}"><h3><span class="o o-${r.outcome}">${r.outcome}</span> ${esc(r.level)} <code>${esc(r.id)}</code></h3>
<p>${esc(r.title)}</p><pre>${esc(r.message ?? "")}</pre>${reqs}
${r.notes.length ? `<p class="muted">${r.notes.map(esc).join("<br>")}</p>` : ""}
<p><strong>Exchanges</strong> (${r.exchanges.length})</p>${hidden}${exchanges || '<p class="muted">No HTTP exchanges (offline test).</p>'}</section>`;
}

/** The round-trip fidelity score (attached by send.transfer-sender.round-trip-fidelity): per document, then every difference. */
function fidelityHtml(report: RunReport): string {
  const r = report.results.find((x) => x.data?.fidelity !== undefined);
  if (!r) return "";
  const f = r.data!.fidelity as FidelityReport;
  const rows = f.documents
    .map(
      (d) =>
        `<tr><td>${esc(d.source)}</td><td>${esc(d.documentType)}</td><td>${formatScore(d.score)}</td><td>${d.matching}/${d.total}</td><td>${d.differences.length}</td></tr>`,
    )
    .join("");
  const diffs = f.documents.flatMap((d) =>
    d.differences.map(
      (x) =>
        `<tr><td>${esc(d.source)}</td><td><code>${esc(x.pointer)}</code></td><td>${x.kind}</td><td><code>${esc(x.sent ?? "")}</code></td><td><code>${esc(x.returned ?? "")}</code></td></tr>`,
    ),
  );
  return `<h2>Round-trip fidelity: ${formatScore(f.overall.score)}</h2>
<p id="fidelity">${f.overall.matching} of ${f.overall.total} fields came back unchanged after import and re-export (<code>${esc(r.id)}</code>). Receiver-side fields ignored: ${esc(f.ignoredReceiverSideFields.join(", "))}.</p>
<table><tr><th>worked example</th><th>type</th><th>score</th><th>fields</th><th>differences</th></tr>${rows}</table>
${diffs.length ? `<table id="fidelity-differences"><tr><th>worked example</th><th>pointer</th><th>difference</th><th>sent</th><th>returned</th></tr>${diffs.slice(0, 500).join("")}</table>` : "<p>No differences.</p>"}`;
}

export function renderHtml(report: RunReport): string {
  const s = report.summary;
  const vClass =
    s.verdict === "conformant" ? "v-conformant" : s.verdict === "not conformant" ? "v-not" : "v-incomplete";
  const countRow = (level: "MUST" | "SHOULD") => {
    const c = s.byLevel[level];
    return `<tr><th>${level}</th><td>${c.pass}</td><td>${c.fail}</td><td>${c.warning}</td><td>${c.error}</td><td>${c.skip}</td></tr>`;
  };
  const attention = report.results.filter(
    (r) => r.outcome === "fail" || r.outcome === "error" || r.outcome === "warning",
  );
  const order = { fail: 0, error: 1, warning: 2, skip: 3, pass: 4 } as const;
  attention.sort((a, b) => order[a.outcome] - order[b.outcome]);
  const rows = report.results
    .map(
      (r) =>
        `<tr><td><span class="o o-${r.outcome}">${r.outcome}</span></td><td>${r.level}</td><td><code>${esc(r.id)}</code></td><td>${esc(r.title)}</td><td>${esc(r.requirements.join(", "))}</td><td>${r.outcome === "skip" ? esc(r.message ?? "") : ""}</td></tr>`,
    )
    .join("\n");
  const impl = report.target.implementation;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>SEND Interchange conformance report — ${esc(s.verdict)}</title><style>${CSS}</style></head>
<body>
<h1>SEND Interchange conformance report</h1>
<p class="muted">send-conformance ${esc(report.suite.version)} · target <code>${esc(report.target.baseUrl)}</code>${impl?.name ? ` · ${esc(impl.name)} ${esc(impl.version ?? "")}` : ""} · ${esc(report.startedAt)} → ${esc(report.finishedAt)}</p>
<p class="verdict ${vClass}" id="verdict">${esc(s.verdict.toUpperCase())}</p>
<p>Profiles run: ${esc(report.profiles.join(", "))}, with documents of schemaVersion ${esc(report.schemaVersion)}. Declared resources: ${esc(report.capabilities.resources.join(", "))}; features: ${esc((report.capabilities.features ?? []).join(", ") || "none")}. Skipped tests are never counted as passed.</p>
<h2>Summary</h2>
<table id="summary"><tr><th></th><th>pass</th><th>fail</th><th>warning</th><th>error</th><th>skip</th></tr>${countRow("MUST")}${countRow("SHOULD")}</table>
<p>${s.total} tests. Exit code ${s.exitCode}.</p>
${fidelityHtml(report)}
<h2>Failures, errors and warnings (${attention.length})</h2>
${attention.length ? attention.map((r) => findingHtml(r, report)).join("\n") : "<p>None.</p>"}
<h2>All results</h2>
<table id="results"><tr><th>outcome</th><th>level</th><th>id</th><th>title</th><th>requirements</th><th>skip reason</th></tr>
${rows}</table>
${report.coverage ? `<h2>Requirements with no test (${report.coverage.untested.length})</h2><p>${esc(report.coverage.untested.join(", ") || "none")}</p>` : ""}
${report.coverage?.deliberate?.length ? `<h2>Deliberately not tested (${report.coverage.deliberate.length})</h2>${report.coverage.deliberate.map((d) => `<p><strong>${esc(d.requirement)}</strong>: ${esc(d.reason)}</p>`).join("")}` : ""}
</body></html>
`;
}
