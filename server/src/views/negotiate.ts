// HTML or PDF: `format` wins when given; otherwise the Accept header's preference between text/html and
// application/pdf (RFC 9110 §12.5.1 quality values; ties and anything else go to HTML, the representation every
// server has).
export function wantsPdf(format: string | undefined, accept: string | undefined): boolean {
  if (format === "pdf") return true;
  if (format === "html") return false;
  let html = 0;
  let pdf = 0;
  for (const part of (accept ?? "").split(",")) {
    const [type, ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    if (type === "application/pdf") pdf = Math.max(pdf, q);
    if (type === "text/html" || type === "text/*" || type === "*/*") html = Math.max(html, q);
  }
  return pdf > 0 && pdf > html;
}

/** Whether the Accept header names text/html explicitly and ranks it above application/json (a browser, not curl). */
export function prefersHtml(accept: string | undefined): boolean {
  let html = 0;
  let json = 0;
  for (const part of (accept ?? "").split(",")) {
    const [type, ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    if (type === "text/html") html = Math.max(html, q);
    if (type === "application/json") json = Math.max(json, q);
  }
  return html > 0 && html > json;
}
