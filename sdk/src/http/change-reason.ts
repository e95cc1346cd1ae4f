// The Change-Reason request header: why a record changed, recorded in the new version's provenance. Header values
// must be ISO-8859-1, so the API takes UTF-8 percent-encoded (RFC 3986) wherever the reason is not plain ASCII.
// One reading for the reference server and the msw mock (and one encoding for the client), so a reason written in
// Welsh or with an apostrophe from a word processor is stored as the person wrote it.
import type { RefuseParameter } from "./strict-query.ts";

export const MAX_CHANGE_REASON = 500;
const POINTER = "/header/Change-Reason";
/** C0 controls but tab, LF and CR; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** What a client sends: printable ASCII without "%" as it is, anything else percent-encoded. */
export function encodeChangeReason(reason: string): string {
  return /^[\x20-\x24\x26-\x7e]*$/.test(reason) ? reason : encodeURIComponent(reason);
}

/** Decodes percent-encoding; text that is not valid percent-encoding (e.g. "50% fewer") is taken as written. */
export function decodeChangeReason(raw: string): string {
  if (!raw.includes("%")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The reason from a raw header value (undefined/null when absent): trimmed and decoded, 1 to 500 characters after
 * decoding. Absent or blank → `fallback`, or a refusal when `required`.
 */
export function readChangeReason(
  raw: string | null | undefined,
  required: boolean,
  fallback: string,
  refuse: RefuseParameter,
): string {
  const reason = raw === null || raw === undefined ? "" : decodeChangeReason(raw.trim()).trim();
  if (reason === "") {
    if (required) throw refuse(POINTER, "Updates need a Change-Reason header saying why the record changed.");
    return fallback;
  }
  if (reason.length > MAX_CHANGE_REASON)
    throw refuse(POINTER, `Change-Reason is at most ${MAX_CHANGE_REASON} characters.`);
  // Percent-encoding can carry what a header cannot: NUL (which PostgreSQL refuses to store) and other controls.
  if (CONTROL.test(reason))
    throw refuse(POINTER, "Change-Reason may not contain control characters other than tabs and line breaks.");
  return reason;
}
