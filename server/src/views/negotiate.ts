// HTML or PDF: `format` wins when given; otherwise the Accept header's preference between text/html and
// application/pdf (RFC 9110 §12.5.1: quality values, `type/*` and `*/*` ranges, the most specific range deciding a
// type's quality; ties go to HTML, the representation every server has). No Accept header means anything. When the
// header rules out both (e.g. `Accept: application/json`), there is nothing to send: the caller answers 406.
export type ViewFormat = "html" | "pdf";

const MEDIA: Record<ViewFormat, string> = { html: "text/html", pdf: "application/pdf" };

/** Quality the Accept header gives `mediaType` (0 = not acceptable), from its most specific matching range. */
function qualityOf(ranges: readonly { type: string; q: number }[], mediaType: string): number {
  const [major] = mediaType.split("/");
  const exact = ranges.filter((r) => r.type === mediaType);
  const group = ranges.filter((r) => r.type === `${major}/*`);
  const any = ranges.filter((r) => r.type === "*/*");
  const best = exact.length > 0 ? exact : group.length > 0 ? group : any;
  return best.length === 0 ? 0 : Math.max(...best.map((r) => r.q));
}

function parseAccept(accept: string): { type: string; q: number }[] {
  const out: { type: string; q: number }[] = [];
  for (const part of accept.split(",")) {
    const [type, ...params] = part.trim().toLowerCase().split(";");
    if (!type) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q < 0 || q > 1) continue;
    out.push({ type: type.trim(), q });
  }
  return out;
}

/** The view format to send, or undefined when the Accept header accepts neither (406). */
export function viewFormat(format: string | undefined, accept: string | undefined): ViewFormat | undefined {
  if (format === "pdf" || format === "html") return format;
  if (accept === undefined || accept.trim() === "") return "html";
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return "html"; // an Accept header with nothing parseable is treated as absent
  const html = qualityOf(ranges, MEDIA.html);
  const pdf = qualityOf(ranges, MEDIA.pdf);
  if (html === 0 && pdf === 0) return undefined;
  return pdf > html ? "pdf" : "html";
}

/** The media types a view can be sent as, for a 406's detail. */
export const VIEW_MEDIA_TYPES: readonly string[] = Object.values(MEDIA);

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
