// The oversight aggregation of spec/decisions/transfers-metrics.md, case by case.
import { describe, expect, it } from "vitest";
import { transferMetrics, type MetricsRow } from "./transfer-metrics.ts";

const T0 = "2030-07-01T09:00:00.000Z";
const plus = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const row = (over: Partial<MetricsRow>): MetricsRow => ({
  status: "accepted",
  senderSettingUrn: "152984",
  responsibleLaCode: "873",
  preparedAt: T0,
  sentAt: T0,
  ...over,
});

const CASES: {
  name: string;
  rows: MetricsRow[];
  period?: { from?: string; to?: string };
  total: {
    count: number;
    byStatus: Record<string, number>;
    receipt: [number, number | null, number | null];
    integration?: [number, number | null, number | null];
  };
  settings?: string[];
  las?: string[];
}[] = [
  { name: "nothing to count", rows: [], total: { count: 0, byStatus: {}, receipt: [0, null, null] } },
  {
    name: "one received transfer",
    rows: [row({ receivedAt: plus(60) })],
    total: { count: 1, byStatus: { accepted: 1 }, receipt: [1, 60, 60] },
  },
  {
    name: "median and p90 by nearest rank over ten",
    rows: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((s) => row({ receivedAt: plus(s) })),
    total: { count: 10, byStatus: { accepted: 10 }, receipt: [10, 50, 90] },
  },
  {
    name: "statuses counted; unreceived transfers have no receipt time",
    rows: [
      row({ status: "sent" }),
      row({ status: "rejected", receivedAt: plus(5) }),
      row({ status: "claimed", receivedAt: plus(7) }),
    ],
    total: { count: 3, byStatus: { sent: 1, rejected: 1, claimed: 1 }, receipt: [2, 5, 7] },
  },
  {
    name: "time runs from preparation when never sent",
    rows: [row({ sentAt: undefined, receivedAt: plus(30) })],
    total: { count: 1, byStatus: { accepted: 1 }, receipt: [1, 30, 30] },
  },
  {
    name: "time to integration from integratedAt",
    rows: [row({ receivedAt: plus(10), integratedAt: plus(86_400) }), row({ receivedAt: plus(20) })],
    total: { count: 2, byStatus: { accepted: 2 }, receipt: [2, 10, 20], integration: [1, 86_400, 86_400] },
  },
  {
    name: "grouped per sending setting and per LA, in key order",
    rows: [
      row({ senderSettingUrn: "200000", responsibleLaCode: "926" }),
      row({ senderSettingUrn: "100000" }),
      row({ senderSettingUrn: undefined, senderLaCode: "873", responsibleLaCode: undefined }),
    ],
    total: { count: 3, byStatus: { accepted: 3 }, receipt: [0, null, null] },
    settings: ["100000", "200000"],
    las: ["873", "926"],
  },
  {
    name: "period by the day prepared; `to` a date includes its day",
    rows: [
      row({ preparedAt: "2030-06-30T23:59:59Z" }),
      row({ preparedAt: "2030-07-01T00:00:00Z" }),
      row({ preparedAt: "2030-07-31T23:59:59Z" }),
      row({ preparedAt: "2030-08-01T00:00:00Z" }),
    ],
    period: { from: "2030-07-01", to: "2030-07-31" },
    total: { count: 2, byStatus: { accepted: 2 }, receipt: [0, null, null] },
  },
  {
    name: "period with instants",
    rows: [row({ preparedAt: "2030-07-01T10:00:00Z" }), row({ preparedAt: "2030-07-01T12:00:00Z" })],
    period: { from: "2030-07-01T11:00:00Z" },
    total: { count: 1, byStatus: { accepted: 1 }, receipt: [0, null, null] },
  },
];

describe("transferMetrics", () => {
  for (const c of CASES)
    it(c.name, () => {
      const m = transferMetrics(c.rows, c.period);
      expect(m.total.count).toBe(c.total.count);
      expect(m.total.byStatus).toEqual(c.total.byStatus);
      const [count, median, p90] = c.total.receipt;
      expect(m.total.timeToReceipt).toEqual({ count, medianSeconds: median, p90Seconds: p90 });
      const [ic, im, ip] = c.total.integration ?? [0, null, null];
      expect(m.total.timeToIntegration).toEqual({ count: ic, medianSeconds: im, p90Seconds: ip });
      if (c.settings) expect(m.bySetting.map((s) => s.settingUrn)).toEqual(c.settings);
      if (c.las) expect(m.byLocalAuthority.map((s) => s.laCode)).toEqual(c.las);
      // Groups add up to the total.
      expect(m.byLocalAuthority.reduce((n, g) => n + g.count, 0)).toBe(m.total.count);
    });
});
