// Which suite versions still make a current certificate. A line is a major.minor: a release that adds, removes or
// changes a test raises the minor version, a patch release only fixes the suite, so every patch of a line checks the
// same behaviours. A certificate is current when it was made by the installed suite's line, or by an earlier line this
// table still accepts (a grace period after a new line is released, so vendors can re-issue from CI in their own time).

export interface AcceptedLine {
  /** major.minor, e.g. "0.1". */
  line: string;
  /** Last day (inclusive, UTC, YYYY-MM-DD) on which certificates from this line are still current. */
  acceptedUntil: string;
  /** Why it is accepted: what the newer line changed. */
  note: string;
}

/**
 * Earlier lines still accepted, newest first. Empty while 0.1 is the only line. When 0.2 is released, 0.1 goes here
 * with the day its certificates stop being current (e.g. six months on).
 */
export const ACCEPTED_EARLIER_LINES: readonly AcceptedLine[] = [];

export type Currency = { current: true; why: string } | { current: false; why: string };

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/u;

function lineOf(version: string): [number, number] | undefined {
  const m = SEMVER.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Whether a certificate made by suite `made` is current for the installed suite `installed` on day `now`. Pure. */
export function suiteCurrency(
  made: string,
  installed: string,
  now: Date,
  accepted: readonly AcceptedLine[] = ACCEPTED_EARLIER_LINES,
): Currency {
  const m = lineOf(made);
  const i = lineOf(installed);
  if (!m) return { current: false, why: `suite version "${made}" is not a semantic version` };
  if (!i) throw new Error(`the installed suite version "${installed}" is not a semantic version`);
  const [mLine, iLine] = [`${m[0]}.${m[1]}`, `${i[0]}.${i[1]}`];
  if (mLine === iLine)
    return { current: true, why: `made with send-conformance ${made}, the installed line ${iLine}.x (${installed})` };
  if (m[0] > i[0] || (m[0] === i[0] && m[1] > i[1]))
    return {
      current: false,
      why: `made with send-conformance ${made}, newer than the installed ${installed}: install send-conformance@${made} (or later) to verify it`,
    };
  const entry = accepted.find((a) => a.line === mLine);
  const today = now.toISOString().slice(0, 10);
  if (entry && today <= entry.acceptedUntil)
    return {
      current: true,
      why: `made with send-conformance ${made}; line ${mLine} is still accepted until ${entry.acceptedUntil} (${entry.note})`,
    };
  const expired = entry ? ` (accepted until ${entry.acceptedUntil})` : "";
  const earlier = accepted.map((a) => `${a.line} until ${a.acceptedUntil}`).join(", ");
  return {
    current: false,
    why:
      `made with send-conformance ${made}, line ${mLine}${expired}, which is no longer current: ` +
      `this suite (${installed}) accepts line ${iLine}${earlier ? ` and ${earlier}` : ""}; ` +
      "re-run the suite to re-issue the certificate",
  };
}
