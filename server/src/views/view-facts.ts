// The facts a family view shows besides the plan: who has read it in the last year (from the audit log, as the
// organisation and role that acted, never an account) and where transfers of the child's records stand.
import { getCode } from "../../../sdk/src/vocab/index.ts";
import type { AccessLogFact, TransferFact } from "../../../sdk/src/views/index.ts";
import type { Principal } from "../auth/principal.ts";
import { visibleTo } from "../access/tenancy.ts";
import type { AuditRecord, Store } from "../storage/store.ts";
import { IMPORT_KIND, transferStore } from "../storage/transfer-store.ts";
import type { ImportRecord, TransferRecord } from "../transfers/transfer-record.ts";

const PURPOSE: Partial<Record<AuditRecord["action"], string>> = {
  read: "looked at the plan",
  "list-versions": "looked at earlier versions of the plan",
  search: "found the plan in a search",
  create: "wrote the plan",
  update: "changed the plan",
  export: "sent the plan on",
};

/** At most this many audit records are read for one page (ten pages of the store's largest). */
const MAX_RECORDS = 1000;

export async function accessFacts(store: Store, planId: string, today: Date): Promise<AccessLogFact[]> {
  const since = new Date(today.getTime() - 366 * 24 * 3600 * 1000).toISOString();
  const records: AuditRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.queryAudit({ resourceId: planId, since, limit: 100, ...(cursor ? { cursor } : {}) });
    records.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && records.length < MAX_RECORDS);
  const names = new Map<string, string | undefined>();
  const settingName = async (urn: string) => {
    if (!names.has(urn)) {
      const s = await store.get("setting", urn);
      const name = (s?.body as { name?: unknown } | undefined)?.name;
      names.set(urn, typeof name === "string" ? name : undefined);
    }
    return names.get(urn);
  };
  const out: AccessLogFact[] = [];
  for (const r of records) {
    const action = PURPOSE[r.action];
    if (r.outcome !== "allowed" || !action || !r.at) continue;
    // The reader's stated reason, in the family's words ("looked at the plan, for a review meeting").
    const why =
      r.purpose && r.purpose !== "not-stated"
        ? (getCode("access-purposes", r.purpose) as { familyLabel?: string } | undefined)?.familyLabel
        : undefined;
    const purpose = why ? `${action}, ${why}` : action;
    const t = r.actor.tenant;
    const la = t.laCode ? (getCode("la-codes", t.laCode) as { label?: string } | undefined)?.label : undefined;
    const organisation =
      (t.settingUrn ? await settingName(t.settingUrn) : undefined) ?? (la ? `${la} council` : undefined);
    out.push({ at: r.at, role: r.actor.role, purpose, ...(organisation ? { organisation } : {}) });
  }
  return out;
}

export async function transferFacts(store: Store, p: Principal, childId: string | undefined): Promise<TransferFact[]> {
  if (!childId) return [];
  const sent = await transferStore(store).searchTransfers<TransferRecord>({
    childId,
    visibleTo: visibleTo(p),
    limit: 20,
  });
  // As on GET /children/{childId}/transfers: the child is visible to the caller, so are the bundles filed under them.
  const received = await store.search<ImportRecord>({ kind: IMPORT_KIND, childId, limit: 20 });
  return [
    ...sent.items.map((v): TransferFact => {
      const r = v.body;
      return {
        direction: "outgoing",
        status: r.status,
        ...(r.receiver.name ? { otherParty: r.receiver.name } : {}),
        ...(r.timestamps[r.status] ? { at: r.timestamps[r.status] } : {}),
      };
    }),
    ...received.items.map((v): TransferFact => {
      const bundle = v.body.bundle as { manifest?: { sender?: { setting?: { name?: string } } } } | undefined;
      const from = bundle?.manifest?.sender?.setting?.name;
      return {
        direction: "incoming",
        status: v.body.decision,
        at: v.body.receivedAt,
        ...(from ? { otherParty: from } : {}),
      };
    }),
  ];
}
