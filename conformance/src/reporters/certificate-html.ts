// The certificate as a page a buyer can read and keep: the facts in plain tables, what the certificate proves and what
// it does not, how to check it, and the signed JWS itself. The whole certificate file is embedded as inert JSON
// (script type application/json), so `verify-certificate page.html` checks the page itself. No scripts that run,
// no fonts, no external assets.
import type { CertificateFile } from "../certificate/certificate.ts";

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** JSON safe inside a script element: no "</script", "<!--" or line separators can end or confuse it. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value, null, 2)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;line-height:1.5;background:#fff}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
header{border-bottom:4px solid #0b5d1e;padding-top:1rem}
h1{font-size:1.7rem;margin:.2rem 0 .6rem}h2{margin-top:2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem;font-size:1.3rem}
.verdict{font-size:1.2rem;font-weight:700;padding:.5rem 1rem;border-radius:6px;display:inline-block;background:#d7f5dd;color:#0b5d1e}
table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ccc;vertical-align:top}
th[scope=row]{width:14rem}td,th,p{overflow-wrap:anywhere}
@media (max-width:40rem){th[scope=row]{width:auto}th,td{padding:.3rem .25rem}}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem}
pre{background:#f3f3f3;padding:.6rem;white-space:pre-wrap;word-break:break-all;border:1px solid #ccc}
.note{background:#eef4ff;border-left:6px solid #1d4ed8;padding:.6rem 1rem;margin:1rem 0}
a{color:#1d4ed8}a:focus,pre:focus{outline:3px solid #b45309;outline-offset:2px}
footer{margin-top:2rem;padding-bottom:2rem;color:#4a4a4a}
@media print{pre{max-height:none}}
`;

export function renderCertificateHtml(file: CertificateFile, names: { json: string }): string {
  const c = file.certificate;
  const row = (label: string, value: string) => `<tr><th scope="row">${esc(label)}</th><td>${value}</td></tr>`;
  const list = (xs: readonly string[]) => (xs.length ? xs.map((x) => `<code>${esc(x)}</code>`).join(", ") : "none");
  const declared = c.target.declared;
  const countRow = (l: "MUST" | "SHOULD") =>
    `<tr><th scope="row">${l}</th><td>${c.counts[l].pass}</td><td>${c.counts[l].warning}</td><td>${c.counts[l].fail}</td><td>${c.counts[l].skip}</td></tr>`;
  const title = `Conformance certificate: ${c.implementation.name} ${c.implementation.version}`;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} — SEND Interchange</title><style>${CSS}</style></head>
<body>
<header><p>SEND Interchange · send-conformance ${esc(c.suite.version)}</p>
<h1>${esc(title)}</h1></header>
<main>
<p class="verdict" id="verdict">CONFORMANT for the profiles and capabilities below</p>
<h2 id="facts">What was tested</h2>
<table aria-labelledby="facts">
${row("Implementation", `${esc(c.implementation.name)} ${esc(c.implementation.version)}`)}
${row("Host tested", `<code>${esc(c.target.host)}</code>`)}
${declared ? row("Declared by the system", `${esc(declared.standard)} ${esc(declared.standardVersion)}${declared.schemaVersions ? `; schema versions ${list(declared.schemaVersions.supported)}` : ""}`) : ""}
${row("Profiles", list(c.profiles))}
${c.schemaVersion ? row("Schema version tested", `<code>${esc(c.schemaVersion)}</code> (the documents the suite wrote)`) : ""}
${row("Resources", list(c.capabilities.resources))}
${row("Optional features", list(c.capabilities.features))}
${row("Suite", `send-conformance ${esc(c.suite.version)}`)}
${row("Run", `${esc(c.run.startedAt)} to ${esc(c.run.finishedAt)}`)}
${row("Issued", esc(c.issuedAt))}
${row("Certificate id", `<code>${esc(c.id)}</code>`)}
</table>
<h2 id="counts">Results</h2>
<table aria-labelledby="counts"><thead><tr><th scope="col">Level</th><th scope="col">Passed</th><th scope="col">Passed with warnings</th><th scope="col">Failed</th><th scope="col">Skipped</th></tr></thead>
<tbody>${countRow("MUST")}${countRow("SHOULD")}</tbody></table>
<p>${c.counts.total} tests. A skipped test needs a resource or feature the system does not declare: it is never counted as a pass, and this certificate does not cover it.</p>
<h2 id="proves">What this certificate proves</h2>
<div class="note">
<p>It is signed by whoever ran the suite, usually the vendor, with their own key. A valid signature proves that these facts have not been changed since signing and which version of the suite produced them. <strong>It does not prove who signed it</strong>, unless the signing key (thumbprint below) is one you already trust, for example because the vendor publishes it${c.signer.jwksUrl ? ` at <code>${esc(c.signer.jwksUrl)}</code>` : " at an address it controls"}.</p>
<p>The full report of the run (every test, request and response) has SHA-256 <code>${esc(c.report.digest)}</code> (RFC 8785 canonical JSON of <code>report.json</code>). Ask the vendor for the report to see the detail.</p>
</div>
<h2 id="check">How to check it</h2>
<pre tabindex="0">npx send-conformance verify-certificate ${esc(names.json)} --report report.json${c.signer.jwksUrl ? ` --jwks ${esc(c.signer.jwksUrl)}` : ""}</pre>
<p>This page can be checked too: give its file name instead of <code>${esc(names.json)}</code>. The check fails if anything was changed, if the report is not the one certified, or if the suite version that made the certificate is no longer current.</p>
<h2 id="signature">Signature</h2>
<table aria-labelledby="signature">
${row("Algorithm", "ES256 (ECDSA P-256, SHA-256), compact JWS")}
${row("Signing key thumbprint", `<code>${esc(c.signer.keyThumbprint)}</code> (RFC 7638)`)}
${c.signer.jwksUrl ? row("Key published at", `<code>${esc(c.signer.jwksUrl)}</code>`) : ""}
</table>
<p id="jws-label">The signed certificate (JWS):</p>
<pre tabindex="0" aria-labelledby="jws-label">${esc(file.jws)}</pre>
</main>
<footer><p>Written by send-conformance ${esc(c.suite.version)}. The certificate file is embedded in this page.</p></footer>
<script type="application/json" id="send-conformance-certificate">${scriptJson(file)}</script>
</body></html>
`;
}
