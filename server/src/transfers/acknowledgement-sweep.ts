// The follow-up sweep, run on a timer and on demand: a transfer accepted but not integrated by its due date (school
// days after receipt, school-days.ts) is escalated for the responsible local authority (GP2GP's fallback after 8
// days); a bundle still undelivered after the configured time expires with a reason for the sender (MESH). Each is a
// new version of the transfer record (so its history keeps every step) and an audit event; nothing is deleted.
import type { Store } from "../storage/store.ts";
import { transferStore, type Provenance } from "../storage/transfer-store.ts";
import type { TransferConfig } from "./config.ts";
import { dueDate } from "./school-days.ts";
import type { TransferParts } from "./transfer-parts.ts";
import type { TransferRecord, TransferStatus } from "./transfer-record.ts";

export interface SweepDeps {
  store: Store;
  config: TransferConfig;
  parts: TransferParts;
  advance(id: string, prov: Provenance, next: (r: TransferRecord) => TransferRecord): Promise<unknown>;
}

export interface SweepResult {
  escalated: string[];
  expired: string[];
}

/** The date integration is due for a transfer received at `receivedAt`, under the server's settings. */
export const dueDateOf = (config: TransferConfig, receivedAt: string): string =>
  dueDate(new Date(receivedAt), config.escalation.schoolDays, config.escalation.nonSchoolDates);

/** Whether an accepted transfer is overdue for integration at `now` (through the replaceable part). */
export function overdue(deps: Pick<SweepDeps, "config" | "parts">, t: TransferRecord, now: Date): boolean {
  const received = t.timestamps.received ?? t.timestamps.accepted;
  if (t.status !== "accepted" || t.receiver.unknownDestination || !received) return false;
  const { schoolDays, nonSchoolDates } = deps.config.escalation;
  return deps.parts.integrationOverdue(new Date(received), now, schoolDays, nonSchoolDates);
}

async function* transfersWith(store: Store, status: TransferStatus) {
  let cursor: string | undefined;
  do {
    const page = await transferStore(store).searchTransfers<TransferRecord>({
      status,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}

const SYSTEM = (what: string) => ({ subject: `transfer-${what}`, role: "system-integration" as const, tenant: {} });

export async function sweep(deps: SweepDeps, now: Date): Promise<SweepResult> {
  const { store, config } = deps;
  const out: SweepResult = { escalated: [], expired: [] };
  const at = now.toISOString();

  for await (const v of transfersWith(store, "accepted")) {
    const t = v.body;
    if (t.escalated || !overdue(deps, t, now)) continue;
    const dueBy = dueDateOf(config, (t.timestamps.received ?? t.timestamps.accepted)!);
    const prov: Provenance = {
      actor: SYSTEM("escalation"),
      reason: (
        `Escalated to local authority ${t.responsibleLaCode ?? t.receiver.laCode ?? ""}: ` +
        `received but not integrated by ${dueBy} (${config.escalation.schoolDays} school days)`
      ).slice(0, 1000),
      correlationId: `escalation-${t.id}`,
    };
    await deps.advance(t.id, prov, (r) =>
      r.status === "accepted" && !r.escalated ? { ...r, escalated: true, escalatedAt: at, integrationDueBy: dueBy } : r,
    );
    await store.appendAudit({
      actor: prov.actor,
      action: "update",
      kind: "transfer",
      resourceId: t.id,
      childId: t.childId,
      correlationId: prov.correlationId,
      outcome: "allowed",
    });
    out.escalated.push(t.id);
  }

  for (const status of ["prepared", "sent"] as const) {
    for await (const v of transfersWith(store, status)) {
      const t = v.body;
      const started = t.timestamps.prepared ?? t.timestamps.sent;
      if (t.receiver.unknownDestination || !started) continue;
      if (now.getTime() - Date.parse(started) < config.expireUndeliveredAfterMs) continue;
      const hours = Math.round(config.expireUndeliveredAfterMs / 3_600_000);
      const message =
        `The bundle could not be delivered within ${hours} hours (${t.delivery.attempts} attempt(s)` +
        `${t.delivery.lastError ? `; last error: ${t.delivery.lastError}` : ""}). ` +
        `It was not delivered; the record of it is kept.`;
      const prov: Provenance = {
        actor: SYSTEM("expiry"),
        reason: `Expired undelivered after ${hours} hours`,
        correlationId: `expiry-${t.id}`,
      };
      await deps.advance(t.id, prov, (r) =>
        r.status === "prepared" || r.status === "sent"
          ? {
              ...r,
              status: "expired",
              reasons: [{ code: "delivery.expired", message: message.slice(0, 2000) }],
              timestamps: { ...r.timestamps, expired: at },
              delivery: { ...r.delivery, gaveUp: true },
            }
          : r,
      );
      await store.appendAudit({
        actor: prov.actor,
        action: "update",
        kind: "transfer",
        resourceId: t.id,
        childId: t.childId,
        correlationId: prov.correlationId,
        outcome: "allowed",
      });
      out.expired.push(t.id);
    }
  }
  return out;
}
