// The receiver's tenancy on the import path. Pure. An import may read and write only the records of the setting (or
// local authority) the bundle is addressed to: that is where children are matched and documents matched by id. A
// record outside it is never changed, moved or revealed by an import (issue 11, point 1).
import type { Principal } from "../auth/principal.ts";
import type { SearchQuery, TenantScope } from "../storage/store.ts";

/** Who a verified bundle is being imported for: a hosted setting (with its LA), or a local authority. */
export interface ImportReceiver {
  settingUrn?: string;
  laCode: string;
}

/** The search restriction that keeps child matching inside the receiver's records. */
export function receiverVisibility(r: ImportReceiver): NonNullable<SearchQuery["visibleTo"]> {
  return r.settingUrn ? { settingUrns: [r.settingUrn] } : { laCodes: [r.laCode] };
}

/** Is a stored record one of the receiver's own (what its staff could see)? */
export function withinReceiver(tenant: TenantScope, r: ImportReceiver): boolean {
  return r.settingUrn ? tenant.settingUrn === r.settingUrn : tenant.laCode === r.laCode;
}

/** Stable key of a receiver: the review queue is filed under it. */
export const receiverKey = (r: ImportReceiver): string => (r.settingUrn ? `urn:${r.settingUrn}` : `la:${r.laCode}`);

/** The tenancy of a held import: exactly the receiving setting (or LA), so nobody else's staff can read it. */
export const receiverOnlyTenant = (r: ImportReceiver): TenantScope =>
  r.settingUrn ? { settingUrn: r.settingUrn } : { laCode: r.laCode };

/** The tenancy new records of an import are filed under. */
export const receiverTenant = (r: ImportReceiver): TenantScope => ({
  laCode: r.laCode,
  ...(r.settingUrn ? { settingUrn: r.settingUrn } : {}),
});

/**
 * The review queue a caller works: a setting's staff (or a system acting for the setting) review bundles sent to
 * that setting; a local authority's officer (or a system acting for the LA) reviews bundles the LA received.
 */
export function reviewQueueOf(p: Principal): ImportReceiver | undefined {
  if ((p.role === "setting-staff" || p.role === "system-integration") && p.settingUrn)
    return { settingUrn: p.settingUrn, laCode: p.laCode ?? "" };
  if ((p.role === "la-officer" || p.role === "system-integration") && p.laCode) return { laCode: p.laCode };
  return undefined;
}

/** May the caller decide a held import for this receiver? */
export function mayReview(p: Principal, r: ImportReceiver): boolean {
  const q = reviewQueueOf(p);
  return q !== undefined && receiverKey(q) === receiverKey(r);
}

/** Whether a bundle's sender is its receiver (same setting, or the same local authority sending as itself). */
export function selfAddressed(
  sender: { settingUrn?: string; laCode?: string },
  receiver: { settingUrn?: string; laCode?: string },
): boolean {
  if (sender.settingUrn || receiver.settingUrn)
    return sender.settingUrn !== undefined && sender.settingUrn === receiver.settingUrn;
  return sender.laCode !== undefined && sender.laCode === receiver.laCode;
}
