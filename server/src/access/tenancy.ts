// Which records a caller may see, from the role's tenancy rule in spec/roles.ts. Pure. A record outside the caller's
// tenancy is answered exactly like a missing one (404), so these functions only ever say yes or no.
import { role, type Tenancy } from "../../../spec/roles.ts";
import type { Principal } from "../auth/principal.ts";
import type { SearchQuery, TenantScope } from "../storage/store.ts";

export interface RecordScope {
  tenant: TenantScope;
  childId?: string;
}

export function tenancyOf(p: Principal): Tenancy {
  return role(p.role).tenancy;
}

/** May the caller see this record at all (before any projection)? */
export function canSee(p: Principal, record: RecordScope): boolean {
  switch (tenancyOf(p)) {
    case "all":
      return true;
    case "own-setting":
      return p.settingUrn !== undefined && record.tenant.settingUrn === p.settingUrn;
    case "own-la":
      return p.laCode !== undefined && record.tenant.laCode === p.laCode;
    case "own-children":
      return record.childId !== undefined && p.childIds.includes(record.childId);
    case "tenant":
      return (
        (p.settingUrn !== undefined && record.tenant.settingUrn === p.settingUrn) ||
        (p.laCode !== undefined && record.tenant.laCode === p.laCode)
      );
    case "sample":
      return false; // governors only ever receive the redacted sample
  }
}

/** May the caller file (create or move) a record under this tenant? Same rule as seeing it: no writing into others. */
export function canFileUnder(p: Principal, record: RecordScope): boolean {
  return canSee(p, record);
}

/** The tenancy restriction for a search, ANDed with the caller's filters by the store. */
export function visibleTo(p: Principal): NonNullable<SearchQuery["visibleTo"]> {
  switch (tenancyOf(p)) {
    case "all":
      return { all: true };
    case "own-setting":
      return { settingUrns: p.settingUrn ? [p.settingUrn] : [] };
    case "own-la":
      return { laCodes: p.laCode ? [p.laCode] : [] };
    case "own-children":
      return { childIds: [...p.childIds] };
    case "tenant":
      return { settingUrns: p.settingUrn ? [p.settingUrn] : [], laCodes: p.laCode ? [p.laCode] : [] };
    case "sample":
      return { settingUrns: [], laCodes: [], childIds: [] };
  }
}
