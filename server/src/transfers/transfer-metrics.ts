// Oversight figures for local authorities: how many transfers ended how, and how long they took to be received and
// taken into use, overall, per sending setting and per responsible LA. A pure aggregation over projections that hold
// no personal data (no child id, name or identifier reaches it), so the answer cannot carry any.
// Durations are whole seconds (decision: spec/decisions/transfers-metrics.md): easy to sort, chart and compare,
// where ISO 8601 durations (P1DT2H) would need parsing before any of that.

/** What the metrics read of one transfer record: its status, who sent it, whose child it is, and when each step was. */
export interface MetricsRow {
  status: string;
  senderSettingUrn?: string;
  senderLaCode?: string;
  responsibleLaCode?: string;
  preparedAt: string;
  sentAt?: string;
  receivedAt?: string;
  /** When the receiving setting recorded the plan as taken into use; absent until that acknowledgement exists. */
  integratedAt?: string;
}

export interface DurationSummary {
  /** How many transfers the figure is over. */
  count: number;
  /** Median and 90th percentile in whole seconds (nearest rank); null when count is 0. */
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface MetricsGroup {
  count: number;
  byStatus: Record<string, number>;
  timeToReceipt: DurationSummary;
  timeToIntegration: DurationSummary;
}

export interface TransferMetrics {
  period: { from?: string; to?: string };
  total: MetricsGroup;
  bySetting: ({ settingUrn: string } & MetricsGroup)[];
  byLocalAuthority: ({ laCode: string } & MetricsGroup)[];
}

/** The period a transfer counts in is the day it was prepared; `to` is inclusive of its whole day when a date. */
export interface MetricsPeriod {
  from?: string;
  to?: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function inPeriod(at: string, p: MetricsPeriod): boolean {
  const t = Date.parse(at);
  if (p.from && t < Date.parse(DATE_ONLY.test(p.from) ? `${p.from}T00:00:00Z` : p.from)) return false;
  if (p.to) {
    const end = DATE_ONLY.test(p.to) ? Date.parse(`${p.to}T00:00:00Z`) + 86_400_000 : Date.parse(p.to) + 1;
    if (t >= end) return false;
  }
  return true;
}

/** Nearest-rank percentile of sorted values (q in (0, 1]). */
function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

function durations(rows: readonly MetricsRow[], end: (r: MetricsRow) => string | undefined): DurationSummary {
  const secs: number[] = [];
  for (const r of rows) {
    const to = end(r);
    const from = r.sentAt ?? r.preparedAt;
    if (!to) continue;
    const s = Math.round((Date.parse(to) - Date.parse(from)) / 1000);
    if (Number.isFinite(s) && s >= 0) secs.push(s);
  }
  secs.sort((a, b) => a - b);
  return { count: secs.length, medianSeconds: percentile(secs, 0.5), p90Seconds: percentile(secs, 0.9) };
}

function group(rows: readonly MetricsRow[]): MetricsGroup {
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  return {
    count: rows.length,
    byStatus,
    timeToReceipt: durations(rows, (r) => r.receivedAt),
    timeToIntegration: durations(rows, (r) => r.integratedAt),
  };
}

function groupBy<K extends string>(rows: readonly MetricsRow[], keyOf: (r: MetricsRow) => string | undefined, name: K) {
  const groups = new Map<string, MetricsRow[]>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k === undefined) continue;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.keys()]
    .sort()
    .map((k) => ({ [name]: k, ...group(groups.get(k)!) }) as { [P in K]: string } & MetricsGroup);
}

/** The metrics of the rows prepared within `period`. Time to receipt and to integration run from when the bundle
 *  was sent (or prepared, if it never was). */
export function transferMetrics(rows: readonly MetricsRow[], period: MetricsPeriod = {}): TransferMetrics {
  const kept = rows.filter((r) => inPeriod(r.preparedAt, period));
  return {
    period: { ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) },
    total: group(kept),
    bySetting: groupBy(kept, (r) => r.senderSettingUrn, "settingUrn"),
    byLocalAuthority: groupBy(kept, (r) => r.responsibleLaCode ?? r.senderLaCode, "laCode"),
  };
}
