// One recorded HTTP exchange, as the reports show it. Bearer tokens are redacted: reports are meant to be shared
// (the OpenID suite's published logs leaked credentials; ours never carry them).

export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status?: number;
  responseHeaders?: Record<string, string>;
  responseBody?: string;
  durationMs: number;
  /** Network-level failure (connection refused, timeout). */
  error?: string;
}

export const MAX_RECORDED_BODY = 8_000;

export function truncateBody(text: string): string {
  return text.length > MAX_RECORDED_BODY
    ? `${text.slice(0, MAX_RECORDED_BODY)}… [${text.length - MAX_RECORDED_BODY} more characters]`
    : text;
}

/** Replaces a bearer credential with its scheme and a short fingerprint, so exchanges can be shared. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] =
      k.toLowerCase() === "authorization"
        ? v.replace(/^(\S+)\s+(.+)$/, (_m, scheme: string, cred: string) => `${scheme} [redacted …${cred.slice(-6)}]`)
        : v;
  }
  return out;
}
