// GET /transfers/metrics: oversight figures for a local authority officer over the transfers of the children their
// authority is responsible for. The aggregation is transfers/transfer-metrics.ts; this reads the records, reduces
// each to a row without personal data, and audits the read.
import type { AppDeps } from "../deps.ts";
import { audit } from "../audit/audit-event.ts";
import { HttpProblem, invalidParameter } from "../http/problems.ts";
import { readQuery } from "../http/query.ts";
import { transferStore } from "../storage/transfer-store.ts";
import type { TransferRecord } from "../transfers/transfer-record.ts";
import { transferMetrics, type MetricsRow } from "../transfers/transfer-metrics.ts";
import type { Handler } from "./resource-handlers.ts";

/** One transfer as the metrics see it. `integratedAt` is the two-stage acknowledgement's "taken into use" instant,
 *  read from the record when the receiving side has recorded one. */
export function metricsRowOf(t: TransferRecord): MetricsRow {
  const integratedAt = (t as { integratedAt?: unknown }).integratedAt;
  return {
    status: t.status,
    ...(t.sender.settingUrn ? { senderSettingUrn: t.sender.settingUrn } : {}),
    ...(t.sender.laCode ? { senderLaCode: t.sender.laCode } : {}),
    ...(t.responsibleLaCode ? { responsibleLaCode: t.responsibleLaCode } : {}),
    preparedAt: t.timestamps.prepared ?? "",
    ...(t.timestamps.sent ? { sentAt: t.timestamps.sent } : {}),
    ...(t.timestamps.received ? { receivedAt: t.timestamps.received } : {}),
    ...(typeof integratedAt === "string" ? { integratedAt } : {}),
  };
}

export function transferMetricsHandler(deps: AppDeps): Handler {
  const ts = transferStore(deps.store);
  return async (c) => {
    const p = c.get("principal");
    if (!p.laCode)
      throw new HttpProblem("forbidden", "Transfer metrics are for a local authority officer (a token with la_code).");
    const q = readQuery(c, ["from", "to"]);
    if (q.from && q.to && Date.parse(q.from) > Date.parse(q.to))
      throw invalidParameter("/query/from", "from must not be after to.");
    const rows: MetricsRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await ts.searchTransfers<TransferRecord>({
        visibleTo: { laCodes: [p.laCode] },
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      rows.push(...page.items.map((v) => metricsRowOf(v.body)));
      cursor = page.nextCursor;
    } while (cursor);
    const metrics = transferMetrics(rows, { ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) });
    await audit(deps.store, c, { action: "read", kind: "transfer" });
    return c.json({ laCode: p.laCode, generatedAt: deps.clock().toISOString(), ...metrics }, 200);
  };
}
