// The world an attack run plays in: two tenants (a setting in each of two local authorities), each with children,
// plans, profiles and an unclaimed transfer, and a caller for every role of spec/roles.ts in each tenant. Every
// personal fact a record carries (ids, UPN, NHS number, a unique name) is registered as a secret of its owner, so the
// oracle can tell when one tenant's caller is shown another's. Ids are derived from the run's seed (reproducible).
import { createHash } from "node:crypto";
import { ROLES, type RoleId, type Tenancy } from "../../../../spec/roles.ts";
import { nhsNumberCheckDigit } from "../../../../sdk/src/identifiers/nhs-number.ts";
import { upnCheckLetter } from "../../../../sdk/src/identifiers/upn.ts";
import type { DevClaims } from "../../auth/dev-signer.ts";
import { TENANT_A, TENANT_B, settingEntry, workedExample, type Tenant } from "../fixtures.ts";

type Json = Record<string, unknown>;
export type TenantName = "A" | "B";
export const TENANT_NAMES: readonly TenantName[] = ["A", "B"];
export const TENANTS: Record<TenantName, Tenant> = { A: TENANT_A, B: TENANT_B };
export const other = (t: TenantName): TenantName => (t === "A" ? "B" : "A");

/** Deterministic ids, numbers and names from the run's seed: the same seed builds the same world and requests. */
export class Ids {
  private n = 0;
  constructor(private readonly seed: number) {}
  private hex(label: string): string {
    return createHash("sha256")
      .update(`${this.seed}:${label}:${++this.n}`)
      .digest("hex");
  }
  uuid(label = "id"): string {
    const h = this.hex(label);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[parseInt(h[16]!, 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
  /** A name no other record carries, so finding it in a response proves whose record was shown. */
  marker(label = "name"): string {
    return `Atk${this.hex(label).slice(0, 10)}`;
  }
  digits(label: string, n: number): string {
    return BigInt(`0x${this.hex(label)}`)
      .toString()
      .slice(-n)
      .padStart(n, "7");
  }
  nhsNumber(): string {
    for (;;) {
      const first9 = `4${this.digits("nhs", 8)}`;
      const check = nhsNumberCheckDigit(first9);
      if (check !== undefined) return `${first9}${check}`;
    }
  }
  upn(t: Tenant): string {
    const body = `${t.laestab}${this.digits("upn", 5)}`;
    return `${upnCheckLetter(body)}${body}`;
  }
  urn(): string {
    return `5${this.digits("urn", 5)}`;
  }
}

export interface ChildData {
  tenant: TenantName;
  id: string;
  upn: string;
  nhsNumber: string;
  given: string;
  family: string;
}

/** Who owns a secret: a tenant, and for a child's facts the child (a parent sees only their own children's). */
export interface SecretOwner {
  tenant: TenantName;
  childId?: string;
}

export interface Caller {
  key: string; // e.g. "A:setting-staff"
  tenant?: TenantName; // undefined: anonymous or a national role
  role?: RoleId;
  tenancy?: Tenancy;
  claims?: DevClaims;
  token?: string;
  childIds: string[];
}

/** Index of every registered secret by its lower-cased token (uuid, UPN, NHS number, name marker). */
export class Secrets {
  readonly owners = new Map<string, SecretOwner>();
  add(value: string, owner: SecretOwner): void {
    this.owners.set(value.toLowerCase(), owner);
  }
  addChild(c: ChildData): void {
    const owner = { tenant: c.tenant, childId: c.id };
    for (const v of [c.id, c.upn, c.nhsNumber, c.given, c.family]) this.add(v, owner);
  }
}

/** The id a create filed the record under: the Location's last segment (a server may assign its own ids). */
export function createdId(res: { status: number; headers: Record<string, string> }, proposed: string): string {
  const loc = res.status === 201 ? res.headers.location : undefined;
  return loc ? decodeURIComponent(loc.split("/").pop()!) : proposed;
}

/** After a child's create: follow the id the server chose, and register it as the same child's secret. */
export function adoptChildId(
  c: ChildData,
  res: { status: number; headers: Record<string, string> },
  secrets: Secrets,
): void {
  const id = createdId(res, c.id);
  if (id === c.id) return;
  c.id = id;
  secrets.add(id, { tenant: c.tenant, childId: id });
  for (const v of [c.upn, c.nhsNumber, c.given, c.family]) secrets.add(v, { tenant: c.tenant, childId: id });
}

export function newChildData(ids: Ids, tenant: TenantName): ChildData {
  return {
    tenant,
    id: ids.uuid("child"),
    upn: ids.upn(TENANTS[tenant]),
    nhsNumber: ids.nhsNumber(),
    given: ids.marker("given"),
    family: ids.marker("family"),
  };
}

/** The child as documents embed it: the worked example's child with this child's identity. */
export function childPart(c: ChildData): Json {
  const base = structuredClone(workedExample("isp-nursery-targeted-slc.json").child) as Json;
  return {
    ...base,
    personId: c.id,
    identifiers: { upn: c.upn, nhsNumber: c.nhsNumber },
    legalName: { given: c.given, family: c.family },
    preferredName: c.given,
    contacts: [],
  };
}

export function childBody(c: ChildData, id = c.id): Json {
  const t = TENANTS[c.tenant];
  return { id, child: childPart(c), settingUrn: t.settingUrn, laCode: t.laCode };
}

const LA_NAMES: Record<string, string> = { [TENANT_A.laCode]: "Cambridgeshire", [TENANT_B.laCode]: "Norfolk" };

/** A valid document of `kind` for child `c`, filed in c's tenant, with id `id`. */
export function documentBody(kind: DocKind, c: ChildData, id: string): Json {
  const t = TENANTS[c.tenant];
  const file = {
    isp: "isp-nursery-targeted-slc.json",
    ehcp: "ehcp-specialist-base.json",
    "legacy-ehcp": "legacy-ehcp-year6-transition-2029.json",
    "development-profile": "development-profile-year6-legacy-classification.json",
  }[kind];
  const doc = workedExample(file);
  doc.id = id;
  doc.child = {
    ...(doc.child as Json),
    personId: c.id,
    identifiers: { upn: c.upn, nhsNumber: c.nhsNumber },
    legalName: { given: c.given, family: c.family },
  };
  if (kind === "isp" || kind === "development-profile") doc.owner = { ...(doc.owner as Json), ...settingEntry(t) };
  if (kind === "ehcp" || kind === "legacy-ehcp") doc.owner = { laCode: t.laCode, name: LA_NAMES[t.laCode] };
  const placement = doc.namedPlacement as Json | undefined;
  if (kind === "ehcp" && placement?.setting)
    placement.setting = {
      ...(placement.setting as Json),
      ...settingEntry(t),
      settingType: (placement.setting as Json).settingType,
    };
  return doc;
}

export type DocKind = "isp" | "ehcp" | "legacy-ehcp" | "development-profile";
export const DOC_KINDS: readonly DocKind[] = ["isp", "ehcp", "legacy-ehcp", "development-profile"];
export const DOC_PATHS: Record<DocKind, string> = {
  isp: "/isps",
  ehcp: "/ehcps",
  "legacy-ehcp": "/legacy-ehcps",
  "development-profile": "/development-profiles",
};
/** Which role of a tenant writes each kind (setting staff: ISP and profile; LA officer: EHCPs). */
export const WRITER: Record<DocKind, RoleId> = {
  isp: "setting-staff",
  "development-profile": "setting-staff",
  ehcp: "la-officer",
  "legacy-ehcp": "la-officer",
};

export function voiceBody(ids: Ids, authorRole = "parent-carer"): Json {
  return {
    statement: {
      id: `voice-${ids.marker("voice")}`,
      authorRole,
      captureMethod: "own-words-written",
      capturedOn: "2030-02-01",
      consentToShare: true,
      text: "Happier since the visual timetable started.",
    },
  };
}

export interface SeededChild {
  child: ChildData;
  docs: Record<DocKind, string>; // kind → document id
}

export interface TenantWorld {
  name: TenantName;
  tenant: Tenant;
  children: SeededChild[];
  /** An unclaimed (unknown-destination) transfer of children[1], id. */
  transferId?: string;
  /** A cursor this tenant's staff got from a list of its own ISPs (replayed by the other tenant). */
  ispCursor?: string;
  childCursor?: string;
}

export interface World {
  seed: number;
  ids: Ids;
  secrets: Secrets;
  tenants: Record<TenantName, TenantWorld>;
  /** Callers of every role in each tenant, plus national roles and anonymous. */
  callers: Caller[];
  caller(key: string): Caller;
  sppId: string;
  /** Sign a fresh token (e.g. a parent of a child created during the run). */
  sign(claims: DevClaims): Promise<string>;
  /** Subjects of each tenant's callers: a version written by anyone else into a tenant's record is a change. */
  subjectsOf: Record<TenantName, Set<string>>;
  /** Ids (lower case) under which each tenant's callers created a record during the run (from Location). */
  createdBy: Record<TenantName, Set<string>>;
}

export function claimsFor(role: RoleId, t: TenantName, childIds: string[], variant = ""): DevClaims {
  const tenant = TENANTS[t];
  const sub = `${role}${variant}-${t}`;
  switch (role) {
    case "setting-staff":
    case "governor":
      return { sub, send_role: role, setting_urn: tenant.settingUrn };
    case "system-integration":
      return variant === "-la"
        ? { sub, send_role: role, la_code: tenant.laCode, client_id: "mis-la" }
        : { sub, send_role: role, setting_urn: tenant.settingUrn, client_id: "mis" };
    case "parent-carer":
    case "young-person":
      return { sub, send_role: role, child_ids: childIds };
    case "la-officer":
    case "health-commissioner":
      return { sub, send_role: role, la_code: tenant.laCode };
    case "dfe-publisher":
    case "auditor":
      return { sub: role, send_role: role };
  }
}

/** Builds callers for every role: per tenant for tenant-scoped roles, once for national ones, plus anonymous. */
export async function buildCallers(
  sign: (c: DevClaims) => Promise<string>,
  parentChildren: Record<TenantName, string[]>,
): Promise<Caller[]> {
  const callers: Caller[] = [{ key: "anonymous", childIds: [] }];
  for (const r of ROLES) {
    if (r.tenancy === "all") {
      const claims = claimsFor(r.id, "A", []);
      callers.push({ key: r.id, role: r.id, tenancy: r.tenancy, claims, token: await sign(claims), childIds: [] });
      continue;
    }
    for (const t of TENANT_NAMES) {
      const variants = r.id === "system-integration" ? ["", "-la"] : [""];
      for (const v of variants) {
        const childIds = r.tenancy === "own-children" ? parentChildren[t] : [];
        const claims = claimsFor(r.id, t, childIds, v);
        callers.push({
          key: `${t}:${r.id}${v}`,
          tenant: t,
          role: r.id,
          tenancy: r.tenancy,
          claims,
          token: await sign(claims),
          childIds,
        });
      }
    }
  }
  return callers;
}
