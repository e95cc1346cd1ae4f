// The operations under attack, from spec/routes.ts (never a hand-written list), and what each tenant owns that an
// operation's path can point at. Visibility follows the tenancy rules documented in spec/roles.ts, written out again
// here on purpose: the oracle must not share the server's code it is checking.
import { ROUTES, type RouteSpec } from "../../../../spec/routes.ts";
import { roleHasScope } from "../../../../spec/roles.ts";
import type { Store, TenantScope } from "../../storage/store.ts";
import { DOC_KINDS, TENANTS, type Caller, type DocKind, type TenantName, type World } from "./world.ts";

export const OPERATIONS: readonly RouteSpec[] = ROUTES;
export const opName = (r: RouteSpec): string => `${r.method.toUpperCase()} ${r.path}`;
export const hasPathId = (r: RouteSpec): boolean => /\{(id|childId|urn)\}/.test(r.path);
export const needsJsonBody = (r: RouteSpec): boolean =>
  r.requestBody !== undefined && (r.requestBody.contentType ?? "application/json") === "application/json";
/** May the caller call the operation: it holds the scope (spec/roles.ts); and for the unclaimed queue, which the
 *  route describes as the local authority's, its token names a local authority (`la_code`). */
export const mayCall = (c: Caller, r: RouteSpec): boolean =>
  r.scope === undefined ||
  (c.role !== undefined &&
    roleHasScope(c.role, r.scope) &&
    (r.operationId !== "listUnclaimedTransfers" || c.claims?.la_code !== undefined));

/** Personal records whose path ids must never reach another tenant. */
export const PERSONAL_RESOURCES = new Set(["child", "isp", "ehcp", "legacy-ehcp", "development-profile", "transfer"]);

/** Group of a stored tenant scope: which of the two tenants it belongs to (setting or LA), if either. */
export function groupOf(t: TenantScope): TenantName | undefined {
  for (const n of ["A", "B"] as const)
    if (t.settingUrn === TENANTS[n].settingUrn || t.laCode === TENANTS[n].laCode) return n;
  return undefined;
}

/** spec/roles.ts tenancy rules, applied to a record's stored tenant and child. */
export function visibleTo(c: Caller, tenant: TenantScope, childId: string | undefined): boolean {
  const claims = c.claims;
  if (!claims) return false;
  switch (c.tenancy) {
    case "all":
      return true;
    case "own-setting":
      return claims.setting_urn !== undefined && tenant.settingUrn === claims.setting_urn;
    case "own-la":
      return claims.la_code !== undefined && tenant.laCode === claims.la_code;
    case "own-children":
      return childId !== undefined && c.childIds.includes(childId);
    case "tenant":
      return (
        (claims.setting_urn !== undefined && tenant.settingUrn === claims.setting_urn) ||
        (claims.la_code !== undefined && tenant.laCode === claims.la_code)
      );
    default:
      return false;
  }
}

/** A concrete target for a path: the path ids and the stored record (tenant, child) it names. */
export interface Target {
  path: string;
  tenant: TenantScope;
  childId?: string;
  owner: TenantName;
}

/** Stored tenants of the seeded records, read from the store once after seeding. */
export type TenantIndex = Map<string, TenantScope>;

export async function indexTenants(store: Store, world: World): Promise<TenantIndex> {
  const idx: TenantIndex = new Map();
  for (const t of ["A", "B"] as const) {
    for (const { child, docs } of world.tenants[t].children) {
      const c = await store.get("child", child.id);
      if (c) idx.set(`child:${child.id}`, c.tenant);
      for (const k of DOC_KINDS) {
        const d = await store.get(k, docs[k]);
        if (d) idx.set(`${k}:${docs[k]}`, d.tenant);
      }
    }
  }
  return idx;
}

/** Fills a route's path for a record of tenant `owner` (its first or second child). Undefined: nothing to point at. */
export function targetFor(
  route: RouteSpec,
  world: World,
  idx: TenantIndex,
  owner: TenantName,
  which = 0,
): Target | undefined {
  const tw = world.tenants[owner];
  const seeded = tw.children[which]!;
  const childId = seeded.child.id;
  let key: string;
  let id: string;
  switch (route.resource) {
    case "child":
      key = `child:${childId}`;
      id = childId;
      break;
    case "transfer":
      // Cross-LA requests are audited as transfers but have ids of their own, which the attack world never makes.
      if (!tw.transferId || route.path.startsWith("/cross-la/")) return undefined;
      return {
        path: fill(route, { id: tw.transferId, childId }),
        tenant: idx.get(`child:${tw.children[1]!.child.id}`) ?? {},
        childId: tw.children[1]!.child.id,
        owner,
      };
    case "isp":
    case "ehcp":
    case "legacy-ehcp":
    case "development-profile":
      id = seeded.docs[route.resource as DocKind];
      key = `${route.resource}:${id}`;
      break;
    default:
      return undefined;
  }
  // Governance sample and lists have no path id; getPlanSample is resource "isp" but has no {id}.
  if (!hasPathId(route)) return undefined;
  return { path: fill(route, { id, childId }), tenant: idx.get(key) ?? {}, childId, owner };
}

export function fill(route: RouteSpec, v: { id?: string; childId?: string; urn?: string; version?: string }): string {
  return route.path
    .replace("{id}", v.id ?? "")
    .replace("{childId}", v.childId ?? v.id ?? "")
    .replace("{urn}", v.urn ?? "")
    .replace("{version}", v.version ?? "1");
}
