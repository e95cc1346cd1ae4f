// RFC 8288 Link header parsing: just enough to find rel="next" (the API's pagination link).

/** The target of the first link whose rel includes `rel`, resolved against `base`; undefined when there is none. */
export function linkTarget(header: string | null | undefined, rel: string, base: string): string | undefined {
  if (!header) return undefined;
  // Links are separated by commas outside <…>; targets never contain '>' so a regex per link is enough.
  const re = /<([^>]*)>\s*((?:;\s*[^;,]*)*)/g;
  for (const m of header.matchAll(re)) {
    const params = m[2] ?? "";
    const relMatch = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const rels = (relMatch?.[1] ?? relMatch?.[2] ?? "").toLowerCase().split(/\s+/);
    if (rels.includes(rel.toLowerCase())) return new URL(m[1] ?? "", base).toString();
  }
  return undefined;
}
