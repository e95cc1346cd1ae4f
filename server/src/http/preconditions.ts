// If-Match / If-None-Match comparison (RFC 9110 §13.1). Strong comparison for If-Match, weak for If-None-Match.

function listOf(header: string): string[] {
  return header
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

const opaque = (tag: string) => (tag.startsWith("W/") ? tag.slice(2) : tag);

export function ifMatchSatisfied(header: string, currentEtag: string): boolean {
  return listOf(header).some((t) => t === "*" || (!t.startsWith("W/") && t === currentEtag));
}

export function ifNoneMatchHits(header: string | undefined, currentEtag: string): boolean {
  if (!header) return false;
  return listOf(header).some((t) => t === "*" || opaque(t) === opaque(currentEtag));
}
